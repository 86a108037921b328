using System.Text;
using UtfUnknown;

namespace Cleaner.Html;

/// <summary>
/// Finds the character encoding of an HTML page's bytes, in the order browsers use: a byte order
/// mark, the HTTP content type's charset, a <c>&lt;meta charset&gt;</c> or <c>http-equiv</c>
/// declaration in the first bytes, then UTF-8 (valid, or with at most three invalid sequences among
/// many valid ones), then a statistical charset detector (UTF.Unknown) for undeclared legacy
/// encodings such as Shift-JIS, GBK or windows-1251, and Windows-1252 as the last resort.
/// </summary>
internal static class HtmlEncoding
{
    /// <summary>How many bytes the meta prescan reads, as the HTML standard's prescan does.</summary>
    private const int PrescanLength = 4096;

    /// <summary>The most invalid sequences a page may hold and still be read as (damaged) UTF-8.</summary>
    private const int MaxInvalidUtf8 = 3;

    /// <summary>
    /// The lowest confidence at which a detected single-byte encoding other than Windows-1252 is
    /// trusted: single-byte guesses on short or mostly-Latin text are weak, and a wrong one garbles
    /// every accented letter, while Windows-1252 at least keeps the ASCII and Western letters right.
    /// </summary>
    private const float SingleByteConfidence = 0.5f;

#if !NET9_0_OR_GREATER
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
#endif

