namespace Cleaner.Cli.Batch.Formats;

/// <summary>The WARC headers a record is judged and named by.</summary>
internal sealed record WarcHeader(string? Type, string? RecordId, string? TargetUri, string? ContentType);

/// <summary>One record as read, before it is parsed and cleaned (that happens on a worker).</summary>
internal sealed class RawRecord
{
    /// <summary>The record's position among all records of the run, counted from 0 (the shard key of a record without an id).</summary>
    public long Sequence { get; set; }

    /// <summary>The input's name as given (a path, or <c>-</c>).</summary>
    public required string Input { get; init; }

    /// <summary>The record's position in its input, from 0 (for JSONL, the line number minus one).</summary>
    public required long Index { get; init; }

    /// <summary>The format that read it (and parses it).</summary>
    public required IRecordFormat Format { get; init; }

    /// <summary>The JSON line, or the WARC record's block; empty when <see cref="ReadError"/> is set.</summary>
    public RecordBytes Bytes { get; init; } = RecordBytes.Empty;

    /// <summary>The WARC headers (WARC records only; null when they could not be read).</summary>
    public WarcHeader? Warc { get; init; }

    /// <summary>Why the record could not be read (too large, truncated input, malformed framing), or null.</summary>
    public string? ReadError { get; init; }
}
