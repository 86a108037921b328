using System.Globalization;

namespace Cleaner.Filters;

/// <summary>Settings of the <see cref="SiteBoilerplateFilter"/>; change them with <c>with</c> or <see cref="TextCleanerBuilder.Configure{TOptions}(Func{TOptions, TOptions})"/>.</summary>
public readonly record struct SiteBoilerplateOptions
{
    /// <summary>Creates the default settings.</summary>
    public SiteBoilerplateOptions()
    {
    }

    /// <summary>The least share of the site's pages a block must stand on to go (above 0, at most 1). Default 0.5.</summary>
    public double MinShare { get; init; } = 0.5;

    /// <summary>The least number of pages a block must stand on to go (at least 2); a site with fewer pages is left alone. Default 3.</summary>
    public int MinPages { get; init; } = 3;
}

/// <summary>
/// Removes the blocks that stand on most pages of the page's site: the site's chrome, whatever its
/// words or language (a tagline, a reprint notice written as prose, a menu). Needs the site's profile,
/// given per call with <see cref="TextCleaner.WithSiteProfile(Sites.SiteProfile?)"/>; without one it
/// does nothing. A block goes when the profile finds it (normalised: case, digits and white space
/// folded) on at least <see cref="SiteBoilerplateOptions.MinPages"/> pages and at least <see cref="SiteBoilerplateOptions.MinShare"/> of the site's
/// pages; the reason says how many: "on 37 of 40 pages of example.com". The title, blocks an
/// earlier filter kept, and lines without a letter or digit are judged as without a profile. So is
/// the page's own dateline, which the site's other pages repeat only in shape: a short line with a
/// day of a named month ("by Jane Doe on July 21, 2012", whose digits the profile folds). And so is,
/// on an HTML page, a repeated block inside the page's article between two blocks of the page's own
/// text (or between the headline and the page's own text): a heading or line of the site's article
/// template ("Ingredients:", "Post written by Leo"), on most pages because each article has it.
/// </summary>
public sealed class SiteBoilerplateFilter : IBlockFilter, IConfigurableFilter<SiteBoilerplateOptions>
{
    /// <summary>Creates the filter with the default settings.</summary>
    public SiteBoilerplateFilter()
        : this(new SiteBoilerplateOptions())
    {
    }

    /// <summary>Creates the filter with the given settings.</summary>
    /// <param name="options">The settings.</param>
    public SiteBoilerplateFilter(SiteBoilerplateOptions options)
    {
        if (!(options.MinShare > 0 && options.MinShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MinShare, "MinShare must be above 0 and at most 1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinPages, 2, nameof(options));
        Options = options;
    }

    /// <summary>The settings.</summary>
    public SiteBoilerplateOptions Options { get; }

    /// <summary>The least share of the site's pages a block must stand on to go (above 0, at most 1) (<see cref="SiteBoilerplateOptions.MinShare"/>).</summary>
    private double MinShare => Options.MinShare;

    /// <summary>The most words of a byline or dateline.</summary>
    private const int MaxBylineWords = 16;

    /// <summary>The share of a repeated block's text in links from which it is not taken for a heading of the site's article template.</summary>
    private const double MaxTemplateLinkDensity = 0.5;

    /// <summary>The least number of pages a block must stand on to go (at least 2); a site with fewer pages is left alone (<see cref="SiteBoilerplateOptions.MinPages"/>).</summary>
    private int MinPages => Options.MinPages;

    /// <inheritdoc />
    public IConfigurableFilter<SiteBoilerplateOptions> WithOptions(SiteBoilerplateOptions options) => new SiteBoilerplateFilter(options);

    /// <inheritdoc />
    public string Name => "site-boilerplate";

    /// <inheritdoc />
    public string Description => "Removes blocks that stand on most pages of the page's site (needs a site profile).";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.SiteProfile is not { } profile || Needed(profile) is not { } needed)
        {
            return;
        }

        var blocks = document.Blocks;
        var taken = new int?[blocks.Count];
        for (int i = 0; i < taken.Length; i++)
        {
            taken[i] = blocks[i].IsUndecided ? Takes(blocks[i], profile, needed) : null;
        }

        // For each block, the nearest block before and after it with a letter or digit that the site
        // does not repeat: one walk each way, however long a run of repeated blocks. And the nearest
        // before it that no earlier filter removed either: the headline, when only a removed byline
        // or dateline stands between it and the repeated block.
        var before = new int[taken.Length];
        var beforeKept = new int[taken.Length];
        var after = new int[taken.Length];
        for (int i = 0, last = -1, lastKept = -1; i < taken.Length; i++)
        {
            before[i] = last;
            beforeKept[i] = lastKept;
            bool own = taken[i] is null && HasLetterOrDigit(blocks[i]);
            last = own ? i : last;
            lastKept = own && !blocks[i].IsRemoved ? i : lastKept;
        }

        for (int i = taken.Length - 1, last = -1; i >= 0; i--)
        {
            after[i] = last;
            last = taken[i] is null && HasLetterOrDigit(blocks[i]) ? i : last;
        }

        for (int i = 0; i < taken.Length; i++)
        {
            if (taken[i] is { } pages && !InArticleFlow(document, i, before[i], beforeKept[i], after[i]))
            {
                blocks[i].Remove(string.Create(CultureInfo.InvariantCulture, $"on {pages} of {profile.Pages} pages of {profile.Site}"));
            }
        }
    }

