namespace Cleaner;

/// <summary>How a cleaner weighs losing chrome against losing content.</summary>
public enum Focus
{
    /// <summary>The default trade-off.</summary>
    Balanced,

    /// <summary>Remove more: less chrome survives, at the risk of losing some content.</summary>
    Precision,

    /// <summary>Remove less: keep everything that may be content, at the risk of keeping some chrome.</summary>
    Recall,
}

/// <summary>Which main-content extractor finds the article of an HTML page.</summary>
public enum ContentExtractor
{
    /// <summary>
    /// Cleaner's own extractor decides; SmartReader is consulted only when the native choice is weak
    /// (a close runner-up, a very short article, an article of mostly links, or little of the page's
    /// prose chosen), and its article is used when it is sound.
    /// </summary>
    Auto,

    /// <summary>Cleaner's own extractor only: one pass over the blocks and their elements, no second parse.</summary>
    Native,

    /// <summary>SmartReader (a port of Mozilla's Readability) only.</summary>
    SmartReader,
}

/// <summary>
/// Settings shared by all filters of a cleaner. Change them with <c>options with { ... }</c> through
/// <see cref="TextCleanerBuilder.WithOptions(Func{CleanerOptions, CleanerOptions})"/>.
/// </summary>
public readonly record struct CleanerOptions
{
    /// <summary>Creates the default options.</summary>
    public CleanerOptions()
    {
    }

    /// <summary>The trade-off between precision and recall that filters honour. Default: <see cref="Focus.Balanced"/>.</summary>
    public Focus Focus { get; init; } = Focus.Balanced;

    /// <summary>Whether the detected title starts <see cref="CleanResult.Text"/>. Default: true.</summary>
    public bool IncludeTitle { get; init; } = true;

    /// <summary>
    /// The document's language as a two-letter code (en, de, fr, es, ...), or null to detect it from
    /// the stopwords of the text. Default: null.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>
    /// The longest input, in characters, that is cleaned. A longer one comes back untouched with
    /// <see cref="CleanStatus.InputTooLarge"/>. Default: 64 Mi characters (128 MB of UTF-16).
    /// </summary>
    public int MaxInputLength { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// How long one call may take, counted from its start: decoding, bounding, parsing, building
    /// blocks, extracting the article and every filter check it. When it runs out, the input comes
    /// back untouched with <see cref="CleanStatus.TimedOut"/> and the phase it stopped in; null means
    /// no limit. Default: 30 seconds.
    /// </summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// (HTML) The most elements a page may hold; the tags of further elements are dropped before
    /// parsing, their text kept. Default: 500,000 (real pages hold a few thousand).
    /// </summary>
    public int MaxElements { get; init; } = 500_000;

    /// <summary>
    /// (HTML) The deepest nesting of elements; tags that would nest deeper are dropped before
    /// parsing, their text kept. Default: 512 (real pages stay under 50).
    /// </summary>
    public int MaxNestingDepth { get; init; } = 512;

    /// <summary>
    /// (HTML) The most child elements of one element; the tags of further children are dropped
    /// before parsing, their text kept. Default: 100,000.
    /// </summary>
    public int MaxChildElements { get; init; } = 100_000;

    /// <summary>
    /// (HTML) The most formatting elements (<c>b</c>, <c>i</c>, <c>font</c>, <c>a</c>, ...) left
    /// open at once; further formatting tags are dropped before parsing, their text kept. Unclosed
    /// formatting tags make the parser's work grow with the square of their number. Default: 100.
    /// </summary>
    public int MaxOpenFormattingElements { get; init; } = 100;

    /// <summary>(HTML) The most attributes one element keeps; the rest are dropped before parsing. Default: 256.</summary>
    public int MaxAttributes { get; init; } = 256;

    /// <summary>
    /// The extractor that finds the article of an HTML page (plain text has none). Default:
    /// <see cref="ContentExtractor.Auto"/>. <see cref="CleanResult.ExtractedBy"/> says which one decided.
    /// </summary>
    public ContentExtractor Extractor { get; init; } = ContentExtractor.Auto;
}

/// <summary>Whether a document was cleaned, or why it came back untouched.</summary>
public enum CleanStatus
{
    /// <summary>The filters ran; <see cref="CleanResult.Text"/> is the cleaned text.</summary>
    Cleaned,

    /// <summary>The input was longer than <see cref="CleanerOptions.MaxInputLength"/>; the text is the input, untouched.</summary>
    InputTooLarge,

    /// <summary>
    /// The call ran past <see cref="CleanerOptions.Timeout"/>; the text is the input, untouched, and
    /// <see cref="CleanResult.Diagnostic"/> names the phase it stopped in.
    /// </summary>
    TimedOut,
}
