namespace Cleaner.Cli.Commands;

/// <summary>A failure that ends the command with one line on standard error and an exit code.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>The exit codes of <c>cleaner</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>Some inputs could not be cleaned (the others were).</summary>
    public const int SomeFailed = 1;

    /// <summary>The command line was wrong: unknown option, filter or phrase list, missing directory.</summary>
    public const int Usage = 2;
}
