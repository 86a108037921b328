using System.Diagnostics;

namespace Cleaner;

/// <summary>
/// Cleans scraped text: splits it into blocks, runs the filters in order, and returns the kept text
/// with the reason for every removal. A cleaner is immutable and thread-safe; build one with
/// <see cref="TextCleanerBuilder"/> and reuse it, or use <see cref="Default"/>.
/// </summary>
public sealed partial class TextCleaner
{
    private static readonly Lazy<TextCleaner> DefaultCleaner = new(() => new TextCleanerBuilder().Build());

    internal TextCleaner(IReadOnlyList<IBlockFilter> filters, CleanerOptions options, PhraseBook phrases)
    {
        Filters = filters;
        Options = options;
        Phrases = phrases;
    }

    /// <summary>A cleaner with the built-in filters in their default order and default options.</summary>
    public static TextCleaner Default => DefaultCleaner.Value;

    /// <summary>The filters in the order they run.</summary>
    public IReadOnlyList<IBlockFilter> Filters { get; }

    /// <summary>The settings the filters see.</summary>
    public CleanerOptions Options { get; }

    /// <summary>The phrase lists the filters use.</summary>
    public PhraseBook Phrases { get; }

    /// <summary>Starts a builder with the built-in filters in their default order.</summary>
    public static TextCleanerBuilder CreateBuilder() => new();

    /// <summary>Cleans plain text, one block per non-empty line.</summary>
    /// <param name="text">The scraped text.</param>
    /// <returns>
    /// The cleaned text, the title and every removal with its reason. Input over the size limit, or
    /// that takes longer than the time limit, comes back untouched with a <see cref="CleanResult.Status"/>
    /// that says so; no exception is thrown for it.
    /// </returns>
    public CleanResult Clean(string text) => Clean(text, CancellationToken.None);

    /// <summary>Cleans plain text, one block per non-empty line, and stops when cancelled.</summary>
    /// <param name="text">The scraped text.</param>
    /// <param name="cancellationToken">Stops the cleaning between phases and filters.</param>
    /// <returns>The cleaned text, the title and every removal with its reason (see <see cref="Clean(string)"/>).</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public CleanResult Clean(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CleanText(text, new Deadline(Options.Timeout, cancellationToken));
    }

    /// <summary>Cleans plain text within the call's deadline.</summary>
    private CleanResult CleanText(string text, Deadline deadline)
    {
        if (text.Length > Options.MaxInputLength)
        {
            return CleanResult.Untouched(text, Options, Phrases, CleanStatus.InputTooLarge,
                $"the input has {text.Length:N0} characters, over the limit of {Options.MaxInputLength:N0} (CleanerOptions.MaxInputLength)");
        }

        using var scope = deadline.Enter();
        try
        {
            deadline.Begin("splitting the text into blocks");
            var document = Document.FromText(text, Options, Phrases);
            return Run(document, deadline);
        }
        catch (DeadlineExceededException e)
        {
            return TimedOut(text, deadline, e.Phase);
        }
    }

    /// <summary>
    /// Cleans plain text given as bytes, detecting the encoding: a byte order mark (UTF-8, UTF-16 LE
    /// or BE), then valid UTF-8, and otherwise Windows-1252 (so Latin-1 text reads right, not as
    /// replacement characters).
    /// </summary>
    /// <param name="text">The text's bytes.</param>
    /// <returns>The cleaned text, the title and every removal with its reason (see <see cref="Clean(string)"/>).</returns>
    public CleanResult Clean(ReadOnlySpan<byte> text)
    {
        var deadline = new Deadline(Options.Timeout, CancellationToken.None) { Phase = "decoding" };
        return CleanText(Html.HtmlEncoding.DecodeText(text), deadline);
    }

    /// <summary>Cleans plain text given as bytes, detecting the encoding (see <see cref="Clean(ReadOnlySpan{byte})"/>).</summary>
    /// <param name="text">The text's bytes.</param>
    /// <returns>The cleaned text, the title and every removal with its reason (see <see cref="Clean(string)"/>).</returns>
    public CleanResult Clean(byte[] text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Clean(text.AsSpan());
    }

    /// <summary>
    /// Runs the filters over a document, then the final step, if any, checking the deadline before
    /// and after each. The notes of what was cut or skipped to keep the call within its limits become
    /// the result's diagnostic.
    /// </summary>
    internal CleanResult Run(Document document, Deadline deadline, Action<Document>? finish = null)
    {
        document.SiteProfile = SiteProfile;
        foreach (var filter in Filters)
        {
            deadline.Begin($"running the filter '{filter.Name}'");
            filter.Apply(document);
            deadline.Check();
        }

        if (finish is not null)
        {
            deadline.Begin("rescuing the article");
            finish(document);
            deadline.Check();
        }

        return new CleanResult(document, CleanStatus.Cleaned, deadline.Notes.Count == 0 ? null : string.Join("; ", deadline.Notes));
    }

    /// <summary>The result of a call that ran out of time: the input, untouched, and the phase it stopped in.</summary>
    private CleanResult TimedOut(string input, Deadline deadline, string phase) =>
        CleanResult.Untouched(input, Options, Phrases, CleanStatus.TimedOut,
            $"cleaning took longer than {deadline.Limit.GetValueOrDefault().TotalSeconds:0.###} s (CleanerOptions.Timeout); stopped while {phase}"
            + (deadline.Notes.Count == 0 ? string.Empty : " (" + string.Join("; ", deadline.Notes) + ")"));
}
