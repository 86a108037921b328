using System.IO.Compression;
using ZstdSharp;

namespace Cleaner.Cli.Output;

/// <summary>
/// A file written under a temporary name in the same directory and renamed to its name on
/// <see cref="Commit"/>; disposed without a commit, the temporary file is deleted. An interrupted
/// run never leaves a file under the target name that looks complete.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private readonly string _target;
    private readonly string _temp;
    private bool _committed;

    public AtomicFile(string target)
    {
        _target = Path.GetFullPath(target);
        var directory = Path.GetDirectoryName(_target)!;
        Directory.CreateDirectory(directory);
        _temp = Path.Combine(directory, $".{Path.GetFileName(_target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var file = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        Stream = Compress(file, _target);
    }

    /// <summary>Where to write (compressed when the name ends in <c>.gz</c> or <c>.zst</c>).</summary>
    public Stream Stream { get; }

    /// <summary>Flushes, closes and renames the file to its name.</summary>
    public void Commit()
    {
        Stream.Dispose();
        File.Move(_temp, _target, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            Stream.Dispose();
            File.Delete(_temp);
        }
    }

    /// <summary>Compresses output by its extension: <c>.gz</c> (gzip) or <c>.zst</c> (Zstandard); others are written as they are.</summary>
    public static Stream Compress(Stream stream, string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".gz" => new GZipStream(stream, CompressionLevel.Fastest),
        ".zst" => new CompressionStream(stream, 3, leaveOpen: false),
        _ => stream,
    };
}
