using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Cleaner.Batch;

namespace Cleaner.Benchmarks;

/// <summary>
/// <c>cleaner batch</c> throughput: a JSONL file made of the corpus's text inputs (generated once into
/// the temporary directory), cleaned by the batch pipeline with one and two workers into a file.
/// Columns: MB/s of input, and the peak working set of the benchmark process (one process per case),
/// for a 50 MB and a 200 MB input, so that flat memory shows as equal peaks.
/// </summary>
[Config(typeof(Config))]
public class BatchBenchmarks
{
    private string _input = string.Empty;
    private string _output = string.Empty;

    /// <summary>Records cleaned at once.</summary>
    [Params(1, 2)]
    public int Workers { get; set; }

    /// <summary>The input size in megabytes (10^6 bytes).</summary>
    [Params(50, 200)]
    public int InputMB { get; set; }

    /// <summary>Where the generated inputs and the peak figures go.</summary>
    internal static string Folder => Path.Combine(Path.GetTempPath(), "cleaner-batch-benchmark");

    internal static string InputPath(int megabytes) => Path.Combine(Folder, $"corpus-{megabytes}mb.jsonl");

    internal static string PeakPath(int workers, int megabytes) => Path.Combine(Folder, $"peak-w{workers}-{megabytes}mb.txt");

    internal static string PeakPath(BenchmarkCase benchmark) => PeakPath((int)benchmark.Parameters["Workers"], (int)benchmark.Parameters["InputMB"]);

    [GlobalSetup]
    public void Setup()
    {
        _input = Generate(Program.DryRun ? 1 : InputMB); // a dry run checks that the case runs, on 1 MB
        _output = Path.Combine(Folder, $"out-{Environment.ProcessId}.jsonl");
    }

    [Benchmark(Description = "batch JSONL")]
    public long Batch()
    {
        var runner = new BatchPipeline(TextCleaner.Default, new BatchOptions { Parallel = Workers, JsonLines = true });
        using (var output = new FileStream(_output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            WriteAsync(runner, output).GetAwaiter().GetResult();
        }

        return runner.Counts.Out;
    }

    /// <summary>As <c>cleaner batch</c> writes: each cleaned record's line, in order.</summary>
    private async Task WriteAsync(BatchPipeline runner, Stream output)
    {
        await foreach (var result in runner.CleanAsync(BatchReader.ReadAsync([_input], runner.Options)).ConfigureAwait(false))
        {
            if (result.Kind == BatchResultKind.Cleaned)
            {
                output.Write(result.JsonLine.Span);
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_output);
        using var process = Process.GetCurrentProcess();
        File.WriteAllText(PeakPath(Workers, InputMB), process.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes (once) a JSONL file of at least <paramref name="megabytes"/> MB: the corpus's text inputs in turn, with an id and a URL.</summary>
    internal static string Generate(int megabytes)
    {
        var path = InputPath(megabytes);
        long target = megabytes * 1_000_000L;
        if (File.Exists(path) && new FileInfo(path).Length >= target)
        {
            return path;
        }

        var root = Path.Combine(AppContext.BaseDirectory, "corpus");
        var texts = Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories)
            .Where(p => !p.Contains(".verified.", StringComparison.Ordinal) && !p.Contains(".received.", StringComparison.Ordinal)
                && !p.EndsWith(".expect.txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        if (texts.Length == 0)
        {
            throw new InvalidOperationException($"No corpus text found under {root}.");
        }

        Directory.CreateDirectory(Folder);
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            for (long i = 0; stream.Position + json.BytesPending < target; i++)
            {
                json.WriteStartObject();
                json.WriteNumber("id", i);
                json.WriteString("url", $"https://example.com/{i}");
                json.WriteString("text", texts[i % texts.Length]);
                json.WriteEndObject();
                json.Flush();
                json.Reset();
                stream.WriteByte((byte)'\n');
            }
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }

    /// <summary>One short job per case (each in its own process; none in a dry run), the memory diagnoser, and the MB/s and peak working set columns.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            if (!Program.DryRun)
            {
                // Otherwise the command line's dry job would run beside this one, measuring for minutes.
                AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3));
            }

            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(new ThroughputColumn(), new PeakWorkingSetColumn());
        }
    }

    /// <summary>A numeric column of this benchmark, computed per case.</summary>
    private abstract class CaseColumn(string id, string name, string legend, UnitType unit) : IColumn
    {
        public string Id => id;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => unit;

        public string Legend => legend;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => Compute(summary, benchmarkCase) ?? "-";

        protected abstract string? Compute(Summary summary, BenchmarkCase benchmarkCase);
    }

    /// <summary>Megabytes of input per second, from the mean time.</summary>
    private sealed class ThroughputColumn() : CaseColumn("BatchMBps", "MB/s", "Input megabytes (10^6 bytes) cleaned per second", UnitType.Dimensionless)
    {
        protected override string? Compute(Summary summary, BenchmarkCase benchmarkCase)
        {
            var path = InputPath((int)benchmarkCase.Parameters["InputMB"]);
            return summary[benchmarkCase]?.ResultStatistics?.Mean is { } nanoseconds && File.Exists(path)
                ? (new FileInfo(path).Length / 1e6 / (nanoseconds / 1e9)).ToString("F2", CultureInfo.InvariantCulture)
                : null;
        }
    }

    /// <summary>The peak working set of the process that ran the case (written by its global clean-up).</summary>
    private sealed class PeakWorkingSetColumn() : CaseColumn("BatchPeakWS", "Peak WS", "Peak working set of the benchmark process (MB)", UnitType.Size)
    {
        protected override string? Compute(Summary summary, BenchmarkCase benchmarkCase)
        {
            var path = PeakPath(benchmarkCase);
            return File.Exists(path)
                ? string.Create(CultureInfo.InvariantCulture, $"{long.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture) / 1e6:F0} MB")
                : null;
        }
    }
}
