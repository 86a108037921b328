using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

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

    /// <summary>JSON as people read it: camelCase names, non-ASCII text left as it is.</summary>
    private static readonly CliJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

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
        OutputFormat.Markdown => ToMarkdown(result),
        OutputFormat.Json => JsonSerializer.Serialize(ToJson(result, source), Json.CleanedDocument),
        _ => result.Text,
    };

    /// <summary>Markdown: the library's rendering (title as a heading, headings and lists kept).</summary>
    public static string ToMarkdown(CleanResult result) => result.ToMarkdown();

    private static CleanedDocument ToJson(CleanResult result, string? source)
    {
        return new CleanedDocument(
            source,
            result.Title,
            result.Language,
            result.Text,
            CleanedMetadata.From(result.Metadata),
            [.. result.Removed.Select(r => new RemovedBlock(r.Index, r.Filter, r.Reason, r.Text))]);
    }
}

/// <summary>The JSON output of one input.</summary>
internal sealed record CleanedDocument(
    string? Source,
    string? Title,
    string? Language,
    string Text,
    CleanedMetadata Metadata,
    IReadOnlyList<RemovedBlock> Removed);

/// <summary>What the page says about itself (empty for plain text).</summary>
internal sealed record CleanedMetadata(string? Title, string? Byline, DateTimeOffset? Published, string? SiteName, string? Language, string? CanonicalUrl)
{
    public static CleanedMetadata From(DocumentMetadata metadata) =>
        new(metadata.Title, metadata.Byline, metadata.Published, metadata.SiteName, metadata.Language, metadata.CanonicalUrl?.ToString());
}

/// <summary>A removed block with the filter that removed it and why.</summary>
internal sealed record RemovedBlock(int Index, string Filter, string Reason, string Text);

[JsonSerializable(typeof(CleanedDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
