using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Cleaner.Tests.Cli;

namespace Cleaner.Tests.Batch;

/// <summary>
/// Issue 16 for <c>batch</c>: an input that is no corpus is one error, <c>--max-errors</c> decides the
/// exit code, and the summary counts the extractors of HTML records (issue 12).
/// </summary>
public sealed class BatchExitTests : CliTestKit
{
    private static string Record(int i) => JsonSerializer.Serialize(new { id = i, text = $"Record {i}\n{WarcKit.Paragraph($"item {i}")}" });

    /// <summary>A JSONL file of <paramref name="good"/> records with <paramref name="bad"/> malformed lines spread among them.</summary>
    private string Jsonl(int good, int bad)
    {
        var lines = Enumerable.Range(0, good).Select(Record).ToList();
        for (int i = 0; i < bad; i++)
        {
            lines.Insert(i * (lines.Count / Math.Max(1, bad)), "{\"id\": " + i + ", \"text\": ");
        }

        return WriteFile("in.jsonl", string.Join('\n', lines) + "\n");
    }

    private static string HtmlPage => "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>News</title></head>\n<body>\n"
        + string.Concat(Enumerable.Range(0, 300).Select(i => $"<p>{WarcKit.Paragraph($"line {i}")}</p>\n")) + "</body>\n</html>\n";

