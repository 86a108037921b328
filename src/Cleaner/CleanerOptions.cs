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
    /// How long one document may take. When the filters run past it, the text comes back untouched
    /// with <see cref="CleanStatus.TimedOut"/>; null means no limit. Default: 30 seconds.
    /// </summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(30);

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

    /// <summary>The filters ran past <see cref="CleanerOptions.Timeout"/>; the text is the input, untouched.</summary>
    TimedOut,
}
