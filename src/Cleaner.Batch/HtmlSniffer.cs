using System.Text;

namespace Cleaner.Batch;

/// <summary>Tells HTML from other content by its first kilobyte (the CLI's input detection and WARC payloads without a Content-Type).</summary>
internal static class HtmlSniffer
{
    private const int SniffBytes = 1024;

    /// <summary>Whether the content reads as HTML (the first kilobyte starts with <c>&lt;!doctype html</c> or <c>&lt;html</c>, or holds a <c>&lt;body&gt;</c> or <c>&lt;p&gt;</c> tag).</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, SniffBytes)]).AsSpan().TrimStart("\uFEFF \t\r\n");
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return ContainsTag(head, "<body") || ContainsTag(head, "<p");
    }

    /// <summary>Whether the text holds the tag opening <paramref name="open"/> followed by '&gt;' or white space (so <c>&lt;p</c> does not match <c>&lt;pre</c>).</summary>
    private static bool ContainsTag(ReadOnlySpan<char> text, string open)
    {
        int from = 0;
        while (from < text.Length)
        {
            int at = text[from..].IndexOf(open, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            int after = from + at + open.Length;
            if (after < text.Length && (text[after] == '>' || char.IsWhiteSpace(text[after])))
            {
                return true;
            }

            from = after;
        }

        return false;
    }
}
