using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Cleaner.Cli.Batch.Formats;

namespace Cleaner.Cli.Batch;

/// <summary>Where outcomes go, in input order (the writer).</summary>
internal interface IOutcomeSink
{
    void Write(Outcome outcome);
}

/// <summary>
/// The batch pipeline: one reader splits the inputs into records, <see cref="BatchOptions.Parallel"/>
/// workers clean them, and the caller's sink receives the outcomes in input order. Both queues are
/// bounded by <see cref="BatchOptions.Capacity"/>, and so is the reorder buffer (the ordered queue),
/// so memory stays flat however large the input: at most that many records are alive at once.
/// </summary>
internal sealed class BatchRunner(TextCleaner cleaner, BatchOptions options)
{
    private long _records;
    private long _read;
    private long _rawBytes;
    private long _cleaned;
    private long _errors;
    private long _skipped;
    private long _otherShards;

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
            await foreach (var slot in ordered.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                token.ThrowIfCancellationRequested();
                var outcome = await slot.Outcome.Task.WaitAsync(token).ConfigureAwait(false);
                Count(outcome);
                sink.Write(outcome);
            }
        }
        catch (Exception e)
        {
            failure = e;
            await cts.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
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
                foreach (var record in RecordReader.Read(input, options.Format, options.MaxRecordBytes, n => Interlocked.Add(ref _rawBytes, n)))
                {
                    record.Sequence = sequence++;
                    Interlocked.Increment(ref _read);
                    var slot = new Slot(record);
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
                slot.Outcome.SetResult(processor.Process(slot.Record));
            }
            catch (Exception e)
            {
                slot.Outcome.SetException(e);
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

    /// <summary>A record on its way, and the outcome the writer waits for.</summary>
    private sealed class Slot(RawRecord record)
    {
        public RawRecord Record { get; } = record;

        public TaskCompletionSource<Outcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
