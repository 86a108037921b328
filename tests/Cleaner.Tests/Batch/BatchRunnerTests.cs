using System.Text;
using System.Text.Json;
using Cleaner.Cli;
using Cleaner.Cli.Batch;

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

    private sealed class CollectingSink : IOutcomeSink
    {
        public List<Outcome> Outcomes { get; } = [];

        public void Write(Outcome outcome) => Outcomes.Add(outcome);
    }

    private static BatchInput Input(string jsonl) => new("in.jsonl", () => new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), null);

    private static string Record(string id, string text) => JsonSerializer.Serialize(new { id, text }) + "\n";

    private static JsonElement Json(Outcome outcome) => JsonDocument.Parse(outcome.Line).RootElement;

    private const string Body = "The council said on Tuesday that the plan would be discussed at the next public meeting, and residents were invited to attend.";

    [Test]
    public async Task A_library_failure_on_one_record_is_its_error_with_type_and_message_and_the_others_are_cleaned()
    {
        var cleaner = TextCleaner.CreateBuilder().InsertBefore<Cleaner.Filters.UrlFilter>(new BombFilter()).Build();
        var runner = new BatchRunner(cleaner, new BatchOptions { Parallel = 2 });
        var sink = new CollectingSink();
        await runner.RunAsync([Input(Record("a", Body) + Record("b", "BOOM\n" + Body) + Record("c", Body))], sink, CancellationToken.None);

        Assert.That(sink.Outcomes.Select(o => o.Kind), Is.EqualTo(new[] { OutcomeKind.Cleaned, OutcomeKind.Error, OutcomeKind.Cleaned }));
        var error = Json(sink.Outcomes[1]);
        Assert.That(error.GetProperty("id").GetString(), Is.EqualTo("b"));
        Assert.That(error.GetProperty("error").GetString(), Is.EqualTo("the cleaner failed: System.InvalidOperationException: the bomb went off"));
        Assert.That((runner.Records, runner.Cleaned, runner.Errors, runner.Skipped), Is.EqualTo((3L, 2L, 1L, 0L)));
    }

    [Test]
    public async Task A_result_the_library_did_not_clean_is_an_error_with_its_status()
    {
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { MaxInputLength = 200 }).Build();
        var runner = new BatchRunner(cleaner, new BatchOptions { Parallel = 1 });
        var sink = new CollectingSink();
        await runner.RunAsync([Input(Record("short", Body) + Record("long", Body + "\n" + Body))], sink, CancellationToken.None);

        Assert.That(sink.Outcomes[0].Kind, Is.EqualTo(OutcomeKind.Cleaned));
        var error = Json(sink.Outcomes[1]);
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
    private sealed class SlowSink(CancellationTokenSource stop, BatchRunner runner) : IOutcomeSink
    {
        public long MostReadAhead { get; private set; }

        public int Written { get; private set; }

        public void Write(Outcome outcome)
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
        var runner = new BatchRunner(TextCleaner.Default, options);
        var endless = new EndlessJsonl();
        using var stop = new CancellationTokenSource();
        var sink = new SlowSink(stop, runner);
        await Assert.CatchAsync<OperationCanceledException>(() => runner.RunAsync([new BatchInput("endless", () => endless, null)], sink, stop.Token));
        Assert.That(sink.Written, Is.EqualTo(20));
        Assert.That(sink.MostReadAhead, Is.LessThanOrEqualTo(options.Capacity + options.Parallel + 2), "the reader waits for the writer");
        int recordsPerBuffer = 64 * 1024 / Record("r0", Body).Length + 1;
        Assert.That(endless.Produced, Is.LessThanOrEqualTo(sink.Written + options.Capacity + options.Parallel + 2 + recordsPerBuffer));
    }
}