    [Test]
    public void An_html_page_given_to_batch_is_one_clear_error()
    {
        var page = WriteFile("page.html", HtmlPage);
        var run = Run("batch", page);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrLines, Has.Length.EqualTo(2), run.Err);
        Assert.That(run.ErrLines[0], Does.StartWith($"cleaner: {page}#0: not JSONL, WARC or WET: the input starts with '<!DOCTYPE html>?<html lang=\"en\">?<head><', an HTML page;"));
        Assert.That(run.ErrLines[1], Is.EqualTo("in=1 out=0 errors=1 skipped=0"));
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    public void Plain_text_binary_and_compressed_html_are_one_error_each()
    {
        var text = WriteFile("notes.txt", string.Join('\n', Enumerable.Range(0, 50).Select(i => WarcKit.Paragraph($"note {i}"))));
        var binary = TempPath("image.png");
        File.WriteAllBytes(binary, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, .. new byte[4000]]);
        var gzipped = TempPath("page.html.gz");
        using (var file = File.Create(gzipped))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(HtmlPage));
        }

        var run = Run("batch", text, binary, gzipped, Jsonl(3, 0));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrLines, Has.Length.EqualTo(4), run.Err);
        Assert.That(run.ErrLines[0], Does.Contain("notes.txt#0: not JSONL, WARC or WET").And.Contain(", plain text;"));
        Assert.That(run.ErrLines[1], Does.Contain("image.png#0: not JSONL, WARC or WET").And.Contain(", binary data;"));
        Assert.That(run.ErrLines[2], Does.Contain("page.html.gz#0: not JSONL, WARC or WET").And.Contain(", an HTML page;"));
        Assert.That(run.ErrLines[3], Is.EqualTo("in=6 out=3 errors=3 skipped=0"), "the JSONL input after them is read");
    }

    [Test]
    public void Saying_jsonl_reads_every_line_as_json()
    {
        var page = WriteFile("page.html", HtmlPage);
        var run = Run("batch", page, "--input-format", "jsonl", "--errors", TempPath("errors.jsonl"));
        Assert.That(run.ErrLines[^1], Does.StartWith("in=30"));
    }

    [Test]
    public void One_bad_record_in_a_large_input_is_within_the_default_budget()
    {
        var run = Run("batch", Jsonl(200, 1), "--out", TempPath("out.jsonl"), "--errors", TempPath("errors.jsonl"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.ErrLines[^1], Is.EqualTo("in=201 out=200 errors=1 skipped=0"));
        Assert.That(run.ErrLines[^2], Is.EqualTo("1 record(s) failed (0.5% of 201 to clean), within --max-errors 1%: exit 0"));
        Assert.That(File.ReadAllLines(TempPath("errors.jsonl")), Has.Length.EqualTo(1), "the error is still written");
    }

    [Test]
    public void Over_the_budget_fails()
    {
        Assert.That(Run("batch", Jsonl(200, 3), "--errors", TempPath("e.jsonl")).ExitCode, Is.EqualTo(1), "3 of 203 is over 1%");
        Assert.That(Run("batch", Jsonl(2, 1), "--errors", TempPath("e.jsonl")).ExitCode, Is.EqualTo(1), "1 of 3");
        Assert.That(Run("batch", Jsonl(200, 1), "--max-errors", "0", "--errors", TempPath("e.jsonl")).ExitCode, Is.EqualTo(1), "0: no error allowed");
    }

    [Test]
    public void A_count_or_a_share_can_be_given()
    {
        var input = Jsonl(20, 4);
        Assert.That(Run("batch", input, "--max-errors", "4", "--errors", TempPath("e.jsonl")).ExitCode, Is.EqualTo(0));
        Assert.That(Run("batch", input, "--max-errors", "3", "--errors", TempPath("e.jsonl")).ExitCode, Is.EqualTo(1));
        Assert.That(Run("batch", input, "--max-errors", "20%", "--errors", TempPath("e.jsonl")).ExitCode, Is.EqualTo(0), "4 of 24 is 16.7%");
        Assert.That(Run("batch", input, "--max-errors", "16.5%", "--errors", TempPath("e.jsonl")).ExitCode, Is.EqualTo(1));
        var bad = Run("batch", input, "--max-errors", "lots");
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.Err, Does.Contain("--max-errors takes a count (such as 10) or a share (such as 1% or 0.5%), not 'lots'"));
        Assert.That(Run("batch", input, "--max-errors", "101%").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void An_input_not_read_to_its_end_fails_whatever_the_budget()
    {
        var good = Jsonl(200, 0);
        var cut = TempPath("cut.jsonl.gz");
        using (var file = File.Create(cut))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(File.ReadAllBytes(good));
        }

        var bytes = File.ReadAllBytes(cut);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        var run = Run("batch", good, cut, "--max-errors", "100%", "--errors", TempPath("errors.jsonl"));
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Err);
        Assert.That(File.ReadAllText(TempPath("errors.jsonl")), Does.Contain("truncated"));
        Assert.That(Run("batch", WriteFile("page.html", HtmlPage), "--max-errors", "100%").ExitCode, Is.EqualTo(1), "no corpus is no success");
    }

    [Test]
    public void The_summary_counts_the_extractor_of_each_html_record()
    {
        var pages = Directory.GetFiles(Path.Combine(TestPaths.Corpus, "readability-html"), "*.html").Order(StringComparer.Ordinal).Take(12).ToList();
        var lines = pages.Select(p => JsonSerializer.Serialize(new { id = Path.GetFileName(p), html = File.ReadAllText(p) }))
            .Append(JsonSerializer.Serialize(new { id = "text", text = WarcKit.Paragraph("a text record") }));
        var input = WriteFile("pages.jsonl", string.Join('\n', lines) + "\n");
        var expected = pages.Select(p => TextCleaner.Default.CleanHtml(File.ReadAllText(p)).ExtractedBy?.ToString().ToLowerInvariant() ?? "none")
            .GroupBy(name => name).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(expected, Has.Count.GreaterThan(1), "the pages exercise more than one extractor");
        var run = Run("batch", input, "--out", TempPath("out.jsonl"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.ErrLines[^1], Is.EqualTo("in=13 out=13 errors=0 skipped=0"));
        var order = new[] { "native", "smartreader", "none" };
        var line = "extractor:" + string.Concat(expected.OrderBy(e => Array.IndexOf(order, e.Key)).Select(e => $" {e.Key}={e.Value}"));
        Assert.That(run.ErrLines[^2], Is.EqualTo(line));
        Assert.That(Run("batch", Jsonl(3, 0)).ErrLines, Has.Length.EqualTo(1), "no HTML record, no extractor line");
    }
}
