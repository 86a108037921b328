namespace Cleaner.Batch;

/// <summary>What became of one record.</summary>
public enum BatchResultKind
{
    /// <summary>Cleaned: <see cref="BatchResult.Result"/> (or <see cref="BatchResult.JsonLine"/>) holds it.</summary>
    Cleaned,

    /// <summary>Failed: <see cref="BatchResult.Error"/> says why (malformed, too large, timed out, unreadable input...).</summary>
    Error,

    /// <summary>Not a record to clean (a WARC request, warcinfo or metadata record, a non-HTML or non-2xx response).</summary>
    Skipped,

    /// <summary>Belongs to another shard (<see cref="BatchOptions.Shard"/>): neither cleaned nor counted as input.</summary>
    OtherShard,
}

/// <summary>The result of one record of a <see cref="BatchPipeline"/> run, in input order.</summary>
public sealed class BatchResult
{
    internal static readonly BatchResult NotThisShard = new(BatchResultKind.OtherShard);

    internal BatchResult(BatchResultKind kind) => Kind = kind;

    /// <summary>What became of the record.</summary>
    public BatchResultKind Kind { get; }

    /// <summary>The name of the record's input.</summary>
    public string Input { get; internal init; } = "-";

    /// <summary>The record's position in its input, from 0.</summary>
    public long Index { get; internal init; }

    /// <summary>The record's id: the JSONL id, or the WARC-Record-ID; null when it has none (or is of another shard).</summary>
    public string? Id { get; internal init; }

    /// <summary>The record's URL: the JSONL url, or the WARC-Target-URI; null when it has none.</summary>
    public string? Url { get; internal init; }

    /// <summary>The status as written in JSON lines: <c>cleaned</c>, <c>error</c>, <c>timed-out</c>, <c>input-too-large</c>; null for skipped records.</summary>
    public string? Status { get; internal init; }

    /// <summary>Why the record failed, for <see cref="BatchResultKind.Error"/>; otherwise null.</summary>
    public string? Error { get; internal init; }

    /// <summary>The cleaned document, for <see cref="BatchResultKind.Cleaned"/> unless <see cref="BatchOptions.JsonLines"/> is set; otherwise null.</summary>
    public CleanResult? Result { get; internal init; }

    /// <summary>
    /// With <see cref="BatchOptions.JsonLines"/>: the record's UTF-8 JSON line, line feed included, as
    /// <c>cleaner batch</c> writes it (a cleaned record to the output, an error to the errors file);
    /// otherwise empty.
    /// </summary>
    public ReadOnlyMemory<byte> JsonLine { get; internal init; }

    /// <summary>The one-line message of an error: <c>input#record (url or id): reason</c>.</summary>
    internal string? Message { get; init; }

    /// <summary>For an HTML page cleaned: which extractor decided its article (<c>native</c>, <c>smartreader</c>, <c>none</c>).</summary>
    internal string? Extractor { get; init; }

    /// <summary>Whether the error ended its input (the rest of it was not read).</summary>
    internal bool EndsInput { get; init; }
}
