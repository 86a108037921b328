using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Cleaner.Cli.Batch.Formats;

namespace Cleaner.Cli.Batch;

/// <summary>Where outcomes go, in input order (the writer).</summary>
internal interface IOutcomeSink
{
    void Write(Outcome outcome);

    /// <summary>Told after each outcome how many records of the run (every shard, in order) are written.</summary>
    void Written(long done)
    {
    }
}

/// <summary>
/// The batch pipeline: one reader splits the inputs into records, <see cref="BatchOptions.Parallel"/>
/// workers clean them, and the caller's sink receives the outcomes in input order. Both queues are
/// bounded by <see cref="BatchOptions.Capacity"/>, and so is the reorder buffer (the ordered queue),
/// so memory stays flat however large the input: at most that many records are alive at once.
/// </summary>
internal sealed class BatchRunner(TextCleaner cleaner, BatchOptions options)
{
    private readonly ByteBudget _budget = new(options.MaxBytesInFlight);
    private long _records;
    private long _read;
    private long _rawBytes;
    private long _cleaned;
    private long _errors;
    private long _skipped;
    private long _otherShards;
    private bool _abandoned;
    private long _written;

    /// <summary>Records of this shard read so far.</summary>
    public long Records => Interlocked.Read(ref _records);

    /// <summary>Records read and handed to the pipeline so far (every shard), done or not.</summary>
    public long RecordsRead => Interlocked.Read(ref _read);

    /// <summary>Raw (compressed) input bytes read so far.</summary>
    public long RawBytes => Interlocked.Read(ref _rawBytes);

    public long Cleaned => Interlocked.Read(ref _cleaned);

    public long Errors => Interlocked.Read(ref _errors);

    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Records of other shards, read and passed over.</summary>
    public long OtherShards => Interlocked.Read(ref _otherShards);

    /// <summary>Records of the run (every shard) written so far, resumed ones included.</summary>
    public long RecordsWritten => Interlocked.Read(ref _written);

    /// <summary>Starts the counts where a resumed run left them.</summary>
    public void StartFrom(Checkpoint checkpoint)
    {
        _records = checkpoint.In;
        _cleaned = checkpoint.Out;
        _errors = checkpoint.Errors;
        _skipped = checkpoint.Skipped;
        _otherShards = checkpoint.OtherShards;
        _written = checkpoint.Done;
    }

    /// <summary>Runs the inputs through the pipeline to the sink.</summary>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async Task RunAsync(IReadOnlyList<BatchInput> inputs, IOutcomeSink sink, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cts.Token;
        var ordered = Channel.CreateBounded<Slot>(new BoundedChannelOptions(options.Capacity) { SingleReader = true, SingleWriter = true });
        var work = Channel.CreateBounded<Slot>(new BoundedChannelOptions(options.Capacity) { SingleWriter = true });
        var tasks = new List<Task> { Task.Run(() => ReadAsync(inputs, ordered.Writer, work.Writer, token), token) };
        for (int i = 0; i < options.Parallel; i++)
        {
            tasks.Add(Task.Run(() => WorkAsync(work.Reader, token), token));
        }

        Exception? failure = null;
        try
        {
            var timeouts = new RecordProcessor(cleaner, options);
            await foreach (var slot in ordered.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                token.ThrowIfCancellationRequested();
                var outcome = await OutcomeOf(slot, timeouts, token).ConfigureAwait(false);
                sink.Write(outcome);
                Count(outcome);
                Interlocked.Exchange(ref _written, slot.Record.Sequence + 1);
                sink.Written(slot.Record.Sequence + 1);
                _budget.Release(slot.Bytes);
            }
        }
        catch (Exception e)
        {
            failure = e;
            await cts.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            // A worker still on a record given up as timed out is not waited for: every record is written.
            await (Volatile.Read(ref _abandoned) && failure is null ? tasks[0] : Task.WhenAll(tasks)).ConfigureAwait(false);
        }
        catch (Exception) when (failure is not null)
        {
            // The first real failure is reported below.
        }

