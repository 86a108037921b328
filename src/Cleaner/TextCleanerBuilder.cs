using Cleaner.Filters;

namespace Cleaner;

/// <summary>
/// Sets up a <see cref="TextCleaner"/>: an ordered list of filters (the built-ins first, in their
/// documented order), options and phrase lists. Order is changed without priorities, by inserting
/// before or after a filter type, replacing or removing one.
/// </summary>
public sealed class TextCleanerBuilder
{
    private readonly List<IBlockFilter> _filters;
    private readonly Dictionary<string, List<string>> _phrases = new(StringComparer.Ordinal);
    private CleanerOptions _options = new();

    /// <summary>Creates a builder holding the built-in filters in their default order.</summary>
    public TextCleanerBuilder() => _filters = [.. BuiltInFilters.CreateDefault()];

    /// <summary>The filters in the order they will run.</summary>
    public IReadOnlyList<IBlockFilter> Filters => _filters;

    /// <summary>Removes every filter, to start from an empty pipeline.</summary>
    public TextCleanerBuilder Clear()
    {
        _filters.Clear();
        return this;
    }

    /// <summary>
    /// Adds a filter at the end of the pipeline, before the final stage (a filter with the trait
    /// <see cref="FilterTraits.FinalStage"/>, such as <see cref="RescueFilter"/>) when it is there.
    /// </summary>
    /// <param name="filter">The filter.</param>
    public TextCleanerBuilder Add(IBlockFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        EnsureNewName(filter);
        _filters.Insert(_filters.Count > 0 && (_filters[^1].Traits & FilterTraits.FinalStage) != 0 ? _filters.Count - 1 : _filters.Count, filter);
        return this;
    }

    /// <summary>Inserts a filter just before the first filter of type <typeparamref name="T"/>.</summary>
    /// <param name="filter">The filter.</param>
    /// <exception cref="InvalidOperationException">No filter of type <typeparamref name="T"/> is in the pipeline.</exception>
    public TextCleanerBuilder InsertBefore<T>(IBlockFilter filter) where T : IBlockFilter
    {
        ArgumentNullException.ThrowIfNull(filter);
        EnsureNewName(filter);
        _filters.Insert(IndexOf<T>(), filter);
        return this;
    }

    /// <summary>Inserts a filter just after the first filter of type <typeparamref name="T"/>.</summary>
    /// <param name="filter">The filter.</param>
    /// <exception cref="InvalidOperationException">No filter of type <typeparamref name="T"/> is in the pipeline.</exception>
    public TextCleanerBuilder InsertAfter<T>(IBlockFilter filter) where T : IBlockFilter
    {
        ArgumentNullException.ThrowIfNull(filter);
        EnsureNewName(filter);
        _filters.Insert(IndexOf<T>() + 1, filter);
        return this;
    }

    /// <summary>Puts a filter in the place of the first filter of type <typeparamref name="T"/> (to configure a built-in, for example).</summary>
    /// <param name="filter">The filter.</param>
    /// <exception cref="InvalidOperationException">No filter of type <typeparamref name="T"/> is in the pipeline.</exception>
    /// <exception cref="InvalidOperationException">Another filter in the pipeline has the same name.</exception>
    public TextCleanerBuilder Replace<T>(IBlockFilter filter) where T : IBlockFilter
    {
        ArgumentNullException.ThrowIfNull(filter);
        int index = IndexOf<T>();
        EnsureNewName(filter, except: index);
        _filters[index] = filter;
        return this;
    }

