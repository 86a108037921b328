namespace Cleaner.Cli;

internal static class Program
{
    public static int Main(string[] args) =>
        CleanerApp.Run(args, Console.In, Console.Out, Console.Error);
}
