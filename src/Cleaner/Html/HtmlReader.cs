using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Cleaner.Html.Extraction;
using Cleaner.Text;

namespace Cleaner.Html;

/// <summary>
/// The HTML input: reads a parsed page into the model. Metadata first (before SmartReader strips
/// scripts), then the blocks of the body with their DOM features, then the article as the extractor
/// of <see cref="CleanerOptions.Extractor"/> finds it (the native one on the blocks and their
/// elements; SmartReader on the same DOM, which it changes). The decisions it asks for live
/// elsewhere: which class hints count (<see cref="HintScope"/>), whether SmartReader's article is
/// trusted (<see cref="ArticleTrust"/>), and which block shows the title (the one title finder,
/// <see cref="Filters.TitleFilter"/>, which the page's metadata titles seed).
/// </summary>
internal sealed class HtmlReader
{
    private readonly Document _document;
    private readonly IReadOnlyList<Block> _blocks;

    private HtmlReader(Document document)
    {
        _document = document;
        _blocks = document.Blocks;
    }

    /// <summary>Builds a document from a parsed page.</summary>
    /// <param name="dom">The parsed page.</param>
    /// <param name="url">The page's address, when known.</param>
    /// <param name="options">The cleaner's settings.</param>
    /// <param name="phrases">The cleaner's phrase lists.</param>
    /// <param name="site">What the native extractor takes from the profile of the page's site, or null.</param>
    public static Document Read(IHtmlDocument dom, Uri? url, CleanerOptions options, PhraseBook phrases, SiteReading? site = null)
    {
        var walker = HtmlBlockWalker.Rent();
        try
        {
            return Read(dom, url, options, phrases, walker, site);
        }
        finally
        {
            walker.Return();
        }
    }

    private static Document Read(IHtmlDocument dom, Uri? url, CleanerOptions options, PhraseBook phrases, HtmlBlockWalker walker, SiteReading? site)
    {
        // One walk of the page finds the metadata's elements and, in the body, the blocks.
        IElement? walkRoot = dom.Body ?? dom.DocumentElement;
        var found = HtmlMetadataReader.Elements.Find(dom, walkRoot, elements => walker.Walk(walkRoot!, elements));
        var (metadata, titles, articleBody) = HtmlMetadataReader.Read(dom, url, found, Headings(walker));

        var document = new Document(walker.Text, options, phrases, isHtml: true, metadata.Language);
        foreach (var r in walker.Blocks)
        {
            var block = document.AddBlock(r.Start, r.Length, r.Kind);
            block.HeadingLevel = r.HeadingLevel;
            block.LinkDensity = r.TextChars == 0 ? 0 : (double)r.LinkChars / r.TextChars;
        }

        document.Metadata = metadata;
        var reader = new HtmlReader(document);
        if (options.Extractor == ContentExtractor.SmartReader)
        {
            var article = reader.UseSmartReader(dom, url, walker);
            document.Metadata = Merge(metadata, article);
            Filters.TitleFilter.Seed(document, titles);
            return document;
        }

        // Native (and Auto): the title first, so that the lead under it can join the article.
        HintScope.Apply(document.Blocks, walker.Hinted, null);
        Filters.TitleFilter.Seed(document, titles);
        int titleIndex = document.TitleBlock?.Index ?? -1;
        var siteChrome = site?.Chrome(document);
        var native = NativeExtractor.Extract(document.Blocks, walker.Ancestry, titleIndex, articleBody, siteChrome);
        if (native.Weakness is not null && site?.UsualContainer is { } usual)
        {
            // The page's own choice is weak: the element that holds the article on most of the site's
            // pages, when the page has one with content (outside chrome, the site's repeated blocks
            // aside). The site's evidence outweighs the page's doubt, so SmartReader is not asked.
            var preferred = new NativeExtractor.Preferred(usual.Element, Format($"the site's article container {usual.Element}, on {usual.Pages} of {site.Profile.Pages} pages of {site.Profile.Site}"));
            if (NativeExtractor.Extract(document.Blocks, walker.Ancestry, titleIndex, articleBody, siteChrome, preferred) is { InArticle: not null } sited)
            {
                native = sited with { Weakness = null };
            }
        }

        if (native.InArticle is { } chosen && (options.Extractor == ContentExtractor.Native || native.Weakness is null))
        {
            reader.UseNative(chosen, native.Reasons, native.Container);
            return document;
        }

        if (options.Extractor == ContentExtractor.Native)
        {
            document.MainContentNote = native.Failure;
            return document;
        }

        // Auto, and the native choice is weak or missing: SmartReader's opinion, when it is sound.
        document.ExtractorNote = native.Weakness ?? native.Failure;
        var hints = new BlockHints[document.Blocks.Count];
        for (int i = 0; i < hints.Length; i++)
        {
            hints[i] = document.Blocks[i].Hints;
            document.Blocks[i].Hints = BlockHints.None;
        }

        var smart = reader.UseSmartReader(dom, url, walker);
        string? overruled = document.HasMainContent && native.InArticle is { } mine ? ArticleTrust.SecondOpinionLoses(document.Blocks, mine, titleIndex, native.IsVeryShort) : null;
        if (document.HasMainContent && overruled is null)
        {
            document.Metadata = Merge(document.Metadata, smart);
            Filters.TitleFilter.Seed(document, titles);
            return document;
        }

        for (int i = 0; i < hints.Length; i++)
        {
            document.Blocks[i].Hints = hints[i];
        }

        // Why SmartReader's opinion was not taken: it lost to the native article, or it gave none
        // (it failed, found nothing, or its article could not be trusted).
        var secondOpinion = overruled ?? (document.MainContentNote is { } none ? $"SmartReader: {none}" : null);
        if (native.InArticle is { } weak)
        {
            reader.UseNative(weak, native.Reasons, native.Container);
        }

        if (secondOpinion is not null)
        {
            document.ExtractorNote = $"{document.ExtractorNote}; {secondOpinion}";
        }

        return document;
    }

