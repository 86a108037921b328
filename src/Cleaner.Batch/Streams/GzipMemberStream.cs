using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Cleaner.Batch.Streams;

/// <summary>
/// Decompresses gzip with any number of members (Common Crawl writes one per record) and checks the
/// trailer of each (CRC-32 and size). .NET's <see cref="GZipStream"/> ends quietly when a file is cut
/// short; here a cut or corrupt file throws <see cref="InvalidDataException"/>, so a truncated
/// download is an error and not a silently shorter input.
/// </summary>
/// <remarks>
/// Each member's deflate data goes through a <see cref="DeflateStream"/>, which reads ahead. When the
/// deflate data ends, the member's trailer is the one place in the last bytes handed to the deflater
/// (plus a few after them) that holds the CRC-32 and size of what came out; the bytes after it are
/// put back, and the next member starts there.
/// </remarks>
internal sealed class GzipMemberStream : ReadOnlyStream
{
    private const int TrailerLength = 8;

    private readonly ByteSource _source;
    private readonly Feeder _feeder;
    private readonly Crc32 _crc = new();
    private readonly int _holdLimit;
    private DeflateStream? _deflate;
    private long _size;
    private int _members;
    private bool _done;

    /// <summary>Decompressed bytes: [_outStart, _ready) may be handed out, [_ready, _outEnd) wait for their member's check.</summary>
    private byte[] _out = new byte[64 * 1024];
    private int _outStart;
    private int _ready;
    private int _outEnd;

    /// <summary>Whether the current member is larger than the hold limit and handed out as it comes.</summary>
    private bool _streaming;

