using System.Collections.Frozen;

namespace Cleaner.Text;

/// <summary>A frozen set of words, looked up by span without allocating on .NET 9 and later.</summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string> _words;
#if NET9_0_OR_GREATER
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
#endif

    /// <summary>Creates the set; words are compared ordinally, as given.</summary>
    public WordSet(IEnumerable<string> words)
    {
        _words = words.ToFrozenSet(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    public int Count => _words.Count;

    /// <summary>The words.</summary>
    public IReadOnlyCollection<string> Items => _words;

    /// <summary>Whether the word is in the set (ordinal comparison).</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
#if NET9_0_OR_GREATER
        return _lookup.Contains(word);
#else
        return _words.Contains(word.ToString());
#endif
    }
}
