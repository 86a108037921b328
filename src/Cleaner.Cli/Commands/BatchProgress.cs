using System.Diagnostics;
using System.Globalization;
using Cleaner.Batch;
using Spectre.Console;

namespace Cleaner.Cli.Commands;

/// <summary>
/// Progress of a batch run on standard error: a live bar when it is a terminal, plain periodic lines
/// when asked for with <c>--progress</c>, nothing otherwise. Records, megabytes read (as stored,
/// compressed or not), records per second, and the time left when the input size is known.
/// </summary>
internal static class BatchProgress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    /// <summary>Shows progress until <paramref name="run"/> ends, then awaits it.</summary>
    public static async Task WatchAsync(Task run, BatchPipeline runner, Func<long> rawBytes, long? totalBytes, CliStreams io, bool plain)
    {
        var clock = Stopwatch.StartNew();
        if (io.ErrIsTerminal)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Err) });
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Describe(runner, rawBytes(), clock.Elapsed), maxValue: Math.Max(1, totalBytes ?? 1));
                    task.IsIndeterminate = totalBytes is null;
                    while (!run.IsCompleted)
                    {
                        task.Description = Describe(runner, rawBytes(), clock.Elapsed);
                        task.Value = Math.Min(task.MaxValue, rawBytes());
                        await Task.WhenAny(run, Task.Delay(250)).ConfigureAwait(false);
                    }

                    task.Description = Describe(runner, rawBytes(), clock.Elapsed);
                    task.Value = task.MaxValue;
                    task.StopTask();
                }).ConfigureAwait(false);
        }
        else if (plain)
        {
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(PlainInterval)).ConfigureAwait(false);
                if (!run.IsCompleted)
                {
                    io.Error(Line(runner, rawBytes(), clock.Elapsed, totalBytes));
                }
            }

            io.Error(Line(runner, rawBytes(), clock.Elapsed, totalBytes));
        }

        await run.ConfigureAwait(false);
    }

    private static string Describe(BatchPipeline runner, long bytes, TimeSpan elapsed)
    {
        long records = runner.Counts.In;
        return string.Create(CultureInfo.InvariantCulture, $"{records:N0} records  {bytes / 1e6:F1} MB  {Rate(records, elapsed):N0} records/s");
    }

    /// <summary>A plain progress line: <c>progress records=N mb=X records/s=R [eta=h:mm:ss]</c>.</summary>
    internal static string Line(BatchPipeline runner, long bytes, TimeSpan elapsed, long? totalBytes)
    {
        long records = runner.Counts.In;
        var line = string.Create(CultureInfo.InvariantCulture, $"progress records={records} mb={bytes / 1e6:F1} records/s={Rate(records, elapsed):F0}");
        if (totalBytes is > 0 && bytes > 0)
        {
            var left = TimeSpan.FromSeconds(elapsed.TotalSeconds * Math.Max(0, totalBytes.Value - bytes) / bytes);
            line += string.Create(CultureInfo.InvariantCulture, $" eta={(int)left.TotalHours}:{left:mm\\:ss}");
        }

        return line;
    }

    private static double Rate(long records, TimeSpan elapsed) => elapsed.TotalSeconds > 0 ? records / elapsed.TotalSeconds : 0;
}
