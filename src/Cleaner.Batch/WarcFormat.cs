using System.Globalization;
using System.Text;

namespace Cleaner.Batch;

/// <summary>
/// WARC records (WARC and WET files): a header of <c>Name: value</c> lines and a block of
/// Content-Length bytes. Responses are cleaned when they are 2xx HTML, WET conversions as text,
/// HTML and plain-text resources as such; every other record is skipped.
/// </summary>
internal sealed class WarcFormat : IRecordFormat
{
    private const int MaxHeaderLine = 64 * 1024;

    /// <summary>The largest WARC header (its lines together); real ones are a few hundred bytes.</summary>
    public const int MaxHeaderBytes = 1024 * 1024;

    private static readonly byte[] WarcMagic = "WARC/"u8.ToArray();

    /// <summary>The header of the record being read (named in the failure when its block is cut short).</summary>
    private WarcHeader? _reading;

    public BatchRecord? Next(RecordSource source)
    {
        _reading = null;
        var buffer = source.Buffer;
        RecordBytes line;
        bool tooLong;
        do
        {
            if (!buffer.ReadLine(MaxHeaderLine, out line, out tooLong, out _))
            {
                return null;
            }
        }
        while (line.Length == 0 && !tooLong);

        bool isWarc = !tooLong && line.Span.StartsWith(WarcMagic);
        string first = tooLong ? "(a very long line)" : Encoding.UTF8.GetString(line.Span[..Math.Min(line.Length, 40)]);
        line.Return();
        if (!isWarc)
        {
            throw new StopException($"malformed WARC: expected a 'WARC/1.x' line, found '{first}'; the rest of the input is not read");
        }

        var lines = new List<string>();
        long headerBytes = 0;
        while (true)
        {
            if (!buffer.ReadLine(MaxHeaderLine, out line, out tooLong, out long skipped))
            {
                throw new EndOfStreamException("the input ends inside a WARC header");
            }

            if (line.Length == 0 && !tooLong)
            {
                break;
            }

            headerBytes += (tooLong ? skipped : line.Length) + 1;
            if (headerBytes > MaxHeaderBytes)
            {
                line.Return();
                throw new StopException($"malformed WARC: a header of over {MaxHeaderBytes:N0} bytes ({lines.Count + 1:N0} lines); the rest of the input is not read");
            }

            lines.Add(tooLong ? string.Empty : Encoding.UTF8.GetString(line.Span));
            line.Return();
        }

        var fields = HeaderFields.Pick(lines, "WARC-Type", "WARC-Record-ID", "WARC-Target-URI", "Content-Type", "Content-Length");
        var length = fields[4];
        var header = new WarcHeader(fields[0], fields[1], fields[2]?.Trim('<', '>'), fields[3]);
        _reading = header;
        if (!long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out long contentLength))
        {
            throw new StopException($"malformed WARC: the record has no valid Content-Length ('{length}'); the rest of the input is not read");
        }

        if (contentLength > source.MaxRecordBytes)
        {
            buffer.Skip(contentLength);
            return source.Failure(this, source.TooLarge(contentLength), source.TakeIndex(), header);
        }

        var block = buffer.ReadBlock((int)contentLength);
        return source.Record(this, block, source.TakeIndex(), header);
    }

    public BatchRecord Failed(RecordSource source, string reason) => source.Failure(this, reason, source.TakeIndex(), _reading);

    public ParsedRecord Parse(BatchRecord record, RecordFields fields)
    {
        var header = record.Warc;
        var named = new ParsedRecord(null, header?.RecordId, header?.TargetUri);
        if (record.ReadError is { } readError)
        {
            return named with { Error = readError };
        }

        var block = record.Bytes.Span;
        var uri = JsonlFormat.AbsoluteUri(header!.TargetUri);
        switch (header.Type?.ToLowerInvariant())
        {
            case "response":
                if (!(header.ContentType?.Contains("application/http", StringComparison.OrdinalIgnoreCase) ?? false))
                {
                    return named with { Skip = true };
                }

                if (HttpResponse.Parse(block) is not { } http)
                {
                    return named with { Error = "malformed HTTP response: no status line" };
                }

                if (http.Status is < 200 or > 299)
                {
                    return named with { Skip = true };
                }

                if (!HttpResponse.IsHtml(http.ContentType)
                    && (http.ContentType is not null || !HtmlSniffer.LooksLikeHtml(block[http.BodyStart..])))
                {
                    return named with { Skip = true };
                }

                byte[] payload;
                try
                {
                    payload = http.DecodePayload(block, fields.MaxRecordBytes);
                }
                catch (InvalidDataException e)
                {
                    return named with { Error = $"decoding failure: {e.Message}" };
                }

                return named with { Clean = cleaner => cleaner.CleanHtml(payload, uri, http.ContentType), Html = true };

            case "conversion":
                var converted = DecodeUtf8(block);
                return named with { Clean = cleaner => cleaner.Clean(converted) };

            case "resource" when HttpResponse.IsHtml(header.ContentType):
                var page = block.ToArray();
                return named with { Clean = cleaner => cleaner.CleanHtml(page, uri, header.ContentType), Html = true };

            case "resource" when HttpResponse.MediaType(header.ContentType) == "text/plain":
                var resource = DecodeUtf8(block);
                return named with { Clean = cleaner => cleaner.Clean(resource) };

            default:
                return named with { Skip = true };
        }
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes);
}

/// <summary>A framing failure that ends an input, reported as it is (no exception type prefix).</summary>
internal sealed class StopException(string message) : Exception(message);
