// The README's (and the library package README's) library example is this file's example, line for line: a test checks they agree, so
// the README cannot show code that does not compile or run.
using Cleaner;

namespace Cleaner.Tests;

public class ReadmeExampleTests
{
    [Test]
    public void Readme_example_compiles_runs_and_matches_the_readme()
    {
        var scrapedText = File.ReadAllText(TestPaths.Sample);
        using var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            // README-EXAMPLE-START
            var cleaner = TextCleaner.CreateBuilder()
                .RemoveLines(b => b.Text.StartsWith("Sponsored:"), "sponsored", "a sponsored line")
                .Build();
            CleanResult result = cleaner.Clean(scrapedText);
            Console.WriteLine(result.Text);
            foreach (var r in result.Removed) Console.WriteLine($"{r.Filter}: {r.Reason}: {r.Text}");
            // README-EXAMPLE-END
        }
        finally
        {
            Console.SetOut(previous);
        }

        Assert.That(output.ToString(), Does.Contain("social: a social or sharing prompt: \"Like Us on Facebook\": Like Us on Facebook"));

        var source = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "tests", "Cleaner.Tests", "ReadmeExampleTests.cs"));
        int start = Array.FindIndex(source, l => l.Contains("README-EXAMPLE-START", StringComparison.Ordinal)) + 1;
        int end = Array.FindIndex(source, l => l.Contains("README-EXAMPLE-END", StringComparison.Ordinal));
        var example = source[start..end].Select(l => l.Trim());
        foreach (var file in new[] { "README.md", Path.Combine("src", "Cleaner", "PACKAGE.md") })
        {
            var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, file));
            foreach (var line in example)
            {
                Assert.That(readme, Does.Contain(line), $"{file} must show the example exactly as the test runs it");
            }
        }
    }
}
