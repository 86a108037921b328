using System.CommandLine;
using System.Globalization;
using Cleaner.Cli.Inputs;
using Cleaner.Cli.Reports;
using Spectre.Console;

namespace Cleaner.Cli.Commands;

/// <summary><c>cleaner explain</c>: every block of one input with KEEP or DROP, the filter and the reason.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliStreams io)
    {
        var file = new Argument<string>("file") { Description = "The file to explain, or - for standard input." };
        CleanerSettings.RejectOptionLikeValues(file);
        var format = new Option<string>("--format")
        {
            Description = "text: one line per block (coloured on a terminal); html: one self-contained page to open in a browser.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|html",
        };
        format.AcceptOnlyFromAmong("text", "html");
        var settings = new CleanerSettings();
        var profiles = new ProfileChoice();
        var command = new Command("explain", "Show every block with KEEP or DROP, the filter and the reason (coloured on a terminal, or as an HTML page).") { file, format };
        settings.AddTo(command);
        profiles.AddTo(command);
        command.SetAction(result =>
        {
            var kind = settings.Kind(result);
            var cleaner = profiles.Apply(result, settings.Build(result), url: null);
            var path = result.GetValue(file)!;
            CleanResult cleaned;
            try
            {
                var maxBytes = InputCleaner.MaxBytes(cleaner);
                var bytes = path == "-" ? io.ReadStdin(maxBytes) : InputCleaner.Read(path, maxBytes);
                cleaned = InputCleaner.Clean(cleaner, bytes, path == "-" ? null : path, kind);
            }
            catch (InputException e)
            {
                io.Error($"{(path == "-" ? "standard input" : path)}: {e.Message}");
                return ExitCodes.SomeFailed;
            }

            if (result.GetValue(format) == "html")
            {
                ExplainPage.Write(io.Out, cleaned, path == "-" ? "standard input" : Path.GetFileName(path));
            }
            else if (io.Colour)
            {
                WriteColoured(cleaned, io.Out);
            }
            else
            {
                WritePlain(cleaned, io.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One line per block: <c>KEEP|DROP  filter  text  (reason)</c>, then a summary line.</summary>
    private static void WritePlain(CleanResult cleaned, TextWriter output)
    {
        int width = Math.Max(8, cleaned.Blocks.Select(b => b.Filter?.Length ?? 1).DefaultIfEmpty(1).Max());
        foreach (var block in cleaned.Blocks)
        {
            var filter = (block.Filter ?? "-").PadRight(width);
            var reason = block.Reason is null ? string.Empty : $"  ({block.Reason})";
            output.WriteLine($"{Verdict(block)}  {filter}  {block.Text}{reason}");
        }

        output.WriteLine(Summary(cleaned));
    }

    private static void WriteColoured(CleanResult cleaned, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var block in cleaned.Blocks)
        {
            var text = Markup.Escape(block.Text);
            var reason = block.Reason is null ? string.Empty : $"\n[grey italic]{Markup.Escape(block.Reason)}[/]";
            grid.AddRow(
                new Markup(block.IsRemoved ? "[bold red]DROP[/]" : "[bold green]KEEP[/]"),
                new Markup(block.Filter is null ? "[grey]-[/]" : $"[{(block.IsRemoved ? "yellow" : "blue")}]{Markup.Escape(block.Filter)}[/]"),
                new Markup((block.IsRemoved ? $"[strikethrough grey]{text}[/]" : text) + reason));
        }

        console.Write(grid);
        console.MarkupLine($"[bold]{Markup.Escape(Summary(cleaned))}[/]");
    }

    private static string Verdict(Block block) => block.IsRemoved ? "DROP" : "KEEP";

    /// <summary>
    /// For example <c>kept 10 of 17 blocks; dropped 7: masthead 1, dates 1, ...; article by smartreader (very short
    /// article: 312 characters of content)</c> (filters in the order of their first removal; then who found the article and, when
    /// it was not simply the native extractor's sound choice, why).
    /// </summary>
    private static string Summary(CleanResult cleaned)
    {
        int dropped = cleaned.Removed.Count;
        var byFilter = cleaned.Removed.GroupBy(r => r.Filter).Select(g => $"{g.Key} {g.Count()}");
        var why = cleaned.ExtractorNote is { } note ? $" ({note})" : string.Empty;
        var extractor = cleaned.ExtractedBy is { } by ? $"; article by {by.ToString().ToLowerInvariant()}{why}"
            : cleaned.ExtractorNote is { } none ? $"; no article: {none}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"kept {cleaned.Blocks.Count - dropped} of {cleaned.Blocks.Count} blocks; dropped {dropped}{(dropped > 0 ? ": " + string.Join(", ", byFilter) : string.Empty)}{extractor}");
    }
}
