using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cleaner.Cli.Batch.Formats;
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

    /// <summary>The site profiles to clean with (each record with its site's), or null.</summary>
    public Cleaner.Sites.SiteProfileSet? Profiles { get; init; }

    /// <summary>A JSONL field that names each record's site, instead of the host of its URL.</summary>
    public string? SiteField { get; init; }

    /// <summary>How many records may be between the reader and the writer (read, being cleaned, or waiting for their turn).</summary>
    public int Capacity => Math.Max(16, 4 * Parallel);
}

/// <summary>The JSON settings of batch output: camelCase, non-ASCII left as it is, no null members.</summary>
internal static class BatchJson
{
    public static readonly CliJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    public static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
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
    public Outcome Process(RawRecord record)
    {
        try
        {
            var parsed = record.Format.Parse(record, _fields);
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
            return Error(record, id, Kebab(result.Status.ToString()), result.Diagnostic ?? result.Status.ToString());
        }

        using var json = Start(record, id, "cleaned");
        WriteIfNotNull(json, "title", result.Title);
        WriteIfNotNull(json, "language", result.Language);
        json.WriteString("text", result.Text);
        json.WritePropertyName("metadata");
        JsonSerializer.Serialize(json, CleanedMetadata.From(result.Metadata), BatchJson.Context.CleanedMetadata);
        if (options.Reasons)
        {
            json.WriteStartArray("removed");
            foreach (var removal in result.Removed)
            {
                json.WriteStartObject();
                json.WriteString("filter", removal.Filter);
                json.WriteString("reason", removal.Reason);
                json.WriteString("text", removal.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return new Outcome(OutcomeKind.Cleaned, Finish(json));
    }

    private Outcome Error(RawRecord record, ParsedRecord id, string status, string reason)
    {
        using var json = Start(record, id, status);
        json.WriteString("error", reason);
        var name = id.Url ?? id.Id;
        var message = $"{record.Input}#{record.Index}{(name is null ? string.Empty : $" ({name})")}: {reason}";
        return new Outcome(OutcomeKind.Error, Finish(json), message);
    }

    /// <summary>Starts a line with the record's identity: id, url, input, record, status.</summary>
    private Utf8JsonWriter Start(RawRecord record, ParsedRecord id, string status)
    {
        _buffer.ResetWrittenCount();
        var json = new Utf8JsonWriter(_buffer, BatchJson.Writer);
        json.WriteStartObject();
        if (id.IdJson is not null)
        {
            json.WritePropertyName("id");
            json.WriteRawValue(id.IdJson, skipInputValidation: true);
        }
        else
        {
            WriteIfNotNull(json, "id", id.Id);
        }

        WriteIfNotNull(json, "url", id.Url);
        json.WriteString("input", record.Input);
        json.WriteNumber("record", record.Index);
        json.WriteString("status", status);
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

    private static void WriteIfNotNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Whether the record is in this run's shard, by its id, else its URL, else its position in the run.</summary>
    private bool InShard(string? id, string? url, RawRecord record) =>
        options.Shard.Count <= 1 || options.Shard.Contains(id ?? url ?? $"#{record.Sequence.ToString(CultureInfo.InvariantCulture)}");

    private static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        foreach (char c in name)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
