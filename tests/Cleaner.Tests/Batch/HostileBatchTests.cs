using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Cleaner.Tests.Cli;

namespace Cleaner.Tests.Batch;

/// <summary>
/// Issue 17: a batch of real pages with hostile pages mixed in finishes in about the time of the real
/// pages plus one time limit for each hostile page, every record accounted for and in order.
/// </summary>
public class HostileBatchTests : CliTestKit
{
    [Test]
    public void Hostile_pages_among_real_ones_do_not_hold_the_batch()
    {
        var real = Directory.GetFiles(Path.Combine(TestPaths.Corpus, "readability-html"), "*.html").Order(StringComparer.Ordinal).Take(20).ToList();
        var hostile = new[]
        {
            "<html><body><p>" + new string('a', 50) + string.Concat(Enumerable.Repeat("<b>", 200_000)) + "</p></body></html>",
            "<html><body><p>" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<a href=\"/l{i}\">link {i}</a> ")) + "</p></body></html>",
            "<html><body><p>" + string.Concat(Enumerable.Repeat("w<br>", 100_000)) + "</p></body></html>",
        };
        var input = TempPath("crawl.jsonl");
        using (var writer = new StreamWriter(input, false, new UTF8Encoding(false)))
        {
            int h = 0;
            for (int i = 0; i < real.Count; i++)
            {
                writer.WriteLine(JsonSerializer.Serialize(new { id = $"real-{i}", html = File.ReadAllText(real[i]) }));
                if (i % 7 == 3 && h < hostile.Length)
                {
                    writer.WriteLine(JsonSerializer.Serialize(new { id = $"hostile-{h}", html = hostile[h++] }));
                }
            }
        }

        var watch = Stopwatch.StartNew();
        var run = Run("batch", input, "--out", TempPath("out.jsonl"), "-j", "2");
        watch.Stop();

        Assert.That(run.ExitCode, Is.Zero, run.Err);
        var records = File.ReadAllLines(TempPath("out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(records.Select(r => r.GetProperty("id").GetString()), Is.EqualTo(
            File.ReadAllLines(input).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString())), "every record, in order");
        foreach (var record in records.Where(r => r.GetProperty("id").GetString()!.StartsWith("hostile", StringComparison.Ordinal)))
        {
            Assert.That(record.GetProperty("status").GetString(), Is.AnyOf("cleaned", "timed-out"));
        }

        // The default limit is 30 s a record; before the bounds each hostile page held a worker for
        // one to ten minutes. Twenty real pages take a few seconds.
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3 * 30 + 30)), run.Err);
    }
}
