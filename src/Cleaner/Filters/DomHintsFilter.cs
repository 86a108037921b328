using Cleaner.Text;

namespace Cleaner.Filters;

/// <summary>Thresholds of the <see cref="DomHintsFilter"/>; change them with <c>with</c>.</summary>
public readonly record struct DomHintsOptions
{
    /// <summary>Creates the default thresholds.</summary>
    public DomHintsOptions()
    {
    }

    /// <summary>Link share from which a block is a list of links rather than text. Default 0.6.</summary>
    public double MaxLinkDensity { get; init; } = 0.6;

    /// <summary>The hints that remove a block. Default: social, related, newsletter, promo, ad, comment and navigation.</summary>
    public BlockHints RemovedHints { get; init; } = BlockHints.Social | BlockHints.Related | BlockHints.Newsletter | BlockHints.Promo
        | BlockHints.Ad | BlockHints.Comment | BlockHints.Navigation;

    /// <summary>Bylines with at most this many words go (the byline is in the metadata). Default 15.</summary>
    public int MaxBylineWords { get; init; } = 15;
}

/// <summary>
/// HTML only: removes blocks that the page's markup marks as chrome. A block that is mostly links
/// ("related stories" lists, tag clouds), a block inside an element whose class or id says share,
/// social, related, newsletter, promo, ad, comment or navigation, and a short byline (class
/// byline/author, or a line that repeats the metadata's author) go. The title is never touched.
/// Does nothing for plain text.
/// </summary>
public sealed class DomHintsFilter : IConfigurableFilter<DomHintsOptions>
{
    /// <summary>Creates the filter with default thresholds.</summary>
    public DomHintsFilter()
        : this(new DomHintsOptions())
    {
    }

    /// <summary>Creates the filter with the given thresholds.</summary>
    /// <param name="options">The thresholds.</param>
    public DomHintsFilter(DomHintsOptions options) => Options = options;

    /// <summary>The thresholds.</summary>
    public DomHintsOptions Options { get; }

    /// <inheritdoc />
    public IConfigurableFilter<DomHintsOptions> WithOptions(DomHintsOptions options) => new DomHintsFilter(options);

    /// <inheritdoc />
    public string Name => "dom-hints";

    /// <inheritdoc />
    public FilterTraits Traits => FilterTraits.HtmlOnly | FilterTraits.Protects;

    /// <inheritdoc />
    public string Description => "Removes HTML blocks that are mostly links, sit in share/related/ad/comment/navigation elements, or repeat the byline.";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.IsHtml)
        {
            return;
        }

        var byline = document.Metadata.Byline;
        var blocks = document.Blocks;
        // Lists of other stories count only when the article has text besides them.
        var storyLists = document.HasMainContent && ArticleHasText(document) ? StoryLists(blocks) : null;
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (!block.IsUndecided || block == document.TitleBlock)
            {
                continue;
            }

            if (block.Kind == BlockKind.Preformatted && document.HasMainContent && block.InMainContent)
            {
                // Code in the article looks like script residue to the text filters.
                block.Keep("preformatted text inside the main content");
                continue;
            }

            if (Judge(document, block, byline, storyLists?[i] ?? false) is { } reason)
            {
                block.Remove(reason);
            }
        }
    }

    private string? Judge(Document document, Block block, string? byline, bool inStoryList)
    {
        if (IsLinkDense(block))
        {
            // Inside an article the extractor found, a line of links may be a source or a
            // reference: only runs of three or more lines that are wholly links (lists of other
            // stories) go, and only when the article has text besides them; a run that the
            // article's prose stands close to on both sides is one of its own lists (the bugs a
            // post fixed, the links of a round-up), not a list of other stories.
            if (!document.HasMainContent || !block.InMainContent || inStoryList)
            {
                return "mostly links";
            }
        }

        var hints = block.Hints & Options.RemovedHints;
        if (hints != BlockHints.None)
        {
            return $"inside an element marked {Describe(hints)}";
        }

        if ((block.Hints & BlockHints.Byline) != 0)
        {
            // A small element marked byline or author: the author line, or the author's bio box.
            return block.Features.LooksLikeProse ? "an author box" : "a byline (the author is in the metadata)";
        }

        if (block.Features.WordCount <= Options.MaxBylineWords)
        {

            if (byline is { Length: > 2 } && block.Kind != BlockKind.Caption && !block.Features.LooksLikeProse
                && block.Span.Contains(byline, StringComparison.OrdinalIgnoreCase)
                && block.Features.WordCount - Tokens.CountWords(byline) <= 8)
            {
                return "repeats the byline (the author is in the metadata)";
            }
        }

        return null;
    }

    /// <summary>Whether the article holds text besides links (a page that is only a list of links keeps it).</summary>
    private bool ArticleHasText(Document document)
    {
        int chars = 0;
        foreach (var block in document.Blocks)
        {
            if (block.InMainContent && !IsLinkDense(block) && block != document.TitleBlock)
            {
                chars += block.Length;
            }
        }

        return chars >= 200;
    }


    /// <summary>
    /// For each block, whether it is in a list of other stories: a run of three or more lines of the
    /// article that are wholly links, unless the article's prose stands among the three blocks
    /// before the run and among the three after it (then the list is the article's own).
    /// </summary>
    private static bool[] StoryLists(IReadOnlyList<Block> blocks)
    {
        const int MinRun = 3, Near = 3;
        var inList = new bool[blocks.Count];
        int start = 0;
        for (int i = 0; i <= blocks.Count; i++)
        {
            if (i < blocks.Count && IsAllLink(blocks[i]))
            {
                continue;
            }

            if (i - start >= MinRun && !(ProseIn(start - Near, start) && ProseIn(i, i + Near)))
            {
                Array.Fill(inList, true, start, i - start);
            }

            start = i + 1;
        }

        return inList;

        bool ProseIn(int from, int to)
        {
            for (int k = Math.Max(0, from); k < Math.Min(blocks.Count, to); k++)
            {
                if (blocks[k] is { InMainContent: true, LinkDensity: < 0.5 } b && b.Features.LooksLikeProse)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether a block is a line of the article that is wholly links (a run of them is a list of links).</summary>
    private static bool IsAllLink(Block b) => b.LinkDensity >= 0.9 && b.InMainContent;

    private bool IsLinkDense(Block block) => block.LinkDensity >= Options.MaxLinkDensity && block != block.Document.TitleBlock;

    private static string Describe(BlockHints hints)
    {
        // The most telling hint names the reason.
        foreach (var (hint, word) in Names)
        {
            if ((hints & hint) != 0)
            {
                return word;
            }
        }

        return hints.ToString().ToLowerInvariant();
    }

    private static readonly (BlockHints Hint, string Word)[] Names =
    [
        (BlockHints.Social, "share/social"),
        (BlockHints.Related, "related"),
        (BlockHints.Newsletter, "newsletter/subscribe"),
        (BlockHints.Promo, "promo/sponsor"),
        (BlockHints.Ad, "ad"),
        (BlockHints.Comment, "comments"),
        (BlockHints.Navigation, "navigation/menu/footer"),
        (BlockHints.Byline, "byline"),
        (BlockHints.Caption, "caption"),
    ];
}
