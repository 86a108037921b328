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
        _filterPhases = [.. filters.Select(f => $"running the filter '{f.Name}'")];
    }

    /// <summary>The deadline's phase for each filter, made once rather than on every call.</summary>
    private readonly string[] _filterPhases;

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
            return TooLarge(text, text.Length, "input");
        }

        using var scope = deadline.Enter();
        try
        {
            deadline.Begin("splitting the text into blocks");
            var document = Text.PlainTextReader.Read(text, Options, Phrases);
            return Run(document, deadline);
        }
        catch (DeadlineExceededException e)
        {
            return TimedOut(text, deadline, e.Phase);
        }
    }

    /// <summary>
    /// Cleans plain text given as bytes, detecting the encoding: a byte order mark (UTF-8, UTF-16 LE
    /// or BE), then UTF-8 (valid, or with at most three invalid sequences among many valid ones, which
    /// become U+FFFD), then a statistical charset detector for legacy encodings such as Shift-JIS, GBK
    /// or windows-1251, and otherwise Windows-1252 (so Latin-1 text reads right).
    /// </summary>
    /// <param name="text">The text's bytes.</param>
    /// <param name="cancellationToken">Stops the cleaning between phases and filters.</param>
    /// <returns>The cleaned text, the title and every removal with its reason (see <see cref="Clean(string)"/>).</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public CleanResult Clean(ReadOnlySpan<byte> text, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deadline = new Deadline(Options.Timeout, cancellationToken) { Phase = "decoding" };
        return CleanText(Html.HtmlEncoding.DecodeText(text), deadline);
    }

    /// <summary>Cleans plain text given as bytes, detecting the encoding (see <see cref="Clean(ReadOnlySpan{byte}, CancellationToken)"/>).</summary>
    /// <param name="text">The text's bytes.</param>
    /// <param name="cancellationToken">Stops the cleaning between phases and filters.</param>
    /// <returns>The cleaned text, the title and every removal with its reason (see <see cref="Clean(string)"/>).</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public CleanResult Clean(byte[] text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Clean(text.AsSpan(), cancellationToken);
    }

    /// <summary>
    /// Reads plain text from a stream to its end without blocking, then cleans it, detecting the
    /// encoding (see <see cref="Clean(ReadOnlySpan{byte}, CancellationToken)"/>). The cleaning itself
    /// runs on the calling thread once the bytes are in.
    /// </summary>
    /// <param name="text">The stream of the text's bytes; it is read but not closed.</param>
    /// <param name="cancellationToken">Stops the reading and the cleaning.</param>
    /// <returns>
    /// The cleaned text, the title and every removal with its reason. A stream that holds more than
    /// four bytes per character of <see cref="CleanerOptions.MaxInputLength"/> is not read to its end:
    /// the result has <see cref="CleanStatus.InputTooLarge"/>, an empty text and a diagnostic that
    /// says so.
    /// </returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<CleanResult> CleanAsync(Stream text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (bytes, tooLarge) = await ReadBoundedAsync(text, cancellationToken).ConfigureAwait(false);
        return tooLarge ?? Clean(bytes.Span, cancellationToken);
    }

    /// <summary>
    /// The most bytes a stream may hold: four per character of the size limit, as no supported
    /// encoding takes more than four bytes for a character, so a longer stream is surely too long.
    /// </summary>
    private long MaxInputBytes => Math.Min(Array.MaxLength - 1L, 4L * Options.MaxInputLength);

    /// <summary>The result for a stream that holds more than <see cref="MaxInputBytes"/>, which is not read to its end.</summary>
    private CleanResult StreamTooLarge() =>
        CleanResult.Untouched(string.Empty, Options, Phrases, CleanStatus.InputTooLarge,
            $"the stream holds more than {MaxInputBytes:N0} bytes (four per character of CleanerOptions.MaxInputLength, {Options.MaxInputLength:N0}); it was not read to its end");

    /// <summary>
    /// Reads a stream to its end, or until it holds more than <see cref="MaxInputBytes"/> (then the
    /// second value is the too-large result). A memory stream's buffer is used as it is.
    /// </summary>
    private (ReadOnlyMemory<byte> Bytes, CleanResult? TooLarge) ReadBounded(Stream stream, CancellationToken cancellationToken)
    {
        if (Preread(stream) is { } done)
        {
            return done;
        }

        var buffer = new byte[InitialBuffer(stream)];
        int length = 0;
        while (length <= MaxInputBytes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            buffer = Grown(buffer, length);
            int read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                return (buffer.AsMemory(0, length), null);
            }

            length += read;
        }

        return (default, StreamTooLarge());
    }

    /// <summary>Reads a stream as <see cref="ReadBounded"/> does, without blocking.</summary>
    private async ValueTask<(ReadOnlyMemory<byte> Bytes, CleanResult? TooLarge)> ReadBoundedAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (Preread(stream) is { } done)
        {
            return done;
        }

        var buffer = new byte[InitialBuffer(stream)];
        int length = 0;
        while (length <= MaxInputBytes)
        {
            buffer = Grown(buffer, length);
            int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.AsMemory(0, length), null);
            }

            length += read;
        }

        return (default, StreamTooLarge());
    }

    /// <summary>
    /// What a stream holds without reading it: a memory stream's buffer, or the too-large result when
    /// a seekable stream's length is over the limit; null when the stream must be read.
    /// </summary>
    private (ReadOnlyMemory<byte>, CleanResult?)? Preread(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxInputBytes)
        {
            return (default, StreamTooLarge());
        }

        if (stream is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            int offset = (int)memory.Position;
            memory.Position = memory.Length;
            return (segment.AsMemory(offset, (int)memory.Length - offset), null);
        }

        return null;
    }

    /// <summary>The first buffer's size: the rest of a seekable stream (plus one byte to see its end), else 64 KB.</summary>
    private int InitialBuffer(Stream stream) =>
        (int)Math.Clamp(stream.CanSeek ? stream.Length - stream.Position + 1 : 64 * 1024, 1, MaxInputBytes + 1);

    /// <summary>The buffer, doubled (up to one byte past the limit) when it is full.</summary>
    private byte[] Grown(byte[] buffer, int length)
    {
        if (length < buffer.Length)
        {
            return buffer;
        }

        Array.Resize(ref buffer, (int)Math.Min(MaxInputBytes + 1, buffer.Length * 2L));
        return buffer;
    }

    /// <summary>
    /// Runs the filters over a document, checking the deadline before and after each, and stamping
    /// each verdict with the filter that gives it. The notes of what was cut or skipped to keep the
    /// call within its limits become the result's diagnostic.
    /// </summary>
    internal CleanResult Run(Document document, Deadline deadline)
    {
        document.SiteProfile = SiteProfile;
        try
        {
            for (int i = 0; i < Filters.Count; i++)
            {
                var filter = Filters[i];
                deadline.Begin(_filterPhases[i]); // also checks the limit after the filter before
                document.RunningFilter = filter;
                filter.Apply(document);
            }

            deadline.Check();
        }
        finally
        {
            document.RunningFilter = null;
        }

        return new CleanResult(document, CleanStatus.Cleaned, deadline.Notes.Count == 0 ? null : string.Join("; ", deadline.Notes));
    }

    /// <summary>The result of an input longer than <see cref="CleanerOptions.MaxInputLength"/>: the input, untouched, and why.</summary>
    private CleanResult TooLarge(string input, int length, string what) =>
        CleanResult.Untouched(input, Options, Phrases, CleanStatus.InputTooLarge,
            $"the {what} has {length:N0} characters, over the limit of {Options.MaxInputLength:N0} (CleanerOptions.MaxInputLength)");

    /// <summary>The result of a call that ran out of time: the input, untouched, and the phase it stopped in.</summary>
    private CleanResult TimedOut(string input, Deadline deadline, string phase) =>
        CleanResult.Untouched(input, Options, Phrases, CleanStatus.TimedOut,
            $"cleaning took longer than {deadline.Limit.GetValueOrDefault().TotalSeconds:0.###} s (CleanerOptions.Timeout); stopped while {phase}"
            + (deadline.Notes.Count == 0 ? string.Empty : " (" + string.Join("; ", deadline.Notes) + ")"));
}
