using PublicApiGenerator;
using Cleaner.Tests.Snapshots;

namespace Cleaner.Tests;

/// <summary>
/// The library's public API as C# declarations (PublicApiGenerator: protected members, nullability,
/// <c>init</c> accessors, defaults and generic constraints included), pinned in
/// src/Cleaner/PublicAPI.verified.txt, so that every change to it shows in review (accept with
/// CLEANER_ACCEPT=1 dotnet test).
/// </summary>
public class PublicApiTests
{
    [Test]
    public void Public_api_matches_the_pinned_listing()
    {
        var api = typeof(TextCleaner).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
        });
        Snapshot.Verify(Path.Combine(TestPaths.RepoRoot, "src", "Cleaner", "PublicAPI"), api.ReplaceLineEndings("\n") + "\n");
    }

    [Test]
    public void Every_public_member_has_xml_docs()
    {
        var xml = Path.ChangeExtension(typeof(TextCleaner).Assembly.Location, ".xml");
        Assert.That(File.Exists(xml), Is.True, "the library must generate its XML documentation file");
    }
}
