using System.Text;
using Cleaner.Batch;

namespace Cleaner.Cli.Inputs;

/// <summary>A cleaning that failed for one input (unreadable, too large, not cleaned); the other inputs go on.</summary>
internal sealed class InputException(string message) : Exception(message);

/// <summary>The one place every input of every command goes through to be cleaned.</summary>
internal static class InputCleaner
{
    /// <summary>How much of an input is checked for NUL bytes.</summary>
    private const int BinaryCheckBytes = 8192;

    /// <summary>The most characters a .NET string holds.</summary>
    private const long MaxStringLength = 0x3FFFFFDF;

    /// <summary>
    /// Cleans one input as plain text or HTML. A result that is not <see cref="CleanStatus.Cleaned"/>
    /// (too large, timed out) and a failure of the library are errors of this input, never output.
    /// </summary>
    /// <param name="cleaner">The cleaner to use.</param>
    /// <param name="bytes">The input's bytes (text and HTML in the encoding the library detects; NUL bytes make it binary).</param>
    /// <param name="name">The input's name (a path, or null for standard input), for detection.</param>
    /// <param name="kind">The kind asked for on the command line, or <see cref="InputKind.Auto"/> to detect it.</param>
    /// <param name="url">The page's address (<c>--url</c>, or where it was fetched from), for HTML.</param>
    /// <param name="contentType">The HTTP Content-Type header of a fetched page: its charset comes before the encoding the bytes declare.</param>
    /// <exception cref="InputException">The input cannot be cleaned: binary, too large, timed out, or the library failed.</exception>
    public static CleanResult Clean(TextCleaner cleaner, byte[] bytes, string? name, InputKind kind, Uri? url = null, string? contentType = null)
    {
        if (IsBinary(bytes))
        {
            throw new InputException("binary input (NUL bytes): not text or HTML");
        }

        CleanResult result;
        try
        {
            result = InputDetector.Detect(bytes, name, kind) == InputKind.Html
                ? cleaner.CleanHtml(bytes, url, contentType)
                : contentType is not null && Charset(contentType) is { } encoding ? cleaner.Clean(encoding.GetString(bytes)) : cleaner.Clean(bytes);
        }
        catch (OutOfMemoryException)
        {
            throw new InputException($"too large to clean in memory ({bytes.Length:N0} bytes)");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InputException($"the cleaner failed: {e.GetType().FullName}: {e.Message}");
        }

        if (result.Status != CleanStatus.Cleaned)
        {
            throw new InputException($"{StatusNames.Of(result.Status)}: {result.Diagnostic ?? result.Status.ToString()}");
        }

        return result;
    }

    /// <summary>The encoding a Content-Type header names (<c>text/plain; charset=koi8-r</c>), when .NET knows it.</summary>
    private static Encoding? Charset(string contentType)
    {
        if (!System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.CharSet is not { Length: > 0 } charset)
        {
            return null;
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return Encoding.GetEncoding(charset.Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Whether an input holds a NUL byte in its first 8 KB and has no UTF-16 byte order mark (text never holds NUL bytes; UTF-16 holds many).</summary>
    public static bool IsBinary(ReadOnlySpan<byte> bytes) =>
        bytes is not ([0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]) && bytes[..Math.Min(bytes.Length, BinaryCheckBytes)].Contains((byte)0);

    /// <summary>Decodes UTF-8 as the scorer reads files: a byte order mark is skipped, invalid bytes are replaced.</summary>
    public static string DecodeUtf8(byte[] bytes)
    {
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }

    /// <summary>
    /// The most bytes worth reading for a cleaner: more could not become a text within its
    /// <see cref="CleanerOptions.MaxInputLength"/> (at least one byte per character), nor a string.
    /// </summary>
    public static long MaxBytes(TextCleaner cleaner) => Math.Min(MaxStringLength, 4L * cleaner.Options.MaxInputLength);

    /// <summary>Reads a file, turning I/O failures and sizes no cleaning can take into an <see cref="InputException"/>.</summary>
    public static byte[] Read(string path, long maxBytes)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            long length = stream.CanSeek ? stream.Length : 0;
            if (length > maxBytes)
            {
                throw new InputException($"input-too-large: {length:N0} bytes, more than can be cleaned ({maxBytes:N0} bytes at most)");
            }

            return ReadAll(stream, maxBytes);
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

    /// <summary>Reads a stream to its end, up to <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InputException">The stream holds more.</exception>
    public static byte[] ReadAll(Stream stream, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > maxBytes)
            {
                throw new InputException($"input-too-large: more than can be cleaned ({maxBytes:N0} bytes at most)");
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }
}
