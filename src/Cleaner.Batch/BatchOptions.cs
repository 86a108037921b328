using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Cleaner.Sites;

namespace Cleaner.Batch;

/// <summary>How the records of an input are framed.</summary>
public enum BatchFormat
{
    /// <summary>WARC (and WET) when the input starts with <c>WARC/</c>, JSONL when it starts with <c>{</c>; anything else is one error for the input.</summary>
    Auto,

    /// <summary>One JSON object per line (every line is read, whatever the input starts with).</summary>
    Jsonl,

    /// <summary>WARC records (WARC and WET files).</summary>
    Warc,
}

/// <summary>A shard of a run: the records whose key (id, else URL, else position in the run) hashes (XxHash64) to <see cref="Index"/> modulo <see cref="Count"/>.</summary>
/// <param name="Index">The shard, from 0.</param>
/// <param name="Count">How many shards there are.</param>
public readonly record struct BatchShard(int Index, int Count)
{
    /// <summary>Parses <c>K/N</c> with 0 ≤ K &lt; N.</summary>
    internal static bool TryParse(string? text, out BatchShard shard)
    {
        shard = default;
        var parts = (text ?? string.Empty).Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count < 1 || index >= count)
        {
            return false;
        }

        shard = new BatchShard(index, count);
        return true;
    }

    /// <summary>Whether the record with this key belongs to the shard.</summary>
    internal bool Contains(string key) => Count <= 1 || (int)(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key)) % (ulong)Count) == Index;
}

/// <summary>The settings of a batch run: how records are read and how many are cleaned at once.</summary>
public sealed record BatchOptions
{
    /// <summary>The largest <see cref="MaxRecordBytes"/> in megabytes: a record's text must fit in one .NET string (about 1 G characters).</summary>
    internal const int MaxRecordMegabytes = 512;

    /// <summary>The most workers.</summary>
    internal const int MaxParallel = 256;

    /// <summary>How many records are cleaned at once (1 to 256; default: the processor count).</summary>
    public int Parallel { get; init; } = Environment.ProcessorCount;

    /// <summary>How records are framed (default: told from each input's first bytes).</summary>
    public BatchFormat Format { get; init; } = BatchFormat.Auto;

    /// <summary>JSONL: the field of plain text.</summary>
    public string TextField { get; init; } = "text";

    /// <summary>JSONL: the field of HTML (used when present, before <see cref="TextField"/>).</summary>
    public string HtmlField { get; init; } = "html";

    /// <summary>JSONL: the field of the page's URL.</summary>
    public string UrlField { get; init; } = "url";

    /// <summary>JSONL: the field of the record's id.</summary>
    public string IdField { get; init; } = "id";

    /// <summary>The largest record read (a JSON line, a WARC block, a decoded payload); larger ones are errors. Default 64 MB.</summary>
    public int MaxRecordBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>How many times its compressed size a compressed input may expand to (after its first 16 MB) before the rest of it is an error; 0: no limit. Default 100.</summary>
    public int MaxExpansion { get; init; } = 100;

    /// <summary>
    /// How many record bytes (as read, before cleaning) may be between the reader and the writer; one
    /// record larger than this still goes through, alone. Default 256 MB.
    /// </summary>
    public long MaxBytesInFlight { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// How long the pipeline waits for one record once a worker has started it before its result is
    /// <c>timed-out</c> and the run goes on (null, the default: as long as it takes). A second more
    /// than the cleaner's <see cref="CleanerOptions.Timeout"/> suits it: the cleaner checks its
    /// limit between filters.
    /// </summary>
    public TimeSpan? RecordTimeout { get; init; }

    /// <summary>Process only this shard's records (default: all, 0 of 1).</summary>
    public BatchShard Shard { get; init; } = new(0, 1);

    /// <summary>
    /// Whether each result carries its JSON line (<see cref="BatchResult.JsonLine"/>, the line
    /// <c>cleaner batch</c> writes) instead of the <see cref="BatchResult.Result"/>: the line is
    /// written on the worker, and the result holds no document while it waits for its turn.
    /// </summary>
    public bool JsonLines { get; init; }

    /// <summary>With <see cref="JsonLines"/>: add the removed blocks with their filter and reason to each line.</summary>
    public bool Reasons { get; init; }

    /// <summary>The site profiles to clean with (each record with its site's), or null.</summary>
    internal SiteProfileSet? Profiles { get; init; }

    /// <summary>A JSONL field that names each record's site, instead of the host of its URL.</summary>
    internal string? SiteField { get; init; }

    /// <summary>How many records at the start of the run were written by the run this one resumes (read, not cleaned).</summary>
    internal long SkipRecords { get; init; }

    /// <summary>How many records may be between the reader and the writer (read, being cleaned, or waiting for their turn).</summary>
    internal int Capacity => Math.Max(16, 4 * Math.Clamp(Parallel, 1, MaxParallel));
}
