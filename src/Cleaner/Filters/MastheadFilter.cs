namespace Cleaner.Filters;

/// <summary>
/// Removes masthead and site-name lines in the head of a page: short lines in capitals ("CHINA TOPIX")
/// before the title, and lines that repeat the site name the page declares.
/// </summary>
public sealed class MastheadFilter : IBlockFilter
{
    /// <inheritdoc />
    public string Name => "masthead";

    /// <inheritdoc />
    public FilterTraits Traits => FilterTraits.Statistical;

    /// <inheritdoc />
    public string Description => "Removes site names and mastheads in the head of the page.";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        int head = Zones.BodyStart(document);
        if (document.TitleBlock is { } title)
        {
            head = Math.Min(head, title.Index);
        }

        var siteName = document.Metadata.SiteName;
        for (int i = 0; i < document.Blocks.Count; i++)
        {
            var block = document.Blocks[i];
            if (!block.IsUndecided)
            {
                continue;
            }

            if (siteName is not null && block.Span.Trim().Equals(siteName.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
            {
                block.Remove("the site's name");
            }
            else if (i < head && IsMasthead(block))
            {
                block.Remove("a short line in capitals at the head of the page, before the title");
            }
        }
    }

    private static bool IsMasthead(Block block)
    {
        var f = block.Features;
        return f.WordCount is > 0 and <= 4 && f.LetterCount >= 3 && f.UpperShare >= 0.8 && f.SentenceMarks == 0 && f.DigitCount == 0;
    }
}
