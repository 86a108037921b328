namespace Cleaner.Batch.Streams;

/// <summary>
/// A stream that goes one way and never seeks: no length, no position. The batch's input streams
/// read (<see cref="ReadOnlyStream"/>); the command line's standard-output streams write
/// (<see cref="WriteOnlyStream"/>).
/// </summary>
internal abstract class OneWayStream : Stream
{
    public sealed override bool CanSeek => false;

    public sealed override long Length => throw new NotSupportedException();

    public sealed override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>A read-only, forward-only stream: the members every such stream here shares.</summary>
internal abstract class ReadOnlyStream : OneWayStream
{
    public sealed override bool CanRead => true;

    public sealed override bool CanWrite => false;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public abstract override int Read(Span<byte> buffer);

    public override void Flush()
    {
    }

    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A write-only stream: the members every such stream shares.</summary>
internal abstract class WriteOnlyStream : OneWayStream
{
    public sealed override bool CanRead => false;

    public sealed override bool CanWrite => true;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public abstract override void Write(ReadOnlySpan<byte> buffer);

    public sealed override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
