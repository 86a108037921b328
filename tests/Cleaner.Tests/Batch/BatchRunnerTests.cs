using System.Text;
using System.Text.Json;
using Cleaner.Batch;

namespace Cleaner.Tests.Batch;

public sealed class BatchRunnerTests
{
    /// <summary>Fails on documents that say BOOM.</summary>
    private sealed class BombFilter : IBlockFilter
    {
        public string Name => "bomb";

        public string Description => "Throws on documents that say BOOM.";

        public void Apply(Document document)
        {
            if (document.Source.Contains("BOOM", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the bomb went off");
            }
        }
    }

    private static BatchInput Input(string jsonl) => new("in.jsonl", () => new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), null);

    private static string Record(string id, string text) => JsonSerializer.Serialize(new { id, text }) + "\n";

    private static JsonElement Json(BatchResult result) => JsonDocument.Parse(result.JsonLine).RootElement;

    private const string Body = "The council said on Tuesday that the plan would be discussed at the next public meeting, and residents were invited to attend.";

    [Test]
    public async Task A_library_failure_on_one_record_is_its_error_with_type_and_message_and_the_others_are_cleaned()
    {
        var cleaner = TextCleaner.CreateBuilder().InsertBefore<Cleaner.Filters.UrlFilter>(new BombFilter()).Build();
        var runner = new BatchPipeline(cleaner, new BatchOptions { Parallel = 2, JsonLines = true });
        var results = await PipelineKit.RunAsync(runner, [Input(Record("a", Body) + Record("b", "BOOM\n" + Body) + Record("c", Body))]);

        Assert.That(results.Select(o => o.Kind), Is.EqualTo(new[] { BatchResultKind.Cleaned, BatchResultKind.Error, BatchResultKind.Cleaned }));
        var error = Json(results[1]);
        Assert.That(error.GetProperty("id").GetString(), Is.EqualTo("b"));
        Assert.That(error.GetProperty("error").GetString(), Is.EqualTo("the cleaner failed: System.InvalidOperationException: the bomb went off"));
        var counts = runner.Counts;
        Assert.That((counts.In, counts.Out, counts.Errors, counts.Skipped), Is.EqualTo((3L, 2L, 1L, 0L)));
    }

    [Test]
    public async Task A_result_the_library_did_not_clean_is_an_error_with_its_status()
    {
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { MaxInputLength = 200 }).Build();
        var runner = new BatchPipeline(cleaner, new BatchOptions { Parallel = 1, JsonLines = true });
        var results = await PipelineKit.RunAsync(runner, [Input(Record("short", Body) + Record("long", Body + "\n" + Body))]);

        Assert.That(results[0].Kind, Is.EqualTo(BatchResultKind.Cleaned));
        var error = Json(results[1]);
        Assert.That(error.GetProperty("status").GetString(), Is.EqualTo("input-too-large"));
        Assert.That(error.GetProperty("error").GetString(), Does.Contain("over the limit of 200"));
    }

    /// <summary>An endless JSONL input, made as it is read, that counts the records it produced.</summary>
    private sealed class EndlessJsonl : Stream
    {
        private byte[] _pending = [];
        private int _at;

        public long Produced { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_at == _pending.Length)
            {
                _pending = Encoding.UTF8.GetBytes(Record($"r{Produced}", Body));
                _at = 0;
                Produced++;
            }

            int n = Math.Min(count, _pending.Length - _at);
            Array.Copy(_pending, _at, buffer, offset, n);
            _at += n;
            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A writer that stops the run after a few records, having given the reader time to run ahead.</summary>
    private sealed class SlowSink(CancellationTokenSource stop, BatchPipeline runner)
    {
        public long MostReadAhead { get; private set; }

        public int Written { get; private set; }

        public void Write(BatchResult result)
        {
            Thread.Sleep(50);
            MostReadAhead = Math.Max(MostReadAhead, runner.RecordsRead - Written);
            if (++Written == 20)
            {
                stop.Cancel();
            }
        }
    }

    [Test]
    public async Task The_records_between_reader_and_writer_are_bounded_by_the_capacity()
    {
        var options = new BatchOptions { Parallel = 2 };
        var runner = new BatchPipeline(TextCleaner.Default, options);
        var endless = new EndlessJsonl();
        using var stop = new CancellationTokenSource();
        var sink = new SlowSink(stop, runner);
        await Assert.CatchAsync<OperationCanceledException>(() => PipelineKit.RunAsync(runner, [new BatchInput("endless", () => endless, null)], sink.Write, stop.Token));
        Assert.That(sink.Written, Is.EqualTo(20));
        Assert.That(sink.MostReadAhead, Is.LessThanOrEqualTo(options.Capacity + options.Parallel + 2), "the reader waits for the writer");
        int recordsPerBuffer = 64 * 1024 / Record("r0", Body).Length + 1;
        Assert.That(endless.Produced, Is.LessThanOrEqualTo(sink.Written + options.Capacity + options.Parallel + 2 + recordsPerBuffer));
    }
}

/// <summary>Runs batch inputs through a pipeline as the CLI does, each result handed to <c>each</c> in order.</summary>
internal static class PipelineKit
{
    public static async Task<List<BatchResult>> RunAsync(BatchPipeline pipeline, IEnumerable<BatchInput> inputs, Action<BatchResult>? each = null, CancellationToken cancellationToken = default)
    {
        var results = new List<BatchResult>();
        var records = BatchReader.ReadAsync(inputs, pipeline.Options, _ => { }, cancellationToken);
        await foreach (var result in pipeline.CleanAsync(records, cancellationToken))
        {
            each?.Invoke(result);
            results.Add(result);
        }

        return results;
    }
}
