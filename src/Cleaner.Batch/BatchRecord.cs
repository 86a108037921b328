
namespace Cleaner.Batch;

/// <summary>The WARC headers a record is judged and named by.</summary>
internal sealed record WarcHeader(string? Type, string? RecordId, string? TargetUri, string? ContentType);

/// <summary>
/// One record to clean: read from a corpus by <see cref="BatchReader"/> (a JSON line, a WARC record),
/// or made in code with <see cref="FromHtml"/> or <see cref="FromText"/>. A record read from a corpus
/// is parsed on a worker of the <see cref="BatchPipeline"/>, not by the reader; its bytes come from a
/// shared pool and go back to it once the pipeline has cleaned it, so give each record to one
/// pipeline once.
/// </summary>
public sealed class BatchRecord
{
    internal BatchRecord()
    {
    }

    /// <summary>The name of the input it came from (a path, <c>-</c>, or the name given in code).</summary>
    public string Input { get; internal init; } = "-";

    /// <summary>The record's position in its input, from 0 (for JSONL, the line number minus one).</summary>
    public long Index { get; internal init; }

    /// <summary>The record's position among all records of the run, counted from 0 (the shard key of a record without an id).</summary>
    internal long Sequence { get; set; }

    /// <summary>The format that read it (and parses it); null for a record made in code.</summary>
    internal IRecordFormat? Format { get; init; }

    private int _returned;

    /// <summary>The JSON line, or the WARC record's block; empty when <see cref="ReadError"/> is set (or once returned).</summary>
    internal RecordBytes Bytes { get; set; } = RecordBytes.Empty;

    /// <summary>The WARC headers (WARC records only; null when they could not be read).</summary>
    internal WarcHeader? Warc { get; init; }

    /// <summary>Why the record could not be read (too large, truncated input, malformed framing), or null.</summary>
    internal string? ReadError { get; init; }

    /// <summary>Whether the read error ended its input: nothing after this record of that input was read.</summary>
    internal bool EndsInput { get; set; }

    /// <summary>Gives the bytes back to the pool, once: a record given to a pipeline twice reads as empty the second time, never as another record's bytes.</summary>
    internal void ReturnBytes()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0)
        {
            var bytes = Bytes;
            Bytes = RecordBytes.Empty;
            bytes.Return();
        }
    }

    /// <summary>What a record made in code asks for (it needs no parsing).</summary>
    internal ParsedRecord? Parsed { get; init; }

    /// <summary>A page to clean as HTML.</summary>
    /// <param name="html">The page.</param>
    /// <param name="url">The page's address (resolves its links; names it in errors), or null.</param>
    /// <param name="id">The record's id (written in its result's JSON line; the shard key), or null.</param>
    /// <param name="input">The name of the input it belongs to.</param>
    /// <param name="index">Its position in that input.</param>
    /// <returns>The record.</returns>
    public static BatchRecord FromHtml(string html, Uri? url = null, string? id = null, string input = "-", long index = 0)
    {
        ArgumentNullException.ThrowIfNull(html);
        return new BatchRecord
        {
            Input = input,
            Index = index,
            Parsed = Named(id, url?.ToString()) with { Clean = cleaner => cleaner.CleanHtml(html, url), Html = true },
        };
    }

    /// <summary>Scraped text to clean (one block per line).</summary>
    /// <param name="text">The text.</param>
    /// <param name="id">The record's id (written in its result's JSON line; the shard key), or null.</param>
    /// <param name="input">The name of the input it belongs to.</param>
    /// <param name="index">Its position in that input.</param>
    /// <returns>The record.</returns>
    public static BatchRecord FromText(string text, string? id = null, string input = "-", long index = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new BatchRecord { Input = input, Index = index, Parsed = Named(id, null) with { Clean = cleaner => cleaner.Clean(text) } };
    }

    private static ParsedRecord Named(string? id, string? url) => new(null, id, url);
}
