using System.Text.Json;

namespace Cleaner.Batch;

/// <summary>JSON Lines: one object per line with a text or HTML field, and optional id and url fields; blank lines are not records.</summary>
internal sealed class JsonlFormat : IRecordFormat
{
    public BatchRecord? Next(RecordSource source)
    {
        while (true)
        {
            if (!source.Buffer.ReadLine(source.MaxRecordBytes, out var line, out bool tooLong, out long skipped))
            {
                return null;
            }

            long index = source.TakeIndex();
            if (tooLong)
            {
                return source.Failure(this, source.TooLarge(skipped), index);
            }

            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                // A blank line is not a record.
                line.Return();
                continue;
            }

            return source.Record(this, line, index);
        }
    }

    public BatchRecord Failed(RecordSource source, string reason) => source.Failure(this, reason, source.TakeIndex());

    public ParsedRecord Parse(BatchRecord record, RecordFields fields)
    {
        if (record.ReadError is { } readError)
        {
            return ParsedRecord.Unnamed(readError);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(record.Bytes.Memory);
        }
        catch (JsonException e)
        {
            return ParsedRecord.Unnamed($"malformed JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ParsedRecord.Unnamed($"malformed record: a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            string? idJson = null, idKey = null, url = null;
            if (root.TryGetProperty(fields.Id, out var idValue) && idValue.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                idJson = idValue.GetRawText();
                if (!TryString(idValue, out idKey))
                {
                    return ParsedRecord.Unnamed(BadString(fields.Id));
                }

                idKey ??= idJson;
            }

            if (root.TryGetProperty(fields.Url, out var urlValue) && !TryString(urlValue, out url))
            {
                return ParsedRecord.Unnamed(BadString(fields.Url));
            }

            var named = new ParsedRecord(idJson, idKey, url);
            foreach (var (name, isHtml) in new[] { (fields.Html, true), (fields.Text, false) })
            {
                if (!root.TryGetProperty(name, out var value))
                {
                    continue;
                }

                if (!TryString(value, out var content))
                {
                    return named with { Error = BadString(name) };
                }

                if (content is null)
                {
                    continue;
                }

                var uri = AbsoluteUri(url);
                return named with { Clean = isHtml ? cleaner => cleaner.CleanHtml(content, uri) : cleaner => cleaner.Clean(content), Html = isHtml };
            }

            var wrong = new[] { fields.Html, fields.Text }
                .Where(name => root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
                .Select(name => $"'{name}' is a {root.GetProperty(name).ValueKind.ToString().ToLowerInvariant()}, not a string")
                .FirstOrDefault();
            return named with
            {
                Error = wrong is null
                    ? $"missing field: the record has no '{fields.Html}' or '{fields.Text}' string"
                    : $"wrong field type: {wrong}",
            };
        }
    }

    /// <summary>A string value (null for other kinds); false when the string cannot be decoded (a lone surrogate escape such as <c>\ud800</c>).</summary>
    private static bool TryString(JsonElement value, out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        try
        {
            text = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string BadString(string field) =>
        $"invalid string in '{field}': a lone surrogate escape (such as \\ud800), which is not text";

    internal static Uri? AbsoluteUri(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
}
