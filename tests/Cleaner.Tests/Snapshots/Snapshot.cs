// Verify-style snapshot files, kept to this one file so that moving to Verify.NUnit (not in the
// reachable NuGet registry today) replaces only this file: `<name>.verified.txt` is the committed
// baseline, `<name>.received.txt` is written on a mismatch (git-ignored via `*.received.*`), and
// accepting (`CLEANER_ACCEPT=1`, like Verify's AutoVerify) writes the received text as the baseline.
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Cleaner.Tests.Snapshots;

/// <summary>What <see cref="Snapshot.Compare"/> found and did.</summary>
internal enum SnapshotStatus
{
    /// <summary>The baseline equals the received text.</summary>
    Matched,

    /// <summary>No baseline; the received file was written.</summary>
    Missing,

    /// <summary>The baseline differs; the received file was written.</summary>
    Mismatch,

    /// <summary>No baseline; accepting created it.</summary>
    Created,

    /// <summary>The baseline differed; accepting rewrote it.</summary>
    Accepted,
}

/// <summary>The outcome of comparing one snapshot.</summary>
/// <param name="Status">What was found and done.</param>
/// <param name="VerifiedPath">The baseline file.</param>
/// <param name="ReceivedPath">The file written on a mismatch.</param>
/// <param name="Diff">A +/- diff of baseline to received text, empty when they match or there is no baseline.</param>
internal sealed record SnapshotResult(SnapshotStatus Status, string VerifiedPath, string ReceivedPath, string Diff)
{
    /// <summary>True when the snapshot fails the test (a mismatch, or no baseline while not accepting).</summary>
    public bool Failed => Status is SnapshotStatus.Missing or SnapshotStatus.Mismatch;

    /// <summary>A message for a failing test: what to look at and how to accept.</summary>
    public string Describe() => Status switch
    {
        SnapshotStatus.Missing =>
            $"No baseline {Snapshot.Relative(VerifiedPath)}; wrote {Snapshot.Relative(ReceivedPath)}. "
            + $"Review it, then accept with {Snapshot.AcceptVariable}=1 dotnet test.",
        SnapshotStatus.Mismatch =>
            $"{Snapshot.Relative(VerifiedPath)} differs (- baseline, + received); wrote {Snapshot.Relative(ReceivedPath)}. "
            + $"Accept with {Snapshot.AcceptVariable}=1 dotnet test.\n{Diff}",
        _ => $"{Snapshot.Relative(VerifiedPath)}: {Status}",
    };
}

/// <summary>Compares text with a committed <c>.verified.txt</c> baseline, Verify's way.</summary>
internal static class Snapshot
{
    /// <summary>The environment variable that accepts every received snapshot (<c>1</c> or <c>true</c>).</summary>
    public const string AcceptVariable = "CLEANER_ACCEPT";

    /// <summary>The suffix of a committed baseline.</summary>
    public const string VerifiedSuffix = ".verified.txt";

    /// <summary>The suffix of a file written on a mismatch.</summary>
    public const string ReceivedSuffix = ".received.txt";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Whether this run accepts received snapshots (<c>CLEANER_ACCEPT=1</c>).</summary>
    public static bool AcceptFromEnvironment =>
        Environment.GetEnvironmentVariable(AcceptVariable) is { } value
        && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>Compares <paramref name="received"/> with <c>{basePath}.verified.txt</c> and asserts.</summary>
    /// <param name="basePath">The snapshot's path without the <c>.verified.txt</c> suffix.</param>
    /// <param name="received">The text the code under test produced.</param>
    public static void Verify(string basePath, string received)
    {
        var result = Compare(basePath, received, AcceptFromEnvironment);
        if (result.Failed)
        {
            Assert.Fail(result.Describe());
        }
    }

    /// <summary>
    /// Compares <paramref name="received"/> with <c>{basePath}.verified.txt</c>. On a mismatch or a
    /// missing baseline it writes <c>{basePath}.received.txt</c>, unless <paramref name="accept"/>, which
    /// writes the baseline instead. A leftover received file is deleted whenever the baseline ends up equal.
    /// Line endings are normalised to LF and a non-empty snapshot ends with one newline.
    /// </summary>
    public static SnapshotResult Compare(string basePath, string received, bool accept)
    {
        string verifiedPath = basePath + VerifiedSuffix;
        string receivedPath = basePath + ReceivedSuffix;
        string actual = Normalize(received);
        string? expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath, Encoding.UTF8)) : null;

        SnapshotStatus status;
        string diff = "";
        if (expected == actual)
        {
            status = SnapshotStatus.Matched;
        }
        else if (accept)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(verifiedPath))!);
            File.WriteAllText(verifiedPath, actual, Utf8NoBom);
            status = expected is null ? SnapshotStatus.Created : SnapshotStatus.Accepted;
        }
        else
        {
            File.WriteAllText(receivedPath, actual, Utf8NoBom);
            status = expected is null ? SnapshotStatus.Missing : SnapshotStatus.Mismatch;
            diff = expected is null ? "" : Diff(expected, actual);
            return new SnapshotResult(status, verifiedPath, receivedPath, diff);
        }

        File.Delete(receivedPath);
        return new SnapshotResult(status, verifiedPath, receivedPath, diff);
    }

    /// <summary>LF line endings, and exactly one final newline unless the text is empty.</summary>
    public static string Normalize(string text)
    {
        string lf = text.ReplaceLineEndings("\n").TrimEnd('\n');
        return lf.Length == 0 ? "" : lf + "\n";
    }

    /// <summary>
    /// A line diff of <paramref name="expected"/> to <paramref name="actual"/>: changed lines prefixed
    /// with <c>-</c> (baseline) or <c>+</c> (received), with <paramref name="context"/> unchanged lines
    /// around each change, hunks separated by <c>@@ line N</c>, at most <paramref name="maxLines"/> lines.
    /// </summary>
    public static string Diff(string expected, string actual, int context = 2, int maxLines = 200)
    {
        var lines = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false, ignoreCase: false).Lines;
        var show = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type != ChangeType.Unchanged)
            {
                for (int j = Math.Max(0, i - context); j <= Math.Min(lines.Count - 1, i + context); j++)
                {
                    show[j] = true;
                }
            }
        }

        var output = new StringBuilder();
        int written = 0;
        int baselineLine = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Type != ChangeType.Inserted)
            {
                baselineLine++;
            }

            if (!show[i])
            {
                continue;
            }

            if (i == 0 || !show[i - 1])
            {
                output.Append("@@ line ").Append(baselineLine).Append('\n');
            }

            if (++written > maxLines)
            {
                output.Append("... (diff truncated; compare the .received.txt file)\n");
                break;
            }

            string prefix = line.Type switch
            {
                ChangeType.Deleted => "- ",
                ChangeType.Inserted => "+ ",
                _ => "  ",
            };
            output.Append(prefix).Append(line.Text).Append('\n');
        }

        return output.ToString();
    }

    /// <summary>A path relative to the repository when it lies inside it, for short messages.</summary>
    internal static string Relative(string path)
    {
        string relative = Path.GetRelativePath(TestPaths.RepoRoot, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }
}