    /// <summary>
    /// Changes the settings of the filter tuned by <typeparamref name="TOptions"/>, in its place:
    /// <c>builder.Configure&lt;NavigationOptions&gt;(o =&gt; o with { MinMenuRun = 6 })</c>.
    /// </summary>
    /// <typeparam name="TOptions">The options record of a filter in the pipeline.</typeparam>
    /// <param name="change">Returns the new settings from the current ones.</param>
    /// <exception cref="InvalidOperationException">No filter in the pipeline takes <typeparamref name="TOptions"/>.</exception>
    public TextCleanerBuilder Configure<TOptions>(Func<TOptions, TOptions> change) where TOptions : struct
    {
        ArgumentNullException.ThrowIfNull(change);
        int index = _filters.FindIndex(f => f is IConfigurableFilter<TOptions>);
        if (index < 0)
        {
            throw new InvalidOperationException($"No filter in the pipeline takes {typeof(TOptions).Name}.");
        }

        var filter = (IConfigurableFilter<TOptions>)_filters[index];
        _filters[index] = filter.WithOptions(change(filter.Options));
        return this;
    }

    /// <summary>Removes every filter of type <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">No filter of type <typeparamref name="T"/> is in the pipeline.</exception>
    public TextCleanerBuilder Remove<T>() where T : IBlockFilter
    {
        if (_filters.RemoveAll(f => f is T) == 0)
        {
            throw new InvalidOperationException($"No filter of type {typeof(T).Name} is in the pipeline.");
        }

        return this;
    }

    /// <summary>Removes the filter with that name.</summary>
    /// <param name="name">A filter name, as listed by <see cref="Filters"/>.</param>
    /// <exception cref="ArgumentException">No filter has that name.</exception>
    public TextCleanerBuilder Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_filters.RemoveAll(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)) == 0)
        {
            throw new ArgumentException(
                $"No filter is named '{name}'. Known filters: {string.Join(", ", _filters.Select(f => f.Name))}.", nameof(name));
        }

        return this;
    }

    /// <summary>Adds a filter that removes every line the predicate matches.</summary>
    /// <param name="predicate">True for blocks to remove.</param>
    /// <param name="name">The filter's kebab-case name, shown with each removal.</param>
    /// <param name="reason">The reason given for each removal.</param>
    public TextCleanerBuilder RemoveLines(Func<Block, bool> predicate, string name, string? reason = null) =>
        Add(new PredicateFilter(name, predicate, reason));

    /// <summary>Sets the focus: balanced, precision (remove more) or recall (keep more).</summary>
    /// <param name="focus">The focus.</param>
    public TextCleanerBuilder WithFocus(Focus focus) => WithOptions(o => o with { Focus = focus });

    /// <summary>Changes the options, for example <c>o => o with { IncludeTitle = false }</c>.</summary>
    /// <param name="change">Returns the new options from the current ones.</param>
    public TextCleanerBuilder WithOptions(Func<CleanerOptions, CleanerOptions> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _options = change(_options);
        return this;
    }

    /// <summary>
    /// Adds phrases to a phrase list: a built-in one (such as <c>social</c>) to extend what its filter
    /// removes, or a new one for a filter of your own (<see cref="Document.Phrases"/>).
    /// </summary>
    /// <param name="list">The list's name.</param>
    /// <param name="phrases">The phrases (see <see cref="PhraseList"/> for the syntax).</param>
    public TextCleanerBuilder AddPhrases(string list, IEnumerable<string> phrases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(list);
        ArgumentNullException.ThrowIfNull(phrases);
        if (!_phrases.TryGetValue(list, out var existing))
        {
            _phrases[list] = existing = [];
        }

        existing.AddRange(phrases);
        return this;
    }

    /// <summary>Freezes the set-up into an immutable, thread-safe cleaner.</summary>
    public TextCleaner Build() => new([.. _filters], _options, PhraseBook.Create(_phrases));

    private int IndexOf<T>() where T : IBlockFilter
    {
        int index = _filters.FindIndex(f => f is T);
        return index >= 0 ? index : throw new InvalidOperationException($"No filter of type {typeof(T).Name} is in the pipeline.");
    }

    private void EnsureNewName(IBlockFilter filter, int except = -1)
    {
        int same = _filters.FindIndex(f => string.Equals(f.Name, filter.Name, StringComparison.OrdinalIgnoreCase));
        if (same >= 0 && same != except)
        {
            throw new InvalidOperationException($"A filter named '{filter.Name}' is already in the pipeline.");
        }
    }
}
