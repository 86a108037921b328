using BenchmarkDotNet.Attributes;
using Cleaner.Filters;

namespace Cleaner.Benchmarks;

/// <summary>
/// Each built-in filter alone (<c>TextCleaner.CreateBuilder().Clear().Add(filter)</c>) over every text
/// case of the corpus, against an empty pipeline (document building and the result only), to find the
/// expensive filters. A filter alone sees no earlier verdicts, so it judges every block. The filters
/// come from <see cref="BuiltInFilters.CreateDefault"/>, so a new built-in filter is measured here
/// without any change to this file. HTML-only filters return at once on text.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CorpusConfig))]
[CorpusInput(CorpusKind.Text)]
public class FilterBenchmarks
{
    private string[] _texts = [];
    private TextCleaner _empty = null!;
    private TextCleaner _alone = null!;

    /// <summary>The names of the built-in filters, in pipeline order.</summary>
    public static IEnumerable<string> Filters => BuiltInFilters.CreateDefault().Select(f => f.Name);

    /// <summary>The filter measured.</summary>
    [ParamsSource(nameof(Filters))]
    public string Filter { get; set; } = string.Empty;

    /// <summary>Reads the corpus and builds the two cleaners.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _texts = Corpus.Read(CorpusKind.Text);
        _empty = TextCleaner.CreateBuilder().Clear().Build();
        _alone = TextCleaner.CreateBuilder().Clear().Add(BuiltInFilters.CreateDefault().Single(f => f.Name == Filter)).Build();
    }

    /// <summary>No filter: the cost the filter adds to (measured again beside each filter, for its ratio).</summary>
    [Benchmark(Baseline = true, Description = "(empty pipeline)")]
    public int Empty() => Run(_empty);

    /// <summary>The filter alone.</summary>
    [Benchmark(Description = "filter alone")]
    public int Alone() => Run(_alone);

    private int Run(TextCleaner cleaner)
    {
        int removed = 0;
        foreach (var text in _texts)
        {
            removed += cleaner.Clean(text).Removed.Count;
        }

        return removed;
    }
}
