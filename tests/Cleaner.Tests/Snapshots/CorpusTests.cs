namespace Cleaner.Tests.Snapshots;

/// <summary>
/// Snapshot tests over <c>corpus/</c>: one test per input, named group/case. The cleaned text and the
/// removals report must equal the committed <c>.verified.txt</c> baselines, and the case's
/// <c>.expect.txt</c> must hold. <c>CLEANER_ACCEPT=1 dotnet test</c> rewrites the baselines.
/// </summary>
public class CorpusTests
{
    /// <summary>Input extension to the function that cleans such an input. One line per input kind.</summary>
    internal static readonly IReadOnlyDictionary<string, Func<string, CleanResult>> Cleaners =
        new Dictionary<string, Func<string, CleanResult>>(StringComparer.Ordinal)
        {
            [".txt"] = TextCleaner.Default.Clean,
            [".html"] = html => TextCleaner.Default.CleanHtml(html),
        };

    private static SnapshotCorpus Corpus => new(TestPaths.Corpus, Cleaners);

    private static IEnumerable<TestCaseData> Cases() =>
        Corpus.Cases().Select(c => new TestCaseData(Path.GetRelativePath(TestPaths.Corpus, c.InputPath).Replace('\\', '/')).SetName(c.Id));

    [TestCaseSource(nameof(Cases))]
    public void Corpus_case(string relativeInput)
    {
        var @case = Corpus.Case(relativeInput);
        string input = File.ReadAllText(@case.InputPath);
        var result = @case.Clean(input);

        var problems = new List<string>();
        if (File.Exists(@case.ExpectPath))
        {
            problems.AddRange(SnapshotCorpus.CheckExpectations(File.ReadAllText(@case.ExpectPath), input, result)
                .Select(f => $"{Snapshot.Relative(@case.ExpectPath)}: {f}"));
        }

        bool accept = Snapshot.AcceptFromEnvironment;
        var text = Snapshot.Compare(@case.TextSnapshot, result.Text, accept);
        var removals = Snapshot.Compare(@case.RemovalsSnapshot, SnapshotCorpus.RemovalsReport(result), accept);
        problems.AddRange(new[] { text, removals }.Where(s => s.Failed).Select(s => s.Describe()));

        if (problems.Count > 0)
        {
            Assert.Fail(string.Join("\n\n", problems));
        }
    }

    [Test]
    public void Every_baseline_has_an_input()
    {
        var sweep = Corpus.Sweep(Snapshot.AcceptFromEnvironment);
        Assert.That(sweep.OrphanExpectations.Select(Snapshot.Relative), Is.Empty, "expectation files without an input");
        if (!Snapshot.AcceptFromEnvironment)
        {
            Assert.That(sweep.StaleBaselines.Select(Snapshot.Relative), Is.Empty,
                $"baselines without an input: delete them, or run {Snapshot.AcceptVariable}=1 dotnet test");
        }
    }

    [Test]
    public void Corpus_holds_the_sample_real_pages_and_handwritten_cases()
    {
        var groups = Corpus.Cases().GroupBy(c => c.Group).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(groups.GetValueOrDefault("samples"), Is.GreaterThanOrEqualTo(1));
        Assert.That(groups.GetValueOrDefault("readability"), Is.GreaterThanOrEqualTo(40));
        Assert.That(groups.GetValueOrDefault("handwritten"), Is.GreaterThanOrEqualTo(15));
        Assert.That(File.Exists(Path.Combine(TestPaths.Corpus, "samples", "china-topix-xi-cyberattacks.expect.txt")));
    }

    [Test]
    public void Every_handwritten_case_has_expectations_that_keep_and_remove()
    {
        foreach (var @case in Corpus.Cases().Where(c => c.Group == "handwritten"))
        {
            Assert.That(File.Exists(@case.ExpectPath), $"{@case.Id} has no {SnapshotCorpus.ExpectSuffix}");
            var lines = File.ReadAllLines(@case.ExpectPath);
            Assert.That(lines.Any(l => l.StartsWith("keep:", StringComparison.Ordinal)), $"{@case.Id} keeps nothing");
            Assert.That(lines.Any(l => l.StartsWith("remove:", StringComparison.Ordinal)), $"{@case.Id} removes nothing");
        }
    }
}
