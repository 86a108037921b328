using System.Reflection;

namespace Cleaner.Tests;

/// <summary>Paths of the repository, passed in by MSBuild (no stack walking).</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Path.GetFullPath(
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value
        ?? throw new InvalidOperationException("RepoRoot metadata is missing."));

    public static string Corpus => Path.Combine(RepoRoot, "corpus");

    public static string Sample => Path.Combine(Corpus, "samples", "china-topix-xi-cyberattacks.txt");

    /// <summary>../shared/eval beside the checkout, when present (CI and developers; not a user's clone).</summary>
    public static string? Eval
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "eval"));
            return Directory.Exists(path) ? path : null;
        }
    }
}
