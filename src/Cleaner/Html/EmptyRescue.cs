namespace Cleaner.Html;

/// <summary>
/// The last step for HTML: a page with an article never comes back empty. When the filters left no
/// block but the title, the blocks of some length (six words or more) that only the statistical
/// filters removed (context, zones, menu runs; not links, comments, navigation or specific chrome)
/// are kept again, with the reason.
/// </summary>
internal static class EmptyRescue
{
    private const string Name = "rescue";

    private static readonly HashSet<string> Statistical = new(StringComparer.Ordinal)
    {
        "context", "head-tail", "navigation", "tags", "masthead", "main-content",
    };

    private const BlockHints Chrome = BlockHints.Comment | BlockHints.Navigation | BlockHints.Social | BlockHints.Ad | BlockHints.Related;

    public static void Apply(Document document)
    {
        foreach (var block in document.Blocks)
        {
            if (!block.IsRemoved && block != document.TitleBlock)
            {
                return;
            }
        }

        foreach (var block in document.Blocks)
        {
            if (block.IsRemoved && block.Filter is { } filter && Statistical.Contains(filter)
                && block.LinkDensity < 0.5 && (block.Hints & Chrome) == 0
                && (block.Features.WordCount >= 6 || (block.Features.IsCjk && block.Features.CjkCount >= 15))
                && (filter != "main-content" || !document.HasMainContent))
            {
                block.Rescue(Name, $"kept although {filter} removed it: the page would be empty otherwise");
            }
        }
    }
}
