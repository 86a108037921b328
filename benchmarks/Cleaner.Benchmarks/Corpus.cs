namespace Cleaner.Benchmarks;

/// <summary>The kind of corpus input a benchmark class reads, for the per-MB columns.</summary>
public enum CorpusKind
{
    /// <summary>The text inputs, <c>corpus/**/&lt;case&gt;.txt</c>.</summary>
    Text,

    /// <summary>The HTML inputs, <c>corpus/**/&lt;case&gt;.html</c>.</summary>
    Html,
}

/// <summary>Names the corpus inputs one operation of the benchmark class processes (all of them, once), so the MB/s and allocation columns know the input size.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CorpusInputAttribute(CorpusKind kind) : Attribute
{
    /// <summary>The inputs.</summary>
    public CorpusKind Kind { get; } = kind;
}

/// <summary>The corpus inputs copied next to the benchmarks (see the csproj).</summary>
public static class Corpus
{
    /// <summary>The folder of the copied corpus.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "corpus");

    /// <summary>The input files of a kind, in a stable order: <c>&lt;case&gt;.txt</c> (never a baseline or expectation file) or <c>&lt;case&gt;.html</c>.</summary>
    public static string[] Files(CorpusKind kind)
    {
        var files = kind == CorpusKind.Text
            ? Directory.EnumerateFiles(Root, "*.txt", SearchOption.AllDirectories).Where(IsTextInput)
            : Directory.EnumerateFiles(Root, "*.html", SearchOption.AllDirectories);
        var result = files.Order(StringComparer.Ordinal).ToArray();
        return result.Length > 0 ? result : throw new InvalidOperationException($"No {kind} input found under {Root}.");
    }

    /// <summary>The contents of the input files of a kind.</summary>
    public static string[] Read(CorpusKind kind) => [.. Files(kind).Select(File.ReadAllText)];

    /// <summary>The size of the inputs of a kind in UTF-8 bytes (as stored).</summary>
    public static long Bytes(CorpusKind kind) => Files(kind).Sum(f => new FileInfo(f).Length);

    /// <summary>A line-by-line description of the inputs, for the log.</summary>
    public static string Describe(CorpusKind kind)
    {
        var files = Files(kind);
        long chars = files.Sum(f => (long)File.ReadAllText(f).Length);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{kind} corpus: {files.Length} files, {Bytes(kind) / 1e6:0.000} MB UTF-8, {chars:N0} chars");
    }

    private static bool IsTextInput(string path)
    {
        var name = Path.GetFileName(path);
        return !name.EndsWith(".verified.txt", StringComparison.Ordinal)
            && !name.EndsWith(".received.txt", StringComparison.Ordinal)
            && !name.EndsWith(".expect.txt", StringComparison.Ordinal);
    }
}
