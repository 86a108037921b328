namespace Cleaner.Batch;

/// <summary>
/// A record format: how an input is cut into records (on the reader) and what a record asks to have
/// cleaned (on a worker). One instance per input; the only place a format is switched on is
/// <see cref="RecordFormats.Create"/>.
/// </summary>
internal interface IRecordFormat
{
    /// <summary>The next record of the input, or null at its end.</summary>
    /// <exception cref="IOException">The input cannot be read further (the reader reports it with <see cref="Failed"/>).</exception>
    /// <exception cref="InvalidDataException">The input is corrupt (likewise).</exception>
    BatchRecord? Next(RecordSource source);

    /// <summary>The error record for a failure that ends the input, with what is known of the record it happened in.</summary>
    BatchRecord Failed(RecordSource source, string reason);

    /// <summary>What a record names itself by, and what to do with it (clean, skip, or report an error).</summary>
    /// <remarks>Runs on a worker; must not keep the record's bytes beyond the call.</remarks>
    ParsedRecord Parse(BatchRecord record, RecordFields fields);
}

/// <summary>The JSONL field names (the other formats ignore them) and the largest payload.</summary>
internal sealed record RecordFields(string Text, string Html, string Url, string Id, int MaxRecordBytes);

/// <summary>The record formats.</summary>
internal static class RecordFormats
{
    private static readonly byte[] WarcMagic = "WARC/"u8.ToArray();

    /// <summary>A new format for one input: the one asked for, or told from the input's first bytes.</summary>
    /// <exception cref="StopException">With <see cref="BatchFormat.Auto"/>, the input is neither WARC nor JSONL.</exception>
    public static IRecordFormat Create(BatchFormat format, RecordBuffer buffer) => format switch
    {
        BatchFormat.Warc => new WarcFormat(),
        BatchFormat.Jsonl => new JsonlFormat(),
        _ when buffer.StartsWith(WarcMagic) => new WarcFormat(),
        _ => LooksLikeJsonl(buffer) ? new JsonlFormat() : throw new StopException(NotRecords(buffer.Head(SniffBytes))),
    };

    /// <summary>How much of an input that is no corpus its error shows and judges.</summary>
    private const int SniffBytes = 256;

    /// <summary>
    /// Whether an input starts as JSON Lines do: with <c>{</c> after any byte order mark and white
    /// space (or holds nothing but those). Reads no further than that first byte needs (a corrupt
    /// gzip member after the first record stays that record's error).
    /// </summary>
    private static bool LooksLikeJsonl(RecordBuffer buffer)
    {
        for (int n = 16; ; n *= 2)
        {
            var head = buffer.Head(n);
            var rest = Trimmed(head);
            if (!rest.IsEmpty)
            {
                return rest[0] == (byte)'{';
            }

            if (head.Length < n || n >= RecordBuffer.Size)
            {
                return true;
            }
        }
    }

    private static ReadOnlySpan<byte> Trimmed(ReadOnlySpan<byte> head) =>
        (head.StartsWith("\uFEFF"u8) ? head[3..] : head).TrimStart(" \t\r\n"u8);

    /// <summary>The one error of an input that is no corpus: what it starts with, and what it looks like.</summary>
    private static string NotRecords(ReadOnlySpan<byte> head)
    {
        var rest = Trimmed(head);
        var text = System.Text.Encoding.UTF8.GetString(rest);
        int odd = text.Count(c => c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\r' or '\n')));
        var what = odd * 10 > text.Length ? "binary data" : HtmlSniffer.LooksLikeHtml(rest) ? "an HTML page" : "plain text";
        var start = new System.Text.StringBuilder();
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, 40)))
        {
            start.Append(char.IsControl(c) || c == '\uFFFD' ? '?' : c);
        }

        return $"not JSONL, WARC or WET: the input starts with '{start}', {what}; nothing of it was read as records (--input-format jsonl reads every line as JSON)";
    }
}

/// <summary>
/// What a record asks for once parsed: its identity (for the shard and for its output line), and
/// either a cleaning, a skip, or an error.
/// </summary>
/// <param name="IdJson">The JSONL id as raw JSON, written as it came (a number stays a number).</param>
/// <param name="Id">The id as text: the JSONL id, or the WARC-Record-ID.</param>
/// <param name="Url">The JSONL url, or the WARC-Target-URI.</param>
internal sealed record ParsedRecord(string? IdJson, string? Id, string? Url)
{
    /// <summary>The cleaning to run, when the record is to be cleaned.</summary>
    public Func<TextCleaner, CleanResult>? Clean { get; init; }

    /// <summary>Whether the cleaning is of an HTML page (its extractor is counted).</summary>
    public bool Html { get; init; }

    /// <summary>Why the record is an error, when it is one.</summary>
    public string? Error { get; init; }

    /// <summary>Whether the record is not one to clean (a request, a non-HTML response).</summary>
    public bool Skip { get; init; }

    /// <summary>A record that is an error before anything names it (the shard goes by its position).</summary>
    public static ParsedRecord Unnamed(string error) => new(null, null, null) { Error = error };
}

/// <summary>The input being cut into records: its buffer, name, the next record's position and the size limit.</summary>
internal sealed class RecordSource(string input, RecordBuffer buffer, int maxRecordBytes)
{
    private long _index;

    public string Input { get; } = input;

    public RecordBuffer Buffer { get; } = buffer;

    public int MaxRecordBytes { get; } = maxRecordBytes;

    /// <summary>Takes the next record position.</summary>
    public long TakeIndex() => _index++;

    /// <summary>A record with its bytes.</summary>
    public BatchRecord Record(IRecordFormat format, RecordBytes bytes, long index, WarcHeader? warc = null) =>
        new() { Input = Input, Index = index, Format = format, Bytes = bytes, Warc = warc };

    /// <summary>A record that could not be read.</summary>
    public BatchRecord Failure(IRecordFormat format, string reason, long index, WarcHeader? warc = null) =>
        new() { Input = Input, Index = index, Format = format, Warc = warc, ReadError = reason };

    /// <summary>The reason of a record over the size limit.</summary>
    public string TooLarge(long bytes) =>
        $"record too large: {bytes:N0} bytes, over the limit of {MaxRecordBytes:N0} (--max-record-mb)";
}
