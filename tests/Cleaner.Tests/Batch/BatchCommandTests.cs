using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Cleaner.Cli;
using Cleaner.Cli.Commands;
using Cleaner.Tests.Cli;

namespace Cleaner.Tests.Batch;

public sealed class BatchCommandTests : CliTestKit
{
    static BatchCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Page(string title, params string[] paragraphs) =>
        $"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
        + $"<article><h1>{title}</h1>{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</article>"
        + "<footer>© 2024 Example News. All rights reserved.</footer></body></html>";

    private static readonly string CafePage = Page("Café prices rise again",
        "The café on the corner raised the price of a cup of coffee to €3 on Monday, and its regulars said they would pay it without complaint because the coffee is the best in the town.",
        WarcKit.Paragraph("the café’s new opening hours"),
        WarcKit.Paragraph("the naïve plan for more parking"));

    private static readonly string CyrillicPage = Page("Новости города",
        "Городской совет во вторник одобрил план строительства нового парка на берегу реки, и жители района сказали, что очень довольны этим решением и ждут начала работ.",
        "Работы начнутся осенью и продлятся около восемнадцати месяцев, а в парке появятся детская площадка, небольшое кафе и дорожка для пешеходов и велосипедистов.");

    /// <summary>A crawl as Common Crawl writes it: one gzip member per record, every kind of record.</summary>
    private static byte[] Crawl(out byte[][] records)
    {
        var utf8Page = Encoding.UTF8.GetBytes(Page("Park plan approved", WarcKit.Paragraph("the park plan"), WarcKit.Paragraph("the budget")));
        var chunked = Encoding.ASCII.GetBytes($"{WarcKit.Gzip(utf8Page).Length:x}\r\n").Concat(WarcKit.Gzip(utf8Page)).Concat("\r\n0\r\n\r\n"u8.ToArray()).ToArray();
        records =
        [
            WarcKit.Record("warcinfo", "00000000-0000-0000-0000-000000000000", null, "application/warc-fields", "software: test\r\nformat: WARC File Format 1.0\r\n"u8.ToArray()),
            WarcKit.Record("request", "00000000-0000-0000-0000-000000000001", "http://example.com/cafe", "application/http; msgtype=request", "GET /cafe HTTP/1.1\r\nHost: example.com\r\n\r\n"u8.ToArray()),
            WarcKit.Response("00000000-0000-0000-0000-000000000002", "http://example.com/cafe",
                WarcKit.Http(200, "text/html; charset=windows-1252", Encoding.GetEncoding(1252).GetBytes(CafePage))),
            WarcKit.Record("metadata", "00000000-0000-0000-0000-000000000003", "http://example.com/cafe", "application/warc-fields", "fetchTimeMs: 120\r\n"u8.ToArray()),
            WarcKit.Response("00000000-0000-0000-0000-000000000004", "http://example.com/logo.png", WarcKit.Http(200, "image/png", [0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])),
            WarcKit.Response("00000000-0000-0000-0000-000000000005", "http://example.ru/news",
                WarcKit.Http(200, "text/html; charset=windows-1251", Encoding.GetEncoding(1251).GetBytes(CyrillicPage))),
            WarcKit.Response("00000000-0000-0000-0000-000000000006", "http://example.com/gone", WarcKit.Http(404, "text/html", "<html><body><p>Not found</p></body></html>"u8.ToArray())),
            WarcKit.Response("00000000-0000-0000-0000-000000000007", "http://example.com/park",
                WarcKit.Http(200, "text/html", chunked, "Transfer-Encoding: chunked", "Content-Encoding: gzip")),
            WarcKit.Response("00000000-0000-0000-0000-000000000008", "http://example.com/broken",
                WarcKit.Http(200, "text/html", "not gzip at all"u8.ToArray(), "Content-Encoding: gzip")),
        ];
        return WarcKit.GzipMembers(records);
    }

