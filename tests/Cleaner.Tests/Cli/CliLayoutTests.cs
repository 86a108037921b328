using System.Reflection;
using Cleaner.Batch;
using Cleaner.Cli.Commands;

namespace Cleaner.Tests.Cli;

/// <summary>
/// The rooms of the CLI and of the batch library: which namespace uses which, read from the compiled
/// assemblies (signatures, fields, base types and every type, method and field token in method
/// bodies, lambdas included).
/// </summary>
public sealed class CliLayoutTests
{
    private static readonly Assembly Cli = typeof(BatchCommand).Assembly;

    private static readonly Assembly Batch = typeof(BatchPipeline).Assembly;

    [Test]
    public void TheBatchLibraryDoesNotUseTheCommandLine()
    {
        Assert.That(Batch.GetReferencedAssemblies().Select(a => a.Name), Does.Not.Contain(Cli.GetName().Name));
        var uses = NamespaceUses(Batch);
        Assert.That(uses.Keys, Does.Contain("Cleaner.Batch").And.Contain("Cleaner.Batch.Streams"));
        foreach (var (from, to) in uses)
        {
            Assert.That(to.Where(n => n.StartsWith("Cleaner.Cli", StringComparison.Ordinal)), Is.Empty, $"{from} uses the command line");
        }
    }

    [Test]
    public void TheCommandLineHoldsNoBatchCodeOfItsOwn()
    {
        // The readers and the pipeline live in Cleaner.Batch; the CLI only parses options and writes results.
        Assert.That(Cli.GetTypes().Select(t => t.Namespace).Where(n => n?.StartsWith("Cleaner.Cli.Batch", StringComparison.Ordinal) == true), Is.Empty);
        string[] moved = ["RecordReader", "RecordProcessor", "GzipMemberStream", "InputStreams", "JsonlFormat", "WarcFormat", "HttpResponse", "RecordBuffer", "ByteBudget", "DocumentJson", "StatusNames"];
        Assert.That(Cli.GetTypes().Select(t => t.Name).Intersect(moved), Is.Empty);
    }

    [Test]
    public void InputsAndOutputUseNeitherTheCommandsNorTheBatch()
    {
        var uses = NamespaceUses(Cli);
        foreach (var from in new[] { "Cleaner.Cli.Inputs", "Cleaner.Cli.Output" })
        {
            Assert.That(uses[from].Where(n => n is "Cleaner.Cli" or "Cleaner.Cli.Commands"), Is.Empty, from);
        }
    }

    [TestCase("Cleaner.Cli")]
    [TestCase("Cleaner.Batch")]
    public void NoNamespaceCycles(string assembly) =>
        Assert.That(NamespaceGraph.FirstCycle(NamespaceUses(assembly == "Cleaner.Cli" ? Cli : Batch)), Is.Null, "reaches itself through the namespaces it uses");

    /// <summary>For each namespace of an assembly, the other namespaces of it that its types use.</summary>
    private static Dictionary<string, HashSet<string>> NamespaceUses(Assembly assembly) => NamespaceGraph.Uses(assembly);
}
