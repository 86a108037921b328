using System.Reflection;
using System.Text;
using Cleaner.Tests.Snapshots;

namespace Cleaner.Tests;

/// <summary>
/// The public API of each package's library, listed by reflection and pinned in
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
        var listing = new StringBuilder();
        var types = Libraries[project].GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            listing.Append(Kind(type)).Append(' ').Append(type.FullName).Append('\n');
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && !IsCompilerNoise(m))
                .Select(Describe)
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                listing.Append("  ").Append(member).Append('\n');
            }
        }

        Snapshot.Verify(Path.Combine(TestPaths.RepoRoot, "src", project, "PublicAPI"), listing.ToString());
    }

    [TestCase("Cleaner")]
    [TestCase("Cleaner.Batch")]
    public void Every_public_member_has_xml_docs(string project)
    {
        var xml = Path.ChangeExtension(Libraries[project].Location, ".xml");
        Assert.That(File.Exists(xml), Is.True, "the library must generate its XML documentation file");
    }

    private static bool IsCompilerNoise(MemberInfo m) =>
        m.Name is "Equals" or "GetHashCode" or "ToString" or "<Clone>$" or "EqualityContract" or "Deconstruct"
        || (m.DeclaringType?.IsEnum == true && m.Name == "value__");

    private static string Kind(Type t) =>
        t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct" : t.IsAbstract && t.IsSealed ? "static class" : t.IsAbstract ? "abstract class" : t.IsSealed ? "sealed class" : "class";

    private static string Describe(MemberInfo m) => m switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo mi => $"{(mi.IsStatic ? "static " : string.Empty)}{Name(mi.ReturnType)} {mi.Name}{Generic(mi)}({Parameters(mi)})",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : string.Empty)}{(p.SetMethod?.IsPublic == true ? "set; " : string.Empty)}}}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{Name(f.FieldType)} {f.Name}",
        EventInfo e => $"event {e.Name}",
        Type nested => $"nested {nested.Name}",
        _ => m.Name,
    };

    private static string Generic(MethodInfo m) =>
        m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(MethodBase m) => string.Join(", ", m.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}"));

    private static string Name(Type t) => t.IsGenericType
        ? $"{t.Name[..t.Name.IndexOf('`')]}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>"
        : t.Name;
}
