using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Cleaner.Cli.Batch.Formats;
using Cleaner.Cli.Inputs;
using Cleaner.Cli.Output;

namespace Cleaner.Cli.Batch;

/// <summary>What became of one record.</summary>
internal enum OutcomeKind
{
    /// <summary>Cleaned: one output line.</summary>
    Cleaned,

    /// <summary>Failed: one error line.</summary>
    Error,

    /// <summary>Not a record to clean (a request, warcinfo or metadata record, a non-HTML or non-2xx response).</summary>
    Skipped,

    /// <summary>Belongs to another shard: not output and not counted as input.</summary>
    OtherShard,
}

/// <summary>One record's outcome: its JSON line (output or error) ready to write.</summary>
/// <param name="Kind">What became of it.</param>
/// <param name="Line">The JSON line with its line feed (cleaned and error records).</param>
/// <param name="Message">For an error: the one-line message for standard error when there is no --errors file.</param>
internal sealed record Outcome(OutcomeKind Kind, byte[]? Line = null, string? Message = null)
{
    public static readonly Outcome Skip = new(OutcomeKind.Skipped);

    public static readonly Outcome NotThisShard = new(OutcomeKind.OtherShard);
}

/// <summary>A shard of a run: the records whose key hashes (XxHash64) to <see cref="Index"/> modulo <see cref="Count"/>.</summary>
internal readonly record struct Shard(int Index, int Count)
{
    /// <summary>Parses <c>K/N</c> with 0 ≤ K &lt; N.</summary>
    public static bool TryParse(string? text, out Shard shard)
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

        shard = new Shard(index, count);
        return true;
    }

    /// <summary>Whether the record with this key belongs to the shard.</summary>
    public bool Contains(string key) => Count <= 1 || (int)(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key)) % (ulong)Count) == Index;
}

/// <summary>The settings of a batch run.</summary>
internal sealed record BatchOptions
{
    public int Parallel { get; init; } = Environment.ProcessorCount;

    public Shard Shard { get; init; } = new(0, 1);

    public bool Reasons { get; init; }

    public string TextField { get; init; } = "text";

    public string HtmlField { get; init; } = "html";

    public string UrlField { get; init; } = "url";

    public string IdField { get; init; } = "id";

    public InputFormat Format { get; init; } = InputFormat.Auto;

    public int MaxRecordBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>The largest <c>--max-record-mb</c>: a record's text must fit in one .NET string (about 1 G characters).</summary>
    public const int MaxRecordMegabytes = 512;

    /// <summary>The most workers.</summary>
    public const int MaxParallel = 256;

    /// <summary>The site profiles to clean with (each record with its site's), or null.</summary>
    public Cleaner.Sites.SiteProfileSet? Profiles { get; init; }

    /// <summary>A JSONL field that names each record's site, instead of the host of its URL.</summary>
    public string? SiteField { get; init; }

    /// <summary>How many records may be between the reader and the writer (read, being cleaned, or waiting for their turn).</summary>
    public int Capacity => Math.Max(16, 4 * Math.Clamp(Parallel, 1, MaxParallel));

    /// <summary>
    /// How many record bytes (as read, before cleaning) may be between the reader and the writer; one
    /// record larger than this still goes through, alone.
    /// </summary>
    public long MaxBytesInFlight { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// How long the writer waits for one record once a worker has started it before writing it as
    /// <c>timed-out</c> and going on (null: as long as it takes). Set from the cleaner's time limit.
    /// </summary>
    public TimeSpan? RecordTimeout { get; init; }

    /// <summary>How many times its compressed size a compressed input may expand to before it is an error (0: no limit).</summary>
    public int MaxExpansion { get; init; } = 100;

    /// <summary>How many records at the start of the run were written by the run this one resumes (read, not cleaned).</summary>
    public long SkipRecords { get; init; }
}

/// <summary>
/// Turns a record into its outcome: its format parses it (JSON, or the WARC record's HTTP response),
/// then this decides its shard, cleans it and writes its JSON line. One per worker (it reuses its
/// buffers); not thread-safe.
/// </summary>
internal sealed class RecordProcessor(TextCleaner cleaner, BatchOptions options)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly RecordFields _fields = new(options.TextField, options.HtmlField, options.UrlField, options.IdField, options.MaxRecordBytes);

