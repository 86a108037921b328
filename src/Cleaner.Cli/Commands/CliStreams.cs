using System.Text;

namespace Cleaner.Cli.Commands;

/// <summary>The streams a run of <c>cleaner</c> uses, and whether standard output is a terminal that takes colours.</summary>
internal sealed class CliStreams(TextReader input, TextWriter output, TextWriter error, bool colour)
{
    public TextWriter Out { get; } = output;

    public TextWriter Err { get; } = error;

    /// <summary>Whether to colour the output (a terminal, and NO_COLOR not set).</summary>
    public bool Colour { get; } = colour;

    /// <summary>Writes one error line, <c>cleaner: message</c>, to standard error.</summary>
    public void Error(string message)
    {
        lock (Err)
        {
            Err.WriteLine($"cleaner: {message}");
        }
    }

    /// <summary>Reads standard input to its end, as UTF-8 bytes.</summary>
    public byte[] ReadStdin() => Encoding.UTF8.GetBytes(input.ReadToEnd());

    /// <summary>Whether standard error is a terminal (progress is drawn there).</summary>
    public bool ErrIsTerminal { get; init; }

    /// <summary>Standard input as bytes (set by the program; otherwise the text reader's content as UTF-8).</summary>
    public Func<Stream>? BinaryIn { get; init; }

    /// <summary>Standard output as bytes (set by the program; otherwise written through the text writer).</summary>
    public Func<Stream>? BinaryOut { get; init; }

    /// <summary>Standard input as a byte stream.</summary>
    public Stream OpenStdin() => BinaryIn?.Invoke() ?? new MemoryStream(ReadStdin());

    /// <summary>Standard output as a byte stream (UTF-8 text goes through to the writer).</summary>
    public Stream OpenStdout() => BinaryOut?.Invoke() ?? new TextWriterStream(Out);
}

/// <summary>A write-only stream that decodes UTF-8 into a text writer (standard output of in-process runs).</summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
        int n = _decoder.GetChars(buffer, chars, flush: false);
        writer.Write(chars, 0, n);
    }

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