        if (failure is not null)
        {
            var cause = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
            ExceptionDispatchInfo.Throw(cancellationToken.IsCancellationRequested ? failure : cause ?? failure);
        }
    }

    private async Task ReadAsync(IReadOnlyList<BatchInput> inputs, ChannelWriter<Slot> ordered, ChannelWriter<Slot> work, CancellationToken token)
    {
        try
        {
            long sequence = 0;
            foreach (var input in inputs)
            {
                foreach (var record in RecordReader.Read(input, options.Format, options.MaxRecordBytes, n => Interlocked.Add(ref _rawBytes, n), options.MaxExpansion))
                {
                    record.Sequence = sequence++;
                    if (record.Sequence < options.SkipRecords)
                    {
                        // Written by the run this one resumes.
                        record.Bytes.Return();
                        continue;
                    }

                    Interlocked.Increment(ref _read);
                    var slot = new Slot(record);
                    await _budget.TakeAsync(slot.Bytes, token).ConfigureAwait(false);
                    await ordered.WriteAsync(slot, token).ConfigureAwait(false);
                    await work.WriteAsync(slot, token).ConfigureAwait(false);
                }
            }

            ordered.Complete();
            work.Complete();
        }
        catch (Exception e)
        {
            ordered.TryComplete(e);
            work.TryComplete(e);
            throw;
        }
    }

    private async Task WorkAsync(ChannelReader<Slot> work, CancellationToken token)
    {
        var processor = new RecordProcessor(cleaner, options);
        await foreach (var slot in work.ReadAllAsync(token).ConfigureAwait(false))
        {
            try
            {
                slot.Started = Environment.TickCount64;
                slot.Outcome.TrySetResult(processor.Process(slot.Record, parsed => slot.Parsed = parsed));
            }
            catch (Exception e)
            {
                slot.Outcome.TrySetException(e);
                throw;
            }
        }
    }

    private void Count(Outcome outcome)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Cleaned:
                Interlocked.Increment(ref _cleaned);
                break;
            case OutcomeKind.Error:
                Interlocked.Increment(ref _errors);
                break;
            case OutcomeKind.Skipped:
                Interlocked.Increment(ref _skipped);
                break;
            default:
                Interlocked.Increment(ref _otherShards);
                return;
        }

        Interlocked.Increment(ref _records);
    }

    /// <summary>
    /// The outcome of a slot, in its turn. Once a worker has had the record for longer than
    /// <see cref="BatchOptions.RecordTimeout"/>, the record is written as <c>timed-out</c> and the run
    /// goes on; the worker's late outcome is dropped.
    /// </summary>
    private async Task<Outcome> OutcomeOf(Slot slot, RecordProcessor timeouts, CancellationToken token)
    {
        if (options.RecordTimeout is not { } limit)
        {
            return await slot.Outcome.Task.WaitAsync(token).ConfigureAwait(false);
        }

        while (true)
        {
            long started = slot.Started;
            var waited = started == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Environment.TickCount64 - started);
            if (waited >= limit)
            {
                var late = timeouts.TimedOut(slot.Record, slot.Parsed, limit);
                if (slot.Outcome.TrySetResult(late))
                {
                    Volatile.Write(ref _abandoned, true);
                    return late;
                }

                return await slot.Outcome.Task.ConfigureAwait(false);
            }

            var wait = started == 0 ? TimeSpan.FromMilliseconds(100) : limit - waited;
            try
            {
                return await slot.Outcome.Task.WaitAsync(wait, token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Look again: not started yet, or over the limit now.
            }
        }
    }

    /// <summary>A record on its way, and the outcome the writer waits for.</summary>
    private sealed class Slot(RawRecord record)
    {
        public RawRecord Record { get; } = record;

        /// <summary>The record's size as read, counted against <see cref="BatchOptions.MaxBytesInFlight"/>.</summary>
        public long Bytes { get; } = record.Bytes.Length;

        /// <summary>When a worker took it (<see cref="Environment.TickCount64"/>), or 0.</summary>
        public long Started
        {
            get => Interlocked.Read(ref _started);
            set => Interlocked.Exchange(ref _started, value);
        }

        /// <summary>What the record was parsed into, once it was (to name it if it times out).</summary>
        public volatile ParsedRecord? Parsed;

        private long _started;

        public TaskCompletionSource<Outcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A count of bytes that may be taken up to a limit; one taking larger than the limit waits until nothing else is taken.</summary>
internal sealed class ByteBudget(long limit)
{
    private readonly SemaphoreSlim _changed = new(0);
    private long _taken;

    public long Taken => Interlocked.Read(ref _taken);

    public async Task TakeAsync(long bytes, CancellationToken token)
    {
        while (true)
        {
            long taken = Interlocked.Read(ref _taken);
            if ((taken == 0 || taken + bytes <= limit) && Interlocked.CompareExchange(ref _taken, taken + bytes, taken) == taken)
            {
                return;
            }

            if (taken != 0 && taken + bytes > limit)
            {
                await _changed.WaitAsync(TimeSpan.FromMilliseconds(50), token).ConfigureAwait(false);
            }
        }
    }

    public void Release(long bytes)
    {
        Interlocked.Add(ref _taken, -bytes);
        if (_changed.CurrentCount == 0)
        {
            _changed.Release();
        }
    }
}
