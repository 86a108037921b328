using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Cleaner.Batch;

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
    public BatchResult Process(BatchRecord record, Action<ParsedRecord>? onParsed = null)
    {
        try
        {
            var parsed = record.Parsed ?? record.Format!.Parse(record, _fields);
            onParsed?.Invoke(parsed);
            if (!InShard(parsed.Id, parsed.Url, record))
            {
                // A shard that loses the rest of an input knows it too, whichever shard reports the record.
                return record.EndsInput ? new BatchResult(BatchResultKind.OtherShard) { Input = record.Input, Index = record.Index, EndsInput = true } : BatchResult.NotThisShard;
            }

            if (parsed.Error is { } error)
            {
                return Error(record, parsed, "error", error);
            }

            var siteCleaner = options.Profiles is { } profiles && parsed.Clean is not null && RecordSites.SiteOf(record, parsed, options.SiteField) is { } site
                ? cleaner.WithSiteProfile(profiles.Find(site))
                : cleaner;
            return parsed.Clean is { } clean
                ? Clean(record, parsed, clean, siteCleaner)
                : new BatchResult(BatchResultKind.Skipped) { Input = record.Input, Index = record.Index, Id = parsed.Id, Url = parsed.Url };
        }
        finally
        {
            record.ReturnBytes();
        }
    }

    /// <summary>Cleans one record. The only catch-all: a failure of the library on one record becomes its error line, and the run goes on.</summary>
    private BatchResult Clean(BatchRecord record, ParsedRecord id, Func<TextCleaner, CleanResult> clean, TextCleaner siteCleaner)
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

        var extractor = id.Html ? ExtractorName(result.ExtractedBy) : null;
        if (!options.JsonLines)
        {
            return new BatchResult(BatchResultKind.Cleaned)
            {
                Input = record.Input, Index = record.Index, Id = id.Id, Url = id.Url, Status = StatusNames.Of(result.Status), Result = result, Extractor = extractor,
            };
        }

        using var json = Start(record, id, null);
        DocumentJson.Write(json, result, options.Reasons);
        return new BatchResult(BatchResultKind.Cleaned)
        {
            Input = record.Input, Index = record.Index, Id = id.Id, Url = id.Url, Status = StatusNames.Of(result.Status), JsonLine = Finish(json), Extractor = extractor,
        };
    }

    /// <summary>The extractor's name in the counts: <c>native</c>, <c>smartreader</c>, or <c>none</c> (the filters judged the whole page).</summary>
    private static string ExtractorName(ContentExtractor? extractor) => DocumentJson.ExtractorName(extractor) ?? "none";

    /// <summary>The error line of a record the writer stopped waiting for.</summary>
    public BatchResult TimedOut(BatchRecord record, ParsedRecord? parsed, TimeSpan limit) =>
        Error(record, parsed ?? new ParsedRecord(null, null, null), StatusNames.Of(CleanStatus.TimedOut),
            $"cleaning took longer than {limit.TotalSeconds:0.###} s; the record was given up and the run went on");

    private BatchResult Error(BatchRecord record, ParsedRecord id, string status, string reason)
    {
        var name = id.Url ?? id.Id;
        var message = $"{record.Input}#{record.Index}{(name is null ? string.Empty : $" ({name})")}: {reason}";
        byte[]? line = null;
        if (options.JsonLines)
        {
            using var json = Start(record, id, status);
            json.WriteString("error", reason);
            line = Finish(json);
        }

        return new BatchResult(BatchResultKind.Error)
        {
            Input = record.Input, Index = record.Index, Id = id.Id, Url = id.Url, Status = status, Error = reason, JsonLine = line, Message = message,
            EndsInput = record.EndsInput,
        };
    }

    /// <summary>Starts a line with the record's identity: id, url, input, record, and the status when given.</summary>
    private Utf8JsonWriter Start(BatchRecord record, ParsedRecord id, string? status)
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
    private bool InShard(string? id, string? url, BatchRecord record) =>
        options.Shard.Count <= 1 || options.Shard.Contains(id ?? url ?? $"#{record.Sequence.ToString(CultureInfo.InvariantCulture)}");
}
