using System.Collections.Frozen;

namespace Cleaner.Text;

/// <summary>A language's stopwords, looked up without allocating on .NET 9 and later.</summary>
internal sealed class StopWords
{
    private readonly FrozenSet<string> _words;
#if NET9_0_OR_GREATER
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
#endif

    public StopWords(string language, IEnumerable<string> words)
    {
        Language = language;
        _words = words.Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    /// <summary>The language code (en, de, fr, es, ...).</summary>
    public string Language { get; }

    public int Count => _words.Count;

    /// <summary>Whether a lower-case word is a stopword.</summary>
    public bool Contains(ReadOnlySpan<char> lowerWord)
    {
#if NET9_0_OR_GREATER
        return _lookup.Contains(lowerWord);
#else
        return _words.Contains(lowerWord.ToString());
#endif
    }
}
