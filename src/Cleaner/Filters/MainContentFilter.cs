namespace Cleaner.Filters;

/// <summary>
/// HTML only: removes the blocks that lie outside the article the main-content extractor found
/// (menus, sidebars, footers, teasers), and keeps what is left inside it, so that the statistical
/// filters after it (navigation runs, head and tail zones, the context classifier), made for pages
/// whose body is unknown, do not cut into an article the extractor already delimited. The phrase
/// filters and the DOM hints run before it. A comment section that the article's container holds
/// is left out from the line that opens it ("Leave a Reply", "4 Responses to ...", found as
/// <see cref="CommentFilter"/> finds it, after the article's prose), unless the focus keeps comments;
/// so are the article's tag lines ("Tags: ...", "Filed under: ...", as <see cref="TagFilter"/> reads them). Does nothing for plain text, or when the extractor's
/// article was not trusted: then the later filters judge the whole page.
/// </summary>
public sealed class MainContentFilter : IBlockFilter
{
    /// <inheritdoc />
    public string Name => "main-content";

    /// <inheritdoc />
    public FilterTraits Traits => FilterTraits.HtmlOnly | FilterTraits.Protects;

    /// <inheritdoc />
    public string Description => "Removes blocks of an HTML page outside the article the extractor found, and keeps the rest of the article.";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.IsHtml || !document.HasMainContent)
        {
            return;
        }

        var reasons = document.MainContentReasons;
        var blocks = document.Blocks;
        int commentsFrom = CommentFilter.ArticleCut(document) ?? blocks.Count;
        string? comments = commentsFrom < blocks.Count ? $"comments inside the article: from \"{blocks[commentsFrom].Text}\", which opens them" : null; // one string for the section
        foreach (var block in blocks)
        {
            if (block == document.TitleBlock)
            {
                continue;
            }

            if (!block.InMainContent)
            {
                block.Remove(reasons?[block.Index] ?? "outside the main content");
            }
            else if (block.Index >= commentsFrom)
            {
                block.Remove(comments!);
            }
            else if (TagFilter.Label(document, block) is { } label)
            {
                block.Remove($"a tag line inside the article: labelled \"{label}\"");
            }
            else
            {
                block.Keep("inside the main content");
            }
        }
    }
}
