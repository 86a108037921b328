using System.Buffers;
using AngleSharp.Html.Dom;
using Cleaner.Text;
using Cleaner.Html;
using Cleaner.Html.Extraction;

namespace Cleaner;

public sealed partial class Document
{
    /// <summary>
    /// Whether an extractor's article decides <see cref="Block.InMainContent"/> (HTML only). False
    /// for plain text, and for pages where no extractor found an article that could be trusted:
    /// then every block counts as main content and the filters alone decide.
    /// </summary>
    internal bool HasMainContent { get; private set; }

    /// <summary>Why no extractor's article was used (HTML only), or null.</summary>
    internal string? MainContentNote { get; private set; }

    /// <summary>Which extractor decided the article, or null (plain text, or no article used).</summary>
    internal ContentExtractor? ExtractedBy { get; private set; }

    /// <summary>The element that holds the article the extractor chose ("div.article-body"), or null.</summary>
    internal string? ArticleContainer { get; private set; }

    /// <summary>Why <see cref="ContentExtractor.Auto"/> consulted SmartReader (the native choice's weakness), or null.</summary>
    internal string? ExtractorNote { get; private set; }

    /// <summary>For each block outside the article, the extractor's reason (null when it gave none).</summary>
    internal string?[]? MainContentReasons { get; private set; }

    /// <summary>
    /// Builds a document from a parsed page: metadata first (before SmartReader strips scripts),
    /// then the blocks of the body with their DOM features, then the article as the extractor of
    /// <see cref="CleanerOptions.Extractor"/> finds it (the native one on the blocks and their
    /// elements; SmartReader on the same DOM, which it changes), the class hints and the title block.
    /// </summary>
    internal static Document FromHtml(IHtmlDocument dom, Uri? url, CleanerOptions options, PhraseBook phrases)
    {
        var (metadata, titles) = HtmlMetadataReader.Read(dom, url);
        var walker = new HtmlBlockWalker();
        if (dom.Body is { } body)
        {
            walker.Walk(body);
        }
        else if (dom.DocumentElement is { } root)
        {
            walker.Walk(root);
        }

        var document = new Document(walker.Text, options, phrases, isHtml: true, metadata.Language);
        foreach (var r in walker.Blocks)
        {
            var block = document.AddBlock(r.Start, r.Length, r.Kind);
            block.HeadingLevel = r.HeadingLevel;
            block.LinkDensity = r.TextChars == 0 ? 0 : (double)r.LinkChars / r.TextChars;
        }

        document.Metadata = metadata;
        if (options.Extractor == ContentExtractor.SmartReader)
        {
            var article = document.UseSmartReader(dom, url, walker);
            document.Metadata = Merge(metadata, article);
            document.FindTitle(titles);
            return document;
        }

        // Native (and Auto): the title first, so that the lead under it can join the article.
        document.ApplyHints(walker.Hinted, null);
        document.FindTitle(titles);
        var native = NativeExtractor.Extract(document._blocks, walker.TextBlocks, document.TitleBlock?.Index ?? -1);
        if (native.InArticle is { } chosen && (options.Extractor == ContentExtractor.Native || native.Weakness is null))
        {
            document.UseNative(chosen, native.Reasons, native.Container);
            return document;
        }

        if (options.Extractor == ContentExtractor.Native)
        {
            document.MainContentNote = native.Failure;
            return document;
        }

        // Auto, and the native choice is weak or missing: SmartReader's opinion, when it is sound.
        document.ExtractorNote = native.Weakness ?? native.Failure;
        var hints = new BlockHints[document._blocks.Count];
        for (int i = 0; i < hints.Length; i++)
        {
            hints[i] = document._blocks[i].Hints;
            document._blocks[i].Hints = BlockHints.None;
        }

        var reader = document.UseSmartReader(dom, url, walker);
        if (document.HasMainContent)
        {
            document.Metadata = Merge(document.Metadata, reader);
            document.FindTitle(titles);
            return document;
        }

        for (int i = 0; i < hints.Length; i++)
        {
            document._blocks[i].Hints = hints[i];
        }

        if (native.InArticle is { } weak)
        {
            document.UseNative(weak, native.Reasons, native.Container);
        }

        return document;
    }

