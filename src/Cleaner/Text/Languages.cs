using System.Collections.Frozen;

namespace Cleaner.Text;

/// <summary>The built-in stopword lists and a detector that picks the language whose stopwords fit best.</summary>
internal static class Languages
{
    private static readonly Lazy<FrozenDictionary<string, StopWords>> All = new(Load);

    public static IReadOnlyCollection<string> Codes => All.Value.Keys;

    public static StopWords? Get(string? code) =>
        code is not null && All.Value.TryGetValue(code.ToLowerInvariant(), out var words) ? words : null;

    /// <summary>
    /// Picks the language whose stopwords cover most words of the text (looking at the first
    /// 20,000 characters). Null when no list fits (under 15% of the words are its stopwords: a
    /// language without a list here) and for text that is mostly CJK; English for very short text.
    /// </summary>
    public static StopWords? Detect(ReadOnlySpan<char> text)
    {
        if (text.Length > 20_000)
        {
            text = text[..20_000];
        }

        var languages = All.Value;
        Span<int> hits = stackalloc int[languages.Count];
        var values = languages.Values;
        Span<char> lower = stackalloc char[32];
        int cjk = 0, letters = 0, words = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (!char.IsLetter(c))
            {
                i++;
                continue;
            }

            if (TextStats.IsCjk(c))
            {
                cjk++;
                letters++;
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\''))
            {
                i++;
            }

            letters += i - start;
            words++;
            var word = text[start..i];
            if (word.Length <= lower.Length)
            {
                int n = word.ToLowerInvariant(lower);
                for (int k = 0; k < values.Length; k++)
                {
                    if (values[k].Contains(lower[..n]))
                    {
                        hits[k]++;
                    }
                }
            }
        }

        if (letters > 0 && cjk * 2 > letters)
        {
            return null;
        }

        int best = -1, bestHits = 0;
        for (int k = 0; k < values.Length; k++)
        {
            if (hits[k] > bestHits)
            {
                best = k;
                bestHits = hits[k];
            }
        }

        if (words < 20)
        {
            return best < 0 ? languages.GetValueOrDefault("en") : values[best];
        }

        return best < 0 || bestHits < words * 0.15 ? null : values[best];
    }

    private static FrozenDictionary<string, StopWords> Load()
    {
        const string prefix = "Cleaner.Resources.stopwords.";
        var assembly = typeof(Languages).Assembly;
        var result = new Dictionary<string, StopWords>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(prefix, StringComparison.Ordinal) && resource.EndsWith(".txt", StringComparison.Ordinal))
            {
                var code = resource[prefix.Length..^4];
                result[code] = new StopWords(code, Resources.ReadLines(assembly, resource));
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
