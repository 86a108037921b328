using System.Text;
using Cleaner.Cli.Commands;

namespace Cleaner.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        bool colour = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var io = new CliStreams(Console.In, Console.Out, Console.Error, colour)
        {
            ErrIsTerminal = !Console.IsErrorRedirected,
            BinaryIn = Console.OpenStandardInput,
            BinaryOut = Console.OpenStandardOutput,
        };
        return CleanerApp.Run(args, io);
    }
}