    /// <summary>
    /// Whether a block the site repeats stands inside the page's article between two blocks of the
    /// page's own text (inside the article too, not removed, the headline aside), or between the
    /// headline and the page's own text: a heading or line of the site's article template
    /// ("Ingredients:", "What's the Big Idea?", "Post written by Leo" under the headline), which
    /// stands on most of the site's pages because each article has it, not chrome. Runs of repeated
    /// blocks count as one; a block mostly of links is not such a heading. Under the headline, the
    /// blocks an earlier filter removed (a byline, a dateline) do not part the two.
    /// </summary>
    /// <param name="document">The page.</param>
    /// <param name="index">The repeated block.</param>
    /// <param name="before">The nearest block before it with a letter or digit that the site does not repeat, or -1.</param>
    /// <param name="beforeKept">The same, among the blocks no earlier filter removed, or -1.</param>
    /// <param name="after">The nearest block after it with a letter or digit that the site does not repeat, or -1.</param>
    private static bool InArticleFlow(Document document, int index, int before, int beforeKept, int after)
    {
        var blocks = document.Blocks;
        if (!document.HasMainContent || !blocks[index].InMainContent)
        {
            return false;
        }

        // A link (a box's kicker, a widget's label) is no heading of the article.
        if (blocks[index].LinkDensity >= MaxTemplateLinkDensity)
        {
            return false;
        }

        return (OwnText(document, before) || IsHeadline(document, before) || IsHeadline(document, beforeKept)) && OwnText(document, after);
    }

    /// <summary>Whether block <paramref name="index"/> (the nearest block with a letter or digit that the site does not repeat; -1: none) is the page's own article text.</summary>
    private static bool OwnText(Document document, int index) =>
        index >= 0 && document.Blocks[index] is { InMainContent: true, IsRemoved: false } block && block != document.TitleBlock;

    /// <summary>
    /// Whether block <paramref name="index"/> is the page's headline inside its article: a line of
    /// the site's article template just under it ("Post written by Leo", "What's the latest
    /// development?") stands between the headline and the page's own text.
    /// </summary>
    private static bool IsHeadline(Document document, int index) =>
        index >= 0 && document.Blocks[index] is { InMainContent: true, IsRemoved: false } block && block == document.TitleBlock;

    /// <summary>
    /// For each block, whether this filter would take it for the site's chrome (before any other
    /// filter ran): what the native extractor sets aside when it scores the page's elements, so that
    /// a box the site repeats on every page (the blogger's profile, the blog's description) is not
    /// taken for the article. Null when the profile is too small for the filter to act.
    /// </summary>
    internal bool[]? SiteChrome(Document document, Sites.SiteProfile profile)
    {
        if (Needed(profile) is not { } needed)
        {
            return null;
        }

        // The profile is asked once per block: the filter reads the same counts when it runs.
        var blocks = document.Blocks;
        var pages = new int[blocks.Count];
        for (int i = 0; i < pages.Length; i++)
        {
            pages[i] = HasLetterOrDigit(blocks[i]) ? profile.PagesWith(blocks[i].Span) : 0;
        }

        document.SitePages = pages;
        var chrome = new bool[blocks.Count];
        for (int i = 0; i < chrome.Length; i++)
        {
            chrome[i] = Takes(blocks[i], profile, needed) is not null;
        }

        return chrome;
    }

    /// <summary>The least number of pages a block must stand on to go, or null when the profile has too few pages.</summary>
    private int? Needed(Sites.SiteProfile profile) =>
        profile.Pages < MinPages ? null : Math.Max(MinPages, (int)Math.Ceiling(MinShare * profile.Pages - 1e-9));

    /// <summary>The number of the site's pages a block stands on when it goes as the site's chrome, or null when it stays.</summary>
    private static int? Takes(Block block, Sites.SiteProfile profile, int needed)
    {
        // A line without a letter or digit (a rule, a separator) says nothing either way: it is
        // left to the other filters, for whom it may part blocks of prose.
        if (block == block.Document.TitleBlock || !HasLetterOrDigit(block))
        {
            return null;
        }

        int pages = block.Document.SitePages is { } known ? known[block.Index] : profile.PagesWith(block.Span);
        return pages >= needed && !IsDated(block) ? pages : null;
    }

    private static bool HasLetterOrDigit(Block block) => block.Features.LetterCount + block.Features.DigitCount != 0;

    /// <summary>
    /// A short line with a day of a named month (a dateline, a dated byline): the page's own, though
    /// the site's other pages repeat its shape (the profile folds the digits).
    /// </summary>
    private static bool IsDated(Block block) =>
        block.Features.WordCount <= MaxBylineWords && block.Features.DigitCount > 0 && Text.Dates.NamesMonth(block.Span);
}
