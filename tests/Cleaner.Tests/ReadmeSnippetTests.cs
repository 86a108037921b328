using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Cleaner.Tests;

/// <summary>
/// Every C# block of the README and of the packages' READMEs compiles and runs as it stands, with
/// nothing defined for it: a snippet that uses a variable it never defines, or an API that is gone,
/// fails here. Snippets run in a folder that holds the repository's <c>corpus/</c> and, as
/// <c>page.txt</c>, the sample article (the file the package README's example reads).
/// </summary>
public partial class ReadmeSnippetTests
{
    private static readonly string[] Files =
        ["README.md", Path.Combine("src", "Cleaner", "PACKAGE.md"), Path.Combine("src", "Cleaner.Batch", "PACKAGE.md"), Path.Combine("src", "Cleaner.Cli", "PACKAGE.md")];

    public static IEnumerable<TestCaseData> Snippets()
    {
        foreach (var file in Files)
        {
            var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, file)).Replace("\r\n", "\n", StringComparison.Ordinal);
            foreach (Match m in CSharpBlock().Matches(text))
            {
                int line = text.AsSpan(0, m.Index).Count('\n') + 2;
                yield return new TestCaseData(file, line, m.Groups[1].Value).SetArgDisplayNames($"{file.Replace('\\', '/')}:{line}");
            }
        }
    }

    [Test]
    public void The_readmes_have_csharp_snippets() =>
        Assert.That(Snippets().Count(s => (string)s.Arguments[0]! == "README.md"), Is.GreaterThanOrEqualTo(3));

    [TestCaseSource(nameof(Snippets))]
    public async Task Snippet_compiles_and_runs(string file, int line, string code)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cleaner-readme-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Directory.CreateSymbolicLink(Path.Combine(folder, "corpus"), TestPaths.Corpus);
        File.Copy(TestPaths.Sample, Path.Combine(folder, "page.txt"));
        var previousDirectory = Environment.CurrentDirectory;
        var previousOut = Console.Out;
        using var output = new StringWriter();
        try
        {
            Environment.CurrentDirectory = folder;
            Console.SetOut(output);
            var options = ScriptOptions.Default
                .AddReferences(typeof(TextCleaner).Assembly, typeof(AngleSharp.Dom.IDocument).Assembly, typeof(Cleaner.Batch.BatchPipeline).Assembly,
                    typeof(System.Text.Json.JsonSerializer).Assembly)
                .AddImports("System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Threading", "System.Threading.Tasks");
            await CSharpScript.RunAsync(code, options);
        }
        catch (CompilationErrorException e)
        {
            Assert.Fail($"{file}:{line}: the snippet does not compile:\n{string.Join("\n", e.Diagnostics)}");
        }
        finally
        {
            Console.SetOut(previousOut);
            Environment.CurrentDirectory = previousDirectory;
            Directory.Delete(folder, recursive: true);
        }

        var printed = output.ToString();
        if (code.Contains("\"Sponsored:\"", StringComparison.Ordinal))
        {
            // The quick-start example: the sample's article, then each removal with its filter and reason.
            Assert.That(printed, Does.Contain("President Xi Jinping on Tuesday told"));
            Assert.That(printed, Does.Contain("social: a social or sharing prompt: \"Like Us on Facebook\": Like Us on Facebook"));
        }

        if (code.Contains("SiteProfileBuilder", StringComparison.Ordinal))
        {
            Assert.That(printed, Does.Contain("site-boilerplate: on 4 of 4 pages of example.com: Example Gazette"));
        }

        if (code.Contains("BatchPipeline", StringComparison.Ordinal))
        {
            // The batch examples: every record cleaned, in order, and the counts.
            Assert.That(printed, Does.Match(@"in=([1-9][0-9]*) out=\1 errors=0 skipped=0"));
        }

        if (code.Contains("ShoutingFilter", StringComparison.Ordinal))
        {
            Assert.That(printed, Does.Not.Contain("!!!"));
            Assert.That(printed, Does.Contain("The council voted on Tuesday"));
        }
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}

/// <summary>The README's pipeline table names every built-in filter, in pipeline order.</summary>
public class ReadmeFilterTableTests
{
    [Test]
    public void The_pipeline_table_lists_every_built_in_filter_in_order()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "README.md"));
        int header = Array.FindIndex(lines, l => l.StartsWith("| filter | removes |", StringComparison.Ordinal));
        Assert.That(header, Is.GreaterThan(0), "the README has a pipeline table");
        var names = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|')[1].Trim().Trim('`')).ToList();
        Assert.That(names, Is.EqualTo(Cleaner.Filters.BuiltInFilters.CreateDefault().Select(f => f.Name).ToList()));
    }
}
