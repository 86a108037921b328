using System.Buffers;
using System.Text;
using System.Text.Json;
using Cleaner.Batch;

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