    /// <summary>Decompresses <paramref name="raw"/>.</summary>
    /// <param name="raw">The gzip bytes.</param>
    /// <param name="holdLimit">
    /// A member's output up to this size is held until its CRC-32 and size are checked, so a corrupt
    /// member gives nothing (its record is the error, and the next members go on); a larger member is
    /// handed out as it comes and checked at its end.
    /// </param>
    public GzipMemberStream(Stream raw, int holdLimit = 64 * 1024 * 1024)
    {
        _source = new ByteSource(raw);
        _feeder = new Feeder(_source);
        _holdLimit = Math.Max(_out.Length, holdLimit);
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            if (_ready > _outStart)
            {
                int n = Math.Min(buffer.Length, _ready - _outStart);
                _out.AsSpan(_outStart, n).CopyTo(buffer);
                _outStart += n;
                if (_outStart == _outEnd)
                {
                    _outStart = _outEnd = _ready = 0;
                }

                return n;
            }

            if (_done)
            {
                return 0;
            }

            if (_deflate is null)
            {
                if (!StartMember())
                {
                    _done = true;
                    continue;
                }

                _streaming = false;
            }

            if (_outEnd == _out.Length)
            {
                MakeRoom();
                continue;
            }

            int got = _deflate!.Read(_out.AsSpan(_outEnd));
            if (got > 0)
            {
                _crc.Append(_out.AsSpan(_outEnd, got));
                _size += got;
                _outEnd += got;
                if (_streaming)
                {
                    _ready = _outEnd;
                }

                continue;
            }

            EndMember();
            _ready = _outEnd;
        }
    }

    /// <summary>
    /// Room for more of the member: held bytes move to the front, the buffer grows up to
    /// <see cref="_holdLimit"/>; a member larger than that is handed out before its check (streamed).
    /// </summary>
    private void MakeRoom()
    {
        if (_outStart > 0)
        {
            Buffer.BlockCopy(_out, _outStart, _out, 0, _outEnd - _outStart);
            _outEnd -= _outStart;
            _ready -= _outStart;
            _outStart = 0;
        }
        else if (_out.Length < _holdLimit)
        {
            Array.Resize(ref _out, (int)Math.Min(_holdLimit, 2L * _out.Length));
        }
        else
        {
            _streaming = true;
            _ready = _outEnd;
        }
    }

    /// <summary>Reads a member's header; false at the clean end of the input.</summary>
    private bool StartMember()
    {
        if (!_source.Ensure(1))
        {
            return false;
        }

        int member = _members + 1;
        if (!_source.Ensure(10))
        {
            throw Truncated($"the input ends inside the header of gzip member {member}");
        }

        var head = _source.Peek(10);
        if (head[0] != 0x1f || head[1] != 0x8b || head[2] != 8)
        {
            throw new InvalidDataException($"corrupt gzip: member {member} does not start with a gzip header");
        }

        byte flags = head[3];
        _source.Advance(10);
        if ((flags & 4) != 0)
        {
            if (!_source.Ensure(2))
            {
                throw Truncated($"the input ends inside the header of gzip member {member}");
            }

            int extra = BinaryPrimitives.ReadUInt16LittleEndian(_source.Peek(2));
            _source.Advance(2);
            if (!_source.Ensure(extra))
            {
                throw Truncated($"the input ends inside the header of gzip member {member}");
            }

            _source.Advance(extra);
        }

        for (int flag = 8; flag <= 16; flag += 8)
        {
            // FNAME and FCOMMENT: zero-terminated.
            if ((flags & flag) == 0)
            {
                continue;
            }

            while (true)
            {
                if (!_source.Ensure(1))
                {
                    throw Truncated($"the input ends inside the header of gzip member {member}");
                }

                byte b = _source.Peek(1)[0];
                _source.Advance(1);
                if (b == 0)
                {
                    break;
                }
            }
        }

        if ((flags & 2) != 0)
        {
            if (!_source.Ensure(2))
            {
                throw Truncated($"the input ends inside the header of gzip member {member}");
            }

            _source.Advance(2);
        }

        _feeder.Reset();
        _crc.Reset();
        _size = 0;
        _deflate = new DeflateStream(_feeder, CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    /// <summary>The deflate data of a member ended: finds and checks its trailer, and puts back what follows it.</summary>
    private void EndMember()
    {
        int member = _members + 1;
        if (_feeder.HitEnd)
        {
            throw Truncated($"the input ends inside gzip member {member}, after {_size:N0} bytes of it");
        }

        Span<byte> trailer = stackalloc byte[TrailerLength];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_size));

        // The trailer starts somewhere in the last bytes handed to the deflater (it reads ahead) or
        // just after them, and is followed by the next member's magic or by the end of the input.
        // Where the data is sound the trailer matches what came out; where it does not, the member
        // is corrupt: its end is where its size is followed by a member or the end of the input, or
        // else the first place followed by a member (never a guess at the end of the input: that is
        // a cut, reported as truncated).
        const int Follow = 3;
        bool ended = !_source.Ensure(TrailerLength + Follow);
        var served = _feeder.Served;
        var ahead = _source.Peek(Math.Min(TrailerLength + Follow, _source.Available));
        var window = new byte[served.Length + ahead.Length];
        served.CopyTo(window);
        ahead.CopyTo(window.AsSpan(served.Length));
        int exact = -1, sized = -1, bounded = -1;
        for (int p = 0; p <= served.Length && p + TrailerLength <= window.Length; p++)
        {
            var after = window.AsSpan(p + TrailerLength);
            bool next = after is [0x1f, 0x8b, 8, ..];
            bool boundary = next || (after.IsEmpty && ended);
            bool matches = window.AsSpan(p, TrailerLength).SequenceEqual(trailer);
            if (matches && (boundary || exact < 0))
            {
                exact = p;
                if (boundary)
                {
                    break;
                }
            }

            if (boundary && sized < 0 && window.AsSpan(p + 4, 4).SequenceEqual(trailer[4..]))
            {
                sized = p;
            }

            if (next && bounded < 0)
            {
                bounded = p;
            }
        }

        int end = exact >= 0 ? exact : sized >= 0 ? sized : bounded;
        if (end < 0)
        {
            throw ahead.Length < TrailerLength
                ? Truncated($"the input ends inside the trailer of gzip member {member} (or the trailer does not match the data)")
                : new InvalidDataException($"corrupt gzip: the CRC-32 or size of member {member} does not match its data");
        }

        int fromAhead = Math.Max(0, end + TrailerLength - served.Length);
        var rest = end + TrailerLength < served.Length ? served[(end + TrailerLength)..].ToArray() : [];
        _source.Advance(fromAhead);
        _source.Unread(rest);
        _deflate!.Dispose();
        _deflate = null;
        _members++;
        if (exact < 0)
        {
            // What this member gave is dropped (unless it was too large to hold and went out already).
            _outEnd = _ready;
            throw new CorruptMemberException($"corrupt gzip: the CRC-32 or size of member {member} does not match its data; the next members are read");
        }
    }

    private static InvalidDataException Truncated(string message) => new($"truncated gzip: {message}");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _deflate?.Dispose();
            _source.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A buffer over the compressed input that can look ahead and take bytes back.</summary>
    private sealed class ByteSource(Stream raw) : IDisposable
    {
        private byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;
        private bool _eof;

        public int Available => _end - _start;

        /// <summary>Reads until <paramref name="count"/> bytes are buffered; false when the input ends first.</summary>
        public bool Ensure(int count)
        {
            while (Available < count && !_eof)
            {
                if (_buffer.Length - _start < count)
                {
                    if (_buffer.Length < count)
                    {
                        Array.Resize(ref _buffer, Math.Max(count, _buffer.Length * 2));
                    }

                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, Available);
                    _end = Available;
                    _start = 0;
                }

                int n = raw.Read(_buffer, _end, _buffer.Length - _end);
                if (n == 0)
                {
                    _eof = true;
                }

                _end += n;
            }

            return Available >= count;
        }

        public ReadOnlySpan<byte> Peek(int count) => _buffer.AsSpan(_start, count);

        public void Advance(int count) => _start += count;

        /// <summary>Puts bytes back in front of the buffered ones.</summary>
        public void Unread(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length <= _start)
            {
                _start -= bytes.Length;
                bytes.CopyTo(_buffer.AsSpan(_start));
                return;
            }

            var merged = new byte[Math.Max(_buffer.Length, bytes.Length + Available)];
            bytes.CopyTo(merged);
            _buffer.AsSpan(_start, Available).CopyTo(merged.AsSpan(bytes.Length));
            _end = bytes.Length + Available;
            _start = 0;
            _buffer = merged;
        }

        public void Dispose() => raw.Dispose();
    }

    /// <summary>What the deflater reads: the buffered input, remembering the last two chunks it handed over.</summary>
    private sealed class Feeder(ByteSource source) : ReadOnlyStream
    {
        private byte[] _served = new byte[128 * 1024];
        private int _previous;
        private int _last;

        /// <summary>Whether the deflater asked for more and the input had ended.</summary>
        public bool HitEnd { get; private set; }

        /// <summary>The last two chunks handed to the deflater, in order.</summary>
        public ReadOnlySpan<byte> Served => _served.AsSpan(0, _previous + _last);

        public void Reset()
        {
            HitEnd = false;
            _previous = 0;
            _last = 0;
        }

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }

            if (!source.Ensure(1))
            {
                HitEnd = true;
                return 0;
            }

            int n = Math.Min(buffer.Length, source.Available);
            var chunk = source.Peek(n);
            chunk.CopyTo(buffer);
            Remember(chunk);
            source.Advance(n);
            return n;
        }

        private void Remember(ReadOnlySpan<byte> chunk)
        {
            if (_served.Length < _last + chunk.Length)
            {
                Array.Resize(ref _served, (_last + chunk.Length) * 2);
            }

            _served.AsSpan(_previous, _last).CopyTo(_served);
            chunk.CopyTo(_served.AsSpan(_last));
            _previous = _last;
            _last = chunk.Length;
        }
    }
}

/// <summary>A gzip member whose check failed but whose end was found: its data is dropped, and reading goes on with the next member.</summary>
internal sealed class CorruptMemberException(string message) : IOException(message);
