using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Cleaner.Batch;

/// <summary>An HTTP response as a WARC response record holds it: status, the headers that matter, and the payload.</summary>
internal sealed class HttpResponse
{
    private HttpResponse(int status, string? contentType, string? transferEncoding, string? contentEncoding, int bodyStart)
    {
        Status = status;
        ContentType = contentType;
        TransferEncoding = transferEncoding;
        ContentEncoding = contentEncoding;
        BodyStart = bodyStart;
    }

    public int Status { get; }

    /// <summary>The Content-Type header (with its charset), or null.</summary>
    public string? ContentType { get; }

    public string? TransferEncoding { get; }

    public string? ContentEncoding { get; }

    /// <summary>Where the payload starts in the block.</summary>
    public int BodyStart { get; }

    /// <summary>Whether the Content-Type names HTML (<c>text/html</c> or <c>application/xhtml+xml</c>).</summary>
    public static bool IsHtml(string? contentType) => MediaType(contentType) is "text/html" or "application/xhtml+xml";

    /// <summary>The media type of a Content-Type, lower case, without parameters.</summary>
    public static string MediaType(string? contentType)
    {
        if (contentType is null)
        {
            return string.Empty;
        }

        int semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
    }

    /// <summary>Reads the status line and headers; null when the block is not an HTTP response.</summary>
    public static HttpResponse? Parse(ReadOnlySpan<byte> block)
    {
        if (!block.StartsWith("HTTP/"u8))
        {
            return null;
        }

        int end = block.IndexOf("\r\n\r\n"u8);
        int bodyStart = end + 4;
        if (end < 0)
        {
            end = block.IndexOf("\n\n"u8);
            bodyStart = end + 2;
        }

        if (end < 0)
        {
            // Headers only, no payload.
            end = block.Length;
            bodyStart = block.Length;
        }

        var lines = Encoding.Latin1.GetString(block[..end]).Split('\n');
        var statusLine = lines[0].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (statusLine.Length < 2 || !int.TryParse(statusLine[1], NumberStyles.None, CultureInfo.InvariantCulture, out int status))
        {
            return null;
        }

        var fields = HeaderFields.Pick(lines.Skip(1), "Content-Type", "Transfer-Encoding", "Content-Encoding");
        return new HttpResponse(status, fields[0], fields[1], fields[2], bodyStart);
    }

    /// <summary>
    /// The payload as the server meant it: chunked transfer coding removed and gzip, deflate or
    /// Brotli content coding undone (crawlers such as Common Crawl store it decoded already and
    /// rename these headers; others keep the bytes as sent).
    /// </summary>
    /// <exception cref="InvalidDataException">The payload cannot be decoded, or decodes to more than <paramref name="maxBytes"/>.</exception>
    public byte[] DecodePayload(ReadOnlySpan<byte> block, int maxBytes)
    {
        byte[] body = block[BodyStart..].ToArray();
        if (TransferEncoding is { } transfer && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        var coding = ContentEncoding?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(coding) || coding is "identity" or "none")
        {
            return body;
        }

        using Stream decoder = coding switch
        {
            "gzip" or "x-gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
            "deflate" => new ZLibStream(new MemoryStream(body), CompressionMode.Decompress),
            "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
            _ => throw new InvalidDataException($"unsupported Content-Encoding '{ContentEncoding}'"),
        };
        using var decoded = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = decoder.Read(chunk)) > 0)
        {
            if (decoded.Length + n > maxBytes)
            {
                throw new InvalidDataException($"the payload decodes to more than {maxBytes:N0} bytes (--max-record-mb)");
            }

            decoded.Write(chunk, 0, n);
        }

        return decoded.ToArray();
    }

    /// <summary>Removes chunked transfer coding: hex size lines, each followed by that many bytes and a line end.</summary>
    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream(body.Length);
        int at = 0;
        while (true)
        {
            int lineEnd = body.AsSpan(at).IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                throw new InvalidDataException("malformed chunked payload: a chunk size line has no end");
            }

            var sizeText = Encoding.Latin1.GetString(body, at, lineEnd).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int size) || size < 0)
            {
                throw new InvalidDataException($"malformed chunked payload: '{sizeText}' is not a chunk size");
            }

            at += lineEnd + 1;
            if (size == 0)
            {
                return output.ToArray();
            }

            if ((long)at + size > body.Length)
            {
                throw new InvalidDataException("malformed chunked payload: a chunk runs past the end of the record");
            }

            output.Write(body, at, size);
            at += size;
            while (at < body.Length && body[at] is (byte)'\r' or (byte)'\n')
            {
                at++;
            }
        }
    }
}

/// <summary>Reads <c>Name: value</c> header lines (WARC and HTTP).</summary>
internal static class HeaderFields
{
    /// <summary>The values of the named fields (names compared case-insensitively; the last occurrence wins), null when absent.</summary>
    public static string?[] Pick(IEnumerable<string> lines, params string[] names)
    {
        var values = new string?[names.Length];
        foreach (var line in lines)
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line.AsSpan(0, colon).Trim();
            for (int i = 0; i < names.Length; i++)
            {
                if (name.Equals(names[i], StringComparison.OrdinalIgnoreCase))
                {
                    values[i] = line[(colon + 1)..].Trim();
                    break;
                }
            }
        }

        return values;
    }
}
