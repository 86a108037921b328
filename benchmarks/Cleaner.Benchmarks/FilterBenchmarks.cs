using System.Reflection;
using BenchmarkDotNet.Attributes;
using Cleaner.Filters;

namespace Cleaner.Benchmarks;

/// <summary>
/// Each built-in filter alone (<c>TextCleaner.CreateBuilder().Clear().Add(filter)</c>) over every text
/// case of the corpus, against an empty pipeline (document building and the result only), to find the
/// expensive filters. A filter alone sees no earlier verdicts, so it judges every block.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CorpusConfig))]
[CorpusInput(CorpusKind.Text)]
public class FilterBenchmarks
{
    private readonly Dictionary<string, TextCleaner> _cleaners = new(StringComparer.Ordinal);
    private string[] _texts = [];

    /// <summary>Reads the corpus; fails when a built-in filter has no benchmark here.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _texts = Corpus.Read(CorpusKind.Text);
        var measured = typeof(FilterBenchmarks).GetMethods()
            .Select(m => m.GetCustomAttribute<BenchmarkAttribute>()?.Description)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var missing = BuiltInFilters.CreateDefault().Select(f => f.Name).Where(name => !measured.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Built-in filters without a benchmark in {nameof(FilterBenchmarks)}: {string.Join(", ", missing)}.");
        }
    }

    /// <summary>No filter: the cost every filter below adds to.</summary>
    [Benchmark(Baseline = true, Description = "(empty pipeline)")]
    public int Empty() => Run("");

    /// <summary>The <c>dom-hints</c> filter alone (HTML only: on text it returns at once).</summary>
    [Benchmark(Description = "dom-hints")]
    public int DomHints() => Run("dom-hints");

    /// <summary>The <c>main-content</c> filter alone (HTML only: on text it returns at once).</summary>
    [Benchmark(Description = "main-content")]
    public int MainContent() => Run("main-content");

    /// <summary>The <c>urls</c> filter alone.</summary>
    [Benchmark(Description = "urls")]
    public int Urls() => Run("urls");

    /// <summary>The <c>dates</c> filter alone.</summary>
    [Benchmark(Description = "dates")]
    public int Dates() => Run("dates");

    /// <summary>The <c>social</c> filter alone.</summary>
    [Benchmark(Description = "social")]
    public int Social() => Run("social");

    /// <summary>The <c>calls-to-action</c> filter alone.</summary>
    [Benchmark(Description = "calls-to-action")]
    public int CallsToAction() => Run("calls-to-action");

    /// <summary>The <c>photo-credits</c> filter alone.</summary>
    [Benchmark(Description = "photo-credits")]
    public int PhotoCredits() => Run("photo-credits");

    /// <summary>The <c>analytics</c> filter alone.</summary>
    [Benchmark(Description = "analytics")]
    public int Analytics() => Run("analytics");

    /// <summary>The <c>cookies</c> filter alone.</summary>
    [Benchmark(Description = "cookies")]
    public int Cookies() => Run("cookies");

    /// <summary>The <c>legal</c> filter alone.</summary>
    [Benchmark(Description = "legal")]
    public int Legal() => Run("legal");

    /// <summary>The <c>counters</c> filter alone.</summary>
    [Benchmark(Description = "counters")]
    public int Counters() => Run("counters");

    /// <summary>The <c>navigation</c> filter alone.</summary>
    [Benchmark(Description = "navigation")]
    public int Navigation() => Run("navigation");

    /// <summary>The <c>related</c> filter alone.</summary>
    [Benchmark(Description = "related")]
    public int Related() => Run("related");

    /// <summary>The <c>comments</c> filter alone.</summary>
    [Benchmark(Description = "comments")]
    public int Comments() => Run("comments");

    /// <summary>The <c>title</c> filter alone.</summary>
    [Benchmark(Description = "title")]
    public int Title() => Run("title");

    /// <summary>The <c>masthead</c> filter alone.</summary>
    [Benchmark(Description = "masthead")]
    public int Masthead() => Run("masthead");

    /// <summary>The <c>tags</c> filter alone.</summary>
    [Benchmark(Description = "tags")]
    public int Tags() => Run("tags");

    /// <summary>The <c>head-tail</c> filter alone.</summary>
    [Benchmark(Description = "head-tail")]
    public int HeadTail() => Run("head-tail");

    /// <summary>The <c>context</c> filter alone.</summary>
    [Benchmark(Description = "context")]
    public int Context() => Run("context");

    /// <summary>
    /// The <c>site-boilerplate</c> filter alone, with a profile that holds every text of the corpus
    /// as a page of one site (without a profile it returns at once).
    /// </summary>
    [Benchmark(Description = "site-boilerplate")]
    public int SiteBoilerplate()
    {
        if (_siteCleaner is null)
        {
            var builder = new Sites.SiteProfileBuilder();
            foreach (var text in _texts)
            {
                builder.AddText("corpus", text);
            }

            _siteCleaner = TextCleaner.CreateBuilder().Clear().Add(new SiteBoilerplateFilter()).Build().WithSiteProfile(builder.Build().Find("corpus"));
        }

        int removed = 0;
        foreach (var text in _texts)
        {
            removed += _siteCleaner.Clean(text).Removed.Count;
        }

        return removed;
    }

    private TextCleaner? _siteCleaner;

    private int Run(string filter)
    {
        // Built on first use (during the warm-up), so each benchmark process builds only its own.
        if (!_cleaners.TryGetValue(filter, out var cleaner))
        {
            var builder = TextCleaner.CreateBuilder().Clear();
            if (filter.Length > 0)
            {
                builder.Add(BuiltInFilters.CreateDefault().Single(f => f.Name == filter));
            }

            _cleaners[filter] = cleaner = builder.Build();
        }

        int removed = 0;
        foreach (var text in _texts)
        {
            removed += cleaner.Clean(text).Removed.Count;
        }

        return removed;
    }
}
