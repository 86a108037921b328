using System.Reflection;
using PublicApiGenerator;
using Cleaner.Tests.Snapshots;

namespace Cleaner.Tests;

/// <summary>
/// The public API of each package's library as C# declarations (PublicApiGenerator: protected
/// members, nullability, <c>init</c> accessors, defaults and generic constraints included), pinned in
/// src/&lt;project&gt;/PublicAPI.verified.txt, so that every change to it shows in review (accept with
/// CLEANER_ACCEPT=1 dotnet test).
/// </summary>
public class PublicApiTests
{
    private static readonly Dictionary<string, Assembly> Libraries = new(StringComparer.Ordinal)
    {
        ["Cleaner"] = typeof(TextCleaner).Assembly,
        ["Cleaner.Batch"] = typeof(Cleaner.Batch.BatchPipeline).Assembly,
    };

    [TestCase("Cleaner")]
    [TestCase("Cleaner.Batch")]
    public void Public_api_matches_the_pinned_listing(string project)
    {
        var api = Libraries[project].GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
        });
        Snapshot.Verify(Path.Combine(TestPaths.RepoRoot, "src", project, "PublicAPI"), api.ReplaceLineEndings("\n") + "\n");
    }

    [TestCase("Cleaner")]
    [TestCase("Cleaner.Batch")]
    public void Every_public_member_has_xml_docs(string project)
    {
        var xml = Path.ChangeExtension(Libraries[project].Location, ".xml");
        Assert.That(File.Exists(xml), Is.True, "the library must generate its XML documentation file");
    }
}
