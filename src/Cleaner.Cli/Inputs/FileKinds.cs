using System.Runtime.InteropServices;
using System.Text;

namespace Cleaner.Cli.Inputs;

/// <summary>What a path is on disk, without following a final symbolic link.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (to anything, or to nothing).</summary>
    Link,

    /// <summary>A device, FIFO or socket: to be read or written as a stream, never replaced.</summary>
    Special,
}

/// <summary>Tells regular files from devices, FIFOs, sockets and links (.NET's file attributes do not).</summary>
internal static partial class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 1;
    private const int ModeOffset = 28;

    private static bool _noStatx;

    /// <summary>The kind of <paramref name="path"/> itself (a link is not followed).</summary>
    public static FileKind Of(string path)
    {
        if (!_noStatx && OperatingSystem.IsLinux())
        {
            try
            {
                var buffer = new byte[256];
                var name = Encoding.UTF8.GetBytes(path + "\0");
                if (Statx(AtCurrentDirectory, name, AtSymlinkNoFollow, StatxType, buffer) != 0)
                {
                    return FileKind.Missing;
                }

                return (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
                {
                    0x8000 => FileKind.Regular,
                    0x4000 => FileKind.Directory,
                    0xA000 => FileKind.Link,
                    _ => FileKind.Special,
                };
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                _noStatx = true;
            }
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return FileKind.Link;
        }

        return info.Exists ? FileKind.Regular : Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
    }

    /// <summary>The kind of what <paramref name="path"/> names once every link is followed, and that final path.</summary>
    public static FileKind Resolve(string path, out string final)
    {
        final = Path.GetFullPath(path);
        var kind = Of(final);
        if (kind != FileKind.Link)
        {
            return kind;
        }

        try
        {
            var target = File.ResolveLinkTarget(final, returnFinalTarget: true);
            if (target is null)
            {
                return kind;
            }

            final = target.FullName;
        }
        catch (IOException)
        {
            // A loop of links: leave it to the caller's open to fail with a clear message.
            return FileKind.Special;
        }

        return Of(final) is FileKind.Link ? FileKind.Special : Of(final);
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static partial int Statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);
}
