using System.Text;

namespace Cleaner.Cli;

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
}
