using System.Text;

namespace Cleaner.Tests.Snapshots;

/// <summary>
/// One corpus case: an input file <c>corpus/&lt;group&gt;/&lt;name&gt;.&lt;ext&gt;</c> with its baselines
/// <c>&lt;name&gt;.verified.txt</c> (cleaned text) and <c>&lt;name&gt;.removals.verified.txt</c> (removals
/// report), and optional expectations <c>&lt;name&gt;.expect.txt</c>.
/// </summary>
/// <param name="Group">The folder under the corpus root, with forward slashes.</param>
/// <param name="Name">The input's file name without its extension.</param>
/// <param name="InputPath">The input file.</param>
/// <param name="Clean">The cleaning function registered for the input's extension.</param>
internal sealed record CorpusCase(string Group, string Name, string InputPath, Func<string, CleanResult> Clean)
{
    /// <summary>The test name: group/name.</summary>
    public string Id => Group + "/" + Name;

    /// <summary>The cleaned text's snapshot path, without <c>.verified.txt</c>.</summary>
    public string TextSnapshot => Path.Combine(Path.GetDirectoryName(InputPath)!, Name);

    /// <summary>The removals report's snapshot path, without <c>.verified.txt</c>.</summary>
    public string RemovalsSnapshot => TextSnapshot + SnapshotCorpus.RemovalsInfix;

    /// <summary>The expectations file (may not exist).</summary>
    public string ExpectPath => TextSnapshot + SnapshotCorpus.ExpectSuffix;
}

/// <summary>What <see cref="SnapshotCorpus.Sweep"/> found (and deleted when accepting).</summary>
/// <param name="StaleBaselines">Verified files whose input is gone (deleted when accepting).</param>
/// <param name="ReceivedFiles">Received files left over (deleted when accepting).</param>
/// <param name="OrphanExpectations">Expectation files without an input (never deleted: they are hand-written).</param>
internal sealed record SweepResult(IReadOnlyList<string> StaleBaselines, IReadOnlyList<string> ReceivedFiles, IReadOnlyList<string> OrphanExpectations);

/// <summary>
/// The snapshot corpus: enumerates cases by input extension (each extension mapped to a cleaning
/// function), renders the removals report, checks expectations and sweeps stale files.
/// </summary>
internal sealed class SnapshotCorpus
{
    /// <summary>Between a case name and <c>.verified.txt</c> for the removals report.</summary>
    public const string RemovalsInfix = ".removals";

    /// <summary>The suffix of a case's expectations file.</summary>
    public const string ExpectSuffix = ".expect.txt";

    private readonly IReadOnlyDictionary<string, Func<string, CleanResult>> _cleaners;

    /// <param name="root">The corpus folder.</param>
    /// <param name="cleaners">Input extension (with the dot, e.g. <c>.txt</c>) to the function that cleans such an input's content.</param>
    public SnapshotCorpus(string root, IReadOnlyDictionary<string, Func<string, CleanResult>> cleaners)
    {
        Root = Path.GetFullPath(root);
        _cleaners = cleaners;
    }

    /// <summary>The corpus folder.</summary>
    public string Root { get; }

    /// <summary>Whether a file is a snapshot or expectations file rather than an input.</summary>
    public static bool IsArtifact(string fileName) =>
        fileName.EndsWith(Snapshot.VerifiedSuffix, StringComparison.Ordinal)
        || fileName.EndsWith(Snapshot.ReceivedSuffix, StringComparison.Ordinal)
        || fileName.EndsWith(ExpectSuffix, StringComparison.Ordinal);

    /// <summary>Every input whose extension has a cleaning function, in ordinal path order.</summary>
    public IReadOnlyList<CorpusCase> Cases()
    {
        var cases = new List<CorpusCase>();
        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string fileName = Path.GetFileName(path);
            if (IsArtifact(fileName) || !_cleaners.TryGetValue(Path.GetExtension(fileName), out var clean))
            {
                continue;
            }

            string group = Path.GetRelativePath(Root, Path.GetDirectoryName(path)!).Replace('\\', '/');
            cases.Add(new CorpusCase(group, Path.GetFileNameWithoutExtension(fileName), path, clean));
        }

