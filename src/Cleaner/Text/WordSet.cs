namespace Cleaner.Text;

/// <summary>A set of words, looked up by span without allocating (see <see cref="WordTable{TValue}"/>).</summary>
internal sealed class WordSet
{
    private readonly WordTable<bool> _table;
    private readonly string[] _items;

    /// <summary>Creates the set; words are compared ordinally, as given.</summary>
    public WordSet(IEnumerable<string> words)
    {
        _items = [.. words.Distinct(StringComparer.Ordinal)];
        _table = new WordTable<bool>(_items.Select(w => KeyValuePair.Create(w, true)));
    }

    /// <summary>The words.</summary>
    public IReadOnlyCollection<string> Items => _items;

    /// <summary>Whether the word is in the set (ordinal comparison).</summary>
    public bool Contains(ReadOnlySpan<char> word) => _table.TryGetValue(word, out _);

    /// <summary>Whether the word, lower-cased as <see cref="MemoryExtensions.ToLowerInvariant"/> does, is in the set.</summary>
    public bool ContainsLowerCased(ReadOnlySpan<char> word) => _table.TryGetLowerCased(word, out _);
}
