using System.Diagnostics;

namespace Cleaner;

/// <summary>Thrown inside a cleaning call when its time limit has passed; the call turns it into a <see cref="CleanStatus.TimedOut"/> result.</summary>
internal sealed class DeadlineExceededException(string phase) : Exception($"the time limit passed while {phase}")
{
    /// <summary>What the call was doing when the limit passed.</summary>
    public string Phase { get; } = phase;
}

/// <summary>
/// The time limit and cancellation of one cleaning call, counted from the start of the call. Every
/// phase (decoding, bounding, parsing, building blocks, extracting, each filter, the rescue) sets
/// <see cref="Phase"/> and calls <see cref="Check"/> often enough that the call ends soon after the
/// limit. The call's deadline is also <see cref="Current"/> on its thread, so that code several
/// layers down (the block walker, the extractor's gate) can check it without a parameter.
/// </summary>
internal sealed class Deadline
{
    [ThreadStatic]
    private static Deadline? s_current;

    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly CancellationToken _cancellation;
    private int _ticks;

    public Deadline(TimeSpan? limit, CancellationToken cancellation)
    {
        Limit = limit;
        _cancellation = cancellation;
    }

    /// <summary>The deadline of the call running on this thread, or null outside a call.</summary>
    public static Deadline? Current => s_current;

    /// <summary>The time limit, or null for none.</summary>
    public TimeSpan? Limit { get; }

    /// <summary>What the call is doing now (for the diagnostic when time runs out).</summary>
    public string Phase { get; set; } = "starting";

    /// <summary>What was cut or skipped to keep the page within its limits (for the diagnostic).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Time since the call started.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_start);

    /// <summary>Time left before the limit (never negative), or null when there is no limit.</summary>
    public TimeSpan? Remaining => Limit is { } limit ? (limit > Elapsed ? limit - Elapsed : TimeSpan.Zero) : null;

    /// <summary>Whether the limit has passed.</summary>
    public bool IsPast => Limit is { } limit && Elapsed > limit;

    /// <summary>The token the caller gave.</summary>
    public CancellationToken Cancellation => _cancellation;

    /// <summary>Makes this the deadline of the current thread until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        var previous = s_current;
        s_current = this;
        return new Scope(previous);
    }

    /// <summary>Checks the limit (in the phase before), then enters a new phase.</summary>
    public void Begin(string phase)
    {
        Check();
        Phase = phase;
    }

    /// <summary>Throws when the caller cancelled, or when the limit has passed.</summary>
    /// <exception cref="OperationCanceledException">The caller's token was cancelled.</exception>
    /// <exception cref="DeadlineExceededException">The time limit has passed.</exception>
    public void Check()
    {
        _cancellation.ThrowIfCancellationRequested();
        if (IsPast)
        {
            throw new DeadlineExceededException(Phase);
        }
    }

    /// <summary>Checks the limit every 1,024 calls: cheap enough for a loop over nodes or characters.</summary>
    public void Tick()
    {
        if ((++_ticks & 1023) == 0)
        {
            Check();
        }
    }

    /// <summary>Restores the previous deadline of the thread.</summary>
    internal readonly struct Scope(Deadline? previous) : IDisposable
    {
        public void Dispose() => s_current = previous;
    }
}
