using System.Runtime.InteropServices;

namespace Cleaner.Cli.Commands;

/// <summary>
/// SIGINT and SIGTERM as a request to stop: the run stops reading, drops what is in flight, removes
/// its temporary files, prints its summary and exits 130 (SIGINT) or 143 (SIGTERM), as shells report
/// a process those signals ended. Neither signal ends the process by itself while this is alive.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signal;

    public StopSignals(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        if (!OperatingSystem.IsWindows())
        {
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle));
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle));
        }
    }

    /// <summary>Cancelled when a stop is asked for.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The signal's name, for the message.</summary>
    public string Signal => _signal == 15 ? "SIGTERM" : "SIGINT";

    /// <summary>128 + the signal's number.</summary>
    public int ExitCode => 128 + (_signal == 15 ? 15 : 2);

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        Interlocked.CompareExchange(ref _signal, context.Signal == PosixSignal.SIGTERM ? 15 : 2, 0);
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }
}
