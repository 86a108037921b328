using System.CommandLine;
using Cleaner.Cli.Commands;

namespace Cleaner.Cli;

/// <summary>The <c>cleaner</c> command line, runnable in-process with its own streams (for tests).</summary>
internal static class CleanerApp
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments after the command name.</param>
    /// <param name="stdin">Standard input (for <c>-</c>).</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error: one <c>cleaner: ...</c> line per problem.</param>
    /// <param name="colour">Whether standard output is a terminal that takes colours (explain).</param>
    /// <returns>0, 1 when some inputs failed, 2 for a usage error.</returns>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool colour = false) =>
        Run(args, new CliStreams(stdin, stdout, stderr, colour));

    /// <summary>Runs the command line with the given streams (the program passes the console's byte streams too).</summary>
    public static int Run(string[] args, CliStreams io)
    {
        var stdout = io.Out;
        var stderr = io.Err;
        var root = new RootCommand("Strips boilerplate (site chrome) from scraped web text, and says why each line went.")
        {
            CleanCommand.Create(io),
            ExplainCommand.Create(io),
            EvalCommand.Create(io),
            FiltersCommand.Create(io),
            BatchCommand.Create(io),
            ProfileCommand.Create(io),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            io.Error($"{string.Join("; ", parsed.Errors.Select(e => OneLine(e.Message)))} (see 'cleaner --help')");
            return ExitCodes.Usage;
        }

        try
        {
            // SIGINT and SIGTERM are handled by the commands that need a clean stop (batch), not by a grace period.
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (CliException e)
        {
            io.Error(e.Message);
            return e.ExitCode;
        }
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
}
