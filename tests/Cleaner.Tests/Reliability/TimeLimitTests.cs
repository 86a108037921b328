using System.Diagnostics;
using System.Text;
using Cleaner.Tests.Html;

namespace Cleaner.Tests.Reliability;

/// <summary>
/// The time limit counts from the start of the call and holds in every phase; the extractor runs
/// only on pages whose shape keeps it fast; the pages of the reliability table, at their largest
/// sizes, come back within the limit and the stated margin, with a status.
/// </summary>
public class TimeLimitTests
{
    /// <summary>The margin the README states: a call returns within its time limit plus this.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    private const string Sentence = "The harbour master said on Monday that the old pier would close for repairs after the winter storms had cracked its stone supports in three places. ";

    private static string Page(string body) => "<html><body>" + body + "</body></html>";

    /// <summary>The rows of the reliability table at their largest sizes (the figures were minutes).</summary>
    public static IEnumerable<TestCaseData> HostilePages()
    {
        yield return new TestCaseData("links in one <p>, 20k", (Func<string>)(() => Page("<p>" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<a href=\"/x{i}\">link {i}</a> ")) + "</p>")));
        yield return new TestCaseData("w<br> in one <p>, 100k", (Func<string>)(() => Page("<p>" + new StringBuilder().Insert(0, "w<br>", 100_000) + "</p>")));
        yield return new TestCaseData("sibling <div class=item>, 50k", (Func<string>)(() => Page(string.Concat(Enumerable.Range(0, 50_000).Select(i => $"<div class=item>item {i} some text</div>")))));
        yield return new TestCaseData("sibling prose <p>, 50k", (Func<string>)(() => Page(new StringBuilder().Insert(0, "<p>" + Sentence + "</p>", 50_000).ToString())));
        yield return new TestCaseData("misnested <b><i>x</b></i>, 32k", (Func<string>)(() => Page(new StringBuilder().Insert(0, "<b><i>x</b></i>", 32_000).ToString())));
        yield return new TestCaseData("! in one <p>, 16 MB", (Func<string>)(() => Page("<p>" + new string('!', 16_000_000) + "</p>")));
        // SmartReader reads its lists of form controls by index, each read walking the tree: 64 s for these before the gate.
        yield return new TestCaseData("<input>, 25k", (Func<string>)(() => Page(new StringBuilder().Insert(0, "<input>", 25_000).ToString())));
        // No gate foresees this one (11 s with no limit): SmartReader is left running and not waited for.
        yield return new TestCaseData("<tr><a href=x>, 20k", (Func<string>)(() => Page(new StringBuilder().Insert(0, "<tr><a href=x>", 20_000).ToString())));
        yield return new TestCaseData("200,000 unclosed <b>", (Func<string>)(() => "<html><body><p>" + new string('a', 50) + new StringBuilder().Insert(0, "<b>", 200_000) + "</p></body></html>"));
    }

    [TestCaseSource(nameof(HostilePages))]
    public void A_hostile_page_returns_within_the_time_limit_with_a_status(string name, Func<string> make)
    {
        var html = make();
        var timeout = TimeSpan.FromSeconds(5);
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { Timeout = timeout }).Build();
        var watch = Stopwatch.StartNew();
        var result = cleaner.CleanHtml(html);
        watch.Stop();
        TestContext.Out.WriteLine($"{name}: {watch.Elapsed.TotalSeconds:0.00} s, {result.Status}, {result.Diagnostic}");
        Assert.That(watch.Elapsed, Is.LessThan(timeout + Margin), name);
        Assert.That(result.Status, Is.AnyOf(CleanStatus.Cleaned, CleanStatus.TimedOut));
    }

    [Test]
    public void A_call_that_runs_out_of_time_while_parsing_stops_there_and_says_so()
    {
        // Ten thousand distinct unclosed formatting elements, allowed by the options, keep the parser busy for long.
        var cleaner = TextCleaner.CreateBuilder()
            .WithOptions(o => o with { Timeout = TimeSpan.FromSeconds(1), MaxOpenFormattingElements = int.MaxValue, MaxNestingDepth = int.MaxValue })
            .Build();
        var html = "<p>" + string.Concat(Enumerable.Range(0, 30_000).Select(i => $"<b class=c{i}>x ")) + "</p>";
        var watch = Stopwatch.StartNew();
        var result = cleaner.CleanHtml(html);
        watch.Stop();
        Assert.That(result.Status, Is.EqualTo(CleanStatus.TimedOut));
        Assert.That(result.Diagnostic, Does.Contain("CleanerOptions.Timeout").And.Contain("stopped while parsing"));
        Assert.That(result.Text, Is.EqualTo(html));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1) + Margin));
    }

    [Test]
    public void The_limit_counts_from_the_start_of_the_call()
    {
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { Timeout = TimeSpan.Zero }).Build();
        var html = TestPages.Page();
        var fromString = cleaner.CleanHtml(html);
        Assert.That(fromString.Status, Is.EqualTo(CleanStatus.TimedOut));
        Assert.That(fromString.Diagnostic, Does.Contain("stopped while"));
        var fromBytes = cleaner.CleanHtml(Encoding.UTF8.GetBytes(html));
        Assert.That(fromBytes.Diagnostic, Does.Contain("stopped while decoding"));
        var text = cleaner.Clean(Encoding.UTF8.GetBytes(Sentence));
        Assert.That(text.Status, Is.EqualTo(CleanStatus.TimedOut));
        Assert.That(text.Diagnostic, Does.Contain("stopped while decoding"));
    }

    [Test]
    public void Cancellation_stops_a_long_parse()
    {
        var cleaner = TextCleaner.CreateBuilder()
            .WithOptions(o => o with { Timeout = null, MaxOpenFormattingElements = int.MaxValue, MaxNestingDepth = int.MaxValue })
            .Build();
        var html = "<p>" + string.Concat(Enumerable.Range(0, 30_000).Select(i => $"<b class=c{i}>x ")) + "</p>";
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();
        Assert.Throws<OperationCanceledException>(() => cleaner.CleanHtml(html, null, cancel.Token));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(200) + Margin));
    }

    [Test]
    public void The_extractor_is_skipped_on_thousands_of_children_of_one_element_with_the_reason()
    {
        var links = string.Concat(Enumerable.Range(0, 6_000).Select(i => $"<a href=\"/x{i}\">link {i}</a> "));
        var result = SkippedBySmartReaderGate("<p>" + links + "</p>", "6,000 children with content");
        Assert.That(result.Diagnostic, Does.Contain("extractor"));
    }

    [Test]
    public void The_extractor_is_skipped_on_thousands_of_form_controls_with_the_reason()
    {
        var result = SkippedBySmartReaderGate("<form>" + new StringBuilder().Insert(0, "<input>", 5_000) + "</form>", "5,000 form controls");
        Assert.That(result.Diagnostic, Does.Contain("form controls"));

        // A form of a few hundred fields is run on.
        var ordinary = ReaderOnly.CleanHtml(Page("<article><h1>Form</h1><p>" + Sentence + "</p><form>" + new StringBuilder().Insert(0, "<input>", 300) + "</form></article>"));
        Assert.That(ordinary.Document.HasMainContent, Is.True);
    }

    // The gate is SmartReader's: ask for it, so that nothing else finds the article.
    private static readonly TextCleaner ReaderOnly = TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.SmartReader }).Build();

    /// <summary>Cleans an article followed by <paramref name="rest"/> with SmartReader, which its gate must refuse with <paramref name="why"/>.</summary>
    private static CleanResult SkippedBySmartReaderGate(string rest, string why)
    {
        var result = ReaderOnly.CleanHtml(Page("<article><h1>Gate</h1><p>" + Sentence + "</p>" + rest + "</article>"));
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Document.HasMainContent, Is.False);
        Assert.That(result.Document.MainContentNote, Does.Contain(why));
        Assert.That(result.Text, Does.Contain(Sentence.Trim()));
        return result;
    }

    [Test]
    public void The_extractor_runs_on_an_ordinary_page_and_the_result_has_no_diagnostic()
    {
        var result = TextCleaner.Default.CleanHtml(TestPages.Page());
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Document.HasMainContent, Is.True);
        Assert.That(result.Diagnostic, Is.Null);
    }
}
