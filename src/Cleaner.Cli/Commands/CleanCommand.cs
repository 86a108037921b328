using System.CommandLine;
using Cleaner.Cli.Inputs;
using Cleaner.Cli.Output;

namespace Cleaner.Cli.Commands;

/// <summary><c>cleaner clean</c>: cleans files, directories or standard input and prints or writes the result.</summary>
internal static class CleanCommand
{
    /// <summary>What <c>clean --help</c> says the command does, with how several outputs are told apart on standard output.</summary>
    internal const string Description =
        "Clean files, directories, web pages (http:// and https:// addresses) or standard input; print the text or write it under --out. "
        + "With two or more inputs and no --out, each input's text or Markdown is followed by a NUL byte (the n-th for the n-th input; "
        + "nothing before it when that input failed), so that a pipeline can split them (xargs -0, read -d '', split('\\0')); "
        + "--format json prints one JSON object per line instead, each with its source.";

    public static Command Create(CliStreams io)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = $"Files, directories (every *.txt, *.html, *.htm inside, recursively), http:// or https:// addresses (fetched, {PageFetcher.MaxRedirects} redirects at most), or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<string?>("--out", "-o")
        {
            Description = "Write one file per input into this directory, keeping relative paths (required for directories; a page goes to <host>/<path>).",
            HelpName = "dir",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: the cleaned text, Markdown, or JSON with title, language, metadata and removals (one object per line on standard output).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|markdown|json",
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Leave out the files and directories of a scanned directory that match this pattern (repeatable): a pattern without / matches names "
                + "('*.verified.txt'), one with / the path under the directory given ('drafts/**'); * and ? stop at /, ** does not.",
            HelpName = "glob",
        };
        var url = new Option<string?>("--url")
        {
            Description = "The page's address when the HTML comes from a file or standard input (one input): its relative links and metadata are read against it.",
            HelpName = "url",
        };
        var fetchTimeout = new Option<double>("--fetch-timeout")
        {
            Description = "Give up a web page that has not arrived in full after this many seconds (redirects included).",
            DefaultValueFactory = _ => PageFetcher.DefaultTimeoutSeconds,
            HelpName = "seconds",
        };
        var fetchMax = new Option<double>("--fetch-max-mb")
        {
            Description = "Refuse a web page larger than this many megabytes.",
            DefaultValueFactory = _ => PageFetcher.DefaultMaxMegabytes,
            HelpName = "mb",
        };
        format.AcceptOnlyFromAmong(DocumentOutput.FormatNames);
        CleanerSettings.RejectOptionLikeValues(inputs);
        var settings = new CleanerSettings();
        var command = new Command("clean", Description)
        {
            inputs,
            outDir,
            format,
            exclude,
            url,
            fetchTimeout,
            fetchMax,
        };
        settings.AddTo(command);
        var profiles = new ProfileChoice();
        profiles.AddTo(command);
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

            if (output is not null && FileKinds.Resolve(output, out _) is not (FileKind.Missing or FileKind.Directory))
            {
                throw new CliException($"--out {output} is a file; give a directory (it is created when missing)");
            }

            ExcludeGlobs globs;
            try
            {
                globs = ExcludeGlobs.Parse(result.GetValue(exclude) ?? []);
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }

            var errors = new List<string>();
            var skipped = new List<string>();
            var files = InputFiles.Expand(paths, output, errors, skipped, globs);
            foreach (var message in errors.Concat(skipped))
            {
                io.Error(message);
            }

            var limits = FetchLimits(result.GetValue(fetchTimeout), result.GetValue(fetchMax));
            using var fetcher = files.Any(f => f.IsUrl) ? new PageFetcher(limits.Timeout, limits.MaxBytes) : null;
            var address = PageAddress(result.GetValue(url), files);
            cleaner = profiles.Apply(result, cleaner, address);
            var run = new CleanRun(cleaner, kind, InputCleaner.MaxBytes(cleaner), io, fetcher, address);
            int failures = errors.Count;
            failures += output is null
                ? Print(files, outputFormat, run)
                : Write(files, output, outputFormat, run);
            return failures > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The limits of a page fetch, checked whether or not an input is an address.</summary>
    private static (TimeSpan Timeout, long MaxBytes) FetchLimits(double seconds, double megabytes)
    {
        if (!(seconds > 0 && seconds <= int.MaxValue / 1000))
        {
            throw new CliException("--fetch-timeout takes a number of seconds above 0");
        }

        if (!(megabytes > 0 && megabytes <= 4096))
        {
            throw new CliException("--fetch-max-mb takes a number of megabytes above 0 and at most 4096");
        }

        return (TimeSpan.FromSeconds(seconds), (long)(megabytes * 1024 * 1024));
    }

    /// <summary>The address <c>--url</c> gives: an absolute http or https address, for one input that is not itself an address.</summary>
    private static Uri? PageAddress(string? url, List<InputFile> files)
    {
        if (url is null)
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--url takes an absolute http:// or https:// address, not '{url}'");
        }