    static HtmlEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes the page with the encoding <see cref="Detect"/> finds.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        var encoding = Detect(bytes, contentType, out int preamble);
        return encoding.GetString(bytes[preamble..]);
    }

    /// <summary>
    /// Decodes plain text, which declares nothing: a byte order mark (UTF-8, UTF-16 LE or BE), then
    /// UTF-8, then the charset detector, and Windows-1252 as the last resort (see <see cref="Undeclared"/>).
    /// </summary>
    public static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        var encoding = FromByteOrderMark(bytes, out int preamble) ?? Undeclared(bytes, IsValidUtf8(bytes));
        return encoding.GetString(bytes[preamble..]);
    }

    /// <summary>
    /// The encoding of bytes that declare none (or declare one that cannot read them): UTF-8 when
    /// they are valid UTF-8, or nearly so (at most <see cref="MaxInvalidUtf8"/> invalid sequences and
    /// at least twice as many valid multi-byte ones: a damaged or truncated UTF-8 page keeps its text,
    /// with U+FFFD for the bad bytes); otherwise what the charset detector finds, when it reads the
    /// bytes cleanly; and Windows-1252 as the last resort.
    /// </summary>
    private static Encoding Undeclared(ReadOnlySpan<byte> bytes, bool validUtf8)
    {
        if (validUtf8 || IsNearlyUtf8(bytes))
        {
            return Encoding.UTF8;
        }

        return Detected(bytes) ?? Encoding.GetEncoding(1252);
    }

    /// <summary>Whether the bytes are UTF-8 with a few invalid sequences among many valid multi-byte ones.</summary>
    private static bool IsNearlyUtf8(ReadOnlySpan<byte> bytes)
    {
        int invalid = 0, multiByte = 0;
        int pos = 0;
        while (pos < bytes.Length)
        {
            int skip = bytes[pos..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (skip < 0)
            {
                break;
            }

            pos += skip;
            if (System.Text.Rune.DecodeFromUtf8(bytes[pos..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
            {
                multiByte++;
            }
            else if (++invalid > MaxInvalidUtf8)
            {
                return false;
            }

            pos += Math.Max(1, consumed);
        }

        return multiByte >= 2 * invalid;
    }

    /// <summary>
    /// The encoding the statistical detector finds, or null when it finds none, finds only a weak
    /// single-byte guess, or finds one that does not read the bytes cleanly.
    /// </summary>
    private static Encoding? Detected(ReadOnlySpan<byte> bytes)
    {
        var found = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        if (found?.EncodingName is not { } name || Resolve(name) is not { } encoding)
        {
            return null;
        }

        if (encoding.IsSingleByte && encoding.CodePage != 1252 && found.Confidence < SingleByteConfidence)
        {
            return null;
        }

        return ReadsCleanly(encoding, bytes) ? encoding : null;
    }

    private static Encoding? FromByteOrderMark(ReadOnlySpan<byte> bytes, out int preamble)
    {
        (preamble, var encoding) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (3, Encoding.UTF8),
            [0xFF, 0xFE, ..] => (2, Encoding.Unicode),
            [0xFE, 0xFF, ..] => (2, Encoding.BigEndianUnicode),
            _ => (0, null),
        };
        return encoding;
    }

    /// <summary>Finds the page's encoding.</summary>
    /// <param name="bytes">The page.</param>
    /// <param name="contentType">The HTTP Content-Type header, when known.</param>
    /// <param name="preamble">The length of the byte order mark to skip (0 when there is none).</param>
    public static Encoding Detect(ReadOnlySpan<byte> bytes, string? contentType, out int preamble)
    {
        if (FromByteOrderMark(bytes, out preamble) is { } marked)
        {
            return marked;
        }

        if (contentType is not null && CharsetOf(contentType.AsSpan()) is { } fromHeader && Resolve(fromHeader) is { } headerEncoding)
        {
            return headerEncoding;
        }

        bool utf8 = IsValidUtf8(bytes);
        if (Prescan(bytes[..Math.Min(bytes.Length, PrescanLength)]) is { } fromMeta)
        {
            // A page whose non-ASCII bytes are all valid UTF-8 is UTF-8 whatever its meta tag says
            // (legacy text almost never forms valid UTF-8 by chance: templates copied between sites
            // keep stale declarations), and bytes the declared encoding cannot read mean the
            // declaration is wrong: a multi-byte decoder would swallow the markup after them.
            if (fromMeta.CodePage != Encoding.UTF8.CodePage && utf8 && !IsAscii(bytes))
            {
                return Encoding.UTF8;
            }

            if (utf8 || ReadsCleanly(fromMeta, bytes))
            {
                return fromMeta;
            }
        }

        return Undeclared(bytes, utf8);
    }

    /// <summary>Whether <paramref name="encoding"/> reads the bytes with at most one invalid sequence per 100 non-ASCII characters.</summary>
    private static bool ReadsCleanly(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        var counting = (Encoding)encoding.Clone();
        counting.DecoderFallback = new DecoderReplacementFallback("\uFFFD");
        var text = counting.GetString(bytes);
        int invalid = 0, nonAscii = 0;
        foreach (char c in text)
        {
            invalid += c == '\uFFFD' ? 1 : 0;
            nonAscii += c > 0x7F ? 1 : 0;
        }

        return invalid * 100 <= nonAscii;
    }

    private static bool IsAscii(ReadOnlySpan<byte> bytes) => Ascii.IsValid(bytes);

    /// <summary>Maps a charset label to an encoding, with the HTML standard's substitutions.</summary>
    public static Encoding? Resolve(ReadOnlySpan<char> label)
    {
        label = label.Trim().Trim("\"'");
        if (label.IsEmpty)
        {
            return null;
        }

        // The HTML standard decodes these labels with their supersets; a page that says "utf-16"
        // in a meta tag was read as ASCII-compatible bytes, so it cannot be UTF-16.
        if (label.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase)
            || label.Equals("latin1", StringComparison.OrdinalIgnoreCase)
            || label.Equals("us-ascii", StringComparison.OrdinalIgnoreCase)
            || label.Equals("ascii", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.GetEncoding(1252);
        }

        if (label.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase) || label.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }

        if (label.Equals("gb2312", StringComparison.OrdinalIgnoreCase) || label.Equals("gbk", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.GetEncoding(936);
        }

        try
        {
            return Encoding.GetEncoding(label.ToString());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset parameter of a Content-Type value, or null.</summary>
    public static ReadOnlySpan<char> CharsetOf(ReadOnlySpan<char> value)
    {
        int at = value.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return default;
        }

        var rest = value[(at + 7)..].TrimStart();
        if (rest.IsEmpty || rest[0] != '=')
        {
            return default;
        }

        rest = rest[1..].TrimStart().TrimStart("\"'");
        int end = rest.IndexOfAny(";\"' \t,");
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>Looks for <c>&lt;meta charset=...&gt;</c> or <c>&lt;meta http-equiv content="...charset=..."&gt;</c>.</summary>
    private static Encoding? Prescan(ReadOnlySpan<byte> head)
    {
        // The prescan only looks at ASCII bytes, so a Latin-1 view of them is exact enough.
        Span<char> chars = head.Length <= 1024 ? stackalloc char[head.Length] : new char[head.Length];
        Encoding.Latin1.GetChars(head, chars);
        ReadOnlySpan<char> text = chars;
        int pos = 0;
        while (pos < text.Length)
        {
            int at = text[pos..].IndexOf("<meta", StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return null;
            }

            int start = pos + at + 5;
            int end = text[start..].IndexOf('>');
            var tag = end < 0 ? text[start..] : text[start..(start + end)];
            pos = end < 0 ? text.Length : start + end + 1;
            var charset = AttributeValue(tag, "charset");
            if (charset.IsEmpty && AttributeValue(tag, "http-equiv").Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                charset = CharsetOf(AttributeValue(tag, "content"));
            }

            if (!charset.IsEmpty && Resolve(charset) is { } encoding)
            {
                return encoding;
            }
        }

        return null;
    }

    /// <summary>The value of a named attribute in the text of a tag (quoted or bare), or empty.</summary>
    private static ReadOnlySpan<char> AttributeValue(ReadOnlySpan<char> tag, string name)
    {
        int pos = 0;
        while (pos < tag.Length)
        {
            int at = tag[pos..].IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return default;
            }

            at += pos;
            pos = at + name.Length;
            bool boundary = at == 0 || char.IsWhiteSpace(tag[at - 1]) || tag[at - 1] is '"' or '\'' or '/';
            var rest = tag[pos..].TrimStart();
            if (!boundary || rest.IsEmpty || rest[0] != '=')
            {
                continue;
            }

            rest = rest[1..].TrimStart();
            if (rest.IsEmpty)
            {
                return default;
            }

            if (rest[0] is '"' or '\'')
            {
                char quote = rest[0];
                rest = rest[1..];
                int close = rest.IndexOf(quote);
                return close < 0 ? rest : rest[..close];
            }

            int stop = rest.IndexOfAny(" \t\r\n/>");
            return stop < 0 ? rest : rest[..stop];
        }

        return default;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes)
    {
#if NET9_0_OR_GREATER
        return System.Text.Unicode.Utf8.IsValid(bytes);
#else
        try
        {
            _ = StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
#endif
    }
}
