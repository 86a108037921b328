using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Cleaner.Batch;
using Cleaner.Tests.Cli;

namespace Cleaner.Tests.Batch;

/// <summary>Issue 18 for <c>batch</c>: outputs never replace what they should not, bad records stay one error, faults are clear.</summary>
public sealed class BatchSafetyTests : CliTestKit
{
    private static string Record(int i) => JsonSerializer.Serialize(new { id = i, text = $"Record {i}\n{WarcKit.Paragraph($"item {i}")}" });

    private string Jsonl(string name, int count) => WriteFile(name, string.Join('\n', Enumerable.Range(0, count).Select(Record)) + "\n");

    private static string Summary(CliRun run) => run.ErrLines[^1];

    [Test]
    public void A_link_given_as_out_is_kept_and_its_target_written()
    {
        // Item 1.
        var input = Jsonl("in.jsonl", 3);
        var target = WriteFile("real/out.jsonl", "old\n");
        var link = TempPath("out.jsonl");
        File.CreateSymbolicLink(link, target);
        var run = Run("batch", input, "--out", link);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target), "still a link");
        Assert.That(File.ReadAllLines(target), Has.Length.EqualTo(3));
    }

    [Test]
    public void A_link_to_an_input_given_as_out_is_refused()
    {
        // Item 1: the output would be renamed over the input the link names.
        var input = Jsonl("in.jsonl", 3);
        var before = File.ReadAllText(input);
        File.CreateSymbolicLink(TempPath("out.jsonl"), input);
        var run = Run("batch", input, "--out", TempPath("out.jsonl"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Err, Does.Contain("is both an input and an output"));
        Assert.That(File.ReadAllText(input), Is.EqualTo(before));
    }

    [Test]
    public void A_fifo_given_as_out_is_written_to_not_replaced()
    {
        // Item 1.
        Assume.That(OperatingSystem.IsLinux());
        var input = Jsonl("in.jsonl", 3);
        var fifo = TempPath("out.fifo");
        CleanSafetyTests.Mkfifo(fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var run = Run("batch", input, "--out", fifo);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(reader.Wait(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(reader.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(3));
        Assert.That(new FileInfo(fifo).Attributes.HasFlag(FileAttributes.Normal) && Cleaner.Cli.Inputs.FileKinds.Of(fifo) == Cleaner.Cli.Inputs.FileKind.Special, Is.True, "still a FIFO");
    }

    [Test]
    public void A_device_given_as_out_stays_a_device()
    {
        // Item 1: a private copy of /dev/null (never the machine's own).
        Assume.That(OperatingSystem.IsLinux() && Environment.UserName == "root");
        var device = TempPath("null");
        using (var mknod = Process.Start("mknod", [device, "c", "1", "3"])!)
        {
            mknod.WaitForExit();
            Assume.That(mknod.ExitCode, Is.EqualTo(0));
        }

        var run = Run("batch", Jsonl("in.jsonl", 3), "--out", device, "--errors", device + "-errors.jsonl");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(Cleaner.Cli.Inputs.FileKinds.Of(device), Is.EqualTo(Cleaner.Cli.Inputs.FileKind.Special));
        Assert.That(Directory.GetFiles(Temp, "*.tmp"), Is.Empty);
    }

    [Test]
    public void A_lone_surrogate_in_any_field_is_one_error_record()
    {
        // Item 3.
        var lines = new[]
        {
            Record(0),
            """{"id":1,"text":"\ud800 broken"}""",
            """{"id":"\udc00","text":"Record two"}""",
            """{"id":3,"url":"http://x/\ud800","text":"Record three"}""",
            Record(4),
        };
        var input = WriteFile("in.jsonl", string.Join('\n', lines) + "\n");
        var run = Run("batch", input, "--out", TempPath("out.jsonl"), "--errors", TempPath("errors.jsonl"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(Summary(run), Is.EqualTo("in=5 out=2 errors=3 skipped=0"));
        var errors = File.ReadAllLines(TempPath("errors.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(errors.Select(e => e.GetProperty("record").GetInt32()), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(errors.Select(e => e.GetProperty("error").GetString()), Is.All.StartWith("invalid string in '"));
    }

    [Test]
    public void A_page_whose_json_ld_holds_a_lone_surrogate_is_cleaned()
    {
        // Item 3, in the library: the metadata reader never throws for a page.
        var page = """<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"\ud800"}</script></head><body><p>A paragraph long enough to be the article of this small page, with words.</p></body></html>""";
        Assert.That(TextCleaner.Default.CleanHtml(page).Status, Is.EqualTo(CleanStatus.Cleaned));
        var dir = Path.Combine(Temp, "pages");
        for (int i = 0; i < 5; i++)
        {
            WriteFile($"pages/p{i}.html", i == 2 ? page : MinimalHtml);
        }

        var run = Run("clean", dir, "--out", TempPath("out"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(Directory.GetFiles(TempPath("out")), Has.Length.EqualTo(5));
    }

    [Test]
    public void A_corrupt_gzip_member_is_the_error_of_its_own_record_only()
    {
        // Item 4: one member per record; record 1's data altered (stored blocks, so the data still inflates).
        var members = Enumerable.Range(0, 4).Select(i => Stored(Encoding.UTF8.GetBytes(Record(i) + "\n"))).ToArray();
        int at = Array.IndexOf(members[1], (byte)'R', 20);
        members[1][at] = (byte)'X';
        var input = WriteFile("bad.jsonl.gz", string.Empty);
        File.WriteAllBytes(input, [.. members.SelectMany(m => m)]);
        var run = Run("batch", input, "--out", TempPath("out.jsonl"), "--errors", TempPath("errors.jsonl"));
        Assert.That(Summary(run), Is.EqualTo("in=4 out=3 errors=1 skipped=0"));
        var output = File.ReadAllLines(TempPath("out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt32());
        Assert.That(output, Is.EqualTo(new[] { 0, 2, 3 }));
        var error = JsonDocument.Parse(File.ReadAllText(TempPath("errors.jsonl"))).RootElement;
        Assert.That(error.GetProperty("record").GetInt32(), Is.EqualTo(1));
        Assert.That(error.GetProperty("error").GetString(), Does.StartWith("corrupt gzip: the CRC-32"));
    }

    [Test]
    public void Empty_gzip_members_lose_no_record()
    {
        // Item 4: (gzip a; gzip </dev/null; gzip a) passes gzip -t.
        byte[] empty = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
        var part = WarcKit.Gzip(Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 3).Select(Record)) + "\n"));
        var input = TempPath("x.jsonl.gz");
        File.WriteAllBytes(input, [.. part, .. empty, .. part]);
        var run = Run("batch", input, "--out", TempPath("out.jsonl"));
        Assert.That(Summary(run), Is.EqualTo("in=6 out=6 errors=0 skipped=0"));
    }

    [Test]
    public void A_broken_output_pipe_is_a_failure()
    {
        // Item 5.
        Assume.That(OperatingSystem.IsLinux());
        Jsonl("in.jsonl", 3000);
        var (code, _, err) = CliProcess.Bash("$CLEANER batch in.jsonl | (exit 3); echo \"status=${PIPESTATUS[0]}\" >&2", Temp, TimeSpan.FromSeconds(120));
        Assert.That(code, Is.Not.EqualTo(-1));
        Assert.That(err, Does.Contain("cannot write the output").And.Contain("status=1"));
        Assert.That(err, Does.Not.Contain("out=3000"));
    }

    [Test]
    public void An_output_that_is_a_directory_fails_before_reading()
    {
        // Item 8.
        Directory.CreateDirectory(TempPath("outdir"));
        var run = Run("batch", Jsonl("in.jsonl", 3), "--out", TempPath("outdir"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Err, Does.StartWith("cleaner: cannot write the output: ").And.Contain("is a directory"));
        Assert.That(run.ErrLines, Has.Length.EqualTo(1), "no summary: nothing was read");
    }

    [Test]
    public void A_full_disk_is_one_clear_error_and_no_temporary_file()
    {
        // Item 8: /dev/full fails every write with ENOSPC.
        Assume.That(File.Exists("/dev/full"));
        var run = Run("batch", Jsonl("in.jsonl", 200), "--out", "/dev/full", "--errors", TempPath("errors.jsonl"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Err, Does.Contain("cannot write the output"));
        Assert.That(Directory.GetFiles(Temp, ".*"), Is.Empty);
        Assert.That(File.Exists(TempPath("errors.jsonl")), Is.False, "an unfinished run leaves no file that looks complete");
    }

    [Test]
    public async Task A_record_over_the_time_limit_is_written_timed_out_and_the_run_goes_on()
    {
        // Issue 17 in batch: a filter that sleeps on one record; the writer waits about the time limit, not the sleep.
        var cleaner = TextCleaner.CreateBuilder()
            .WithOptions(o => o with { Timeout = TimeSpan.FromMilliseconds(300) })
            .RemoveLines(b => { if (b.Text.Contains("SLOW", StringComparison.Ordinal)) { Thread.Sleep(8000); } return false; }, "sleepy", "never")
            .Build();
        var lines = Enumerable.Range(0, 6).Select(i => i == 2 ? JsonSerializer.Serialize(new { id = 2, text = $"Record 2\nSLOW {WarcKit.Paragraph("item 2")}" }) : Record(i));
        var input = new BatchInput("in.jsonl", () => new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), null);
        var runner = new BatchPipeline(cleaner, new BatchOptions { Parallel = 2, JsonLines = true, RecordTimeout = Cleaner.Cli.Commands.BatchCommand.RecordTimeout(cleaner) });
        var sink = new ListSink();
        var clock = Stopwatch.StartNew();
        await PipelineKit.RunAsync(runner, [input], sink.Write);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "not blocked for the 8 s sleep");
        Assert.That(sink.Lines.Select(l => l.GetProperty("status").GetString()), Is.EqualTo(new[] { "cleaned", "cleaned", "timed-out", "cleaned", "cleaned", "cleaned" }));
        Assert.That(sink.Lines[2].GetProperty("id").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public void A_warc_header_of_endless_lines_is_bounded()
    {
        // Item 11: 8 MB of header lines, with --max-record-mb 1.
        var header = new StringBuilder("WARC/1.0\r\nWARC-Type: response\r\n");
        while (header.Length < 8_000_000)
        {
            header.Append("X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
        }

        var input = WriteFile("endless.warc", header.ToString());
        var run = Run("batch", input, "--max-record-mb", "1", "--errors", TempPath("errors.jsonl"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        var error = JsonDocument.Parse(File.ReadAllText(TempPath("errors.jsonl"))).RootElement.GetProperty("error").GetString();
        Assert.That(error, Does.StartWith("malformed WARC: a header of over 1,048,576 bytes"));
    }

    [Test]
    public void A_compression_bomb_is_an_error_not_minutes_of_newlines()
    {
        // Item 14: 24 MB of newlines in about 24 KB of gzip (a ratio near 1000).
        var input = TempPath("bomb.jsonl.gz");
        using (var file = File.Create(input))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        {
            var newlines = new byte[1 << 20];
            Array.Fill(newlines, (byte)'\n');
            for (int i = 0; i < 24; i++)
            {
                gzip.Write(newlines);
            }
        }

        var run = Run("batch", input, "--errors", TempPath("errors.jsonl"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        var error = JsonDocument.Parse(File.ReadAllText(TempPath("errors.jsonl"))).RootElement.GetProperty("error").GetString();
        Assert.That(error, Does.StartWith("decompression bomb: ").And.Contain("(--max-expansion)"));
        Assert.That(Run("batch", input, "--max-expansion", "0").ExitCode, Is.EqualTo(0), "0 lifts the limit");
    }

    [Test]
    public async Task The_bytes_in_flight_are_bounded_not_only_the_records()
    {
        // Item 12: with the writer held, the reader stops at the byte budget (about 10 records of 1 KB), not at the 16-record queues.
        var text = new string('a', 1000);
        var lines = Enumerable.Range(0, 200).Select(i => JsonSerializer.Serialize(new { id = i, text = $"{text} {i}" }));
        var input = new BatchInput("in.jsonl", () => new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), null);
        var runner = new BatchPipeline(TextCleaner.Default, new BatchOptions { Parallel = 1, MaxBytesInFlight = 10_000 });
        using var hold = new ManualResetEventSlim();
        var run = Task.Run(() => PipelineKit.RunAsync(runner, [input], _ => hold.Wait()));
        await Task.Delay(1500);
        long read = runner.RecordsRead;
        hold.Set();
        await run;
        Assert.That(read, Is.InRange(2, 11));
        Assert.That(runner.Counts.Out, Is.EqualTo(200));
    }

    /// <summary>A gzip member of stored (uncompressed) deflate blocks.</summary>
    private static byte[] Stored(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.NoCompression, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private sealed class ListSink
    {
        public List<JsonElement> Lines { get; } = [];

        public void Write(BatchResult result)
        {
            if (!result.JsonLine.IsEmpty)
            {
                Lines.Add(JsonDocument.Parse(result.JsonLine).RootElement.Clone());
            }
        }
    }
}
