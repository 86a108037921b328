using System.Text;

namespace Cleaner.Cli.Inputs;

/// <summary>A cleaning that failed for one input (unreadable, or a kind the library cannot clean); the other inputs go on.</summary>
internal sealed class InputException(string message) : Exception(message);

/// <summary>The one place every input of every command goes through to be cleaned.</summary>
internal static class InputCleaner
{
    /// <summary>Cleans one input as plain text or HTML.</summary>
    /// <param name="cleaner">The cleaner to use.</param>
    /// <param name="bytes">The input's bytes (text and HTML in the encoding the library detects; NUL bytes make it binary).</param>
    /// <param name="name">The input's name (a path, or null for standard input), for detection.</param>
    /// <param name="kind">The kind asked for on the command line, or <see cref="InputKind.Auto"/> to detect it.</param>
    /// <exception cref="InputException">The input cannot be cleaned (binary input).</exception>
    public static CleanResult Clean(TextCleaner cleaner, byte[] bytes, string? name, InputKind kind)
    {
        if (IsBinary(bytes))
        {
            throw new InputException("binary input (NUL bytes): not text or HTML");
        }

        return InputDetector.Detect(bytes, name, kind) == InputKind.Html
            ? cleaner.CleanHtml(bytes)
            : cleaner.Clean(bytes);
    }

    /// <summary>How much of an input is checked for NUL bytes.</summary>
    private const int BinaryCheckBytes = 8192;

    /// <summary>Whether an input holds a NUL byte in its first 8 KB and has no UTF-16 byte order mark (text never holds NUL bytes; UTF-16 holds many).</summary>
    public static bool IsBinary(ReadOnlySpan<byte> bytes) =>
        bytes is not ([0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]) && bytes[..Math.Min(bytes.Length, BinaryCheckBytes)].Contains((byte)0);

    /// <summary>Decodes UTF-8 as the scorer reads files: a byte order mark is skipped, invalid bytes are replaced.</summary>
    public static string DecodeUtf8(byte[] bytes)
    {
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }

    /// <summary>Reads a file, turning I/O failures into an <see cref="InputException"/>.</summary>
    public static byte[] Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new InputException("no such file or directory");
        }
        catch (DirectoryNotFoundException)
        {
            throw new InputException("no such file or directory");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(e.Message);
        }
    }
}