    /// <summary>The texts of the walked page's headings.</summary>
    private static IEnumerable<string> Headings(HtmlBlockWalker walker)
    {
        var text = walker.Text;
        foreach (var block in walker.Blocks)
        {
            if (block.Kind == BlockKind.Heading)
            {
                yield return text.Substring(block.Start, block.Length);
            }
        }
    }

    /// <summary>Takes the native extractor's article.</summary>
    private void UseNative(bool[] inArticle, string?[] reasons, string? container)
    {
        for (int i = 0; i < _blocks.Count; i++)
        {
            _blocks[i].InMainContent = inArticle[i];
        }

        if (_document.TitleBlock is { } title)
        {
            title.InMainContent = true;
        }

        _document.MainContentReasons = reasons;
        _document.MainContentNote = null;
        _document.HasMainContent = true;
        _document.ExtractedBy = ContentExtractor.Native;
        _document.ArticleContainer = container;
    }

    /// <summary>
    /// Runs SmartReader (unless the page nests too deep for it) and takes its article when it can be
    /// trusted; sets the hints either way. Returns SmartReader's article for its metadata.
    /// </summary>
    private SmartReader.Article? UseSmartReader(IHtmlDocument dom, Uri? url, HtmlBlockWalker walker)
    {
        var main = walker.MaxDepth > MainContent.MaxDepth
            ? new MainContentResult(null, null, $"the page nests {walker.MaxDepth:N0} elements deep, deeper than the extractor is run on ({MainContent.MaxDepth:N0})")
            : MainContent.Find(dom, url);
        MarkMainContent(main, walker.TextBlocks, walker.Hinted);
        if (_document.HasMainContent)
        {
            _document.ExtractedBy = ContentExtractor.SmartReader;
            _document.ArticleContainer = main.Content is { } content ? ContainerTree.Describe(content) : null;
        }

        return main.Article;
    }

    private void MarkMainContent(MainContentResult main, IReadOnlyDictionary<AngleSharp.Dom.INode, (int First, int Count)> textBlocks, IReadOnlyList<HintedRange> hinted)
    {
        var inArticle = main.Content is null ? null : MainContent.Map(main.Content, textBlocks, _blocks);
        int mainChars = 0;
        for (int i = 0; inArticle is not null && i < _blocks.Count; i++)
        {
            mainChars += inArticle[i] ? _blocks[i].Length : 0;
        }

        if (mainChars == 0)
        {
            inArticle = null;
        }

        HintScope.Apply(_blocks, hinted, inArticle);
        if (inArticle is null)
        {
            _document.MainContentNote = main.Failure ?? "the extractor's article matched no block";
            return;
        }

        if (ArticleTrust.Distrust(_blocks, inArticle, mainChars) is { } note)
        {
            _document.MainContentNote = note;
            return;
        }

        for (int i = 0; i < _blocks.Count; i++)
        {
            _blocks[i].InMainContent = inArticle[i];
        }

        _document.HasMainContent = true;
    }

    private static string Format(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DocumentMetadata Merge(DocumentMetadata metadata, SmartReader.Article? article)
    {
        if (article is null)
        {
            return metadata;
        }

        DateTimeOffset? published = metadata.Published;
        if (published is null && article.PublicationDate is { Year: > 1900 } date)
        {
            published = new DateTimeOffset(DateTime.SpecifyKind(date, date.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : date.Kind));
        }

        return metadata with
        {
            Title = metadata.Title ?? NullIfEmpty(article.Title),
            Byline = metadata.Byline ?? NullIfEmpty(article.Byline) ?? NullIfEmpty(article.Author),
            SiteName = metadata.SiteName ?? NullIfEmpty(article.SiteName),
            Language = metadata.Language ?? NullIfEmpty(article.Language),
            Published = published,
        };

        static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : Tokens.CollapseWhiteSpace(s);
    }
}
