using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using Cleaner.Batch;
using Cleaner.Cli.Inputs;
using Cleaner.Cli.Output;

namespace Cleaner.Cli.Commands;

/// <summary>
/// <c>cleaner batch</c>: cleans the records of JSONL, WARC and WET inputs (gzip or zstd compressed or
/// not) on all cores into one JSONL output, every record accounted for as output, error or skipped.
/// </summary>
internal static class BatchCommand
{
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
        var resume = new Option<bool>("--resume")
        {
            Description = "Keep a checkpoint while running and, when one is found for the same command line and inputs, go on from it (uncompressed --out file only).",
        };
        var maxErrors = new Option<string>("--max-errors")
        {
            Description = "How many records may fail with exit code 0 still: a count (0: none) or a share of the records to clean (1%). An input that cannot be read to its end always fails the run.",
            DefaultValueFactory = _ => ErrorBudget.DefaultText,
            HelpName = "n|p%",
        };
        var profiles = new Option<string?>("--profiles") { Description = "Clean each record with the profile of its site from this file (see 'cleaner profile build').", HelpName = "file" };
        var learn = new Option<bool>("--learn-sites") { Description = "Build the site profiles in a first pass over the same inputs (files only), then clean with them." };
        var records = new RecordSettings();
        var sites = new ProfileCommand.SiteSettings();
        CleanerSettings.RejectOptionLikeValues(inputs);
        var settings = new CleanerSettings();
        var command = new Command("batch", "Clean the records of JSONL, WARC or WET files into one JSONL file, in parallel, with constant memory.")
        {
            inputs, output, errors, reasons, progress, resume, maxErrors, profiles, learn,
        };
        records.AddTo(command);
        sites.AddTo(command);
        settings.AddTo(command, inputKind: false);
        command.SetAction(async (result, cancellationToken) =>
        {
            var paths = result.GetValue(inputs)!;
            var outPath = result.GetValue(output)!;
            var errorsPath = result.GetValue(errors);
            var options = records.Options(result) with { Reasons = result.GetValue(reasons), JsonLines = true };
            var budget = ErrorBudget.TryParse(result.GetValue(maxErrors), out var parsed)
                ? parsed
                : throw new CliException($"--max-errors takes a count (such as 10) or a share (such as 1% or 0.5%), not '{result.GetValue(maxErrors)}'");
            var batchInputs = Inputs(paths, outPath, errorsPath, io);
            var cleaner = settings.Build(result);
            options = options with
            {
                RecordTimeout = RecordTimeout(cleaner),
                SiteField = result.GetValue(sites.SiteField),
                Profiles = ProfileCommand.ForBatch(result.GetValue(profiles), result.GetValue(learn), batchInputs, sites.Options(result, options, shardBySite: false) with { Shard = new(0, 1) }, io),
            };
            if (result.GetValue(resume))
            {
                if (outPath == "-" || errorsPath == "-" || outPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || outPath.EndsWith(".zst", StringComparison.OrdinalIgnoreCase))
                {
                    throw new CliException("--resume needs --out FILE, uncompressed (not standard output, not .gz or .zst), and --errors not standard output");
                }

                var fingerprint = Fingerprint(result, batchInputs);
                return await RunResumableAsync(cleaner, options, batchInputs, outPath, errorsPath, fingerprint, budget, result.GetValue(progress), io, cancellationToken).ConfigureAwait(false);
            }

            return await RunAsync(cleaner, options, batchInputs, outPath, errorsPath, budget, result.GetValue(progress), io, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(TextCleaner cleaner, BatchOptions options, List<BatchInput> inputs, string outPath, string? errorsPath,
        ErrorBudget budget, bool plainProgress, CliStreams io, CancellationToken cancellationToken)
    {
        long? total = inputs.All(i => i.Length is not null) ? inputs.Sum(i => i.Length!.Value) : null;
        OutputFile? outFile = null, errorsFile = null;
        try
        {
            // Opened before anything is read: a directory, a read-only place or a full disk shows now.
            outFile = outPath == "-" ? null : OutputFile.Open(outPath);
            errorsFile = errorsPath is null or "-" ? null : OutputFile.Open(errorsPath);
        }
        catch (IOException e)
        {
            outFile?.Dispose();
            throw new CliException($"cannot write the output: {e.Message}", ExitCodes.SomeFailed);
        }

        using var stop = new StopSignals(cancellationToken);
        using (outFile)
        using (errorsFile)
        {
            var outStream = outFile?.Stream ?? io.OpenStdout();
            var errorsStream = errorsPath == "-" ? io.OpenStdout() : errorsFile?.Stream;
            var runner = new BatchPipeline(cleaner, options);
            var raw = new StrongBox<long>();
            try
            {
                var run = DrainAsync(runner, inputs, raw, new BatchWriter(outStream, errorsStream, io.Error), stop.Token);
                await BatchProgress.WatchAsync(run, runner, () => Interlocked.Read(ref raw.Value), total, io, plainProgress).ConfigureAwait(false);
                outStream.Flush();
                errorsStream?.Flush();
                outFile?.Commit();
                errorsFile?.Commit();
            }
            catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
            {
                io.Error($"interrupted ({stop.Signal}); {(outFile is null ? "the output stops at the last record written" : "the output files were not written")}");
                Summary(runner, options, io);
                return stop.ExitCode;
            }
            catch (IOException e)
            {
                io.Error($"cannot write the output: {e.Message}; {(outFile is null ? $"{runner.Counts.Out} records were written before it failed" : "the output files were not written")}");
                Summary(runner, options, io);
                return ExitCodes.SomeFailed;
            }

            return Summary(runner, options, io, budget);
        }
    }

    /// <summary>A run with <c>--resume</c>: see <see cref="ResumableOutput"/>.</summary>
    private static async Task<int> RunResumableAsync(TextCleaner cleaner, BatchOptions options, List<BatchInput> inputs, string outPath, string? errorsPath,
        string fingerprint, ErrorBudget budget, bool plainProgress, CliStreams io, CancellationToken cancellationToken)
    {
        long? total = inputs.All(i => i.Length is not null) ? inputs.Sum(i => i.Length!.Value) : null;
        ResumableOutput output;
        try
        {
            output = new ResumableOutput(outPath, errorsPath, fingerprint, io.Error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the output: {e.Message}", ExitCodes.SomeFailed);
        }

        using (output)
        {
            var runner = new BatchPipeline(cleaner, options with { SkipRecords = output.Resumed?.Done ?? 0 });
            var raw = new StrongBox<long>();
            if (output.Resumed is { } resumed)
            {
                runner.StartFrom(resumed.Counts, resumed.Done);
                io.Error(string.Create(CultureInfo.InvariantCulture, $"resuming after {resumed.Done} records"));
            }

            output.Attach(runner);
            using var stop = new StopSignals(cancellationToken);
            try
            {
                if (output.Resumed is not { Complete: true })
                {
                    var run = DrainAsync(runner, inputs, raw, output, stop.Token);
                    await BatchProgress.WatchAsync(run, runner, () => Interlocked.Read(ref raw.Value), total, io, plainProgress).ConfigureAwait(false);
                }

                output.Finish();
            }
            catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
            {
                output.Save(complete: false);
                io.Error($"interrupted ({stop.Signal}); run the same command again to go on from record {runner.RecordsWritten}");
                Summary(runner, options, io);
                return stop.ExitCode;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                io.Error($"cannot write the output: {e.Message}; the checkpoint keeps what was written before");
                Summary(runner, options, io);
                return ExitCodes.SomeFailed;
            }

            return Summary(runner, options, io, budget);
        }
    }

    /// <summary>Runs the inputs' records through the pipeline into the sink, in order.</summary>
    private static async Task DrainAsync(BatchPipeline pipeline, List<BatchInput> inputs, StrongBox<long> rawBytes, IResultSink sink, CancellationToken cancellationToken)
    {
        var records = BatchReader.ReadAsync(inputs, pipeline.Options, n => Interlocked.Add(ref rawBytes.Value, n), cancellationToken);
        await foreach (var result in pipeline.CleanAsync(records, cancellationToken).ConfigureAwait(false))
        {
            sink.Write(result);
            sink.Written(pipeline.RecordsWritten);
        }
    }

    /// <summary>What makes a resumed run the same run: the command line and each input's path, size and time.</summary>
    private static string Fingerprint(ParseResult result, List<BatchInput> inputs)
    {
        var text = new System.Text.StringBuilder();
        foreach (var token in result.Tokens)
        {
            if (token.Value is not ("--resume" or "--progress"))
            {
                text.Append(token.Value).Append('\0');
            }
        }

        foreach (var input in inputs)
        {
            var info = input.Name == "-" ? null : new FileInfo(input.Name);
            text.Append(input.Name).Append('\0').Append(info?.Length).Append('\0').Append(info?.LastWriteTimeUtc.Ticks).Append('\0');
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>How long the writer waits for one record: the cleaner's time limit and a second (the library checks it between filters).</summary>
    internal static TimeSpan? RecordTimeout(TextCleaner cleaner) => cleaner.Options.Timeout + TimeSpan.FromSeconds(1);

    /// <summary>
    /// The last lines on standard error: the extractors of the HTML pages (<c>extractor: native=N
    /// smartreader=N</c>), why the run exits 0 when records failed within --max-errors, and last
    /// <c>in=N out=N errors=N skipped=N</c> (with <c>other-shards=N</c> under --shard). Returns the
    /// exit code: 1 when an input could not be read to its end or the errors are over the budget.
    /// </summary>
    private static int Summary(BatchPipeline runner, BatchOptions options, CliStreams io, ErrorBudget? budget)
    {
        var counts = runner.Counts;
        var line = counts.ToString();
        if (options.Shard.Count > 1)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" other-shards={counts.OtherShards}");
        }

        bool failed = counts.BrokenInputs > 0 || budget?.Exceeded(counts) == true;
        lock (io.Err)
        {
            if (counts.ExtractorLine() is { } extractors)
            {
                io.Err.WriteLine(extractors);
            }

            if (budget is { } allowed && counts.Errors > 0 && !failed)
            {
                // Exit 0 with errors: say why (over the budget, exit 1 is what any error gave before).
                io.Err.WriteLine($"{allowed.Describe(counts)}: exit 0");
            }

            io.Err.WriteLine(line);
        }

        return failed ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    /// <summary>The summary after an interruption or an output failure (the exit code is the caller's).</summary>
    private static void Summary(BatchPipeline runner, BatchOptions options, CliStreams io) => _ = Summary(runner, options, io, null);

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

            list.Add(BatchInput.File(path) with { Length = new FileInfo(path).Length });
        }

        return list;
    }

    /// <summary>Whether two paths name one file, links followed (an output written through a link must not land on an input).</summary>
    private static bool SamePath(string a, string b)
    {
        FileKinds.Resolve(a, out var first);
        FileKinds.Resolve(b, out var second);
        return string.Equals(first, second, StringComparison.Ordinal);
    }
}
