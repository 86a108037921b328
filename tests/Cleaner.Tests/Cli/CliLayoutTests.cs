using System.Reflection;
using Cleaner.Cli.Batch;

namespace Cleaner.Tests.Cli;

/// <summary>
/// The rooms of the CLI: which namespace uses which, read from the compiled assembly (signatures,
/// fields, base types and every type, method and field token in method bodies, lambdas included).
/// </summary>
public sealed class CliLayoutTests
{
    private static readonly Assembly Cli = typeof(BatchRunner).Assembly;

    [Test]
    public void BatchCodeDoesNotUseTheCommandLine()
    {
        var uses = NamespaceUses();
        var batch = uses.Where(u => u.Key.StartsWith("Cleaner.Cli.Batch", StringComparison.Ordinal)).ToList();
        Assert.That(batch, Is.Not.Empty);
        foreach (var (from, to) in batch)
        {
            Assert.That(to.Where(n => n is "Cleaner.Cli" or "Cleaner.Cli.Commands" or "Cleaner.Cli.Eval"), Is.Empty, $"{from} uses the command line");
        }
    }

    [Test]
    public void InputsAndOutputUseNeitherTheCommandsNorTheBatch()
    {
        var uses = NamespaceUses();
        foreach (var from in new[] { "Cleaner.Cli.Inputs", "Cleaner.Cli.Output" })
        {
            Assert.That(uses[from].Where(n => n is "Cleaner.Cli" or "Cleaner.Cli.Commands" || n.StartsWith("Cleaner.Cli.Batch", StringComparison.Ordinal)), Is.Empty, from);
        }
    }

    [Test]
    public void NoNamespaceCycles() => Assert.That(NamespaceGraph.FirstCycle(NamespaceUses()), Is.Null, "reaches itself through the namespaces it uses");

    private static Dictionary<string, HashSet<string>> NamespaceUses() => NamespaceGraph.Uses(Cli);
}
