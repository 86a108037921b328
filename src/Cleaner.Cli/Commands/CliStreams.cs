using System.Text;
using Cleaner.Batch.Streams;
using Cleaner.Cli.Inputs;

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

    /// <summary>
    /// Reads standard input to its end as bytes (the one path standard input takes, so that the
    /// library detects its encoding as for a file), up to <paramref name="maxBytes"/>.
    /// </summary>
    /// <exception cref="InputException">Standard input holds more.</exception>
    public byte[] ReadStdin(long maxBytes)
    {
        using var stdin = OpenStdin();
        return InputCleaner.ReadAll(stdin, maxBytes);
    }

    /// <summary>Whether standard error is a terminal (progress is drawn there).</summary>
    public bool ErrIsTerminal { get; init; }

    /// <summary>Standard input as bytes (set by the program; otherwise the text reader's content as UTF-8).</summary>
    public Func<Stream>? BinaryIn { get; init; }

    /// <summary>Standard output as bytes (set by the program; otherwise written through the text writer).</summary>
    public Func<Stream>? BinaryOut { get; init; }

    /// <summary>Standard input as a byte stream (in-process runs without one: the text reader's content as UTF-8).</summary>
    public Stream OpenStdin() => BinaryIn?.Invoke() ?? new MemoryStream(Encoding.UTF8.GetBytes(input.ReadToEnd()));

    /// <summary>Standard output as a byte stream (UTF-8 text goes through to the writer).</summary>
    public Stream OpenStdout() => BinaryOut?.Invoke() ?? new TextWriterStream(Out);
}

/// <summary>A write to standard output failed (a closed pipe, a full disk): the run ends with exit code 1.</summary>
internal sealed class StandardOutputException(IOException inner) : IOException(inner.Message, inner);

/// <summary>
/// Standard output for text: its failed writes and flushes throw <see cref="StandardOutputException"/>
/// (the console's own writer drops them silently).
/// </summary>
internal sealed class StandardOutputStream(Stream inner) : WriteOnlyStream
{
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (IOException e)
        {
            throw new StandardOutputException(e);
        }
    }

    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (IOException e)
        {
            throw new StandardOutputException(e);
        }
    }

}

/// <summary>A write-only stream that decodes UTF-8 into a text writer (standard output of in-process runs).</summary>
internal sealed class TextWriterStream(TextWriter writer) : WriteOnlyStream
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
        int n = _decoder.GetChars(buffer, chars, flush: false);
        writer.Write(chars, 0, n);
    }

    public override void Flush() => writer.Flush();

}
