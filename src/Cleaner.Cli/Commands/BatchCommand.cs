using System.CommandLine;
using System.Globalization;
using Cleaner.Cli.Batch;
using Cleaner.Cli.Batch.Formats;
using Cleaner.Cli.Output;

namespace Cleaner.Cli.Commands;

/// <summary>
/// <c>cleaner batch</c>: cleans the records of JSONL, WARC and WET inputs (gzip or zstd compressed or
/// not) on all cores into one JSONL output, every record accounted for as output, error or skipped.
/// </summary>
internal static class BatchCommand
{
    /// <summary>The exit code of an interrupted run (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    public static Command Create(CliStreams io)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "JSONL, WARC or WET files (gzip or zstd compressed or not, detected by their first bytes), or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The JSONL output: one line per cleaned record (- for standard output; .gz or .zst names are compressed).",
            DefaultValueFactory = _ => "-",
            HelpName = "file",
        };
        var errors = new Option<string?>("--errors")
        {
            Description = "A JSONL file of the records that failed, with their id, position and reason (default: one line each on standard error).",
            HelpName = "file",
        };
        var reasons = new Option<bool>("--reasons") { Description = "Add the removed blocks with their filter and reason to each output record." };
        var progress = new Option<bool>("--progress") { Description = "Print plain progress lines on standard error when it is not a terminal (a terminal always shows a live bar)." };
        var profiles = new Option<string?>("--profiles") { Description = "Clean each record with the profile of its site from this file (see 'cleaner profile build').", HelpName = "file" };
        var learn = new Option<bool>("--learn-sites") { Description = "Build the site profiles in a first pass over the same inputs (files only), then clean with them." };
        var records = new RecordSettings();
        var sites = new ProfileCommand.SiteSettings();
        CleanerSettings.RejectOptionLikeValues(inputs);
        var settings = new CleanerSettings();
        var command = new Command("batch", "Clean the records of JSONL, WARC or WET files into one JSONL file, in parallel, with constant memory.")
        {
            inputs, output, errors, reasons, progress, profiles, learn,
        };
        records.AddTo(command);
        sites.AddTo(command);
        settings.AddTo(command, inputKind: false);
        command.SetAction(async (result, cancellationToken) =>
        {
            var paths = result.GetValue(inputs)!;
            var outPath = result.GetValue(output)!;
            var errorsPath = result.GetValue(errors);
            var options = records.Options(result) with { Reasons = result.GetValue(reasons) };
            var batchInputs = Inputs(paths, outPath, errorsPath, io);
            var cleaner = settings.Build(result);
            options = options with { SiteField = result.GetValue(sites.SiteField), Profiles = ProfileCommand.ForBatch(result.GetValue(profiles), result.GetValue(learn), batchInputs, sites.Options(result, options, shardBySite: false) with { Shard = new(0, 1) }, io) };
            return await RunAsync(cleaner, options, batchInputs, outPath, errorsPath, result.GetValue(progress), io, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(TextCleaner cleaner, BatchOptions options, List<BatchInput> inputs, string outPath, string? errorsPath,
        bool plainProgress, CliStreams io, CancellationToken cancellationToken)
    {
        long? total = inputs.All(i => i.Length is not null) ? inputs.Sum(i => i.Length!.Value) : null;
        using var outFile = outPath == "-" ? null : new AtomicFile(outPath);
        using var errorsFile = errorsPath is null or "-" ? null : new AtomicFile(errorsPath);
        var outStream = outFile?.Stream ?? io.OpenStdout();
        var errorsStream = errorsPath == "-" ? io.OpenStdout() : errorsFile?.Stream;
        var runner = new BatchRunner(cleaner, options);
        try
        {
            var run = runner.RunAsync(inputs, new BatchWriter(outStream, errorsStream, io.Error), cancellationToken);
            await BatchProgress.WatchAsync(run, runner, total, io, plainProgress).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            io.Error("interrupted; the output files were not written");
            Summary(runner, options, io);
            return Interrupted;
        }
        catch (IOException e)
        {
            throw new CliException($"cannot write the output: {e.Message}", ExitCodes.SomeFailed);
        }

        outStream.Flush();
        errorsStream?.Flush();
        outFile?.Commit();
        errorsFile?.Commit();
        Summary(runner, options, io);
        return runner.Errors > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    /// <summary>The last line on standard error: <c>in=N out=N errors=N skipped=N</c>, and <c>other-shards=N</c> with --shard.</summary>
    private static void Summary(BatchRunner runner, BatchOptions options, CliStreams io)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"in={runner.Records} out={runner.Cleaned} errors={runner.Errors} skipped={runner.Skipped}");
        if (options.Shard.Count > 1)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" other-shards={runner.OtherShards}");
        }

        lock (io.Err)
        {
            io.Err.WriteLine(line);
        }
    }

    /// <summary>The inputs, checked before anything is written: each exists, standard input once, no output overwrites an input.</summary>
    internal static List<BatchInput> Inputs(string[] paths, string outPath, string? errorsPath, CliStreams io)
    {
        if (outPath == "-" && errorsPath == "-")
        {
            throw new CliException("--out and --errors cannot both be standard output");
        }

        if (errorsPath is not null && errorsPath != "-" && outPath != "-" && SamePath(outPath, errorsPath))
        {
            throw new CliException("--out and --errors must be different files");
        }

        var list = new List<BatchInput>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                if (list.Any(i => i.Name == "-"))
                {
                    throw new CliException("standard input (-) can be given once");
                }

                list.Add(new BatchInput("-", io.OpenStdin, null));
                continue;
            }

            if (!File.Exists(path))
            {
                throw new CliException(Directory.Exists(path) ? $"{path} is a directory; give the files inside it" : $"{path}: no such file");
            }

            foreach (var target in new[] { outPath, errorsPath })
            {
                if (target is not null && target != "-" && SamePath(target, path))
                {
                    throw new CliException($"{path} is both an input and an output");
                }
            }

            list.Add(new BatchInput(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), new FileInfo(path).Length));
        }

        return list;
    }

    private static bool SamePath(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
