using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Cleaner.Benchmarks;

/// <summary>
/// The configuration of the corpus benchmarks: the default columns plus throughput (MB of input per
/// second) and allocation per MB of input, both computed from the size of the inputs that the class's
/// <see cref="CorpusInputAttribute"/> names.
/// </summary>
public sealed class CorpusConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public CorpusConfig()
    {
        AddColumn(new PerInputColumn(PerInputColumn.Measure.Throughput), new PerInputColumn(PerInputColumn.Measure.AllocationPerMb));
        SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(40);
    }
}

/// <summary>A column derived from the mean time or the allocated bytes and the input size of one operation.</summary>
public sealed class PerInputColumn(PerInputColumn.Measure measure) : IColumn
{
    private static readonly ConcurrentDictionary<Type, long> InputBytes = new();

    /// <summary>What the column shows.</summary>
    public enum Measure
    {
        /// <summary>MB of input (UTF-8, as stored) per second of mean time.</summary>
        Throughput,

        /// <summary>Bytes allocated per byte of input (MB per MB).</summary>
        AllocationPerMb,
    }

    /// <inheritdoc />
    public string Id => nameof(PerInputColumn) + "." + measure;

    /// <inheritdoc />
    public string ColumnName => measure == Measure.Throughput ? "MB/s" : "Alloc/MB";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => measure == Measure.Throughput ? 0 : 1;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => measure == Measure.Throughput
        ? "Throughput: MB of corpus input (UTF-8 bytes as stored) cleaned per second of mean time"
        : "Allocated: MB allocated per MB of corpus input (MemoryDiagnoser's Allocated / input size)";

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        long bytes = InputBytes.GetOrAdd(benchmarkCase.Descriptor.Type, SizeOfInput);
        var report = summary[benchmarkCase];
        if (bytes <= 0 || report is null)
        {
            return "-";
        }

        double mb = bytes / 1e6;
        if (measure == Measure.Throughput)
        {
            return report.ResultStatistics is { Mean: > 0 } stats
                ? (mb / (stats.Mean / 1e9)).ToString("0.00", CultureInfo.InvariantCulture)
                : "-";
        }

        return report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) is { } allocated
            ? (allocated / 1e6 / mb).ToString("0.00", CultureInfo.InvariantCulture)
            : "-";
    }

    /// <inheritdoc />
    public override string ToString() => ColumnName;

    private static long SizeOfInput(Type type) =>
        type.GetCustomAttribute<CorpusInputAttribute>() is { } input ? Corpus.Bytes(input.Kind) : 0;
}
