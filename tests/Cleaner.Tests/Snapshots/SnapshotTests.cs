namespace Cleaner.Tests.Snapshots;

/// <summary>The snapshot helper and the corpus mechanics, on throw-away folders.</summary>
public class SnapshotTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "cleaner-snapshots-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private string Base(string name = "case") => Path.Combine(_dir, name);

    [Test]
    public void Missing_baseline_fails_and_writes_the_received_file()
    {
        var result = Snapshot.Compare(Base(), "one\ntwo", accept: false);

        Assert.That(result.Status, Is.EqualTo(SnapshotStatus.Missing));
        Assert.That(result.Failed);
        Assert.That(File.ReadAllText(Base() + ".received.txt"), Is.EqualTo("one\ntwo\n"));
        Assert.That(File.Exists(Base() + ".verified.txt"), Is.False);
        Assert.That(result.Describe(), Does.Contain("CLEANER_ACCEPT=1"));
    }

    [Test]
    public void Missing_baseline_is_created_when_accepting()
    {
        var result = Snapshot.Compare(Base(), "one\ntwo", accept: true);

        Assert.That(result.Status, Is.EqualTo(SnapshotStatus.Created));
        Assert.That(result.Failed, Is.False);
        Assert.That(File.ReadAllBytes(Base() + ".verified.txt"), Is.EqualTo("one\ntwo\n"u8.ToArray()), "UTF-8 without BOM, LF");
        Assert.That(File.Exists(Base() + ".received.txt"), Is.False);
    }

    [Test]
    public void Mismatch_fails_with_a_diff_of_only_the_changed_lines_and_context()
    {
        var baseline = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n";
        File.WriteAllText(Base() + ".verified.txt", baseline);
        var received = baseline.Replace("line 10\n", "line ten\n", StringComparison.Ordinal);

        var result = Snapshot.Compare(Base(), received, accept: false);

        Assert.That(result.Status, Is.EqualTo(SnapshotStatus.Mismatch));
        Assert.That(File.ReadAllText(Base() + ".received.txt"), Is.EqualTo(received));
        Assert.That(File.ReadAllText(Base() + ".verified.txt"), Is.EqualTo(baseline), "the baseline is untouched");
        Assert.That(result.Diff, Is.EqualTo("@@ line 8\n  line 8\n  line 9\n- line 10\n+ line ten\n  line 11\n  line 12\n"));
        Assert.That(result.Describe(), Does.Contain("- line 10\n+ line ten"));
    }

    [Test]
    public void Mismatch_is_accepted_by_rewriting_the_baseline_and_deleting_the_received_file()
    {
        File.WriteAllText(Base() + ".verified.txt", "old\n");
        Snapshot.Compare(Base(), "new", accept: false);
        Assert.That(File.Exists(Base() + ".received.txt"));

        var result = Snapshot.Compare(Base(), "new", accept: true);

        Assert.That(result.Status, Is.EqualTo(SnapshotStatus.Accepted));
        Assert.That(File.ReadAllText(Base() + ".verified.txt"), Is.EqualTo("new\n"));
        Assert.That(File.Exists(Base() + ".received.txt"), Is.False);
        Assert.That(Snapshot.Compare(Base(), "new", accept: false).Status, Is.EqualTo(SnapshotStatus.Matched));
    }

    [Test]
    public void Match_deletes_a_leftover_received_file_and_ignores_line_ending_style()
    {
        File.WriteAllText(Base() + ".verified.txt", "a\r\nb\r\n");
        File.WriteAllText(Base() + ".received.txt", "stale");

        var result = Snapshot.Compare(Base(), "a\nb", accept: false);

        Assert.That(result.Status, Is.EqualTo(SnapshotStatus.Matched));
        Assert.That(File.Exists(Base() + ".received.txt"), Is.False);
    }

    [Test]
    public void Empty_output_is_an_empty_baseline()
    {
        Snapshot.Compare(Base(), "", accept: true);
        Assert.That(new FileInfo(Base() + ".verified.txt").Length, Is.Zero);
        Assert.That(Snapshot.Compare(Base(), "\n", accept: false).Status, Is.EqualTo(SnapshotStatus.Matched));
    }

    [Test]
    public void Only_registered_extensions_are_cases_and_snapshot_files_are_not_inputs()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "g", "sub"));
        foreach (var file in new[] { "g/a.txt", "g/a.verified.txt", "g/a.removals.verified.txt", "g/a.expect.txt", "g/a.received.txt", "g/b.html", "g/sub/c.txt", "README.md" })
        {
            File.WriteAllText(Path.Combine(_dir, file), "x");
        }

        var textOnly = new SnapshotCorpus(_dir, new Dictionary<string, Func<string, CleanResult>> { [".txt"] = TextCleaner.Default.Clean });
        Assert.That(textOnly.Cases().Select(c => c.Id), Is.EqualTo(new[] { "g/a", "g/sub/c" }));

        var withHtml = new SnapshotCorpus(_dir, new Dictionary<string, Func<string, CleanResult>>
        {
            [".txt"] = TextCleaner.Default.Clean,
            [".html"] = TextCleaner.Default.Clean,
        });
        Assert.That(withHtml.Cases().Select(c => c.Id), Is.EqualTo(new[] { "g/a", "g/b", "g/sub/c" }));
    }

    [Test]
    public void Sweep_reports_stale_baselines_and_deletes_them_and_received_files_only_when_accepting()
    {
        foreach (var file in new[] { "a.txt", "a.verified.txt", "a.removals.verified.txt", "gone.verified.txt", "gone.removals.verified.txt", "a.received.txt", "old.received.txt", "lost.expect.txt" })
        {
            File.WriteAllText(Path.Combine(_dir, file), "x");
        }

        var corpus = new SnapshotCorpus(_dir, new Dictionary<string, Func<string, CleanResult>> { [".txt"] = TextCleaner.Default.Clean });

        var report = corpus.Sweep(accept: false);
        Assert.That(report.StaleBaselines.Select(Path.GetFileName), Is.EqualTo(new[] { "gone.removals.verified.txt", "gone.verified.txt" }));
        Assert.That(report.ReceivedFiles.Select(Path.GetFileName), Is.EqualTo(new[] { "a.received.txt", "old.received.txt" }));
        Assert.That(report.OrphanExpectations.Select(Path.GetFileName), Is.EqualTo(new[] { "lost.expect.txt" }));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(8), "nothing deleted without accepting");

        corpus.Sweep(accept: true);
        Assert.That(Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Is.EqualTo(new[] { "a.removals.verified.txt", "a.txt", "a.verified.txt", "lost.expect.txt" }));
    }

    [Test]
    public void Expectations_catch_a_removed_keep_a_kept_remove_and_a_typo()
    {
        const string input = "SITE NAME\nA sentence of the article that says something about the matter at hand.\nLike Us on Facebook\n";
        var result = TextCleaner.CreateBuilder()
            .Clear()
            .RemoveLines(b => b.Text.StartsWith("A sentence", StringComparison.Ordinal), "test-filter", "a test reason")
            .Build()
            .Clean(input);

        var failures = SnapshotCorpus.CheckExpectations(
            "# comment\n\nkeep: A sentence of the article\nremove: Like Us on Facebook\nkeep: not in the page\nmaybe: what\n", input, result);

        Assert.That(failures, Has.Count.EqualTo(4));
        Assert.That(failures[0], Does.Contain("line 3").And.Contain("removed by test-filter (a test reason)"));
        Assert.That(failures[1], Does.Contain("line 4").And.Contain("still in the cleaned text"));
        Assert.That(failures[2], Does.Contain("not in the input"));
        Assert.That(failures[3], Does.Contain("'keep: snippet' or 'remove: snippet'"));
        Assert.That(SnapshotCorpus.CheckExpectations("remove: A sentence\n", input, result), Is.Empty);
    }

    [Test]
    public void Expectations_starting_with_an_equals_sign_match_whole_lines()
    {
        const string input = "Home\nHomes for sale in the valley are cheaper this spring than they were last year.\n";
        var result = TextCleaner.CreateBuilder()
            .Clear()
            .RemoveLines(b => b.Text == "Home", "test-filter", "a menu word")
            .Build()
            .Clean(input);

        Assert.That(SnapshotCorpus.CheckExpectations("remove: =Home\nkeep: =Homes for sale in the valley are cheaper this spring than they were last year.\n", input, result), Is.Empty);
        Assert.That(SnapshotCorpus.CheckExpectations("remove: Home\n", input, result).Single(), Does.Contain("still in the cleaned text"));
        Assert.That(SnapshotCorpus.CheckExpectations("keep: =Homes for sale\n", input, result).Single(), Does.Contain("not in the input"));
    }

    [Test]
    public void Removals_report_has_one_tab_separated_line_per_removal()
    {
        var result = TextCleaner.CreateBuilder()
            .Clear()
            .RemoveLines(b => b.Text.StartsWith("drop", StringComparison.Ordinal), "test-filter", "a\treason")
            .Build()
            .Clean("drop me\nA sentence of the article that says something about the matter at hand.\ndrop\tthis too\n");

        Assert.That(SnapshotCorpus.RemovalsReport(result), Is.EqualTo("test-filter\ta\\treason\tdrop me\ntest-filter\ta\\treason\tdrop\\tthis too\n"));
    }

    [Test]
    public void Cli_cleaning_a_corpus_folder_with_the_readme_excludes_skips_baselines_and_expectations()
    {
        // The README's quick start: `cleaner clean corpus --out out --exclude '*.verified.txt' --exclude '*.expect.txt'`
        // (the CLI itself has no hidden excludes).
        foreach (var file in new[] { "a.txt", "a.verified.txt", "a.removals.verified.txt", "a.expect.txt" })
        {
            File.WriteAllText(Path.Combine(_dir, file), "A sentence of the article that says something about the matter at hand.\n");
        }

        string output = Path.Combine(_dir, "out");
        int exit = Cleaner.Cli.CleanerApp.Run(["clean", _dir, "--out", output, "--exclude", "*.verified.txt", "--exclude", "*.expect.txt"], TextReader.Null, TextWriter.Null, TextWriter.Null);

        Assert.That(exit, Is.Zero);
        Assert.That(Directory.GetFiles(output).Select(Path.GetFileName), Is.EqualTo(new[] { "a.txt" }));
    }
}
