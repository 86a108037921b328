using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Cleaner.Batch;

/// <summary>
/// Cleans records in parallel and gives their results in input order: one reader takes the records,
/// <see cref="BatchOptions.Parallel"/> workers parse and clean them, and the results come out as
/// each one's turn comes. The queues between them hold at most 4 × <see cref="BatchOptions.Parallel"/>
/// records (at least 16) and <see cref="BatchOptions.MaxBytesInFlight"/> record bytes, so memory stays
/// flat however large the input. A failure of one record is its error result, never an exception.
/// </summary>
/// <remarks>
/// The counts (<see cref="Counts"/>) add up over the runs of one pipeline; use one pipeline per run
/// to read a run's own. A run holds the workers until its enumeration ends or is disposed.
/// </remarks>
public sealed class BatchPipeline
{
    private readonly TextCleaner _cleaner;
    private readonly ByteBudget _budget;
    private readonly ConcurrentDictionary<string, long> _extractors = new(StringComparer.Ordinal);
    private long _records;
    private long _read;
    private long _cleaned;
    private long _errors;
    private long _skipped;
    private long _otherShards;
    private long _brokenInputs;
    private long _written;
    private bool _abandoned;

    /// <summary>A pipeline that cleans with <paramref name="cleaner"/>.</summary>
    /// <param name="cleaner">The cleaner (shared by the workers; a cleaner is thread-safe).</param>
    /// <param name="options">The settings; null for the defaults.</param>
    public BatchPipeline(TextCleaner cleaner, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cleaner);
        options ??= new BatchOptions();
        if (options.Parallel is < 1 or > BatchOptions.MaxParallel)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Parallel must be between 1 and {BatchOptions.MaxParallel}");
        }

        _cleaner = cleaner;
        Options = options;
        _budget = new ByteBudget(options.MaxBytesInFlight);
    }

    /// <summary>The settings.</summary>
    public BatchOptions Options { get; }

    /// <summary>The counts so far: records in, out, errors, skipped, and the extractors of HTML pages.</summary>
    public BatchCounts Counts => new(
        Interlocked.Read(ref _records), Interlocked.Read(ref _cleaned), Interlocked.Read(ref _errors), Interlocked.Read(ref _skipped),
        Interlocked.Read(ref _otherShards), Interlocked.Read(ref _brokenInputs),
        new SortedDictionary<string, long>(_extractors, StringComparer.Ordinal));

    /// <summary>Records read and handed to the workers so far (every shard), done or not.</summary>
    internal long RecordsRead => Interlocked.Read(ref _read);

    /// <summary>Records of the run (every shard) given out so far, resumed ones included.</summary>
    internal long RecordsWritten => Interlocked.Read(ref _written);

    /// <summary>How long a cancelled run waits for a reader blocked in a read of its input before it ends without it.</summary>
    internal static readonly TimeSpan ReaderGrace = TimeSpan.FromMilliseconds(500);

    /// <summary>Starts the counts where a resumed run left them.</summary>
    internal void StartFrom(BatchCounts counts, long done)
    {
        _records = counts.In;
        _cleaned = counts.Out;
        _errors = counts.Errors;
        _skipped = counts.Skipped;
        _otherShards = counts.OtherShards;
        _brokenInputs = counts.BrokenInputs;
        foreach (var (name, count) in counts.Extractors)
        {
            _extractors[name] = count;
        }

        _written = done;
    }

    /// <summary>
    /// Cleans the records and gives a result for each, in their order (records of other shards
    /// included, as <see cref="BatchResultKind.OtherShard"/>). The counts are up to date for every
    /// result given out.
    /// </summary>
    /// <param name="records">The records, for example from <see cref="BatchReader"/>.</param>
    /// <param name="cancellationToken">
    /// Stops the run: reading stops and the records in flight are dropped. A read of the input that
    /// blocks (a pipe with nothing to send) cannot be interrupted: it is left behind after half a
    /// second, and the run ends without it.
    /// </param>
    /// <returns>The results.</returns>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public IAsyncEnumerable<BatchResult> CleanAsync(IAsyncEnumerable<BatchRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return RunAsync(records, cancellationToken);
    }

    private async IAsyncEnumerable<BatchResult> RunAsync(IAsyncEnumerable<BatchRecord> records, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cts.Token;
        var ordered = Channel.CreateBounded<Slot>(new BoundedChannelOptions(Options.Capacity) { SingleReader = true, SingleWriter = true });
        var work = Channel.CreateBounded<Slot>(new BoundedChannelOptions(Options.Capacity) { SingleWriter = true });
        var tasks = new List<Task> { Task.Run(() => ReadAsync(records, ordered.Writer, work.Writer, token), token) };
        for (int i = 0; i < Options.Parallel; i++)
        {
            tasks.Add(Task.Run(() => WorkAsync(work.Reader, token), token));
        }

        Exception? failure = null;
        bool finished = false;
        try
        {
            var timeouts = new RecordProcessor(_cleaner, Options);
            var slots = ordered.Reader.ReadAllAsync(token).GetAsyncEnumerator(token);
            await using (slots.ConfigureAwait(false))
            {
                while (true)
                {
                    BatchResult result;
                    Slot slot;
                    try
                    {
                        if (!await slots.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }

                        slot = slots.Current;
                        token.ThrowIfCancellationRequested();
                        result = await ResultOf(slot, timeouts, token).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        failure = e;
                        break;
                    }

                    Count(result);
                    Interlocked.Exchange(ref _written, slot.Record.Sequence + 1);
                    _budget.Release(slot.Bytes);
                    yield return result;
                }
            }

            finished = failure is null;
        }
        finally
        {
            // Also when the caller stops early (its own failure, a break): the reader and workers stop.
            if (!finished)
            {
                await cts.CancelAsync().ConfigureAwait(false);
            }

            // A worker still on a record given up as timed out is not waited for: every record is given out.
            var stopped = Volatile.Read(ref _abandoned) && finished ? tasks[0] : Task.WhenAll(tasks);
            if (!finished && cancellationToken.IsCancellationRequested)
            {
                // Cancelled by the caller: the workers stop at once, but a reader blocked in a read of
                // its stream (a pipe whose writer has nothing more to send yet) cannot be woken. It is
                // given a moment, then left behind, so that a stop is never stuck behind an idle input.
                await Task.WhenAny(stopped, Task.Delay(ReaderGrace, CancellationToken.None)).ConfigureAwait(false);
                _ = stopped.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
            else
            {
                try
                {
                    await stopped.ConfigureAwait(false);
                }
                catch (Exception) when (!finished)
                {
                    // The first real failure is reported below.
                }
            }
        }

        if (failure is not null)
        {
            var cause = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
            ExceptionDispatchInfo.Throw(cancellationToken.IsCancellationRequested ? failure : cause ?? failure);
        }
    }

    private async Task ReadAsync(IAsyncEnumerable<BatchRecord> records, ChannelWriter<Slot> ordered, ChannelWriter<Slot> work, CancellationToken token)
    {
        try
        {
            long sequence = 0;
            await foreach (var record in records.WithCancellation(token).ConfigureAwait(false))
            {
                record.Sequence = sequence++;
                if (record.Sequence < Options.SkipRecords)
                {
                    // Given out by the run this one resumes.
                    record.ReturnBytes();
                    continue;
                }

                Interlocked.Increment(ref _read);
                var slot = new Slot(record);
                await _budget.TakeAsync(slot.Bytes, token).ConfigureAwait(false);
                await ordered.WriteAsync(slot, token).ConfigureAwait(false);
                await work.WriteAsync(slot, token).ConfigureAwait(false);
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
        var processor = new RecordProcessor(_cleaner, Options);
        await foreach (var slot in work.ReadAllAsync(token).ConfigureAwait(false))
        {
            try
            {
                slot.Started = Environment.TickCount64;
                slot.Result.TrySetResult(processor.Process(slot.Record, parsed => slot.Parsed = parsed));
            }
            catch (Exception e)
            {
                slot.Result.TrySetException(e);
                throw;
            }
        }
    }

    private void Count(BatchResult result)
    {
        if (result.EndsInput)
        {
            Interlocked.Increment(ref _brokenInputs);
        }

        if (result.Extractor is { } extractor)
        {
            _extractors.AddOrUpdate(extractor, 1, (_, n) => n + 1);
        }

        switch (result.Kind)
        {
            case BatchResultKind.Cleaned:
                Interlocked.Increment(ref _cleaned);
                break;
            case BatchResultKind.Error:
                Interlocked.Increment(ref _errors);
                break;
            case BatchResultKind.Skipped:
                Interlocked.Increment(ref _skipped);
                break;
            default:
                Interlocked.Increment(ref _otherShards);
                return;
        }

        Interlocked.Increment(ref _records);
    }

    /// <summary>
    /// The result of a slot, in its turn. Once a worker has had the record for longer than
    /// <see cref="BatchOptions.RecordTimeout"/>, the record is given out as <c>timed-out</c> and the run
    /// goes on; the worker's late result is dropped.
    /// </summary>
    private async Task<BatchResult> ResultOf(Slot slot, RecordProcessor timeouts, CancellationToken token)
    {
        if (Options.RecordTimeout is not { } limit)
        {
            return await slot.Result.Task.WaitAsync(token).ConfigureAwait(false);
        }

        while (true)
        {
            long started = slot.Started;
            var waited = started == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Environment.TickCount64 - started);
            if (waited >= limit)
            {
                var late = timeouts.TimedOut(slot.Record, slot.Parsed, limit);
                if (slot.Result.TrySetResult(late))
                {
                    Volatile.Write(ref _abandoned, true);
                    return late;
                }

                return await slot.Result.Task.ConfigureAwait(false);
            }

            var wait = started == 0 ? TimeSpan.FromMilliseconds(100) : limit - waited;
            try
            {
                return await slot.Result.Task.WaitAsync(wait, token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Look again: not started yet, or over the limit now.
            }
        }
    }

    /// <summary>A record on its way, and the result the writer waits for.</summary>
    private sealed class Slot(BatchRecord record)
    {
        private long _started;

        /// <summary>What the record was parsed into, once it was (to name it if it times out).</summary>
        public volatile ParsedRecord? Parsed;

        public BatchRecord Record { get; } = record;

        /// <summary>The record's size as read, counted against <see cref="BatchOptions.MaxBytesInFlight"/>.</summary>
        public long Bytes { get; } = record.Bytes.Length;

        /// <summary>When a worker took it (<see cref="Environment.TickCount64"/>), or 0.</summary>
        public long Started
        {
            get => Interlocked.Read(ref _started);
            set => Interlocked.Exchange(ref _started, value);
        }

        public TaskCompletionSource<BatchResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
