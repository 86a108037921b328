using System.Diagnostics;

namespace Cleaner.Tests.Cli;

/// <summary>Runs the built <c>cleaner</c> as a real process (signals, pipes, closed descriptors), through bash.</summary>
internal static class CliProcess
{
    /// <summary>The command that starts the CLI built beside the tests.</summary>
    public static string Command => $"dotnet {Path.Combine(AppContext.BaseDirectory, "Cleaner.Cli.dll")}";

    /// <summary>Runs a bash script with <c>$CLEANER</c> set to the CLI; kills it after <paramref name="timeout"/>.</summary>
    /// <returns>The exit code (-1 when it had to be killed), standard output and standard error.</returns>
    public static (int Code, string Out, string Err) Bash(string script, string directory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        info.Environment["CLEANER"] = Command;
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, output.Result, error.Result);
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
