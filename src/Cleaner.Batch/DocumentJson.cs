using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cleaner.Batch;

/// <summary>
/// The one JSON shape of a cleaned document, used by <c>clean --format json</c> (after <c>source</c>)
/// and by <c>batch</c> (after the record's identity): <c>status</c>, <c>title</c>, <c>language</c>,
/// <c>extractor</c> and <c>extractorNote</c> (HTML: who found the article, and why not simply the
/// native extractor when it was not), <c>text</c>, <c>metadata</c>, and <c>removed</c> blocks (index, filter, reason, text). Members
/// without a value are left out; non-ASCII text is written as it is.
/// </summary>
internal static class DocumentJson
{
    public static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly DocumentJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    /// <summary>Writes the document's members into the open object.</summary>
    public static void Write(Utf8JsonWriter json, CleanResult result, bool removed)
    {
        json.WriteString("status", StatusNames.Of(result.Status));
        WriteIfNotNull(json, "title", result.Title);
        WriteIfNotNull(json, "language", result.Language);
        WriteIfNotNull(json, "extractor", ExtractorName(result.ExtractedBy));
        WriteIfNotNull(json, "extractorNote", result.ExtractorNote);
        json.WriteString("text", result.Text);
        json.WritePropertyName("metadata");
        JsonSerializer.Serialize(json, CleanedMetadata.From(result.Metadata), Context.CleanedMetadata);
        if (removed)
        {
            json.WriteStartArray("removed");
            foreach (var removal in result.Removed)
            {
                json.WriteStartObject();
                json.WriteNumber("index", removal.Index);
                json.WriteString("filter", removal.Filter);
                json.WriteString("reason", removal.Reason);
                json.WriteString("text", removal.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }

    /// <summary>An extractor's name in output (<c>native</c>, <c>smartreader</c>), or null for none.</summary>
    public static string? ExtractorName(ContentExtractor? extractor) => extractor?.ToString().ToLowerInvariant();

    public static void WriteIfNotNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}

/// <summary>What the page says about itself (empty for plain text).</summary>
internal sealed record CleanedMetadata(string? Title, string? Byline, DateTimeOffset? Published, string? SiteName, string? Language, string? CanonicalUrl, string? Description)
{
    public static CleanedMetadata From(DocumentMetadata metadata) =>
        new(metadata.Title, metadata.Byline, metadata.Published, metadata.SiteName, metadata.Language, metadata.CanonicalUrl?.ToString(), metadata.Description);
}

[JsonSerializable(typeof(CleanedMetadata))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;

/// <summary>The names of the library's statuses in output and errors: <c>cleaned</c>, <c>input-too-large</c>, <c>timed-out</c>.</summary>
internal static class StatusNames
{
    public static string Of(CleanStatus status)
    {
        var name = status.ToString();
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
