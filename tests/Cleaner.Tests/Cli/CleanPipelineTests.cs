using System.Text.Json;

namespace Cleaner.Tests.Cli;

/// <summary>What <c>clean</c> prints for a pipeline: outputs a reader can split, and a failed write that is an error (issue 16).</summary>
public class CleanPipelineTests : CliTestKit
{
    private static string Cleaned(string text) => TextCleaner.Default.Clean(text).Text;

    [Test]
    public void Several_inputs_are_nul_terminated_in_input_order_with_an_empty_record_for_a_failure()
    {
        var a = WriteFile("a.txt", Article);
        var b = WriteFile("b.html", MinimalHtml);
        var run = Run("clean", a, TempPath("missing.txt"), b);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Err, Is.EqualTo($"cleaner: {TempPath("missing.txt")}: no such file or directory\n"));
        var records = run.Out.Split('\0');
        Assert.That(records, Has.Length.EqualTo(4), "three records, each ended by a NUL");
        Assert.That(records[0], Is.EqualTo(Cleaned(Article) + "\n"));
        Assert.That(records[1], Is.Empty);
        Assert.That(records[2], Is.EqualTo("Hello there, this is a page.\n"));
        Assert.That(records[3], Is.Empty);
    }

    [Test]
    public void Markdown_records_are_separated_the_same_way_and_one_input_has_no_nul()
    {
        var a = WriteFile("a.txt", Article);
        Assert.That(Run("clean", "-f", "markdown", a, a).Out.Split('\0'), Has.Length.EqualTo(3));
        Assert.That(Run("clean", a).Out.Contains('\0', StringComparison.Ordinal), Is.False);
    }

    [Test]
    public void Json_is_one_object_per_line_with_its_source_and_no_nul()
    {
        var a = WriteFile("a.txt", Article);
        var b = WriteFile("b.html", MinimalHtml);
        var run = Run("clean", "--format", "json", a, b);
        Assert.That(run.Out.Contains('\0', StringComparison.Ordinal), Is.False);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetString()), Is.EqualTo(new[] { a, b }));
    }

    [Test]
    public void Help_documents_the_separator()
    {
        var help = string.Join(' ', Run("clean", "--help").Out.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.That(help, Does.Contain("followed by a NUL byte").And.Contain("one JSON object per line"));
    }

    [Test]
    public void A_closed_output_pipe_is_an_error_not_silence()
    {
        Assume.That(OperatingSystem.IsLinux());
        WriteFile("a.txt", Article);
        var inputs = string.Join(' ', Enumerable.Repeat("a.txt", 200));
        var (code, _, err) = CliProcess.Bash($"$CLEANER clean {inputs} | (exit 3); echo \"status=${{PIPESTATUS[0]}}\" >&2", Temp, TimeSpan.FromSeconds(120));
        Assert.That(code, Is.Not.EqualTo(-1));
        Assert.That(err, Does.Contain("cleaner: cannot write the output: ").And.Contain("status=1"));
    }
}
