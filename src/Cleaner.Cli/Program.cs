using System.Text;
using Cleaner.Cli.Commands;
using Microsoft.Win32.SafeHandles;

namespace Cleaner.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        bool colour = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        bool stdinClosed = StandardStreams.InputIsClosed();
        var io = new CliStreams(stdinClosed ? TextReader.Null : Console.In, StandardStreams.OpenWriter(), Console.Error, colour)
        {
            ErrIsTerminal = !Console.IsErrorRedirected,
            BinaryIn = stdinClosed ? () => Stream.Null : Console.OpenStandardInput,
            BinaryOut = StandardStreams.OpenOutput,
        };
        return CleanerApp.Run(args, io);
    }
}

/// <summary>The process's standard streams as the CLI needs them.</summary>
internal static class StandardStreams
{
    /// <summary>
    /// Standard output as a stream whose failed writes throw (a closed pipe is an
    /// <see cref="IOException"/>, not silence as with the console's stream).
    /// </summary>
    public static Stream OpenOutput() => OperatingSystem.IsWindows()
        ? Console.OpenStandardOutput()
        : new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1);

    /// <summary>
    /// Standard output for text, UTF-8, written through at each call as the console's writer is, but
    /// a failed write throws <see cref="StandardOutputException"/> instead of being dropped.
    /// </summary>
    public static TextWriter OpenWriter() => OperatingSystem.IsWindows()
        ? Console.Out
        : new StreamWriter(new StandardOutputStream(OpenOutput()), new UTF8Encoding(false), 1 << 12) { AutoFlush = true };

    /// <summary>
    /// Whether the process was started with standard input closed (<c>&lt;&amp;-</c>). Descriptor 0
    /// is then reused by the runtime for one of its own pipes or event objects, and reading it would
    /// block forever: it is treated as empty. Linux only (elsewhere: false).
    /// </summary>
    public static bool InputIsClosed()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var zero = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (zero is null)
            {
                return true;
            }

            if (zero.StartsWith("anon_inode:", StringComparison.Ordinal))
            {
                return true;
            }

            if (!zero.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false;
            }

            // A pipe whose other end this process holds too is the runtime's own, not a caller's. The
            // runtime also duplicates descriptor 0 at start-up: that copy is the same end (the same
            // access mode), so only a descriptor of the same pipe opened the other way counts.
            int mode = AccessMode("0");
            foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                var name = Path.GetFileName(fd);
                if (name != "0" && new FileInfo(fd).LinkTarget == zero && AccessMode(name) != mode)
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return false;
        }
    }

    /// <summary>The access mode of one of this process's descriptors (O_RDONLY 0, O_WRONLY 1, O_RDWR 2), from <c>/proc/self/fdinfo</c>.</summary>
    private static int AccessMode(string fd)
    {
        foreach (var line in File.ReadLines("/proc/self/fdinfo/" + fd))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                return Convert.ToInt32(line["flags:".Length..].Trim(), 8) & 3;
            }
        }

        return -1;
    }
}
