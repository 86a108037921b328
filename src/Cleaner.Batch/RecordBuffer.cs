using System.Buffers;

namespace Cleaner.Batch;

/// <summary>The bytes of one record, in an array rented from the shared pool; return it once, after use.</summary>
internal readonly struct RecordBytes(byte[] array, int length)
{
    public static RecordBytes Empty => new([], 0);

    public ReadOnlySpan<byte> Span => array.AsSpan(0, length);

    public ReadOnlyMemory<byte> Memory => array.AsMemory(0, length);

    public int Length => length;

    public static RecordBytes Rent(int length) => new(length == 0 ? [] : ArrayPool<byte>.Shared.Rent(length), length);

    public Span<byte> Writable => array.AsSpan(0, length);

    public void Return()
    {
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}

/// <summary>Reads a decompressed input in lines and blocks, with a limit on how much one record may hold.</summary>
internal sealed class RecordBuffer(Stream stream)
{
    /// <summary>How many bytes it holds at most (what <see cref="Head"/> can show).</summary>
    public const int Size = 64 * 1024;

    private readonly byte[] _buffer = new byte[Size];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Whether the input goes on (from here) with <paramref name="prefix"/>.</summary>
    public bool StartsWith(ReadOnlySpan<byte> prefix) => Head(prefix.Length).StartsWith(prefix);

    /// <summary>The next <paramref name="count"/> bytes (fewer at the end of the input; at most 64 KB), not consumed.</summary>
    public ReadOnlySpan<byte> Head(int count)
    {
        count = Math.Min(count, _buffer.Length);
        while (_end - _start < count && !_eof)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
            int n = stream.Read(_buffer, _end, _buffer.Length - _end);
            _eof = n == 0;
            _end += n;
        }

        return _buffer.AsSpan(_start, Math.Min(count, _end - _start));
    }

    /// <summary>
    /// Reads one line (without its line feed and carriage return). Returns false at the end of the
    /// input. A line longer than <paramref name="maxLength"/> is skipped up to its line feed and comes
    /// back empty with <paramref name="tooLong"/> set and its length in <paramref name="skipped"/>.
    /// </summary>
    public bool ReadLine(int maxLength, out RecordBytes line, out bool tooLong, out long skipped)
    {
        line = RecordBytes.Empty;
        tooLong = false;
        skipped = 0;
        if (!Fill())
        {
            return false;
        }

        byte[]? acc = null;
        int accLength = 0;
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            int newline = available.IndexOf((byte)'\n');
            var part = newline >= 0 ? available[..newline] : available;
            if (!tooLong && accLength + part.Length > maxLength)
            {
                tooLong = true;
                skipped = accLength;
                if (acc is not null)
                {
                    ArrayPool<byte>.Shared.Return(acc);
                    acc = null;
                }
            }

            if (tooLong)
            {
                skipped += part.Length;
            }
            else
            {
                if (acc is null || acc.Length < accLength + part.Length)
                {
                    var grown = ArrayPool<byte>.Shared.Rent(Math.Max(accLength + part.Length, Math.Min(maxLength, Math.Max(256, accLength * 2))));
                    if (acc is not null)
                    {
                        acc.AsSpan(0, accLength).CopyTo(grown);
                        ArrayPool<byte>.Shared.Return(acc);
                    }

                    acc = grown;
                }

                part.CopyTo(acc.AsSpan(accLength));
                accLength += part.Length;
            }

            _start += part.Length;
            if (newline >= 0)
            {
                _start++;
                break;
            }

            if (!Fill())
            {
                break;
            }
        }

        if (tooLong)
        {
            return true;
        }

        if (accLength > 0 && acc![accLength - 1] == '\r')
        {
            accLength--;
        }

        line = acc is null ? RecordBytes.Empty : new RecordBytes(acc, accLength);
        if (accLength == 0)
        {
            line.Return();
            line = RecordBytes.Empty;
        }

        return true;
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes.</summary>
    /// <exception cref="EndOfStreamException">The input ends first.</exception>
    public RecordBytes ReadBlock(int count)
    {
        var block = RecordBytes.Rent(count);
        var target = block.Writable;
        int got = 0;
        while (got < count)
        {
            if (!Fill())
            {
                block.Return();
                throw new EndOfStreamException($"the input ends {count - got:N0} bytes before the end of the record");
            }

            int n = Math.Min(count - got, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(target[got..]);
            _start += n;
            got += n;
        }

        return block;
    }

    /// <summary>Skips exactly <paramref name="count"/> bytes.</summary>
    /// <exception cref="EndOfStreamException">The input ends first.</exception>
    public void Skip(long count)
    {
        while (count > 0)
        {
            if (!Fill())
            {
                throw new EndOfStreamException($"the input ends {count:N0} bytes before the end of the record");
            }

            int n = (int)Math.Min(count, _end - _start);
            _start += n;
            count -= n;
        }
    }

    /// <summary>Makes sure at least one byte is buffered; false at the end of the input.</summary>
    private bool Fill()
    {
        if (_start < _end)
        {
            return true;
        }

        if (_eof)
        {
            return false;
        }

        // Read first: when the read throws (a corrupt gzip member), nothing stale is served again.
        int n = stream.Read(_buffer, 0, _buffer.Length);
        _start = 0;
        _end = n;
        if (_end == 0)
        {
            _eof = true;
            return false;
        }

        return true;
    }
}
