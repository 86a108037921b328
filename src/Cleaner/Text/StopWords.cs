namespace Cleaner.Text;

/// <summary>A language's stopwords, looked up without allocating on .NET 9 and later.</summary>
internal sealed class StopWords
{
    private readonly WordSet _words;

    public StopWords(string language, IEnumerable<string> words, double proseScale = 1)
    {
        Language = language;
        ProseScale = proseScale;
        _words = new WordSet(words.Select(w => w.ToLowerInvariant()));
        MaxLength = _words.Items.Count == 0 ? 0 : _words.Items.Max(w => w.Length);
    }

    /// <summary>The language code (en, de, fr, es, ...).</summary>
    public string Language { get; }

    /// <summary>
    /// How the share of stopwords in this language's prose compares with the usual one (1 for most
    /// languages; about 0.5 for Turkish, whose suffixes do the work of separate function words): the
    /// prose thresholds are scaled by it.
    /// </summary>
    public double ProseScale { get; }

    /// <summary>The length of the longest stopword: a longer word is none.</summary>
    public int MaxLength { get; }

    /// <summary>The stopwords, in lower case.</summary>
    public IReadOnlyCollection<string> Words => _words.Items;

    /// <summary>Whether a lower-case word is a stopword.</summary>
    public bool Contains(ReadOnlySpan<char> lowerWord) => _words.Contains(lowerWord);

    /// <summary>Whether a word, in any case, is a stopword.</summary>
    public bool ContainsLowerCased(ReadOnlySpan<char> word) => _words.ContainsLowerCased(word);
}
