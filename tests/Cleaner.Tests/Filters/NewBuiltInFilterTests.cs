using System.Collections;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cleaner.Tests.Filters;

/// <summary>
/// A new built-in filter is one file plus one line, as the README's "Writing a filter" says: the
/// library's sources are compiled again with a filter file added and one line added to
/// <c>BuiltInFilters.cs</c>, and with nothing else changed the new filter runs in the default
/// pipeline and is one of the per-filter benchmarks' parameters (read from the benchmark class, as
/// BenchmarkDotNet reads it, without running a benchmark).
/// </summary>
public sealed class NewBuiltInFilterTests
{
    /// <summary>The new filter's file, as a contributor would write it.</summary>
    private const string ShoutingFilterFile = """
        namespace Cleaner.Filters;

        /// <summary>Removes lines that end with three exclamation marks.</summary>
        public sealed class ShoutingFilter : LineFilter
        {
            /// <inheritdoc />
            public override string Name => "shouting";

            /// <inheritdoc />
            public override string Description => "Removes lines that end with three exclamation marks.";

            /// <inheritdoc />
            protected override string? Judge(Block block) => block.Span.EndsWith("!!!") ? "ends with three exclamation marks" : null;
        }
        """;

    private static string Library => Path.Combine(TestPaths.RepoRoot, "src", "Cleaner");

