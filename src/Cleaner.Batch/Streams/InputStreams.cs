using ZstdSharp;

namespace Cleaner.Batch.Streams;

/// <summary>The compression of an input, told by its first bytes.</summary>
internal enum Compression
{
    /// <summary>Not compressed.</summary>
    None,

    /// <summary>gzip (1f 8b), one or more members.</summary>
    Gzip,

    /// <summary>Zstandard (28 b5 2f fd), one or more frames.</summary>
    Zstd,
}

/// <summary>Opens inputs: detects gzip and zstd by their magic bytes and decompresses them as they are read.</summary>
internal static class InputStreams
{
    /// <summary>The compression the first bytes of a stream announce.</summary>
    public static Compression Detect(ReadOnlySpan<byte> head) => head switch
    {
        [0x1f, 0x8b, ..] => Compression.Gzip,
        [0x28, 0xb5, 0x2f, 0xfd, ..] => Compression.Zstd,
        _ => Compression.None,
    };

    /// <summary>
    /// Wraps <paramref name="raw"/> in a decompressor when its first bytes are a gzip or zstd magic
    /// number. The returned stream owns <paramref name="raw"/>.
    /// </summary>
    public static Stream Decompress(Stream raw, out Compression compression) => Decompress(raw, out compression, 0);

    /// <summary>
    /// As <see cref="Decompress(Stream, out Compression)"/>, with a limit on how much larger than the
    /// compressed bytes read the decompressed bytes may grow (a compression bomb): past it, a read
    /// throws <see cref="InvalidDataException"/>. 0: no limit.
    /// </summary>
    public static Stream Decompress(Stream raw, out Compression compression, int maxExpansion)
    {
        var counted = new CountingStream(raw, _ => { });
        raw = counted;
        var head = new byte[4];
        int got = 0;
        while (got < head.Length)
        {
            int n = raw.Read(head, got, head.Length - got);
            if (n == 0)
            {
                break;
            }

            got += n;
        }

        var prefixed = new PrefixedStream(head.AsMemory(0, got), raw);
        compression = Detect(head.AsSpan(0, got));
        Stream decompressed = compression switch
        {
            Compression.Gzip => new GzipMemberStream(prefixed),
            Compression.Zstd => new DecompressionStream(prefixed, leaveOpen: false),
            _ => prefixed,
        };
        return compression == Compression.None || maxExpansion <= 0 ? decompressed : new ExpansionLimit(decompressed, counted, maxExpansion);
    }
}

/// <summary>Bytes already read (the magic number), then the rest of the stream.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ReadOnlyStream
{
    private ReadOnlyMemory<byte> _prefix = prefix;

    public override int Read(Span<byte> buffer)
    {
        if (_prefix.IsEmpty)
        {
            return rest.Read(buffer);
        }

        int n = Math.Min(buffer.Length, _prefix.Length);
        _prefix.Span[..n].CopyTo(buffer);
        _prefix = _prefix[n..];
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Counts the bytes read through it (the compressed size, for progress).</summary>
internal sealed class CountingStream(Stream inner, Action<int> onRead) : ReadOnlyStream
{
    /// <summary>Bytes read so far.</summary>
    public long Count { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        Count += n;
        onRead(n);
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Stops a decompression that grows past a ratio of the compressed bytes read (after a first allowance).</summary>
internal sealed class ExpansionLimit(Stream decompressed, CountingStream compressed, int ratio) : ReadOnlyStream
{
    /// <summary>What any input may expand to, whatever its ratio.</summary>
    private const long Allowance = 16L * 1024 * 1024;

    private long _out;

    public override int Read(Span<byte> buffer)
    {
        int n = decompressed.Read(buffer);
        _out += n;
        if (_out > Allowance && _out > (long)ratio * Math.Max(1, compressed.Count))
        {
            throw new InvalidDataException(
                $"decompression bomb: {_out:N0} bytes out of {compressed.Count:N0} compressed, over {ratio} times (--max-expansion); the rest of the input is not read");
        }

        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decompressed.Dispose();
        }

        base.Dispose(disposing);
    }
}
