using Cleaner.Text;

namespace Cleaner;

/// <summary>
/// A text split into blocks, with the settings and phrase lists of the cleaner that cleans it. A
/// document is made for one cleaning and is not shared between threads.
/// </summary>
public sealed class Document
{
    private readonly List<Block> _blocks = [];
    private readonly List<BlockFeatures> _joinedParagraphs = [];

    internal Document(string source, CleanerOptions options, PhraseBook phrases, bool isHtml, string? languageHint = null)
    {
        Source = source;
        Options = options;
        Phrases = phrases;
        IsHtml = isHtml;
        StopWords = options.Language is { } code ? Languages.Get(code)
            : (languageHint is { Length: >= 2 } hint ? Languages.Get(hint[..2]) : null) ?? Languages.Detect(source);
        Language = StopWords?.Language ?? options.Language;
    }

    /// <summary>The text that the blocks are ranges of.</summary>
    public string Source { get; }

    /// <summary>The blocks in reading order.</summary>
    public IReadOnlyList<Block> Blocks => _blocks;

    /// <summary>The cleaner's settings.</summary>
    public CleanerOptions Options { get; }

    /// <summary>The cleaner's phrase lists.</summary>
    public PhraseBook Phrases { get; }

    /// <summary>Whether the document came from HTML.</summary>
    public bool IsHtml { get; }

    /// <summary>The language whose stopwords the features use (two-letter code), or null when unknown.</summary>
    public string? Language { get; }

    /// <summary>The block that holds the title, once the title finder (<see cref="Filters.TitleFilter"/>, seeded by the HTML metadata) found it; set by the library only.</summary>
    public Block? TitleBlock { get; internal set; }

    /// <summary>Metadata found in the page (HTML); empty for plain text.</summary>
    public DocumentMetadata Metadata { get; internal set; } = DocumentMetadata.Empty;

    /// <summary>The profile of the document's site that the cleaner was given (<see cref="TextCleaner.WithSiteProfile"/>), or null.</summary>
    public Sites.SiteProfile? SiteProfile { get; internal set; }

    /// <summary>
    /// For each block, on how many pages of <see cref="SiteProfile"/> it stands, when the HTML reader
    /// already asked the profile (for the extractor); null otherwise. The blocks are fixed once read.
    /// </summary>
    internal int[]? SitePages { get; set; }

    internal StopWords? StopWords { get; }

    /// <summary>The features of the hard-wrapped paragraphs whose lines are judged together (see <see cref="Block.ParagraphFeatures"/>).</summary>
    internal IReadOnlyList<BlockFeatures> JoinedParagraphs => _joinedParagraphs;

    /// <summary>Judges <paramref name="lines"/> as one paragraph with the features <paramref name="combined"/> (kept once, not per line).</summary>
    internal void JoinParagraph(IEnumerable<Block> lines, BlockFeatures combined)
    {
        _joinedParagraphs.Add(combined);
        foreach (var line in lines)
        {
            line.JoinParagraph(_joinedParagraphs.Count - 1);
        }
    }

    /// <summary>The filter the pipeline is running, which every verdict is stamped with; null outside a run.</summary>
    internal IBlockFilter? RunningFilter { get; set; }

    /// <summary>Whether the text's paragraphs were separated by empty lines.</summary>
    internal bool UsesBlankLines { get; set; }

    /// <summary>
    /// Whether an extractor's article decides <see cref="Block.InMainContent"/> (HTML only). False
    /// for plain text, and for pages where no extractor found an article that could be trusted:
    /// then every block counts as main content and the filters alone decide.
    /// </summary>
    internal bool HasMainContent { get; set; }

    /// <summary>Why no extractor's article was used (HTML only), or null.</summary>
    internal string? MainContentNote { get; set; }

    /// <summary>Which extractor decided the article, or null (plain text, or no article used).</summary>
    internal ContentExtractor? ExtractedBy { get; set; }

    /// <summary>The element that holds the article the extractor chose ("div.article-body"), or null.</summary>
    internal string? ArticleContainer { get; set; }

    /// <summary>Why <see cref="ContentExtractor.Auto"/> consulted SmartReader (the native choice's weakness), or null.</summary>
    internal string? ExtractorNote { get; set; }

    /// <summary>For each block outside the article, the extractor's reason (null when it gave none).</summary>
    internal string?[]? MainContentReasons { get; set; }

    internal Block AddBlock(int start, int length, BlockKind kind = BlockKind.Text)
    {
        Deadline.Current?.Tick(); // building blocks stops when the call's time limit passes
        // The phrase keys are found in the same pass as the features.
        var span = Source.AsSpan(start, length);
        var features = TextStats.Compute(span, StopWords, Phrases.Keys, out ulong keys);
        var block = new Block(this, _blocks.Count, start, length, features, Phrases.Candidates(span, keys), kind);
        _blocks.Add(block);
        return block;
    }

    /// <summary>A document with no blocks, for input handed back untouched.</summary>
    internal static Document Unsplit(string text, CleanerOptions options, PhraseBook phrases) =>
        new(text, options, phrases, isHtml: false);
}
