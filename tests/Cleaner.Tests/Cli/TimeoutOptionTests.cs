namespace Cleaner.Tests.Cli;

/// <summary>--timeout sets the library's time limit per page for clean, explain, eval and batch.</summary>
public class TimeoutOptionTests : CliTestKit
{
    /// <summary>A page that takes some milliseconds: far above a limit of a microsecond, far below the default.</summary>
    private string Page() => WriteFile("page.html", "<html><head><title>T</title></head><body>"
        + string.Concat(Enumerable.Range(0, 400).Select(i => $"<div class=\"c{i}\"><p>Paragraph {i} of the page, with words enough to be read as prose by the cleaner.</p></div>"))
        + "</body></html>");

    [Test]
    public void A_page_past_the_limit_is_an_error_that_names_the_limit()
    {
        var page = Page();
        var run = Run("clean", page, "--timeout", "0.000001");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Err);
        Assert.That(run.Err, Does.Contain("timed-out").Or.Contain("timed out"));
        Assert.That(run.Err, Does.Contain("Timeout"));
        Assert.That(Run("clean", page).ExitCode, Is.Zero, "the default limit, 30 s, lets it through");
        Assert.That(Run("clean", page, "--timeout", "0").ExitCode, Is.Zero, "0 is no limit");
    }

    [Test]
    public void Batch_counts_a_record_past_the_limit_as_an_error()
    {
        var input = WriteFile("in.jsonl", "{\"id\":\"a\",\"html\":" + System.Text.Json.JsonSerializer.Serialize(File.ReadAllText(Page())) + "}\n");
        var run = Run("batch", input, "--out", TempPath("out.jsonl"), "--timeout", "0.000001", "--max-errors", "1");
        Assert.That(run.ErrLines[^1], Is.EqualTo("in=1 out=0 errors=1 skipped=0"), run.Err);
        run = Run("batch", input, "--out", TempPath("out.jsonl"));
        Assert.That(run.ErrLines[^1], Is.EqualTo("in=1 out=1 errors=0 skipped=0"), run.Err);
    }

    [TestCase("-1")]
    [TestCase("NaN")]
    public void A_limit_below_zero_or_no_number_is_a_usage_error(string value)
    {
        var run = Run("clean", Page(), "--timeout", value);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Err);
        Assert.That(run.Err, Is.EqualTo("cleaner: --timeout takes a number of seconds, 0 or more (0: no limit)\n"));
    }
}
