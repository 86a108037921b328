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
        var io = new CliStreams(stdinClosed ? TextReader.Null : Console.In, Console.Out, Console.Error, colour)
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

            // A pipe whose other end this process holds too is the runtime's own, not a caller's.
            foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                if (Path.GetFileName(fd) != "0" && new FileInfo(fd).LinkTarget == zero)
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
