using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Cleaner.Tests.Batch;

/// <summary>Writes small WARC, WET and gzip files the way crawlers do, for batch tests (nothing is downloaded).</summary>
internal static class WarcKit
{
    /// <summary>One WARC record: version line, headers, a blank line, the block, and two line ends.</summary>
    public static byte[] Record(string type, string id, string? uri, string contentType, byte[] block)
    {
        var head = new StringBuilder();
        head.Append("WARC/1.0\r\n");
        head.Append($"WARC-Type: {type}\r\n");
        head.Append("WARC-Date: 2024-04-25T19:21:18Z\r\n");
        head.Append($"WARC-Record-ID: <urn:uuid:{id}>\r\n");
        if (uri is not null)
        {
            head.Append($"WARC-Target-URI: {uri}\r\n");
        }

        head.Append($"Content-Type: {contentType}\r\n");
        head.Append($"Content-Length: {block.Length}\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. block, .. "\r\n\r\n"u8];
    }

    /// <summary>An HTTP response block: status line, headers, a blank line and the payload.</summary>
    public static byte[] Http(int status, string? contentType, byte[] payload, params string[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Other")}\r\n");
        if (contentType is not null)
        {
            head.Append($"Content-Type: {contentType}\r\n");
        }

        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. payload];
    }

    /// <summary>A response record for an HTTP response.</summary>
    public static byte[] Response(string id, string uri, byte[] http) =>
        Record("response", id, uri, "application/http; msgtype=response", http);

    /// <summary>One gzip member per part, concatenated (as Common Crawl writes WARC files).</summary>
    public static byte[] GzipMembers(IEnumerable<byte[]> parts) => [.. parts.SelectMany(Gzip)];

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A gzip member as the gzip tool writes it: with a file name and a comment in the header.</summary>
    public static byte[] GzipWithNameAndComment(byte[] data, string name, string comment)
    {
        using var output = new MemoryStream();
        output.Write([0x1f, 0x8b, 8, 8 | 16, 0, 0, 0, 0, 0, 3]);
        output.Write(Encoding.Latin1.GetBytes(name + "\0" + comment + "\0"));
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32.HashToUInt32(data));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)data.Length);
        output.Write(trailer);
        return output.ToArray();
    }

    public static byte[] Zstd(byte[] data)
    {
        using var compressor = new ZstdSharp.Compressor(3);
        return compressor.Wrap(data).ToArray();
    }

    /// <summary>A long-enough article paragraph, so the cleaner keeps it as body text.</summary>
    public static string Paragraph(string subject) =>
        $"The council said on Tuesday that {subject} would be discussed at the next public meeting, and residents who had written to complain were invited to attend and to speak for up to five minutes each.";
}
