using Cleaner.Benchmarks;
using Cleaner.Filters;

namespace Cleaner.Tests.Filters;

/// <summary>
/// A filter is added in its own file plus one line of <see cref="BuiltInFilters"/> (README, "Writing
/// a filter"): every filter class is in that list, and from there it reaches the default pipeline
/// and the per-filter benchmarks' parameters.
/// </summary>
public sealed class FilterRegistryTests
{
    private sealed class ShoutingFilter : LineFilter
    {
        public override string Name => "shouting";

        public override string Description => "Removes lines that end with three exclamation marks.";

        protected override string? Judge(Block block) => block.Span.EndsWith("!!!") ? "ends with three exclamation marks" : null;
    }

    [Test]
    public void Every_filter_class_is_registered_once()
    {
        var types = typeof(BuiltInFilters).Assembly.GetTypes();
        var classes = types
            .Where(t => t is { IsPublic: true, IsAbstract: false, Namespace: "Cleaner.Filters" } && typeof(IBlockFilter).IsAssignableFrom(t))
            .Where(t => !types.Any(other => other.BaseType == t)) // a base such as PhraseFilter is not a filter of its own
            .Select(t => t.Name)
            .Order()
            .ToList();
        Assert.That(classes, Is.Not.Empty);
        Assert.That(BuiltInFilters.CreateDefault().Select(f => f.GetType().Name).Order(), Is.EqualTo(classes));
    }

    [Test]
    public void The_registry_is_the_default_pipeline_and_the_benchmarks_parameters()
    {
        var names = BuiltInFilters.CreateDefault().Select(f => f.Name).ToList();
        Assert.That(TextCleaner.Default.Filters.Select(f => f.Name), Is.EqualTo(names));
        Assert.That(FilterBenchmarks.Filters, Is.EqualTo(names));
    }

    [Test]
    public void A_filter_added_as_the_readme_says_runs_in_the_default_pipeline_under_its_own_name()
    {
        var added = TextCleaner.CreateBuilder().Add(new ShoutingFilter()).Build();
        Assert.That(added.Filters.Select(f => f.Name).TakeLast(2), Is.EqualTo(new[] { "shouting", "rescue" }), "before the final stage");
        var inserted = TextCleaner.CreateBuilder().InsertBefore<HeadTailFilter>(new ShoutingFilter()).Build();
        var result = inserted.Clean("Hello there!!!\nThe council voted on Tuesday to approve a new park along the river, after a long debate.");
        Assert.That(result.Removed.Single(), Is.EqualTo(new Removal(0, "Hello there!!!", "shouting", "ends with three exclamation marks")));
    }

    [Test]
    public void Verdicts_are_final_once_the_filters_have_run()
    {
        var result = TextCleaner.Default.Clean("Hello there\nThe council voted on Tuesday to approve a new park along the river.");
        var block = result.Blocks[0];
        Assert.Throws<InvalidOperationException>(() => block.Remove("too late"));
        Assert.Throws<InvalidOperationException>(() => block.Keep("too late"));
        Assert.That(result.Removed, Has.Count.EqualTo(result.Blocks.Count(b => b.IsRemoved)));
    }
}
