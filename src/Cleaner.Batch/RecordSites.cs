using System.Text.Json;
using Cleaner.Sites;

namespace Cleaner.Batch;

/// <summary>The site of a record, for site profiles: the host of its URL (without <c>www.</c>), or a JSONL field.</summary>
internal static class RecordSites
{
    /// <summary>
    /// The record's site: the string in its JSONL field <paramref name="siteField"/> when one is named
    /// (lower-cased), otherwise <see cref="SiteProfileSet.SiteOf(Uri)"/> of its URL; null when there is none.
    /// Call before the record's bytes are returned.
    /// </summary>
    public static string? SiteOf(BatchRecord record, ParsedRecord parsed, string? siteField)
    {
        if (siteField is not null && record.Format is JsonlFormat && record.ReadError is null)
        {
            try
            {
                using var document = JsonDocument.Parse(record.Bytes.Memory);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty(siteField, out var value) && value.ValueKind == JsonValueKind.String
                    && value.GetString() is { Length: > 0 } site
                    ? site.Trim().ToLowerInvariant()
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return Uri.TryCreate(parsed.Url, UriKind.Absolute, out var url) ? SiteProfileSet.SiteOf(url) : null;
    }
}
