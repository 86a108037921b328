using System.IO.Compression;
using System.Text;
using Cleaner.Cli.Inputs;
using ZstdSharp;

namespace Cleaner.Cli.Output;

/// <summary>
/// The one way the CLI writes a file. A regular file or a new path is written under a hidden
/// temporary name in the same directory and renamed over its name on <see cref="Commit"/> (disposed
/// without a commit, the temporary file is deleted), so an interrupted run never leaves a file that
/// looks complete. A symbolic link is followed and its target written the same way (the link
/// stays). A device, FIFO or socket is never replaced: it is written directly. A directory is refused.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    private readonly string? _temp;
    private readonly FileStream _file;
    private bool _done;

    private OutputFile(string target, string? temp, FileStream file, bool compress)
    {
        Target = target;
        _temp = temp;
        _file = file;
        Stream = compress ? Compress(file, target) : file;
    }

    /// <summary>The path written at the end (a link's final target).</summary>
    public string Target { get; }

    /// <summary>Where to write (compressed when the name ends in <c>.gz</c> or <c>.zst</c>).</summary>
    public Stream Stream { get; }

    /// <summary>Whether the output is written in place (a device, FIFO or socket).</summary>
    public bool Direct => _temp is null;

    /// <summary>Opens an output, checking at once that it can be written.</summary>
    /// <param name="path">The path as given.</param>
    /// <param name="compress">Whether to compress by the name's extension.</param>
    /// <exception cref="IOException">The path is a directory, or cannot be written (the message says why).</exception>
    public static OutputFile Open(string path, bool compress = true)
    {
        var kind = FileKinds.Resolve(path, out var target);
        if (kind == FileKind.Directory)
        {
            throw new IOException($"{path} is a directory");
        }

        try
        {
            if (kind == FileKind.Special)
            {
                return new OutputFile(target, null, new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16), compress);
            }

            var directory = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(directory);
            var temp = TempName(target);
            return new OutputFile(target, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), compress);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"cannot write {path}: {e.Message}", e);
        }
    }

    /// <summary>Writes a whole file (UTF-8, no byte order mark) the same way.</summary>
    public static void WriteAllText(string path, string content)
    {
        using var file = Open(path, compress: false);
        var bytes = new UTF8Encoding(false).GetBytes(content);
        file.Stream.Write(bytes);
        file.Commit();
    }

    /// <summary>The temporary name of a target: hidden, beside it, unique to this process and call.</summary>
    public static string TempName(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

    /// <summary>Whether a file name is one of these temporary names.</summary>
    public static bool IsTempName(string name) => name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal);

    /// <summary>Flushes and closes the file, and renames it to its name (written to disk first).</summary>
    /// <exception cref="IOException">Writing failed (the temporary file is removed on dispose).</exception>
    public void Commit()
    {
        Stream.Flush();
        if (!ReferenceEquals(Stream, _file))
        {
            Stream.Dispose();
        }

        if (_temp is not null)
        {
            _file.Flush(flushToDisk: true);
        }

        _file.Dispose();
        if (_temp is not null)
        {
            File.Move(_temp, Target, overwrite: true);
        }

        _done = true;
    }

    /// <summary>Closes the file; without a commit the temporary file is deleted, whatever failed before.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        try
        {
            Stream.Dispose();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            // A full disk fails again when the rest is flushed: the file is dropped anyway.
        }

        try
        {
            _file.Dispose();
        }
        catch (IOException)
        {
            // As above.
        }

        if (_temp is not null)
        {
            File.Delete(_temp);
        }
    }

    /// <summary>Compresses output by its extension: <c>.gz</c> (gzip) or <c>.zst</c> (Zstandard); others are written as they are.</summary>
    private static Stream Compress(Stream stream, string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".gz" => new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true),
        ".zst" => new CompressionStream(stream, 3, leaveOpen: true),
        _ => stream,
    };
}