    [Test]
    public void The_readme_names_the_filter_file_and_the_registry_line()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        int section = readme.IndexOf("### Writing a filter", StringComparison.Ordinal);
        Assert.That(section, Is.GreaterThan(0));
        var text = readme[section..readme.IndexOf("\n## ", section, StringComparison.Ordinal)];
        Assert.That(text, Does.Contain("`src/Cleaner/Filters/XyzFilter.cs`"));
        Assert.That(text, Does.Contain("one line in `src/Cleaner/Filters/BuiltInFilters.cs`"));
    }

    [Test]
    public void A_filter_file_and_one_registry_line_make_a_built_in_that_runs_by_default_and_is_benchmarked()
    {
        var sources = Directory.EnumerateFiles(Library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .ToDictionary(f => f, File.ReadAllText);
        var registry = Path.Combine(Library, "Filters", "BuiltInFilters.cs");
        var lines = sources[registry].Split('\n').ToList();
        int urls = lines.FindIndex(l => l.Trim() == "new UrlFilter(),");
        Assert.That(urls, Is.GreaterThan(0), "the registry lists UrlFilter on a line of its own");
        lines.Insert(urls, "        new ShoutingFilter(),");
        sources[registry] = string.Join('\n', lines);
        sources[Path.Combine(Library, "Filters", "ShoutingFilter.cs")] = ShoutingFilterFile;

        var cleanerImage = Compile("Cleaner", sources.Values, [], withRegexGenerator: true,
            resources: Directory.EnumerateFiles(Path.Combine(Library, "Resources"), "*.txt", SearchOption.AllDirectories));
        var benchmarks = Path.Combine(TestPaths.RepoRoot, "benchmarks", "Cleaner.Benchmarks");
        var benchmarkImage = Compile("Cleaner.Benchmarks",
            new[] { "FilterBenchmarks.cs", "Corpus.cs", "Columns.cs" }.Select(f => File.ReadAllText(Path.Combine(benchmarks, f))),
            [MetadataReference.CreateFromImage(cleanerImage)], withRegexGenerator: false, resources: []);

        var context2 = new Isolated(new Dictionary<string, byte[]> { ["Cleaner"] = cleanerImage, ["Cleaner.Benchmarks"] = benchmarkImage });
        try
        {
            var cleaner = context2.LoadFromAssemblyName(new AssemblyName("Cleaner"));
            var textCleaner = cleaner.GetType("Cleaner.TextCleaner", throwOnError: true)!;
            var name = cleaner.GetType("Cleaner.IBlockFilter", throwOnError: true)!.GetProperty("Name")!;
            var byDefault = textCleaner.GetProperty("Default")!.GetValue(null)!;
            var pipeline = ((IEnumerable)textCleaner.GetProperty("Filters")!.GetValue(byDefault)!).Cast<object>().Select(f => (string)name.GetValue(f)!).ToList();
            Assert.That(pipeline.Take(3), Is.EqualTo(new[] { "dom-hints", "shouting", "urls" }), "the default pipeline, where the line put it");

            var result = textCleaner.GetMethod("Clean", [typeof(string)])!.Invoke(byDefault,
                ["The council voted on Tuesday to approve a new park along the river, after a long debate.\nWe won!!!"])!;
            var removed = ((IEnumerable)result.GetType().GetProperty("Removed")!.GetValue(result)!).Cast<object>()
                .Select(r => (string)r.GetType().GetProperty("Filter")!.GetValue(r)! + ": " + (string)r.GetType().GetProperty("Text")!.GetValue(r)!);
            Assert.That(removed, Is.EqualTo(new[] { "shouting: We won!!!" }), "the default cleaner runs it");

            var benchmark = context2.LoadFromAssemblyName(new AssemblyName("Cleaner.Benchmarks")).GetType("Cleaner.Benchmarks.FilterBenchmarks", throwOnError: true)!;
            var parameter = benchmark.GetProperty("Filter")!.GetCustomAttributes().Single(a => a.GetType().Name == "ParamsSourceAttribute");
            var source = (string)parameter.GetType().GetProperty("Name")!.GetValue(parameter)!;
            var measured = ((IEnumerable<string>)benchmark.GetProperty(source, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).ToList();
            Assert.That(measured, Is.EqualTo(pipeline), "the per-filter benchmarks measure every filter of the pipeline");
            Assert.That(measured, Does.Contain("shouting"));
        }
        finally
        {
            context2.Unload();
        }
    }

    private static bool IsBuildOutput(string path)
    {
        var relative = Path.GetRelativePath(Library, path).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    /// <summary>Compiles sources as the SDK would for this repository (implicit usings, nullable, net10.0), or fails with the errors.</summary>
    private static byte[] Compile(string assemblyName, IEnumerable<string> sources, IEnumerable<MetadataReference> extra, bool withRegexGenerator, IEnumerable<string> resources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: ["NET", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER", "NET10_0", "RELEASE"]);
        const string ImplicitUsings = """
            global using System;
            global using System.Collections.Generic;
            global using System.IO;
            global using System.Linq;
            global using System.Net.Http;
            global using System.Threading;
            global using System.Threading.Tasks;
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Cleaner.Benchmarks")]
            """;
        var trees = sources.Append(ImplicitUsings).Select(s => CSharpSyntaxTree.ParseText(s, parse));
        var ours = new HashSet<string>(["Cleaner", "Cleaner.Batch", "Cleaner.Cli", "Cleaner.Benchmarks", "Cleaner.Tests"], StringComparer.Ordinal);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !ours.Contains(Path.GetFileNameWithoutExtension(p)))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Concat(extra);
        Compilation compilation = CSharpCompilation.Create(assemblyName, trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        if (withRegexGenerator)
        {
            var generator = new AnalyzerFileReference(RegexGenerator(), new AnalyzerLoader());
            CSharpGeneratorDriver.Create([.. generator.GetGenerators(LanguageNames.CSharp)], parseOptions: parse)
                .RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        }

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image, manifestResources: resources.Select(path =>
            new ResourceDescription("Cleaner.Resources." + Path.GetFileName(path), () => File.OpenRead(path), isPublic: true)));
        Assert.That(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()), Is.Empty, $"{assemblyName} compiles");
        return image.ToArray();
    }

    /// <summary>The SDK's regular-expression source generator, from the reference pack of the running runtime's version.</summary>
    private static string RegexGenerator()
    {
        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!); // <root>/shared/Microsoft.NETCore.App/<version>
        var packs = Path.Combine(runtime.Parent!.Parent!.Parent!.FullName, "packs", "Microsoft.NETCore.App.Ref");
        var found = Directory.Exists(packs)
            ? Directory.EnumerateDirectories(packs)
                .Where(d => Path.GetFileName(d).StartsWith(Environment.Version.Major + ".", StringComparison.Ordinal))
                .Select(d => Path.Combine(d, "analyzers", "dotnet", "cs", "System.Text.RegularExpressions.Generator.dll"))
                .Where(File.Exists)
                .Order(StringComparer.Ordinal)
                .LastOrDefault()
            : null;
        return found ?? throw new InvalidOperationException($"No regular-expression generator under {packs} (the test needs the .NET SDK).");
    }

    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    /// <summary>Loads the compiled images by name; everything else comes from the test's own context.</summary>
    private sealed class Isolated(IReadOnlyDictionary<string, byte[]> images) : AssemblyLoadContext(isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name is { } name && images.TryGetValue(name, out var image) ? LoadFromStream(new MemoryStream(image)) : null;
    }
}
