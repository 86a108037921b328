using System.CommandLine;

namespace Cleaner.Cli.Commands;

/// <summary><c>cleaner filters</c>: the built-in filters in pipeline order with their one-line description.</summary>
internal static class FiltersCommand
{
    public static Command Create(CliStreams io)
    {
        var command = new Command("filters", "List the filters in pipeline order with what each removes (names for --without).");
        command.SetAction(_ =>
        {
            var filters = TextCleaner.Default.Filters;
            int width = filters.Max(f => f.Name.Length);
            foreach (var filter in filters)
            {
                io.Out.WriteLine($"{filter.Name.PadRight(width)}  {filter.Description}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