        return cases;
    }

    /// <summary>The case whose input is <paramref name="relativeInput"/> (forward slashes, relative to the root).</summary>
    public CorpusCase Case(string relativeInput) =>
        Cases().Single(c => Path.GetRelativePath(Root, c.InputPath).Replace('\\', '/') == relativeInput);

    /// <summary>
    /// Finds verified files whose case has no input, received files, and expectation files without an
    /// input. When <paramref name="accept"/> is set the first two are deleted.
    /// </summary>
    public SweepResult Sweep(bool accept)
    {
        var inputs = Cases().Select(c => c.TextSnapshot).ToHashSet(StringComparer.Ordinal);
        var stale = new List<string>();
        var received = new List<string>();
        var orphans = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (path.EndsWith(Snapshot.VerifiedSuffix, StringComparison.Ordinal))
            {
                if (!inputs.Contains(CaseOf(path, Snapshot.VerifiedSuffix)))
                {
                    stale.Add(path);
                }
            }
            else if (path.EndsWith(Snapshot.ReceivedSuffix, StringComparison.Ordinal))
            {
                received.Add(path);
            }
            else if (path.EndsWith(ExpectSuffix, StringComparison.Ordinal) && !inputs.Contains(path[..^ExpectSuffix.Length]))
            {
                orphans.Add(path);
            }
        }

        if (accept)
        {
            stale.Concat(received).ToList().ForEach(File.Delete);
        }

        return new SweepResult(stale, received, orphans);

        static string CaseOf(string path, string suffix)
        {
            string basePath = path[..^suffix.Length];
            return basePath.EndsWith(RemovalsInfix, StringComparison.Ordinal) ? basePath[..^RemovalsInfix.Length] : basePath;
        }
    }

    /// <summary>The removals report: one line per removed block, <c>filter&lt;TAB&gt;reason&lt;TAB&gt;text</c>.</summary>
    public static string RemovalsReport(CleanResult result)
    {
        var report = new StringBuilder();
        foreach (var removal in result.Removed)
        {
            report.Append(Escape(removal.Filter)).Append('\t')
                .Append(Escape(removal.Reason)).Append('\t')
                .Append(Escape(removal.Text)).Append('\n');
        }

        return report.ToString();

        static string Escape(string field) =>
            field.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("\t", "\\t", StringComparison.Ordinal)
                .Replace("\r", "\\r", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// Checks an expectations file against a cleaning result. Lines are <c>keep: snippet</c> (the
    /// snippet is in the cleaned text) or <c>remove: snippet</c> (the snippet is in the input but not in
    /// the cleaned text). A snippet that starts with <c>=</c> is a whole line (<c>remove: =Home</c>
    /// matches the line "Home", not "Homes for sale"). Blank lines and lines starting with <c>#</c> are ignored.
    /// </summary>
    /// <returns>One message per expectation that does not hold (empty when all hold).</returns>
    public static IReadOnlyList<string> CheckExpectations(string expectations, string input, CleanResult result)
    {
        var failures = new List<string>();
        int lineNumber = 0;
        foreach (var raw in expectations.ReplaceLineEndings("\n").Split('\n'))
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string verb = colon < 0 ? line : line[..colon].Trim();
            string snippet = colon < 0 ? "" : line[(colon + 1)..].Trim();
            string where = $"line {lineNumber} '{line}'";
            if (snippet.Length == 0 || (verb != "keep" && verb != "remove"))
            {
                failures.Add($"{where}: expected 'keep: snippet' or 'remove: snippet'");
            }
            else if (!Matches(input, snippet))
            {
                failures.Add($"{where}: the snippet is not in the input (a typo?)");
            }
            else if (verb == "keep" && !Matches(result.Text, snippet))
            {
                var removal = result.Removed.FirstOrDefault(r => Matches(r.Text, snippet));
                failures.Add(removal is null
                    ? $"{where}: not in the cleaned text"
                    : $"{where}: removed by {removal.Filter} ({removal.Reason})");
            }
            else if (verb == "remove" && Matches(result.Text, snippet))
            {
                failures.Add($"{where}: still in the cleaned text");
            }
        }

        return failures;

        // "=line" matches a whole (trimmed) line; anything else is a substring.
        static bool Matches(string text, string snippet) =>
            snippet.StartsWith('=') && snippet.Length > 1
                ? text.ReplaceLineEndings("\n").Split('\n').Any(l => l.Trim() == snippet[1..])
                : text.Contains(snippet, StringComparison.Ordinal);
    }
}