    private static List<JsonElement> Lines(string jsonl) =>
        [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    private List<JsonElement> ReadLines(string relative) => Lines(File.ReadAllText(TempPath(relative)));

    private string WriteBytes(string relative, byte[] bytes)
    {
        var path = TempPath(relative);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string SummaryLine(CliRun run) => run.ErrLines[^1];

    [Test]
    public void A_common_crawl_warc_accounts_for_every_record()
    {
        var warc = WriteBytes("crawl.warc.gz", Crawl(out _));
        var run = Run("batch", warc, "--out", TempPath("out.jsonl"), "--errors", TempPath("errors.jsonl"));
        Assert.That(run.ExitCode, Is.EqualTo(1), "one record fails");
        Assert.That(SummaryLine(run), Is.EqualTo("in=9 out=3 errors=1 skipped=5"));

        var output = ReadLines("out.jsonl");
        Assert.That(output.Select(o => o.GetProperty("url").GetString()), Is.EqualTo(new[] { "http://example.com/cafe", "http://example.ru/news", "http://example.com/park" }));
        Assert.That(output.Select(o => o.GetProperty("record").GetInt32()), Is.EqualTo(new[] { 2, 5, 7 }));
        Assert.That(output[0].GetProperty("id").GetString(), Is.EqualTo("<urn:uuid:00000000-0000-0000-0000-000000000002>"));
        Assert.That(output.Select(o => o.GetProperty("status").GetString()), Is.All.EqualTo("cleaned"));

        var cafe = output[0].GetProperty("text").GetString();
        Assert.That(cafe, Does.Contain("The café on the corner raised the price of a cup of coffee to €3"), "Windows-1252 from the HTTP header");
        Assert.That(cafe, Does.Contain("the café’s new opening hours").And.Not.Contain("All rights reserved"));
        Assert.That(output[0].GetProperty("title").GetString(), Is.EqualTo("Café prices rise again"));
        Assert.That(output[1].GetProperty("text").GetString(), Does.Contain("Городской совет во вторник одобрил план"), "Windows-1251 from the HTTP header, not the Windows-1252 fallback");
        Assert.That(output[2].GetProperty("text").GetString(), Does.Contain(WarcKit.Paragraph("the budget")), "chunked and gzip content coding undone");

        var error = ReadLines("errors.jsonl").Single();
        Assert.That(error.GetProperty("url").GetString(), Is.EqualTo("http://example.com/broken"));
        Assert.That(error.GetProperty("id").GetString(), Is.EqualTo("<urn:uuid:00000000-0000-0000-0000-000000000008>"));
        Assert.That(error.GetProperty("input").GetString(), Is.EqualTo(warc));
        Assert.That(error.GetProperty("record").GetInt32(), Is.EqualTo(8));
        Assert.That(error.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(error.GetProperty("error").GetString(), Does.StartWith("decoding failure: "));
        Assert.That(Directory.GetFiles(Temp).Select(Path.GetFileName), Is.EquivalentTo(new[] { "crawl.warc.gz", "out.jsonl", "errors.jsonl" }), "no temporary files left");
    }

    [Test]
    public void A_wet_file_gives_the_converted_text()
    {
        var second = "Short title line\n" + WarcKit.Paragraph("the new library") + "\n" + WarcKit.Paragraph("the bus timetable");
        var wet = WriteBytes("crawl.warc.wet", [
            .. WarcKit.Record("warcinfo", "10000000-0000-0000-0000-000000000000", null, "application/warc-fields", "software: test\r\n"u8.ToArray()),
            .. WarcKit.Record("conversion", "10000000-0000-0000-0000-000000000001", "http://example.com/a", "text/plain", Encoding.UTF8.GetBytes(SampleText)),
            .. WarcKit.Record("conversion", "10000000-0000-0000-0000-000000000002", "http://example.com/b", "text/plain", Encoding.UTF8.GetBytes(second)),
        ]);
        var run = Run("batch", wet);
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        Assert.That(SummaryLine(run), Is.EqualTo("in=3 out=2 errors=0 skipped=1"));
        var output = Lines(run.Out);
        Assert.That(output[0].GetProperty("text").GetString(), Is.EqualTo(TextCleaner.Default.Clean(SampleText).Text));
        Assert.That(output[1].GetProperty("text").GetString(), Is.EqualTo(TextCleaner.Default.Clean(second).Text));
        Assert.That(output[1].GetProperty("url").GetString(), Is.EqualTo("http://example.com/b"));
    }

    private const string MixedJsonl = """
        {"id": 7, "url": "http://example.com/a", "text": "TEXT"}
        {"id": "no-text", "url": "http://example.com/b"}
        {"id": "bad", "text": 
        {"id": "wrong", "text": 42}

        [1, 2, 3]
        {"id": "page", "url": "http://example.com/p", "html": "PAGE"}
        {"text": "TEXT", "id": null}
        """;

    private static string Mixed => MixedJsonl
        .Replace("\"TEXT\"", JsonSerializer.Serialize(Article), StringComparison.Ordinal)
        .Replace("\"PAGE\"", JsonSerializer.Serialize(Page("Park plan approved", WarcKit.Paragraph("the park plan"))), StringComparison.Ordinal);

    [Test]
    public void Jsonl_records_with_missing_malformed_and_wrong_fields_are_errors_with_their_position()
    {
        var input = WriteFile("in.jsonl", Mixed);
        var run = Run("batch", input, "--out", TempPath("out.jsonl"), "--errors", TempPath("errors.jsonl"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(SummaryLine(run), Is.EqualTo("in=7 out=3 errors=4 skipped=0"), "the blank line is not a record");

        var output = ReadLines("out.jsonl");
        Assert.That(output[0].GetProperty("id").ValueKind, Is.EqualTo(JsonValueKind.Number), "a numeric id stays a number");
        Assert.That(output[0].GetProperty("id").GetInt32(), Is.EqualTo(7));
        Assert.That(output[0].GetProperty("text").GetString(), Is.EqualTo(TextCleaner.Default.Clean(Article).Text));
        Assert.That(output[1].GetProperty("id").GetString(), Is.EqualTo("page"));
        Assert.That(output[1].GetProperty("text").GetString(), Does.Contain(WarcKit.Paragraph("the park plan")).And.Not.Contain("<p>"));
        Assert.That(output[1].GetProperty("metadata").GetProperty("title").GetString(), Is.EqualTo("Park plan approved"));
        Assert.That(output[2].TryGetProperty("id", out _), Is.False, "a null id is no id");
        Assert.That(output.Select(o => o.GetProperty("record").GetInt32()), Is.EqualTo(new[] { 0, 6, 7 }), "the record is the line number minus one");

        var errors = ReadLines("errors.jsonl");
        Assert.That(errors.Select(e => e.GetProperty("record").GetInt32()), Is.EqualTo(new[] { 1, 2, 3, 5 }));
        Assert.That(errors[0].GetProperty("error").GetString(), Is.EqualTo("missing field: the record has no 'html' or 'text' string"));
        Assert.That(errors[0].GetProperty("id").GetString(), Is.EqualTo("no-text"));
        Assert.That(errors[0].GetProperty("url").GetString(), Is.EqualTo("http://example.com/b"));
        Assert.That(errors[1].GetProperty("error").GetString(), Does.StartWith("malformed JSON: "));
        Assert.That(errors[2].GetProperty("error").GetString(), Is.EqualTo("wrong field type: 'text' is a number, not a string"));
        Assert.That(errors[3].GetProperty("error").GetString(), Is.EqualTo("malformed record: a JSON array, not an object"));
    }

    [Test]
    public void Without_an_errors_file_each_error_is_a_line_on_standard_error()
    {
        var run = RunWithInput(Mixed, "batch", "-");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrLines, Has.Length.EqualTo(6), "four errors, the extractors, the summary");
        Assert.That(run.ErrLines[0], Is.EqualTo("cleaner: -#1 (http://example.com/b): missing field: the record has no 'html' or 'text' string"));
        Assert.That(run.ErrLines[^2], Does.StartWith("extractor: "));
        Assert.That(Lines(run.Out), Has.Count.EqualTo(3));
    }

    [Test]
    public void Field_names_are_configurable()
    {
        var input = WriteFile("in.jsonl", JsonSerializer.Serialize(new Dictionary<string, string> { ["doc_id"] = "d1", ["link"] = "http://example.com/x", ["content"] = Article }) + "\n");
        var run = Run("batch", input, "--text-field", "content", "--id-field", "doc_id", "--url-field", "link");
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        var record = Lines(run.Out).Single();
        Assert.That(record.GetProperty("id").GetString(), Is.EqualTo("d1"));
        Assert.That(record.GetProperty("url").GetString(), Is.EqualTo("http://example.com/x"));
        Assert.That(record.GetProperty("text").GetString(), Is.EqualTo(TextCleaner.Default.Clean(Article).Text));
    }

    [Test]
    public void Reasons_add_the_removed_blocks_with_their_filter()
    {
        var input = WriteFile("in.jsonl", JsonSerializer.Serialize(new { id = 1, text = SampleText }) + "\n");
        var plain = Lines(Run("batch", input).Out).Single();
        Assert.That(plain.TryGetProperty("removed", out _), Is.False);
        var removed = Lines(Run("batch", input, "--reasons").Out).Single().GetProperty("removed").EnumerateArray().ToList();
        var expected = TextCleaner.Default.Clean(SampleText).Removed;
        Assert.That(removed.Select(r => r.GetProperty("filter").GetString()), Is.EqualTo(expected.Select(r => r.Filter)));
        Assert.That(removed.Select(r => r.GetProperty("text").GetString()), Does.Contain("Like Us on Facebook"));
        Assert.That(removed.Select(r => r.GetProperty("reason").GetString()), Is.All.Not.Empty);
    }

    [Test]
    public void A_truncated_gzip_warc_reports_the_record_it_cut_and_keeps_the_others()
    {
        var crawl = Crawl(out var records);
        var lastMember = WarcKit.Gzip(records[^1]).Length;
        var warc = WriteBytes("cut.warc.gz", crawl[..(crawl.Length - lastMember / 2)]);
        var run = Run("batch", warc, "--out", TempPath("out.jsonl"), "--errors", TempPath("errors.jsonl"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(SummaryLine(run), Is.EqualTo("in=9 out=3 errors=1 skipped=5"));
        var error = ReadLines("errors.jsonl").Single();
        Assert.That(error.GetProperty("record").GetInt32(), Is.EqualTo(8));
        Assert.That(error.GetProperty("error").GetString(), Does.StartWith("truncated gzip: the input ends inside gzip member 9"));
    }

    [Test]
    public void A_truncated_gzip_jsonl_is_an_error_record_and_nothing_is_lost_silently()
    {
        var lines = Enumerable.Range(0, 200).Select(i => JsonSerializer.Serialize(new { id = i, text = $"Record {i}\n{WarcKit.Paragraph($"item {i}")}" }));
        var gzip = WarcKit.Gzip(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        foreach (var cut in new[] { gzip.Length / 2, gzip.Length - 3 })
        {
            var input = WriteBytes($"cut{cut}.jsonl.gz", gzip[..cut]);
            var run = Run("batch", input, "--out", TempPath("out.jsonl"), "--errors", TempPath("errors.jsonl"));
            Assert.That(run.ExitCode, Is.EqualTo(1), $"cut at {cut}");
            var output = ReadLines("out.jsonl");
            var error = ReadLines("errors.jsonl").Single();
            Assert.That(error.GetProperty("error").GetString(), Does.StartWith("truncated gzip: "));
            Assert.That(output.Select(o => o.GetProperty("id").GetInt32()), Is.EqualTo(Enumerable.Range(0, output.Count)), "the records before the cut, in order");
            Assert.That(SummaryLine(run), Is.EqualTo($"in={output.Count + 1} out={output.Count} errors=1 skipped=0"));
        }
    }

    [Test]
    public void Zstd_input_gives_the_same_records_and_a_cut_is_an_error()
    {
        var jsonl = Encoding.UTF8.GetBytes(Mixed);
        var plain = Run("batch", WriteBytes("in.jsonl", jsonl), "--errors", TempPath("e1.jsonl"));
        var zstd = WarcKit.Zstd(jsonl);
        var compressed = Run("batch", WriteBytes("in.jsonl", zstd), "--errors", TempPath("e2.jsonl"));
        Assert.That(compressed.Out, Is.EqualTo(plain.Out));
        Assert.That(File.ReadAllText(TempPath("e2.jsonl")), Is.EqualTo(File.ReadAllText(TempPath("e1.jsonl"))));
        Assert.That(SummaryLine(compressed), Is.EqualTo("in=7 out=3 errors=4 skipped=0"));

        var cut = Run("batch", WriteBytes("cut.jsonl.zst", zstd[..(zstd.Length - 10)]), "--errors", TempPath("e3.jsonl"));
        Assert.That(cut.ExitCode, Is.EqualTo(1));
        Assert.That(ReadLines("e3.jsonl").Last().GetProperty("error").GetString(), Does.StartWith("truncated zstd: "));
    }

    [Test]
    public void Gzip_on_standard_input_is_detected()
    {
        var gzip = WarcKit.Gzip(Encoding.UTF8.GetBytes(Mixed));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliStreams(TextReader.Null, output, error, colour: false) { BinaryIn = () => new MemoryStream(gzip) };
        Assert.That(CleanerApp.Run(["batch", "-"], io), Is.EqualTo(1));
        Assert.That(error.ToString(), Does.EndWith("in=7 out=3 errors=4 skipped=0\n").Or.EndWith("in=7 out=3 errors=4 skipped=0\r\n"));
        Assert.That(Lines(output.ToString()), Has.Count.EqualTo(3));
    }

    [Test]
    public void Shards_together_give_exactly_the_unsharded_output()
    {
        var jsonl = string.Join('\n', Enumerable.Range(0, 60).Select(i => i % 7 == 3
            ? "{broken"
            : i % 5 == 0
                ? JsonSerializer.Serialize(new { text = $"No id {i}\n{WarcKit.Paragraph($"record {i}")}" })
                : JsonSerializer.Serialize(new { id = $"r{i}", url = $"http://example.com/{i}", text = $"Record {i}\n{WarcKit.Paragraph($"record {i}")}" })));
        string[] inputs = [WriteFile("a.jsonl", jsonl + "\n"), WriteBytes("crawl.warc.gz", Crawl(out _))];
        var all = Run(["batch", .. inputs, "--out", TempPath("all.jsonl"), "--errors", TempPath("all.errors.jsonl")]);
        var (allIn, allOut, allErrors, allSkipped) = Counts(SummaryLine(all));
        Assert.That(allIn, Is.EqualTo(69));

        const int shards = 3;
        var outputs = new List<string>();
        var errors = new List<string>();
        long sumIn = 0, sumOut = 0, sumErrors = 0, sumSkipped = 0;
        for (int k = 0; k < shards; k++)
        {
            var run = Run(["batch", .. inputs, "--shard", $"{k}/{shards}", "--parallel", "2", "--out", TempPath($"s{k}.jsonl"), "--errors", TempPath($"s{k}.errors.jsonl")]);
            var (n, o, e, s) = Counts(SummaryLine(run));
            Assert.That(SummaryLine(run), Does.EndWith($" other-shards={allIn - n}"));
            Assert.That(n, Is.LessThan(allIn), "each shard has only some records");
            sumIn += n;
            sumOut += o;
            sumErrors += e;
            sumSkipped += s;
            outputs.AddRange(File.ReadAllLines(TempPath($"s{k}.jsonl")));
            errors.AddRange(File.ReadAllLines(TempPath($"s{k}.errors.jsonl")));
        }

        Assert.That((sumIn, sumOut, sumErrors, sumSkipped), Is.EqualTo((allIn, allOut, allErrors, allSkipped)));
        Assert.That(outputs.Order(StringComparer.Ordinal), Is.EqualTo(File.ReadAllLines(TempPath("all.jsonl")).Order(StringComparer.Ordinal)));
        Assert.That(errors.Order(StringComparer.Ordinal), Is.EqualTo(File.ReadAllLines(TempPath("all.errors.jsonl")).Order(StringComparer.Ordinal)));
    }

    private static (long In, long Out, long Errors, long Skipped) Counts(string summary)
    {
        var values = summary.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        return (values["in"], values["out"], values["errors"], values["skipped"]);
    }

    [Test]
    public void Output_is_in_input_order_whatever_the_number_of_workers()
    {
        var jsonl = string.Join('\n', Enumerable.Range(0, 80).Select(i => JsonSerializer.Serialize(new { id = i, text = i % 3 == 0 ? SampleText : $"Item {i}\n{WarcKit.Paragraph($"item {i}")}" })));
        var input = WriteFile("in.jsonl", jsonl);
        var one = Run("batch", input, "--parallel", "1");
        var four = Run("batch", input, "--parallel", "4");
        Assert.That(four.Out, Is.EqualTo(one.Out));
        Assert.That(Lines(four.Out).Select(o => o.GetProperty("id").GetInt32()), Is.EqualTo(Enumerable.Range(0, 80)));
    }

    [Test]
    public void Gz_and_zst_output_names_are_compressed()
    {
        var input = WriteFile("in.jsonl", Mixed);
        var plain = Run("batch", input).Out;
        Run("batch", input, "--out", TempPath("out.jsonl.gz"));
        Run("batch", input, "--out", TempPath("out.jsonl.zst"));
        using (var gzip = new GZipStream(File.OpenRead(TempPath("out.jsonl.gz")), CompressionMode.Decompress))
        {
            Assert.That(new StreamReader(gzip).ReadToEnd(), Is.EqualTo(plain));
        }

        using var zstd = new ZstdSharp.DecompressionStream(File.OpenRead(TempPath("out.jsonl.zst")));
        Assert.That(new StreamReader(zstd).ReadToEnd(), Is.EqualTo(plain));
    }

    [Test]
    public void Plain_progress_lines_when_asked_for()
    {
        var input = WriteFile("in.jsonl", Mixed);
        var run = Run("batch", input, "--progress", "--errors", TempPath("e.jsonl"));
        Assert.That(run.ErrLines[^3], Does.Match(@"^cleaner: progress records=7 mb=0\.0 records/s=\d+ eta=0:00:00$"));
        Assert.That(run.ErrLines[^2], Is.EqualTo("extractor: native=1"), "the one HTML record's extractor (a one-paragraph page: its article holds all its prose), before the summary");
        Assert.That(Run("batch", input, "--errors", TempPath("e.jsonl")).ErrLines, Has.Length.EqualTo(2), "silent otherwise: only the extractors and the summary");
    }

    [TestCase("--shard", "3/3", "--shard takes K/N")]
    [TestCase("--shard", "1-4", "--shard takes K/N")]
    [TestCase("--parallel", "0", "--parallel must be between 1 and 256")]
    [TestCase("--parallel", "2147483647", "--parallel must be between 1 and 256")]
    [TestCase("--input-format", "csv", "csv")]
    [TestCase("--max-record-mb", "0", "--max-record-mb must be between 1 and 512")]
    [TestCase("--max-record-mb", "2000", "--max-record-mb must be between 1 and 512")]
    public void Bad_options_are_usage_errors(string option, string value, string message)
    {
        var run = Run("batch", WriteFile("in.jsonl", Mixed), option, value);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Err, Does.StartWith("cleaner: ").And.Contain(message));
    }

    [Test]
    public void Missing_inputs_and_outputs_over_inputs_are_usage_errors_and_nothing_is_written()
    {
        var input = WriteFile("in.jsonl", Mixed);
        var missing = Run("batch", input, TempPath("nope.jsonl"), "--out", TempPath("out.jsonl"));
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Err, Is.EqualTo($"cleaner: {TempPath("nope.jsonl")}: no such file\n"));
        Assert.That(File.Exists(TempPath("out.jsonl")), Is.False);
        Assert.That(Run("batch", input, "--out", input).Err, Does.Contain("is both an input and an output"));
        Assert.That(Run("batch", input, "--out", TempPath("x"), "--errors", TempPath("x")).Err, Does.Contain("must be different files"));
        Assert.That(Run("batch", input, "--errors", "-").Err, Does.Contain("cannot both be standard output"));
        Assert.That(Run("batch", Temp).Err, Does.Contain("is a directory"));
    }

    [Test]
    public void Records_over_the_size_limit_are_errors_and_reading_goes_on()
    {
        var big = JsonSerializer.Serialize(new { id = "big", text = new string('x', 1_200_000) });
        var input = WriteFile("in.jsonl", $"{JsonSerializer.Serialize(new { id = "a", text = Article })}\n{big}\n{JsonSerializer.Serialize(new { id = "b", text = Article })}\n");
        var run = Run("batch", input, "--max-record-mb", "1", "--errors", TempPath("e.jsonl"));
        Assert.That(SummaryLine(run), Is.EqualTo("in=3 out=2 errors=1 skipped=0"));
        var error = ReadLines("e.jsonl").Single();
        Assert.That(error.GetProperty("record").GetInt32(), Is.EqualTo(1));
        Assert.That(error.GetProperty("error").GetString(), Does.StartWith("record too large: 1,200,"));
    }
}
