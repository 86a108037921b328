using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cleaner.Cli.Inputs;

namespace Cleaner.Cli.Output;

/// <summary>The output formats of <c>cleaner clean</c>.</summary>
internal enum OutputFormat
{
    Text,
    Markdown,
    Json,
}

/// <summary>Renders a cleaned document as text, Markdown or JSON.</summary>
internal static class DocumentOutput
{
    public static readonly string[] FormatNames = ["text", "markdown", "json"];

    public static OutputFormat Parse(string? name) => name switch
    {
        "markdown" => OutputFormat.Markdown,
        "json" => OutputFormat.Json,
        _ => OutputFormat.Text,
    };

    /// <summary>The file extension of a format's output files.</summary>
    public static string Extension(OutputFormat format) => format switch
    {
        OutputFormat.Markdown => ".md",
        OutputFormat.Json => ".json",
        _ => ".txt",
    };

    /// <summary>The output for one input, without a final newline (JSON on one line).</summary>
    public static string Render(CleanResult result, OutputFormat format, string? source) => format switch
    {
        OutputFormat.Markdown => result.ToMarkdown(),
        OutputFormat.Json => ToJson(result, source),
        _ => result.Text,
    };

    private static string ToJson(CleanResult result, string? source)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, DocumentJson.Writer))
        {
            json.WriteStartObject();
            DocumentJson.WriteIfNotNull(json, "source", source);
            DocumentJson.Write(json, result, removed: true);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>
/// The one JSON shape of a cleaned document, used by <c>clean --format json</c> (after <c>source</c>)
/// and by <c>batch</c> (after the record's identity): <c>status</c>, <c>title</c>, <c>language</c>,
/// <c>text</c>, <c>metadata</c>, and <c>removed</c> blocks (index, filter, reason, text). Members
/// without a value are left out; non-ASCII text is written as it is.
/// </summary>
internal static class DocumentJson
{
    public static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly CliJsonContext Context = new(new JsonSerializerOptions
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

    public static void WriteIfNotNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}

/// <summary>What the page says about itself (empty for plain text).</summary>
internal sealed record CleanedMetadata(string? Title, string? Byline, DateTimeOffset? Published, string? SiteName, string? Language, string? CanonicalUrl)
{
    public static CleanedMetadata From(DocumentMetadata metadata) =>
        new(metadata.Title, metadata.Byline, metadata.Published, metadata.SiteName, metadata.Language, metadata.CanonicalUrl?.ToString());
}

[JsonSerializable(typeof(CleanedMetadata))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
