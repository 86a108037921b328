using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

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
/// Turns a record into its outcome: parses it (JSON, or the WARC record's HTTP response), decides its
/// shard, cleans it and writes its JSON line. One per worker (it reuses its buffers); not thread-safe.
/// </summary>
internal sealed class RecordProcessor(TextCleaner cleaner, BatchOptions options)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    /// <summary>The outcome of a record; its bytes go back to the pool.</summary>
    public Outcome Process(RawRecord record)
    {
        try
        {
            return record.Format == InputFormat.Warc ? ProcessWarc(record) : ProcessJson(record);
        }
        finally
        {
            record.Bytes.Return();
        }
    }

    private Outcome ProcessJson(RawRecord record)
    {
        if (record.ReadError is { } readError)
        {
            return InShard(null, null, record) ? Error(new RecordId(record, null, null, null), "error", readError) : Outcome.NotThisShard;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(record.Bytes.Memory);
        }
        catch (JsonException e)
        {
            return InShard(null, null, record) ? Error(new RecordId(record, null, null, null), "error", $"malformed JSON: {e.Message}") : Outcome.NotThisShard;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return InShard(null, null, record) ? Error(new RecordId(record, null, null, null), "error", $"malformed record: a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object") : Outcome.NotThisShard;
            }

            string? idJson = null, idKey = null, url = null;
            if (root.TryGetProperty(options.IdField, out var idValue) && idValue.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                idJson = idValue.GetRawText();
                idKey = idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : idJson;
            }

            if (root.TryGetProperty(options.UrlField, out var urlValue) && urlValue.ValueKind == JsonValueKind.String)
            {
                url = urlValue.GetString();
            }

            if (!InShard(idKey, url, record))
            {
                return Outcome.NotThisShard;
            }

            var id = new RecordId(record, idJson, idKey, url);
            if (StringField(root, options.HtmlField) is { } html)
            {
                return Clean(id, () => cleaner.CleanHtml(html, AbsoluteUri(url)));
            }

            if (StringField(root, options.TextField) is { } text)
            {
                return Clean(id, () => cleaner.Clean(text));
            }

            var wrong = new[] { options.HtmlField, options.TextField }
                .Where(name => root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
                .Select(name => $"'{name}' is a {root.GetProperty(name).ValueKind.ToString().ToLowerInvariant()}, not a string")
                .FirstOrDefault();
            return Error(id, "error", wrong is null
                ? $"missing field: the record has no '{options.HtmlField}' or '{options.TextField}' string"
                : $"wrong field type: {wrong}");
        }
    }

    private Outcome ProcessWarc(RawRecord record)
    {
        var header = record.Warc;
        if (!InShard(header?.RecordId, header?.TargetUri, record))
        {
            return Outcome.NotThisShard;
        }

        var id = new RecordId(record, null, header?.RecordId, header?.TargetUri);
        if (record.ReadError is { } readError)
        {
            return Error(id, "error", readError);
        }

        var block = record.Bytes.Span;
        var uri = AbsoluteUri(header!.TargetUri);
        switch (header.Type?.ToLowerInvariant())
        {
            case "response":
                if (!(header.ContentType?.Contains("application/http", StringComparison.OrdinalIgnoreCase) ?? false))
                {
                    return Outcome.Skip;
                }

                if (HttpResponse.Parse(block) is not { } http)
                {
                    return Error(id, "error", "malformed HTTP response: no status line");
                }

                if (http.Status is < 200 or > 299)
                {
                    return Outcome.Skip;
                }

                if (!HttpResponse.IsHtml(http.ContentType)
                    && (http.ContentType is not null || !InputDetector.LooksLikeHtml(block[http.BodyStart..])))
                {
                    return Outcome.Skip;
                }

                byte[] payload;
                try
                {
                    payload = http.DecodePayload(block, options.MaxRecordBytes);
                }
                catch (InvalidDataException e)
                {
                    return Error(id, "error", $"decoding failure: {e.Message}");
                }

                return Clean(id, () => cleaner.CleanHtml(payload, uri, http.ContentType));

            case "conversion":
                var converted = DecodeUtf8(block);
                return Clean(id, () => cleaner.Clean(converted));

            case "resource" when HttpResponse.IsHtml(header.ContentType):
                var page = block.ToArray();
                return Clean(id, () => cleaner.CleanHtml(page, uri, header.ContentType));

            case "resource" when HttpResponse.MediaType(header.ContentType) == "text/plain":
                var resource = DecodeUtf8(block);
                return Clean(id, () => cleaner.Clean(resource));

            default:
                return Outcome.Skip;
        }
    }

    /// <summary>Cleans one record. The only catch-all: a failure of the library on one record becomes its error line, and the run goes on.</summary>
    private Outcome Clean(RecordId id, Func<CleanResult> clean)
    {
        CleanResult result;
        try
        {
            result = clean();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Error(id, "error", $"the cleaner failed: {e.GetType().FullName}: {e.Message}");
        }

        if (result.Status != CleanStatus.Cleaned)
        {
            return Error(id, Kebab(result.Status.ToString()), result.Diagnostic ?? result.Status.ToString());
        }

        using var json = Start(id, "cleaned");
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

    private Outcome Error(RecordId id, string status, string reason)
    {
        using var json = Start(id, status);
        json.WriteString("error", reason);
        var name = id.Url ?? id.Id;
        var message = $"{id.Record.Input}#{id.Record.Index}{(name is null ? string.Empty : $" ({name})")}: {reason}";
        return new Outcome(OutcomeKind.Error, Finish(json), message);
    }

    /// <summary>Starts a line with the record's identity: id, url, input, record, status.</summary>
    private Utf8JsonWriter Start(RecordId id, string status)
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
        json.WriteString("input", id.Record.Input);
        json.WriteNumber("record", id.Record.Index);
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

    private static string? StringField(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Uri? AbsoluteUri(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes);

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

    /// <summary>What names a record in its output or error line.</summary>
    /// <param name="Record">The record (its input and position).</param>
    /// <param name="IdJson">The JSONL id as raw JSON, written as it came (a number stays a number).</param>
    /// <param name="Id">The id as text: the JSONL id, or the WARC-Record-ID.</param>
    /// <param name="Url">The JSONL url, or the WARC-Target-URI.</param>
    private sealed record RecordId(RawRecord Record, string? IdJson, string? Id, string? Url);
}
