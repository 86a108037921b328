namespace Cleaner.Tests.Cli;

/// <summary>An option that takes a value never takes the next option as its value (issue 16).</summary>
public class OptionValueTests : CliTestKit
{
    private static void AssertRefused(CliRun run, string option, string value)
    {
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Err);
        Assert.That(run.ErrLines, Has.Length.EqualTo(1), run.Err);
        Assert.That(run.Err, Does.StartWith("cleaner: ").And.Contain($"{option} needs a value, not the option '{value}'"));
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    public void Batch_text_field_does_not_take_out()
    {
        var input = WriteFile("in.jsonl", "{\"text\":\"Hello there, this is a record.\"}\n");
        var run = Run("batch", input, "--text-field", "--out", TempPath("out.jsonl"));
        AssertRefused(run, "--text-field", "--out");
        Assert.That(File.Exists(TempPath("out.jsonl")), Is.False);
    }

    [Test]
    public void Clean_options_do_not_take_options_long_or_short()
    {
        var input = WriteFile("a.txt", Article);
        AssertRefused(Run("clean", input, "--language", "--out", TempPath("out")), "--language", "--out");
        AssertRefused(Run("clean", input, "--without", "-o", TempPath("out")), "--without", "-o");
        AssertRefused(Run("clean", input, "--out", "--format", "json"), "--out", "--format");
        Assert.That(Directory.Exists(TempPath("out")), Is.False);
    }

    [Test]
    public void Eval_explain_and_profile_refuse_an_option_as_a_value()
    {
        AssertRefused(Run("eval", "--gold", "--input", Temp), "--gold", "--input");
        AssertRefused(Run("explain", WriteFile("a.txt", Article), "--phrases", "--html"), "--phrases", "--html");
        AssertRefused(Run("profile", "build", WriteFile("in.jsonl", "{}\n"), "--out", "--site-field", "x"), "--out", "--site-field");
    }

    [Test]
    public void Values_that_only_start_with_a_dash_are_still_values()
    {
        // "-" is standard input, and a value such as "-1" that is no option reaches the option's own check.
        var run = RunWithInput(Article, "clean", "-", "--format", "text");
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        WriteFile("gold/a.txt", "one two three four");
        WriteFile("pred/a.txt", "one two three four");
        run = Run("eval", "--gold", TempPath("gold"), "--pred", TempPath("pred"), "--worst", "-1");
        Assert.That(run.Err, Is.EqualTo("cleaner: --worst takes a number of pages, 0 or more\n"));
    }
}
