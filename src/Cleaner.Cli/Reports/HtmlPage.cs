using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Cleaner.Cli.Reports;

/// <summary>
/// A self-contained report page: one inline style sheet and no script, image, font or link to
/// anything outside it. Its Content-Security-Policy allows exactly that style sheet (by its hash)
/// and nothing else, so text that a page contributes can never run, even if escaping failed.
/// </summary>
internal static class HtmlPage
{
    /// <summary>Escapes text for an element's content or a quoted attribute value.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A CSS class name from a filter name: lower-case letters, digits and dashes only.</summary>
    public static string ClassName(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : c is >= 'A' and <= 'Z' ? char.ToLowerInvariant(c) : '-');
        }

        return sb.Length == 0 ? "-" : sb.ToString();
    }

    /// <summary>A hue (0-359) for a name, the same on every run.</summary>
    public static int Hue(string name)
    {
        uint h = 2166136261;
        foreach (var c in name)
        {
            h = (h ^ c) * 16777619;
        }

        return (int)(h % 360);
    }

    /// <summary>Writes the whole page: head with the policy, the style sheet and the title, then the body.</summary>
    public static void Write(TextWriter output, string title, string style, string body)
    {
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        output.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'\">\n"));
        output.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        output.Write($"<title>{Escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n");
        output.Write(body);
        output.Write("</body>\n</html>\n");
    }

    /// <summary>The style every report shares.</summary>
    public const string BaseStyle = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#222;background:#fff}
h1{font-size:1.3rem;margin:.2rem 0 .6rem}
h2{font-size:1.05rem;margin:1.2rem 0 .4rem}
table{border-collapse:collapse}
th,td{text-align:left;padding:.15rem .6rem;border-bottom:1px solid #e4e4e4;vertical-align:top}
th{background:#f4f4f4}
td.num{text-align:right;font-variant-numeric:tabular-nums}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.4rem 0}
dl.meta dt{color:#666}
dl.meta dd{margin:0}
a{color:#1a55a8}
.muted{color:#777}
.swatch.kept{background:#2e8b57}

""";
}
