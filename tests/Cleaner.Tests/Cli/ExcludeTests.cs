namespace Cleaner.Tests.Cli;

/// <summary>Directory scans read every input file unless --exclude says otherwise (issue 16: no hidden excludes).</summary>
public class ExcludeTests : CliTestKit
{
    private string[] Written() =>
        [.. Directory.GetFiles(TempPath("out"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(TempPath("out"), f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private void WriteTree()
    {
        WriteFile("in/a.txt", Article);
        WriteFile("in/a.verified.txt", Article);
        WriteFile("in/a.received.txt", Article);
        WriteFile("in/a.expect.txt", Article);
        WriteFile("in/drafts/b.txt", Article);
        WriteFile("in/sub/drafts/c.html", MinimalHtml);
    }

    [Test]
    public void Files_named_like_snapshots_are_inputs_like_any_other()
    {
        WriteTree();
        var run = Run("clean", TempPath("in"), "--out", TempPath("out"));
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        Assert.That(Written(), Is.EqualTo(new[] { "a.expect.txt", "a.received.txt", "a.txt", "a.verified.txt", "drafts/b.txt", "sub/drafts/c.txt" }));
    }

    [Test]
    public void Exclude_names_leave_out_files_and_whole_directories_at_any_depth()
    {
        WriteTree();
        var run = Run("clean", TempPath("in"), "--out", TempPath("out"), "--exclude", "*.verified.*", "--exclude", "*.received.*", "--exclude", "*.expect.txt", "--exclude", "drafts");
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        Assert.That(run.Err, Is.Empty);
        Assert.That(Written(), Is.EqualTo(new[] { "a.txt" }));
    }

    [Test]
    public void Exclude_paths_with_a_slash_match_under_the_directory_given()
    {
        WriteTree();
        Assert.That(Run("clean", TempPath("in"), "--out", TempPath("out"), "--exclude", "drafts/**", "--exclude", "a.?????*.txt").ExitCode, Is.Zero);
        Assert.That(Written(), Is.EqualTo(new[] { "a.txt", "sub/drafts/c.txt" }), "drafts/** is only the top drafts; a.?????*.txt spans no /");
        Directory.Delete(TempPath("out"), recursive: true);
        Assert.That(Run("clean", TempPath("in"), "--out", TempPath("out"), "--exclude", "**/drafts/*", "--exclude", "*.*.txt").ExitCode, Is.Zero);
        Assert.That(Written(), Is.EqualTo(new[] { "a.txt" }));
    }

    [Test]
    public void A_file_given_by_name_is_read_whatever_the_patterns()
    {
        var file = WriteFile("in/a.verified.txt", Article);
        var run = Run("clean", file, "--exclude", "*.verified.txt");
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Is.EqualTo(TextCleaner.Default.Clean(Article).Text + "\n"));
    }

    [Test]
    public void An_empty_pattern_is_a_usage_error()
    {
        WriteTree();
        var run = Run("clean", TempPath("in"), "--out", TempPath("out"), "--exclude", "");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Err, Does.StartWith("cleaner: --exclude takes a pattern"));
    }
}
