namespace Cleaner.Tests.Filters;

/// <summary>Runs one filter alone (or after the title filter) over lines of text.</summary>
internal static class FilterTestKit
{
    /// <summary>A paragraph of ordinary prose to surround test lines with.</summary>
    public const string Prose =
        "The committee met on Tuesday to discuss the budget, and its members agreed that the plan would need more work before the vote.";

    public static CleanResult Run(IBlockFilter filter, params string[] lines) =>
        TextCleaner.CreateBuilder().Clear().Add(filter).Build().Clean(string.Join("\n", lines));

    public static CleanResult RunWithTitle(IBlockFilter filter, params string[] lines) =>
        TextCleaner.CreateBuilder().Clear().Add(new Cleaner.Filters.TitleFilter()).Add(filter).Build().Clean(string.Join("\n", lines));

    public static void AssertRemoved(CleanResult result, string line, string filter)
    {
        var block = result.Blocks.Single(b => b.Text == line);
        Assert.That(block.IsRemoved, Is.True, $"expected '{line}' to be removed");
        Assert.That(block.Filter, Is.EqualTo(filter));
        Assert.That(block.Reason, Is.Not.Empty);
    }

    public static void AssertKept(CleanResult result, string line)
    {
        var blocks = result.Blocks.Where(b => b.Text == line).ToList();
        Assert.That(blocks, Is.Not.Empty, $"no block '{line}'");
        foreach (var block in blocks)
        {
            Assert.That(block.IsRemoved, Is.False, $"expected '{line}' to stay, but {block.Filter} removed it: {block.Reason}");
        }
    }

    public static void RemovesAlone(IBlockFilter filter, string line)
    {
        var result = Run(filter, Prose, line, Prose);
        AssertRemoved(result, line, filter.Name);
    }

    public static void KeepsAlone(IBlockFilter filter, string line)
    {
        var result = Run(filter, Prose, line, Prose);
        AssertKept(result, line);
    }
}
