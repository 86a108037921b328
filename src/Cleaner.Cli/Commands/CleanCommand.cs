using System.CommandLine;
using System.Text;
using Cleaner.Cli.Inputs;
using Cleaner.Cli.Output;

namespace Cleaner.Cli.Commands;

/// <summary><c>cleaner clean</c>: cleans files, directories or standard input and prints or writes the result.</summary>
internal static class CleanCommand
{
    public static Command Create(CliStreams io)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, directories (every *.txt, *.html, *.htm inside, recursively), or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<string?>("--out", "-o")
        {
            Description = "Write one file per input into this directory, keeping relative paths (required for directories).",
            HelpName = "dir",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: the cleaned text, Markdown, or JSON with title, language, metadata and removals (one object per line on standard output).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|markdown|json",
        };
        format.AcceptOnlyFromAmong(DocumentOutput.FormatNames);
        CleanerSettings.RejectOptionLikeValues(inputs);
        var settings = new CleanerSettings();
        var command = new Command("clean", "Clean files, directories or standard input; print the text or write it under --out.")
        {
            inputs,
            outDir,
            format,
        };
        settings.AddTo(command);
        command.SetAction(result =>
        {
            var kind = settings.Kind(result);
            var cleaner = settings.Build(result);
            var output = result.GetValue(outDir);
            var outputFormat = DocumentOutput.Parse(result.GetValue(format));
            var paths = result.GetValue(inputs)!;
            if (output is null && paths.FirstOrDefault(Directory.Exists) is { } directory)
            {
                throw new CliException($"{directory} is a directory; give --out DIR to write the cleaned files");
            }

            if (output is not null && File.Exists(output))
            {
                throw new CliException($"--out {output} is a file; give a directory (it is created when missing)");
            }

            var errors = new List<string>();
            var files = InputFiles.Expand(paths, output, errors);
            foreach (var error in errors)
            {
                io.Error($"{error}");
            }

            int failures = errors.Count;
            failures += output is null
                ? Print(files, cleaner, kind, outputFormat, io)
                : Write(files, output, cleaner, kind, outputFormat, io);
            return failures > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Cleans the inputs one after another to standard output.</summary>
    private static int Print(List<InputFile> files, TextCleaner cleaner, InputKind kind, OutputFormat format, CliStreams io)
    {
        int failures = 0;
        foreach (var file in files)
        {
            try
            {
                io.Out.WriteLine(DocumentOutput.Render(CleanOne(file, cleaner, kind, io), format, file.IsStdin ? null : file.Path));
            }
            catch (InputException e)
            {
                io.Error($"{Name(file)}: {e.Message}");
                failures++;
            }
        }

        return failures;
    }

    /// <summary>Cleans the inputs in parallel into files under <paramref name="outDir"/>; messages come out in input order.</summary>
    private static int Write(List<InputFile> files, string outDir, TextCleaner cleaner, InputKind kind, OutputFormat format, CliStreams io)
    {
        var messages = new string?[files.Count];
        var targets = new string[files.Count];
        var claimed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < files.Count; i++)
        {
            var file = files[i];
            targets[i] = Path.GetFullPath(Path.Combine(outDir, Path.ChangeExtension(file.Relative, DocumentOutput.Extension(format))));
            if (claimed.TryGetValue(targets[i], out var other))
            {
                messages[i] = $"{Name(file)}: skipped: its output {targets[i]} is already the output of {other}";
            }
            else if (!file.IsStdin && string.Equals(Path.GetFullPath(file.Path), targets[i], StringComparison.Ordinal))
            {
                messages[i] = $"{Name(file)}: skipped: the output would overwrite the input";
            }
            else
            {
                claimed[targets[i]] = Name(file);
            }
        }

        Parallel.For(0, files.Count, i =>
        {
            if (messages[i] is not null)
            {
                return;
            }

            try
            {
                var result = CleanOne(files[i], cleaner, kind, io);
                WriteAtomically(targets[i], DocumentOutput.Render(result, format, files[i].IsStdin ? null : files[i].Path) + "\n");
            }
            catch (InputException e)
            {
                messages[i] = $"{Name(files[i])}: {e.Message}";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                messages[i] = $"{Name(files[i])}: cannot write {targets[i]}: {e.Message}";
            }
        });
        int failures = 0;
        foreach (var message in messages)
        {
            if (message is not null)
            {
                io.Error(message);
                failures++;
            }
        }

        return failures;
    }

    private static CleanResult CleanOne(InputFile file, TextCleaner cleaner, InputKind kind, CliStreams io)
    {
        var bytes = file.IsStdin ? io.ReadStdin() : InputCleaner.Read(file.Path);
        return InputCleaner.Clean(cleaner, bytes, file.IsStdin ? null : file.Path, kind);
    }

    private static string Name(InputFile file) => file.IsStdin ? "standard input" : file.Path;

    /// <summary>Writes a file through a temporary file and a rename, so no half-written output is left behind.</summary>
    internal static void WriteAtomically(string target, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            File.WriteAllText(temp, content, new UTF8Encoding(false));
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
