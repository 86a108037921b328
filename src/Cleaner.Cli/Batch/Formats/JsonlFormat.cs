using System.Text.Json;

namespace Cleaner.Cli.Batch.Formats;

/// <summary>JSON Lines: one object per line with a text or HTML field, and optional id and url fields; blank lines are not records.</summary>
internal sealed class JsonlFormat : IRecordFormat
{
    public RawRecord? Next(RecordSource source)
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

    public RawRecord Failed(RecordSource source, string reason) => source.Failure(this, reason, source.TakeIndex());

    public ParsedRecord Parse(RawRecord record, RecordFields fields)
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
                idKey = idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : idJson;
            }

            if (root.TryGetProperty(fields.Url, out var urlValue) && urlValue.ValueKind == JsonValueKind.String)
            {
                url = urlValue.GetString();
            }

            var named = new ParsedRecord(idJson, idKey, url);
            if (StringField(root, fields.Html) is { } html)
            {
                var uri = AbsoluteUri(url);
                return named with { Clean = cleaner => cleaner.CleanHtml(html, uri) };
            }

            if (StringField(root, fields.Text) is { } text)
            {
                return named with { Clean = cleaner => cleaner.Clean(text) };
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

    private static string? StringField(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static Uri? AbsoluteUri(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
}