    /// <summary>Takes the native extractor's article.</summary>
    private void UseNative(bool[] inArticle, string?[] reasons, string? container)
    {
        for (int i = 0; i < _blocks.Count; i++)
        {
            _blocks[i].InMainContent = inArticle[i];
        }

        if (TitleBlock is { } title)
        {
            title.InMainContent = true;
        }

        MainContentReasons = reasons;
        MainContentNote = null;
        HasMainContent = true;
        ExtractedBy = ContentExtractor.Native;
        ArticleContainer = container;
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
        if (HasMainContent)
        {
            ExtractedBy = ContentExtractor.SmartReader;
            ArticleContainer = main.Content is { } content ? Html.Extraction.ContainerTree.Describe(content) : null;
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

        ApplyHints(hinted, inArticle);
        if (inArticle is null)
        {
            MainContentNote = main.Failure ?? "the extractor's article matched no block";
            return;
        }

        // The extractor sometimes settles on a fragment (a teaser box, a caption): when the page
        // holds far more prose than the article (comments and menus aside), the article is not trusted.
        int mainProse = 0, pageProse = 0, mainText = 0;
        for (int i = 0; i < _blocks.Count; i++)
        {
            var block = _blocks[i];
            if ((block.Hints & (BlockHints.Comment | BlockHints.Navigation)) != 0)
            {
                continue;
            }

            mainText += inArticle[i] ? block.Length : 0;
            if (!block.Features.LooksLikeProse || block.LinkDensity >= 0.3)
            {
                continue;
            }

            pageProse += block.Length;
            mainProse += inArticle[i] ? block.Length : 0;
        }

        if (mainText * 10 < mainChars)
        {
            MainContentNote = "the extractor's article is mostly comments or navigation";
            return;
        }

        if (mainProse < pageProse * MinArticleShare && pageProse - mainProse > 1000)
        {
            MainContentNote = "the extractor's article holds far less prose than the page";
            return;
        }

        for (int i = 0; i < _blocks.Count; i++)
        {
            _blocks[i].InMainContent = inArticle[i];
        }

        HasMainContent = true;
    }

    /// <summary>Hints of small page furniture; an element full of prose is not one, whatever its class says.</summary>
    private const BlockHints WidgetHints = BlockHints.Social | BlockHints.Newsletter | BlockHints.Promo | BlockHints.Ad | BlockHints.Navigation;

    /// <summary>Whether an element holds a long stretch of prose (more than 1,000 characters, mostly in sentences).</summary>
    private bool IsProseSection(HintedRange range)
    {
        int chars = 0, prose = 0;
        for (int i = range.FirstBlock; i < range.EndBlock; i++)
        {
            chars += _blocks[i].Length;
            prose += _blocks[i].Features.LooksLikeProse && _blocks[i].LinkDensity < 0.3 ? _blocks[i].Length : 0;
        }

        return chars > 1000 && prose * 2 > chars;
    }

    /// <summary>The least share of the page's prose the extractor's article must hold to be trusted.</summary>
    private const double MinArticleShare = 0.15;

    /// <summary>
    /// Gives each block the hints of the elements around it, except hints of elements that hold
    /// most of the article (a post's container classes describe the post, not a widget). Byline and
    /// caption hints count only on small elements: a byline is a line, not a post.
    /// </summary>
    private void ApplyHints(IReadOnlyList<HintedRange> hinted, bool[]? inArticle)
    {
        long total = 0;
        for (int i = 0; i < _blocks.Count; i++)
        {
            total += Weight(i);
        }

        foreach (var range in hinted)
        {
            long covered = 0;
            for (int i = range.FirstBlock; i < range.EndBlock; i++)
            {
                covered += Weight(i);
            }

            if (total > 0 && covered * 2 > total)
            {
                continue;
            }

            var hints = range.Hints;
            if (range.EndBlock - range.FirstBlock > 3)
            {
                hints &= ~(BlockHints.Byline | BlockHints.Caption);
            }

            if ((hints & WidgetHints) != 0 && IsProseSection(range))
            {
                hints &= ~WidgetHints;
            }

            for (int i = range.FirstBlock; i < range.EndBlock; i++)
            {
                _blocks[i].Hints |= hints;
            }
        }

        long Weight(int i) => inArticle is not null ? (inArticle[i] ? _blocks[i].Length : 0)
            : _blocks[i].Features.LooksLikeProse ? _blocks[i].Length : 0;
    }

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

        static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Finds the block that shows the metadata title (a heading near the top, preferably) and makes
    /// it the title block; the metadata title then takes the wording the page shows.
    /// </summary>
    private void FindTitle(IReadOnlyList<string> titles)
    {
        if (Metadata.Title is not { } title)
        {
            return;
        }

        MetadataTitle = title;

        // Look before the article's first paragraph (and a little into it).
        int limit = _blocks.Count;
        for (int i = 0; i < _blocks.Count; i++)
        {
            if (_blocks[i].InMainContent && HasMainContent && _blocks[i].Features.LooksLikeProse)
            {
                limit = Math.Min(_blocks.Count, i + 5);
                break;
            }
        }

        Block? best = null;
        double bestScore = 0;
        var blockWords = new HashSet<string>?[limit]; // each block's words, made once for all candidates
        foreach (var candidate in titles.Count > 0 ? titles : [title])
        {
            var titleWords = Words(candidate);
            if (titleWords.Count == 0)
            {
                continue;
            }

            for (int i = 0; i < limit; i++)
            {
                var block = _blocks[i];
                if (block.Features.WordCount > 40)
                {
                    continue;
                }

                var words = blockWords[i] ??= Words(block.Span);
                int common = 0;
                foreach (var w in words)
                {
                    if (titleWords.Contains(w))
                    {
                        common++;
                    }
                }

                double similarity = (double)common / Math.Max(words.Count, titleWords.Count);
                double score = similarity + (block.Kind == BlockKind.Heading ? 0.2 : 0) + (block.HeadingLevel == 1 ? 0.1 : 0);
                if (similarity >= (block.Kind == BlockKind.Heading ? 0.5 : 0.8) && score > bestScore)
                {
                    best = block;
                    bestScore = score;
                }
            }
        }

        if (best is not null)
        {
            TitleBlock = best;
            best.InMainContent = true;
            Metadata = Metadata with { Title = best.Text };
            MetadataTitle = best.Text;
        }
    }

    /// <summary>The distinct words of a text, compared case-insensitively.</summary>
    private static HashSet<string> Words(ReadOnlySpan<char> text)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
#if NET9_0_OR_GREATER
        var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        while (Tokens.Next(ref text, Separators, out var word))
        {
#if NET9_0_OR_GREATER
            lookup.Add(word); // a string only for a word not seen yet
#else
            set.Add(word.ToString());
#endif
        }

        return set;
    }

    private static readonly SearchValues<char> Separators = SearchValues.Create(" ,.:;!?\"'()[]|-–—\u2018\u2019\u201C\u201D/");
}
