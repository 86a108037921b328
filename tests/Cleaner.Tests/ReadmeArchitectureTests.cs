using System.Text.RegularExpressions;

namespace Cleaner.Tests;

/// <summary>
/// The README's "How it fits together" walks from <c>TextCleaner</c> through the inputs, the model and
/// the pipeline to the result: it names every folder of the library, and every file it names is there.
/// </summary>
public sealed partial class ReadmeArchitectureTests
{
    private static string Library => Path.Combine(TestPaths.RepoRoot, "src", "Cleaner");

    private static string Section()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = readme.IndexOf("### How it fits together\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0));
        return readme[start..readme.IndexOf("\n### ", start + 1, StringComparison.Ordinal)];
    }

    [Test]
    public void It_walks_from_the_entry_through_the_inputs_the_model_and_the_pipeline_to_the_result()
    {
        var section = Section();
        var stops = new[] { "**The entry**", "**The inputs**", "**The model**", "**The pipeline**", "**The result**" }
            .Select(stop => section.IndexOf(stop, StringComparison.Ordinal)).ToList();
        Assert.That(stops, Has.None.EqualTo(-1));
        Assert.That(stops, Is.Ordered);
        Assert.That(section, Does.Contain("`TextCleaner`").And.Contain("`CleanResult"));
    }

    [Test]
    public void It_names_every_folder_of_the_library()
    {
        var section = Section();
        var folders = Directory.EnumerateDirectories(Library, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(Library, d).Replace('\\', '/'))
            .Where(d => !d.StartsWith("bin", StringComparison.Ordinal) && !d.StartsWith("obj", StringComparison.Ordinal));
        Assert.That(folders.Where(d => !section.Contains($"`{d}/", StringComparison.Ordinal)), Is.Empty, "folders the section does not name");
    }

    [Test]
    public void Every_file_it_names_is_there()
    {
        var named = FileName().Matches(Section()).Select(m => m.Groups[1].Value).ToList();
        Assert.That(named, Is.Not.Empty);
        Assert.That(named.Where(f => !File.Exists(Path.Combine(Library, f)) && !File.Exists(Path.Combine(TestPaths.RepoRoot, f))), Is.Empty, "files named but missing");
    }

    [GeneratedRegex(@"`((?:[A-Za-z.]+/)*[A-Za-z.]+\.cs)`")]
    private static partial Regex FileName();
}
