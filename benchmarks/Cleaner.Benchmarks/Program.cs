using BenchmarkDotNet.Running;

namespace Cleaner.Benchmarks;

internal static class Program
{
    /// <summary>
    /// Whether the run is BenchmarkDotNet's dry job (<c>--job dry</c>, as <c>.ci/run</c> asks): a check
    /// that every benchmark runs, not a measurement, so benchmarks with jobs of their own leave them out
    /// and take small inputs.
    /// </summary>
    internal static bool DryRun { get; private set; }

    public static void Main(string[] args)
    {
        for (int i = 0; i + 1 < args.Length; i++)
        {
            DryRun |= args[i] is "--job" or "-j" && args[i + 1].Equals("dry", StringComparison.OrdinalIgnoreCase);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
