using System.CommandLine;
using System.Globalization;
using System.Text;

namespace Cleaner.Cli;

/// <summary>The <c>cleaner</c> command line, runnable in-process with its own streams (for tests).</summary>
internal static class CleanerApp
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int Usage = 2;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Strips boilerplate (site chrome) from scraped web text.");
        root.Subcommands.Add(CleanCommand(stdin, stdout, stderr));
        root.Subcommands.Add(EvalCommand(stdout, stderr));
        root.Subcommands.Add(ExplainCommand(stdout, stderr));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"cleaner: {error.Message}");
            }

            return Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static Command CleanCommand(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files, directories, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string?>("--out", "-o") { Description = "Write one .txt per input into this directory, keeping relative paths (required for directories)." };
        var command = new Command("clean", "Clean files, directories of *.txt files, or standard input, and print or write the text.")
        {
            inputs,
            outDir,
        };
        command.SetAction(result =>
        {
            var cleaner = TextCleaner.Default;
            var paths = result.GetValue(inputs)!;
            var output = result.GetValue(outDir);
            int failures = 0;
            foreach (var path in paths)
            {
                if (path == "-")
                {
                    var text = stdin.ReadToEnd();
                    WriteResult(cleaner.Clean(text).Text, output is null ? null : Path.Combine(output, "stdin.txt"), stdout);
                    continue;
                }

                if (Directory.Exists(path))
                {
                    if (output is null)
                    {
                        stderr.WriteLine($"cleaner: {path} is a directory; give --out DIR to write the cleaned files.");
                        return Usage;
                    }

                    foreach (var file in Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    {
                        var relative = Path.GetRelativePath(path, file);
                        failures += CleanFile(cleaner, file, Path.Combine(output, relative), stdout, stderr);
                    }

                    continue;
                }

                if (!File.Exists(path))
                {
                    stderr.WriteLine($"cleaner: {path}: no such file or directory");
                    failures++;
                    continue;
                }

                failures += CleanFile(cleaner, path, output is null ? null : Path.Combine(output, Path.GetFileNameWithoutExtension(path) + ".txt"), stdout, stderr);
            }

            return failures > 0 ? SomeFailed : Ok;
        });
        return command;
    }

    private static int CleanFile(TextCleaner cleaner, string path, string? target, TextWriter stdout, TextWriter stderr)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"cleaner: {path}: {e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"cleaner: {path}: {e.Message}");
            return 1;
        }

        WriteResult(cleaner.Clean(text).Text, target, stdout);
        return 0;
    }

    private static void WriteResult(string text, string? target, TextWriter stdout)
    {
        if (target is null)
        {
            stdout.WriteLine(text);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        var temp = target + ".tmp";
        File.WriteAllText(temp, text + "\n", new UTF8Encoding(false));
        File.Move(temp, target, overwrite: true);
    }

    private static Command ExplainCommand(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "The file to explain." };
        var command = new Command("explain", "Show every block with KEEP or DROP, the filter and the reason.") { file };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                stderr.WriteLine($"cleaner: {path}: no such file");
                return SomeFailed;
            }

            var cleaned = TextCleaner.Default.Clean(File.ReadAllText(path, Encoding.UTF8));
            foreach (var block in cleaned.Blocks)
            {
                string verdict = block.IsRemoved ? "DROP" : "KEEP";
                string why = block.Filter is null ? string.Empty : $" [{block.Filter}: {block.Reason}]";
                stdout.WriteLine($"{verdict}{why} {block.Text}");
            }

            return Ok;
        });
        return command;
    }

    /// <summary>Cleans the input of one page: <c>id.html</c> as HTML when it exists, otherwise <c>id.txt</c> as text.</summary>
    private static string CleanInput(TextCleaner cleaner, string inputDir, string id)
    {
        var html = Path.Combine(inputDir, id + ".html");
        return File.Exists(html)
            ? cleaner.CleanHtml(File.ReadAllBytes(html)).Text
            : cleaner.Clean(Scorer.ReadText(Path.Combine(inputDir, id + ".txt"))).Text;
    }

    private static Command EvalCommand(TextWriter stdout, TextWriter stderr)
    {
        var gold = new Option<string>("--gold") { Description = "Directory of gold <id>.txt files.", Required = true };
        var pred = new Option<string?>("--pred") { Description = "Directory of predicted <id>.txt files." };
        var input = new Option<string?>("--input") { Description = "Directory of <id>.txt (text) or <id>.html (HTML) inputs to clean first." };
        var worst = new Option<int>("--worst") { Description = "How many of the worst pages to list.", DefaultValueFactory = _ => 10 };
        var command = new Command("eval", "Score outputs against gold text (token shingle precision, recall and F1, as score.py).")
        {
            gold, pred, input, worst,
        };
        command.SetAction(result =>
        {
            var goldDir = result.GetValue(gold)!;
            var predDir = result.GetValue(pred);
            var inputDir = result.GetValue(input);
            if ((predDir is null) == (inputDir is null))
            {
                stderr.WriteLine("cleaner: eval needs exactly one of --pred DIR or --input DIR.");
                return Usage;
            }

            if (!Directory.Exists(goldDir))
            {
                stderr.WriteLine($"cleaner: {goldDir}: no such directory");
                return Usage;
            }

            var ids = Directory.EnumerateFiles(goldDir, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
            var cleaner = TextCleaner.Default;
            var scores = new PageScore[ids.Count];
            Parallel.For(0, ids.Count, i =>
            {
                var id = ids[i]!;
                var goldText = Scorer.ReadText(Path.Combine(goldDir, id + ".txt"));
                string prediction = predDir is not null
                    ? Scorer.ReadText(Path.Combine(predDir, id + ".txt"))
                    : CleanInput(cleaner, inputDir!, id);
                scores[i] = Scorer.ScorePage(id, goldText, prediction);
            });
            var summary = Scorer.Aggregate(scores);
            int n = result.GetValue(worst);
            foreach (var page in scores.OrderBy(s => s.F1).Take(n))
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"worst {page.Id}\tp={page.Precision:F3}\tr={page.Recall:F3}\tf1={page.F1:F3}\tgold={page.GoldTokens}\tpred={page.PredTokens}"));
            }

            stdout.WriteLine(summary.SummaryLine);
            return Ok;
        });
        return command;
    }
}
