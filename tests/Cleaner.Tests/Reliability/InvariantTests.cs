namespace Cleaner.Tests.Reliability;

/// <summary>Properties that hold for every input: checked over the corpus and generated pages.</summary>
public class InvariantTests
{
    private static readonly string[] Chrome =
    [
        "Home", "Like Us on Facebook", "Share", "12 comments", "© 2024 Example Media", "Advertisement", "Read more",
        "Sign in", "Tags: politics, budget", "04/25/2024 07:21:18 pm", "Skip to content", "Real Time Analytics",
    ];

    private static readonly string[] Prose =
    [
        "The council approved the new budget on Tuesday, after a long debate about pay and buildings.",
        "Residents said they had waited years for the road to be repaired, and many doubted it would happen.",
        "\"We will not back down,\" the mayor told reporters outside the town hall on Wednesday evening.",
        "Short line",
        "Critics of the plan, including two former ministers, say it leaves the poorest areas behind again.",
    ];

    /// <summary>Corpus texts (every text input in corpus/) and generated pages from fixed seeds.</summary>
    public static IEnumerable<TestCaseData> Inputs()
    {
        foreach (var path in Directory.EnumerateFiles(TestPaths.Corpus, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!name.Contains(".verified.", StringComparison.Ordinal) && !name.Contains(".received.", StringComparison.Ordinal)
                && !name.EndsWith(".expect.txt", StringComparison.Ordinal))
            {
                yield return new TestCaseData(File.ReadAllText(path)).SetName("corpus " + Path.GetRelativePath(TestPaths.Corpus, path));
            }
        }

        for (int seed = 1; seed <= 40; seed++)
        {
            yield return new TestCaseData(Generate(seed)).SetName($"generated seed {seed}");
        }
    }

    internal static string Generate(int seed)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        int n = random.Next(1, 60);
        for (int i = 0; i < n; i++)
        {
            var pool = random.Next(3) == 0 ? Chrome : Prose;
            var line = pool[random.Next(pool.Length)];
            lines.Add(random.Next(10) == 0 ? line.ToUpperInvariant() : line);
            if (random.Next(6) == 0)
            {
                lines.Add(string.Empty);
            }
        }

        return string.Join(random.Next(4) == 0 ? "\r\n" : "\n", lines);
    }

    [TestCaseSource(nameof(Inputs))]
    public void Output_lines_are_input_lines_in_order(string input)
    {
        var result = TextCleaner.Default.Clean(input);
        var sourceLines = input.Split('\n', '\r').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        int at = 0;
        foreach (var line in result.Text.Split('\n').Where(l => l.Length > 0))
        {
            while (at < sourceLines.Count && sourceLines[at] != line)
            {
                at++;
            }

            Assert.That(at, Is.LessThan(sourceLines.Count), $"output line not found in order in the input: '{line}'");
            at++;
        }
    }

    [TestCaseSource(nameof(Inputs))]
    public void Cleaning_is_deterministic_and_every_block_is_accounted_for(string input)
    {
        var first = TextCleaner.Default.Clean(input);
        var second = TextCleaner.Default.Clean(input);
        Assert.That(second.Text, Is.EqualTo(first.Text));
        Assert.That(second.Removed, Is.EqualTo(first.Removed));
        int kept = first.Blocks.Count(b => !b.IsRemoved);
        Assert.That(kept + first.Removed.Count, Is.EqualTo(first.Blocks.Count));
        Assert.That(first.Removed, Has.All.Matches<Removal>(r => r!.Filter.Length > 0 && r.Reason.Length > 0));
    }

    [TestCaseSource(nameof(Inputs))]
    public void The_title_is_never_removed_when_the_body_is_kept(string input)
    {
        var result = TextCleaner.Default.Clean(input);
        if (result.Document.TitleBlock is { } title && result.Blocks.Any(b => !b.IsRemoved && b != title))
        {
            Assert.That(title.IsRemoved, Is.False);
            Assert.That(result.Text.Split('\n'), Does.Contain(title.Text));
        }
    }

    [Test]
    public void Sixteen_threads_sharing_one_cleaner_give_the_same_results_as_one()
    {
        var inputs = Inputs().Select(c => (string)c.Arguments[0]!).ToArray();
        var cleaner = TextCleaner.CreateBuilder().Build();
        var expected = inputs.Select(i => Render(cleaner.Clean(i))).ToArray();
        var actual = new string[16][];
        var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
        {
            var mine = new string[inputs.Length];
            for (int k = 0; k < inputs.Length; k++)
            {
                int i = (k + t * 7) % inputs.Length;
                mine[i] = Render(cleaner.Clean(inputs[i]));
            }

            actual[t] = mine;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        for (int t = 0; t < 16; t++)
        {
            Assert.That(actual[t], Is.EqualTo(expected), $"thread {t} differs");
        }
    }

    private static string Render(CleanResult result) =>
        result.Text + "\n--\n" + string.Join("\n", result.Removed.Select(r => $"{r.Filter}\t{r.Reason}\t{r.Text}"));
}