        if (files.Count != 1 || files[0].IsUrl)
        {
            throw new CliException("--url gives the address of one page read from a file or standard input; give exactly one such input");
        }

        return address;
    }

    /// <summary>
    /// Cleans the inputs one after another to standard output; with two or more, each one's text
    /// ends with a NUL byte (see <see cref="Description"/>). A failed write to standard output
    /// ends the run (<see cref="StandardOutputException"/>).
    /// </summary>
    private static int Print(List<InputFile> files, OutputFormat format, CleanRun run)
    {
        bool separate = files.Count > 1 && format != OutputFormat.Json;
        int failures = 0;
        foreach (var file in files)
        {
            string? rendered = null;
            try
            {
                rendered = DocumentOutput.Render(CleanOne(file, run), format, Source(file));
            }
            catch (InputException e)
            {
                run.Io.Error($"{Name(file)}: {e.Message}");
                failures++;
            }

            if (rendered is not null)
            {
                run.Io.Out.Write(rendered);
                run.Io.Out.Write('\n');
            }

            if (separate)
            {
                run.Io.Out.Write('\0');
            }
        }

        run.Io.Out.Flush();
        return failures;
    }

    /// <summary>
    /// Cleans the inputs in parallel into files under <paramref name="outDir"/>; messages come out in
    /// input order. Before anything is written, an input whose output would land on an input (its own
    /// or another's) is an error, and so are both inputs of a pair that would share one output.
    /// </summary>
    private static int Write(List<InputFile> files, string outDir, OutputFormat format, CleanRun run)
    {
        var messages = new string?[files.Count];
        var targets = new string[files.Count];
        var inputPaths = new HashSet<string>(files.Where(f => !f.IsStdin && !f.IsUrl).Select(f => Path.GetFullPath(f.Path)), StringComparer.OrdinalIgnoreCase);
        var byTarget = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < files.Count; i++)
        {
            targets[i] = Path.GetFullPath(Path.Combine(outDir, Path.ChangeExtension(files[i].Relative, DocumentOutput.Extension(format))));
            if (!byTarget.TryGetValue(targets[i], out var sharing))
            {
                byTarget[targets[i]] = sharing = [];
            }

            sharing.Add(i);
        }

        for (int i = 0; i < files.Count; i++)
        {
            var sharing = byTarget[targets[i]];
            if (sharing.Count > 1)
            {
                var others = string.Join(", ", sharing.Where(j => j != i).Select(j => Name(files[j])));
                messages[i] = $"{Name(files[i])}: not written: its output {targets[i]} is also the output of {others}";
            }
            else if (inputPaths.Contains(targets[i]))
            {
                messages[i] = string.Equals(files[i].IsStdin || files[i].IsUrl ? null : Path.GetFullPath(files[i].Path), targets[i], StringComparison.OrdinalIgnoreCase)
                    ? $"{Name(files[i])}: not written: the output would overwrite the input"
                    : $"{Name(files[i])}: not written: its output {targets[i]} is an input";
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
                var result = CleanOne(files[i], run);
                OutputFile.WriteAllText(targets[i], DocumentOutput.Render(result, format, Source(files[i])) + "\n");
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
                run.Io.Error(message);
                failures++;
            }
        }

        return failures;
    }

    private static CleanResult CleanOne(InputFile file, CleanRun run)
    {
        if (file.IsUrl)
        {
            var page = run.Fetcher!.Fetch(file.Path);
            var kind = run.Kind != InputKind.Auto ? run.Kind : page.Kind;
            return InputCleaner.Clean(run.Cleaner, page.Body, page.Address.AbsolutePath, kind, page.Address, page.ContentType);
        }

        var bytes = file.IsStdin ? run.Io.ReadStdin(run.MaxBytes) : InputCleaner.Read(file.Path, run.MaxBytes);
        return InputCleaner.Clean(run.Cleaner, bytes, file.IsStdin ? null : file.Path, run.Kind, run.Url);
    }

    /// <summary>The <c>source</c> of JSON output: the path or address as given (none for standard input).</summary>
    private static string? Source(InputFile file) => file.IsStdin ? null : file.Path;

    private static string Name(InputFile file) => file.IsStdin ? "standard input" : file.Path;
}

/// <summary>What every input of one <c>clean</c> run is cleaned with.</summary>
/// <param name="Cleaner">The cleaner the options describe.</param>
/// <param name="Kind">The input kind asked for (--html, --text) or <see cref="InputKind.Auto"/>.</param>
/// <param name="MaxBytes">The most bytes read from a file or standard input.</param>
/// <param name="Io">The run's streams.</param>
/// <param name="Fetcher">Fetches web pages (null when no input is an address).</param>
/// <param name="Url">The page's address from --url, for the one input.</param>
internal sealed record CleanRun(TextCleaner Cleaner, InputKind Kind, long MaxBytes, CliStreams Io, PageFetcher? Fetcher, Uri? Url);
