using System.Text.Json;

namespace Cleaner.Tests.Cli;

public class ExplainCommandTests : CliTestKit
{
    [Test]
    public void The_sample_shows_the_seven_dropped_lines_with_their_filters()
    {
        var run = Run("explain", TestPaths.Sample);
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Err, Is.Empty);
        var lines = run.Out.TrimEnd('\n').Split('\n');
        var dropped = lines.Where(l => l.StartsWith("DROP", StringComparison.Ordinal)).ToList();
        Assert.That(dropped.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]),
            Is.EqualTo(new[] { "masthead", "dates", "calls-to-action", "tags", "photo-credits", "social", "analytics" }));
        Assert.That(dropped[0], Does.Contain("CHINA TOPIX").And.Contain("(a short line in capitals"));
        Assert.That(dropped[5], Does.Match(@"^DROP  social +Like Us on Facebook  \(.*social.*\)$"));
        Assert.That(lines.Count(l => l.StartsWith("KEEP", StringComparison.Ordinal)), Is.EqualTo(10));
        Assert.That(lines.Single(l => l.Contains("KEEP  title", StringComparison.Ordinal)), Does.Contain("China is Ready to Open"));
        Assert.That(lines[^1], Is.EqualTo("kept 10 of 17 blocks; dropped 7: masthead 1, dates 1, calls-to-action 1, tags 1, photo-credits 1, social 1, analytics 1"));
        Assert.That(run.Out, Does.Not.Contain("\u001b["), "plain text when not on a terminal");
    }

    [Test]
    public void On_a_terminal_the_verdicts_are_coloured()
    {
        var run = RunCore(string.Empty, colour: true, ["explain", TestPaths.Sample]);
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Does.Contain("\u001b["));
        Assert.That(run.Out, Does.Contain("DROP").And.Contain("masthead").And.Contain("Like Us on Facebook"));
        Assert.That(run.Out, Does.Contain("kept 10 of 17 blocks"));
    }

    [Test]
    public void Standard_input_and_the_cleaner_options_are_accepted()
    {
        var run = RunWithInput(SampleText, "explain", "--without", "social", "-");
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Does.Contain("KEEP  -").And.Contain("Like Us on Facebook"));
        Assert.That(run.Out.Split('\n').Count(l => l.StartsWith("DROP", StringComparison.Ordinal)), Is.EqualTo(6));
    }

    [Test]
    public void The_summary_says_who_found_the_article_and_why_SmartReader_was_asked()
    {
        // A menu and one short paragraph: the native article is very short, so Auto asks SmartReader.
        var menu = "<ul class=\"menu\">" + string.Concat(Enumerable.Range(1, 8).Select(i => $"<li><a href=\"/s{i}\">Section {i}</a></li>")) + "</ul>";
        var page = TempPath("short.html");
        File.WriteAllText(page, "<html><head><title>Library opens</title></head><body>" + menu
            + "<div class=\"x\"><p>The library opens on Monday at nine, the council said.</p></div></body></html>");
        var expected = TextCleaner.Default.CleanHtml(File.ReadAllText(page));
        Assert.That(expected.ExtractorNote, Does.StartWith("very short article"));

        var run = Run("explain", page);
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        var summary = run.Out.TrimEnd('\n').Split('\n')[^1];
        Assert.That(summary, Does.EndWith($"; article by {expected.ExtractedBy.ToString()!.ToLowerInvariant()} ({expected.ExtractorNote})"));

        var json = Run("clean", "--format", "json", page);
        using var parsed = JsonDocument.Parse(json.Out);
        Assert.That(parsed.RootElement.GetProperty("extractor").GetString(), Is.EqualTo(expected.ExtractedBy.ToString()!.ToLowerInvariant()));
        Assert.That(parsed.RootElement.GetProperty("extractorNote").GetString(), Is.EqualTo(expected.ExtractorNote));

        // Plain text has no extractor: neither member is written.
        using var text = JsonDocument.Parse(Run("clean", "--format", "json", TestPaths.Sample).Out);
        Assert.That(text.RootElement.TryGetProperty("extractor", out _), Is.False);
        Assert.That(text.RootElement.TryGetProperty("extractorNote", out _), Is.False);
    }

    [Test]
    public void A_missing_file_fails_on_one_line()
    {
        var missing = TempPath("nope.txt");
        var run = Run("explain", missing);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Out, Is.Empty);
        Assert.That(run.Err, Is.EqualTo($"cleaner: {missing}: no such file or directory\n"));
    }
}
