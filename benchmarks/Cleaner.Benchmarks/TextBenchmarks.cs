using BenchmarkDotNet.Attributes;

namespace Cleaner.Benchmarks;

/// <summary>The default pipeline over every text case of the corpus, against splitting the same text into lines and copying them.</summary>
[MemoryDiagnoser]
public class TextBenchmarks
{
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "corpus");
        _texts = Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(".verified.txt", StringComparison.Ordinal) && !p.EndsWith(".received.txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        if (_texts.Length == 0)
        {
            throw new InvalidOperationException($"No corpus text found under {root}.");
        }
    }

    [Benchmark(Baseline = true, Description = "split lines and copy")]
    public int SplitAndCopy()
    {
        int total = 0;
        foreach (var text in _texts)
        {
            foreach (var line in text.Split('\n'))
            {
                total += line.Trim().ToString().Length;
            }
        }

        return total;
    }

    [Benchmark(Description = "default pipeline")]
    public int DefaultPipeline()
    {
        int total = 0;
        foreach (var text in _texts)
        {
            total += TextCleaner.Default.Clean(text).Text.Length;
        }

        return total;
    }
}