    /// <summary>The outcome of a record; its bytes go back to the pool.</summary>
    public Outcome Process(RawRecord record, Action<ParsedRecord>? onParsed = null)
    {
        try
        {
            var parsed = record.Format.Parse(record, _fields);
            onParsed?.Invoke(parsed);
            if (!InShard(parsed.Id, parsed.Url, record))
            {
                return Outcome.NotThisShard;
            }

            if (parsed.Error is { } error)
            {
                return Error(record, parsed, "error", error);
            }

            var siteCleaner = options.Profiles is { } profiles && parsed.Clean is not null && RecordSites.SiteOf(record, parsed, options.SiteField) is { } site
                ? cleaner.WithSiteProfile(profiles.Find(site))
                : cleaner;
            return parsed.Clean is { } clean ? Clean(record, parsed, clean, siteCleaner) : Outcome.Skip;
        }
        finally
        {
            record.Bytes.Return();
        }
    }

    /// <summary>Cleans one record. The only catch-all: a failure of the library on one record becomes its error line, and the run goes on.</summary>
    private Outcome Clean(RawRecord record, ParsedRecord id, Func<TextCleaner, CleanResult> clean, TextCleaner siteCleaner)
    {
        CleanResult result;
        try
        {
            result = clean(siteCleaner);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Error(record, id, "error", $"the cleaner failed: {e.GetType().FullName}: {e.Message}");
        }

        if (result.Status != CleanStatus.Cleaned)
        {
            return Error(record, id, StatusNames.Of(result.Status), result.Diagnostic ?? result.Status.ToString());
        }

        using var json = Start(record, id, null);
        DocumentJson.Write(json, result, options.Reasons);
        return new Outcome(OutcomeKind.Cleaned, Finish(json));
    }

    /// <summary>The error line of a record the writer stopped waiting for.</summary>
    public Outcome TimedOut(RawRecord record, ParsedRecord? parsed, TimeSpan limit) =>
        Error(record, parsed ?? new ParsedRecord(null, null, null), StatusNames.Of(CleanStatus.TimedOut),
            $"cleaning took longer than {limit.TotalSeconds:0.###} s; the record was given up and the run went on");

    private Outcome Error(RawRecord record, ParsedRecord id, string status, string reason)
    {
        using var json = Start(record, id, status);
        json.WriteString("error", reason);
        var name = id.Url ?? id.Id;
        var message = $"{record.Input}#{record.Index}{(name is null ? string.Empty : $" ({name})")}: {reason}";
        return new Outcome(OutcomeKind.Error, Finish(json), message);
    }

    /// <summary>Starts a line with the record's identity: id, url, input, record, and the status when given.</summary>
    private Utf8JsonWriter Start(RawRecord record, ParsedRecord id, string? status)
    {
        _buffer.ResetWrittenCount();
        var json = new Utf8JsonWriter(_buffer, DocumentJson.Writer);
        json.WriteStartObject();
        if (id.IdJson is not null)
        {
            json.WritePropertyName("id");
            json.WriteRawValue(id.IdJson, skipInputValidation: true);
        }
        else
        {
            DocumentJson.WriteIfNotNull(json, "id", id.Id);
        }

        DocumentJson.WriteIfNotNull(json, "url", id.Url);
        json.WriteString("input", record.Input);
        json.WriteNumber("record", record.Index);
        if (status is not null)
        {
            json.WriteString("status", status);
        }

        return json;
    }

    private byte[] Finish(Utf8JsonWriter json)
    {
        json.WriteEndObject();
        json.Flush();
        var line = new byte[_buffer.WrittenCount + 1];
        _buffer.WrittenSpan.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>Whether the record is in this run's shard, by its id, else its URL, else its position in the run.</summary>
    private bool InShard(string? id, string? url, RawRecord record) =>
        options.Shard.Count <= 1 || options.Shard.Contains(id ?? url ?? $"#{record.Sequence.ToString(CultureInfo.InvariantCulture)}");
}
