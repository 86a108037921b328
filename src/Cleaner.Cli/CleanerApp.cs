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
        RejectOptionsAsValues(root);
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
        catch (StandardOutputException e)
        {
            io.Error($"cannot write the output: {e.Message}");
            return ExitCodes.SomeFailed;
        }
    }

    /// <summary>
    /// Makes every option that takes a value refuse one that is an option: one that starts with
    /// <c>--</c>, or a known option name such as <c>-o</c> (<c>--text-field --out x</c> would
    /// otherwise set the field to <c>--out</c>). A file named so is still reached as <c>./--name</c>.
    /// </summary>
    internal static void RejectOptionsAsValues(Command root)
    {
        var commands = new List<Command>();
        var pending = new Stack<Command>([root]);
        while (pending.TryPop(out var command))
        {
            commands.Add(command);
            foreach (var sub in command.Subcommands)
            {
                pending.Push(sub);
            }
        }

        var options = commands.SelectMany(c => c.Options).Distinct().ToList();
        var names = options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var option in options.Where(o => o.Arity.MaximumNumberOfValues > 0 && o.ValueType != typeof(bool)))
        {
            option.Validators.Add(result =>
            {
                foreach (var token in result.Tokens)
                {
                    if (token.Value.StartsWith("--", StringComparison.Ordinal) || names.Contains(token.Value))
                    {
                        result.AddError($"{option.Name} needs a value, not the option '{token.Value}'");
                    }
                }
            });
        }
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
}
