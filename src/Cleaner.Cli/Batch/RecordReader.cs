using System.Globalization;
using System.Text;
using ZstdSharp;

namespace Cleaner.Cli.Batch;

/// <summary>An input of a batch run: a file or standard input.</summary>
/// <param name="Name">The path as given, or <c>-</c>.</param>
/// <param name="Open">Opens the raw (possibly compressed) bytes.</param>
/// <param name="Length">The raw size in bytes when known (for progress).</param>
internal sealed record BatchInput(string Name, Func<Stream> Open, long? Length);

/// <summary>
/// Splits an input into records: JSON lines, or WARC records (WARC and WET). Reading problems become
/// records with a <see cref="RawRecord.ReadError"/>, so every record is accounted for: a record over
/// the size limit is skipped over and reported, and a truncated or corrupt input reports the record
/// it was in and ends that input.
/// </summary>
internal sealed class RecordReader
{
    private const int MaxHeaderLine = 64 * 1024;

    private static readonly byte[] WarcMagic = "WARC/"u8.ToArray();

    private readonly string _input;
    private readonly int _maxRecordBytes;
    private readonly RecordBuffer _buffer;
    private readonly Compression _compression;
    private InputFormat _format;
    private long _index;
    private bool _stopped;

    private RecordReader(string input, Stream decompressed, Compression compression, InputFormat format, int maxRecordBytes)
    {
        _input = input;
        _buffer = new RecordBuffer(decompressed);
        _compression = compression;
        _format = format;
        _maxRecordBytes = maxRecordBytes;
    }

    /// <summary>The records of one input, in order.</summary>
    /// <param name="input">The input.</param>
    /// <param name="format">How records are framed (or detect it).</param>
    /// <param name="maxRecordBytes">The largest record (JSON line or WARC block) read; larger ones are reported and skipped.</param>
    /// <param name="onRawBytes">Told how many raw (compressed) bytes each read took, for progress.</param>
    public static IEnumerable<RawRecord> Read(BatchInput input, InputFormat format, int maxRecordBytes, Action<int> onRawBytes)
    {
        Stream stream;
        Compression compression;
        string? failure = null;
        try
        {
            stream = InputStreams.Decompress(new CountingStream(input.Open(), onRawBytes), out compression);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream = Stream.Null;
            compression = Compression.None;
            failure = $"cannot open the input: {e.Message}";
        }

        using (stream)
        {
            if (failure is not null)
            {
                yield return new RawRecord { Input = input.Name, Index = 0, Format = format, ReadError = failure };
                yield break;
            }

            var reader = new RecordReader(input.Name, stream, compression, format, maxRecordBytes);
            while (reader.Next() is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>The next record, or null at the end of the input (or after a failure that ends it).</summary>
    private RawRecord? Next()
    {
        if (_stopped)
        {
            return null;
        }

        WarcHeader? header = null;
        try
        {
            if (_format == InputFormat.Auto)
            {
                _format = _buffer.StartsWith(WarcMagic) ? InputFormat.Warc : InputFormat.Jsonl;
            }

            return _format == InputFormat.Warc ? NextWarc(out header) : NextJsonLine();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ZstdException)
        {
            _stopped = true;
            return Failure(_format == InputFormat.Auto ? InputFormat.Jsonl : _format, header, Describe(e));
        }
    }

    private RawRecord? NextJsonLine()
    {
        while (true)
        {
            if (!_buffer.ReadLine(_maxRecordBytes, out var line, out bool tooLong, out long skipped))
            {
                return null;
            }

            long index = _index++;
            if (tooLong)
            {
                return new RawRecord
                {
                    Input = _input, Index = index, Format = InputFormat.Jsonl,
                    ReadError = TooLarge(skipped),
                };
            }

            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                // A blank line is not a record.
                line.Return();
                continue;
            }

            return new RawRecord { Input = _input, Index = index, Format = InputFormat.Jsonl, Bytes = line };
        }
    }

    private RawRecord? NextWarc(out WarcHeader? header)
    {
        header = null;
        RecordBytes line;
        bool tooLong;
        do
        {
            if (!_buffer.ReadLine(MaxHeaderLine, out line, out tooLong, out _))
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
            _stopped = true;
            return Failure(InputFormat.Warc, null, $"malformed WARC: expected a 'WARC/1.x' line, found '{first}'; the rest of the input is not read");
        }

        var lines = new List<string>();
        while (true)
        {
            if (!_buffer.ReadLine(MaxHeaderLine, out line, out tooLong, out _))
            {
                throw new EndOfStreamException("the input ends inside a WARC header");
            }

            if (line.Length == 0 && !tooLong)
            {
                break;
            }

            lines.Add(tooLong ? string.Empty : Encoding.UTF8.GetString(line.Span));
            line.Return();
        }

        var fields = HeaderFields.Pick(lines, "WARC-Type", "WARC-Record-ID", "WARC-Target-URI", "Content-Type", "Content-Length");
        var length = fields[4];
        header = new WarcHeader(fields[0], fields[1], fields[2]?.Trim('<', '>'), fields[3]);
        if (!long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out long contentLength))
        {
            _stopped = true;
            return Failure(InputFormat.Warc, header, $"malformed WARC: the record has no valid Content-Length ('{length}'); the rest of the input is not read");
        }

        if (contentLength > _maxRecordBytes)
        {
            _buffer.Skip(contentLength);
            return Failure(InputFormat.Warc, header, TooLarge(contentLength));
        }

        var block = _buffer.ReadBlock((int)contentLength);
        return new RawRecord { Input = _input, Index = _index++, Format = InputFormat.Warc, Warc = header, Bytes = block };
    }

    private RawRecord Failure(InputFormat format, WarcHeader? header, string reason) =>
        new() { Input = _input, Index = _index++, Format = format, Warc = header, ReadError = reason };

    private string TooLarge(long bytes) =>
        $"record too large: {bytes:N0} bytes, over the limit of {_maxRecordBytes:N0} (--max-record-mb)";

    private string Describe(Exception e) => e switch
    {
        InvalidDataException when e.Message.StartsWith("truncated gzip", StringComparison.Ordinal)
            || e.Message.StartsWith("corrupt gzip", StringComparison.Ordinal) => $"{e.Message}; the rest of the input is not read",
        EndOfStreamException when _compression == Compression.Zstd => $"truncated zstd: {e.Message}",
        EndOfStreamException => $"truncated input: {e.Message}",
        _ => $"cannot read the input ({(_compression == Compression.None ? "uncompressed" : _compression.ToString().ToLowerInvariant())}): {e.GetType().Name}: {e.Message}; the rest of the input is not read",
    };
}
