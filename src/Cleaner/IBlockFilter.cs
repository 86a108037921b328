namespace Cleaner;

/// <summary>
/// A named heuristic that judges the blocks of a document. Filters run in pipeline order, see the
/// verdicts of earlier filters, and mark blocks with <see cref="Block.Remove(string)"/> or
/// <see cref="Block.Keep(string)"/>; the pipeline stamps each verdict with the filter's name. A
/// filter must be thread-safe: one instance serves every document a cleaner cleans, so keep
/// per-document state in locals.
/// </summary>
public interface IBlockFilter
{
    /// <summary>The filter's stable kebab-case name, shown with every removal it makes.</summary>
    string Name { get; }

    /// <summary>One line saying what the filter removes or keeps.</summary>
    string Description { get; }

    /// <summary>What kind of filter this is, for the stages and tools that treat kinds apart (none by default).</summary>
    FilterTraits Traits => FilterTraits.None;

    /// <summary>Judges the blocks of a document.</summary>
    /// <param name="document">The document, with its blocks and the verdicts so far.</param>
    void Apply(Document document);
}

/// <summary>
/// A filter that looks at one undecided block at a time. Override <see cref="Judge(Block)"/> and
/// return a reason to remove the block, or null to leave it.
/// </summary>
public abstract class LineFilter : IBlockFilter
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public virtual FilterTraits Traits => FilterTraits.None;

    /// <inheritdoc />
    public virtual void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var block in document.Blocks)
        {
            if (block.IsUndecided && Judge(block) is { } reason)
            {
                block.Remove(reason);
            }
        }
    }

    /// <summary>Returns why the block should go, or null to leave it for later filters.</summary>
    /// <param name="block">An undecided block.</param>
    protected abstract string? Judge(Block block);
}

/// <summary>A filter made from a predicate: every undecided block it matches is removed.</summary>
public sealed class PredicateFilter : LineFilter
{
    private readonly Func<Block, bool> _predicate;
    private readonly string _reason;

    /// <summary>Creates a filter that removes every block the predicate matches.</summary>
    /// <param name="name">The filter's kebab-case name.</param>
    /// <param name="predicate">True for blocks to remove.</param>
    /// <param name="reason">The reason given for each removal.</param>
    public PredicateFilter(string name, Func<Block, bool> predicate, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(predicate);
        Name = name;
        _predicate = predicate;
        _reason = reason ?? $"matched the rule '{name}'";
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override string Description => $"Removes lines that match the custom rule '{Name}'.";

    /// <inheritdoc />
    protected override string? Judge(Block block) => _predicate(block) ? _reason : null;
}
