using BenchmarkDotNet.Attributes;

namespace Cleaner.Benchmarks;

/// <summary>
/// The default pipeline over every text case of the corpus, and the document building alone (splitting
/// into blocks, features, language detection), against splitting the same text into lines and copying them.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CorpusConfig))]
[CorpusInput(CorpusKind.Text)]
public class TextBenchmarks
{
    private string[] _texts = [];

    /// <summary>Reads the corpus.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _texts = Corpus.Read(CorpusKind.Text);
        Console.WriteLine("// " + Corpus.Describe(CorpusKind.Text));
    }

    /// <summary>The floor: split each text into lines, trim and copy each.</summary>
    [Benchmark(Baseline = true, Description = "split lines and copy")]
    public int SplitAndCopy()
    {
        int total = 0;
        foreach (var text in _texts)
        {
            foreach (var line in text.Split('\n'))
            {
                total += line.Trim().Length;
            }
        }

        return total;
    }

    /// <summary>Blocks with their features and the language, no filter.</summary>
    [Benchmark(Description = "document building")]
    public int DocumentBuilding()
    {
        var cleaner = TextCleaner.Default;
        int total = 0;
        foreach (var text in _texts)
        {
            total += Cleaner.Text.PlainTextReader.Read(text, cleaner.Options, cleaner.Phrases).Blocks.Count;
        }

        return total;
    }

    /// <summary>What a user runs: <see cref="TextCleaner.Default"/> and the cleaned text.</summary>
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
