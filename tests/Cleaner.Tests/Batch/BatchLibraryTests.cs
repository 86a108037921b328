using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Cleaner.Batch;

namespace Cleaner.Tests.Batch;

/// <summary>Cleaner.Batch from code: records in and results out as IAsyncEnumerables, with the counts of the command.</summary>
public sealed class BatchLibraryTests
{
    private const string Body = "The council said on Tuesday that the plan would be discussed at the next public meeting, and residents were invited to attend.";

    private static async IAsyncEnumerable<BatchRecord> Records(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (int i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return i % 2 == 0
                ? BatchRecord.FromText($"Record {i}\n{Body}", id: $"t{i}", input: "code", index: i)
                : BatchRecord.FromHtml($"<html><body><article><h1>Page {i}</h1><p>{Body}</p><p>{Body}</p></article></body></html>", new Uri($"https://example.com/{i}"), $"h{i}", "code", i);
            await Task.Yield();
        }
    }

    [Test]
    public async Task Records_made_in_code_come_out_cleaned_in_their_order_with_the_counts()
    {
        var pipeline = new BatchPipeline(TextCleaner.Default, new BatchOptions { Parallel = 2 });
        var results = new List<BatchResult>();
        await foreach (var result in pipeline.CleanAsync(Records(40)))
        {
            results.Add(result);
        }

        Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 40).Select(i => (long)i)));
        Assert.That(results.Select(r => r.Id), Is.EqualTo(Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? $"t{i}" : $"h{i}")));
        Assert.That(results.All(r => r.Kind == BatchResultKind.Cleaned && r.Result is not null && r.JsonLine.IsEmpty), Is.True);
        Assert.That(results[0].Result!.Text, Is.EqualTo(TextCleaner.Default.Clean($"Record 0\n{Body}").Text));
        Assert.That(results[1].Url, Is.EqualTo("https://example.com/1"));
        var counts = pipeline.Counts;
        Assert.That(counts.ToString(), Is.EqualTo("in=40 out=40 errors=0 skipped=0"));
        var expected = Enumerable.Range(0, 40).Where(i => i % 2 == 1)
            .Select(i => results[i].Result!.ExtractedBy?.ToString().ToLowerInvariant() ?? "none")
            .GroupBy(name => name).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.That(counts.Extractors, Is.EquivalentTo(expected), "one count per HTML page, none for text");
    }

    [Test]
    public async Task The_reader_reads_a_jsonl_stream_and_json_lines_are_those_of_the_command()
    {
        var jsonl = string.Join('\n', new[]
        {
            JsonSerializer.Serialize(new { id = 1, text = $"First\n{Body}" }),
            "{not json",
            JsonSerializer.Serialize(new { id = 3, html = $"<p>{Body}</p>", url = "https://example.com/3" }),
        }) + "\n";
        var options = new BatchOptions { Parallel = 1, JsonLines = true };
        var pipeline = new BatchPipeline(TextCleaner.Default, options);
        var results = new List<BatchResult>();
        await foreach (var result in pipeline.CleanAsync(BatchReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), "in.jsonl", options)))
        {
            results.Add(result);
        }

        Assert.That(results.Select(r => r.Kind), Is.EqualTo(new[] { BatchResultKind.Cleaned, BatchResultKind.Error, BatchResultKind.Cleaned }));
        Assert.That(results[1].Error, Does.StartWith("malformed JSON: "));
        Assert.That(results[1].Status, Is.EqualTo("error"));
        var line = JsonDocument.Parse(results[2].JsonLine).RootElement;
        Assert.That(line.GetProperty("id").GetInt32(), Is.EqualTo(3));
        Assert.That(line.GetProperty("input").GetString(), Is.EqualTo("in.jsonl"));
        Assert.That(line.GetProperty("record").GetInt32(), Is.EqualTo(2));
        Assert.That(results[2].JsonLine.Span[^1], Is.EqualTo((byte)'\n'));
        Assert.That(results[2].Result, Is.Null, "a JSON line instead of the document");
        Assert.That(pipeline.Counts.ToString(), Is.EqualTo("in=3 out=2 errors=1 skipped=0"));
    }

    [Test]
    public async Task Cancelling_stops_the_run()
    {
        using var stop = new CancellationTokenSource();
        var pipeline = new BatchPipeline(TextCleaner.Default, new BatchOptions { Parallel = 2 });
        var seen = new List<long>();
        var e = await Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in pipeline.CleanAsync(Records(int.MaxValue), stop.Token))
            {
                seen.Add(result.Index);
                if (result.Index == 10)
                {
                    await stop.CancelAsync();
                }
            }
        });
        Assert.That(seen, Has.Count.EqualTo(11), e!.ToString());
        Assert.That(pipeline.Counts.In, Is.InRange(11, 12));
    }

    [Test]
    public async Task Stopping_early_stops_the_reader_and_the_workers()
    {
        var pipeline = new BatchPipeline(TextCleaner.Default, new BatchOptions { Parallel = 2 });
        int seen = 0;
        await foreach (var _ in pipeline.CleanAsync(Records(int.MaxValue)))
        {
            if (++seen == 5)
            {
                break;
            }
        }

        long read = pipeline.RecordsRead;
        await Task.Delay(300);
        Assert.That(pipeline.RecordsRead, Is.EqualTo(read), "nothing is read after the enumeration is disposed");
        Assert.That(read, Is.LessThanOrEqualTo(5 + pipeline.Options.Parallel + (2 * 16)));
    }

    [Test]
    public async Task The_reader_gives_an_input_that_is_no_corpus_as_one_error()
    {
        var html = "<!DOCTYPE html>\n<html><head><title>A page</title></head>\n<body>\n" + string.Concat(Enumerable.Repeat($"<p>{Body}</p>\n", 500)) + "</body></html>\n";
        var pipeline = new BatchPipeline(TextCleaner.Default, new BatchOptions { Parallel = 1 });
        var results = new List<BatchResult>();
        await foreach (var result in pipeline.CleanAsync(BatchReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(html)), "page.html")))
        {
            results.Add(result);
        }

        Assert.That(results, Has.Count.EqualTo(1));
        Assert.That(results[0].Error, Does.StartWith("not JSONL, WARC or WET: the input starts with '<!DOCTYPE html>?<html><head><title>A pag', an HTML page"));
        Assert.That(pipeline.Counts.BrokenInputs, Is.EqualTo(1));
    }
}
