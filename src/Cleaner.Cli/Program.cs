using System.Text;

namespace Cleaner.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        bool colour = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return CleanerApp.Run(args, Console.In, Console.Out, Console.Error, colour);
    }
}
