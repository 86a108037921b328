using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Cleaner.Text;

/// <summary>
/// Key words that let a phrase search be skipped. Every phrase gets one key: a run of letters and
/// digits of the phrase (the rarest-looking one: not a stopword, then the longest) or, for a phrase
/// without letters ("©"), its first symbol. A phrase can match a text only where its key is one of
/// the text's maximal runs of letters and digits (compared lower-cased), or, for a symbol key, where
/// the symbol occurs: the pattern puts a word boundary, white space or a non-word character around
/// every run of the phrase. Keys are made of characters of the Latin, Greek and Cyrillic ranges and
/// of characters without case (CJK, kana, Hangul), and key and text alike are folded as
/// case-insensitive matching compares characters (<see cref="PhraseIndex.Fold"/>, which a test
/// checks against the regular-expression engine for every character of those ranges), so the test
/// never rejects a text that matches. (Keys were Latin-1 only until Russian, Polish and Turkish
/// phrases joined the lists: those lists then had a phrase without a key and were compiled and
/// searched for every text, which tripled the time of a first clean.)
/// </summary>
internal sealed class PhraseKeys
{
    /// <summary>The longest key word; longer runs of the text are no key.</summary>
    public const int MaxKeyLength = 32;

    private readonly WordTable<ulong> _words;
    private readonly int _wordCount;
    private readonly FrozenDictionary<char, ulong> _symbols;
    private readonly SearchValues<char> _symbolSearch;

    /// <summary>For each pair of first and last characters (lower case, low five bits), a bit per key length: most words of a text are rejected without hashing.</summary>
    private readonly ulong[] _shapes = new ulong[32 * 32];

    /// <summary>Creates the index from key words and key symbols, each with a mask (of phrase lists, say).</summary>
    public PhraseKeys(IReadOnlyDictionary<string, ulong> words, IReadOnlyDictionary<char, ulong> symbols)
    {
        _words = new WordTable<ulong>(words);
        _wordCount = words.Count;
        _symbols = symbols.ToFrozenDictionary();
        _symbolSearch = SearchValues.Create([.. symbols.Keys]);
        foreach (var word in words.Keys)
        {
            _shapes[Shape(word[0], word[^1])] |= 1UL << word.Length;
        }
    }

    /// <summary>Whether the text holds any of the keys.</summary>
    public bool Occurs(ReadOnlySpan<char> text)
    {
        if (ScanSymbols(text) != 0)
        {
            return true;
        }

        for (int i = 0; _wordCount > 0 && NextRun(text, ref i, out var run);)
        {
            if (OfRun(run) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The masks of the keys (words and symbols) the text holds, combined.</summary>
    public ulong Mask(ReadOnlySpan<char> text)
    {
        ulong found = ScanSymbols(text);
        for (int i = 0; _wordCount > 0 && NextRun(text, ref i, out var run);)
        {
            found |= OfRun(run);
        }

        return found;
    }

    /// <summary>The next run of letters and digits at or after <paramref name="i"/>, which moves past it; false when none is left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NextRun(ReadOnlySpan<char> text, ref int i, out ReadOnlySpan<char> run)
    {
        while (i < text.Length && !TextStats.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        int start = i;
        while (i < text.Length && TextStats.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        run = text[start..i];
        return run.Length > 0;
    }

    /// <summary>The masks of the key symbols the text holds, combined.</summary>
    public ulong ScanSymbols(ReadOnlySpan<char> text)
    {
        ulong found = 0;
        if (_symbols.Count > 0)
        {
            for (var rest = text; ;)
            {
                int at = rest.IndexOfAny(_symbolSearch);
                if (at < 0)
                {
                    break;
                }

                found |= _symbols[rest[at]];
                rest = rest[(at + 1)..];
            }
        }

        return found;
    }

    /// <summary>The mask of a maximal run of letters and digits of a text, when the run is a key word; otherwise 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong OfRun(ReadOnlySpan<char> run)
    {
        // Most runs are no key: their first and last letters and their length say so before any hashing.
        return run.Length <= MaxKeyLength && (_shapes[Shape(FoldChar(run[0]), FoldChar(run[^1]))] & (1UL << run.Length)) != 0
            ? Lookup(run)
            : 0;
    }

    private ulong Lookup(ReadOnlySpan<char> run)
    {
        Span<char> lower = stackalloc char[MaxKeyLength];
        return Fold(run, lower) && _words.TryGetValue(lower[..run.Length], out var mask) ? mask : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Shape(char first, char last) => ((first & 31) << 5) | (last & 31);

    /// <summary>Folds a run into key form; false when it holds a character no key can match.</summary>
    private static bool Fold(ReadOnlySpan<char> run, Span<char> lower)
    {
        for (int k = 0; k < run.Length; k++)
        {
            char c = FoldChar(run[k]);
            if (!IsKeyChar(c))
            {
                return false;
            }

            lower[k] = c;
        }

        return true;
    }

    /// <summary>Whether a character has no other case form, so that case-insensitive matching equates it with itself only.</summary>
    private static bool IsCaseless(char c) => char.ToLowerInvariant(c) == c && char.ToUpperInvariant(c) == c;

    /// <summary>
    /// Whether a character may stand in a key: one of the ranges where <see cref="PhraseIndex.Fold"/>
    /// is checked against case-insensitive matching (Latin, Greek, Cyrillic, Armenian up to U+052F,
    /// Latin Extended Additional, letter-like symbols), or a character without case (CJK, kana, Hangul).
    /// </summary>
    private static bool IsKeyChar(char c) => c < '\u0530' || c is (>= '\u1E00' and <= '\u1EFF') or (>= '\u2100' and <= '\u214F') || IsCaseless(c);

    /// <summary>A character in key form: as case-insensitive matching compares it (<see cref="PhraseIndex.Fold"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char FoldChar(char c) => PhraseIndex.Fold(c);

    /// <summary>The key of a phrase: its best run of letters and digits (Latin-1 or without case), lower-cased, or else its first symbol; null when it has neither.</summary>
    public static (string? Word, char Symbol) KeyOf(string phrase, Func<string, bool> isCommonWord)
    {
        string? best = null;
        int bestScore = -1;
        char symbol = '\0';
        int i = 0;
        while (i < phrase.Length)
        {
            char c = phrase[i];
            if (!char.IsLetterOrDigit(c))
            {
                // A symbol with case forms (Roman numerals, circled letters) may match another character.
                if (symbol == '\0' && c != '*' && !char.IsWhiteSpace(c) && IsCaseless(c))
                {
                    symbol = c;
                }

                i++;
                continue;
            }

            int start = i;
            bool keyable = true;
            while (i < phrase.Length && char.IsLetterOrDigit(phrase[i]))
            {
                keyable &= IsKeyChar(FoldChar(phrase[i]));
                i++;
            }

            // A run that touches a wildcard is not a whole word of the text.
            bool wildcardNext = (start > 0 && phrase[start - 1] == '*') || (i < phrase.Length && phrase[i] == '*');
            if (!keyable || wildcardNext || i - start > MaxKeyLength)
            {
                continue;
            }

            var folded = new char[i - start];
            for (int k = 0; k < folded.Length; k++)
            {
                folded[k] = FoldChar(phrase[start + k]);
            }

            var word = new string(folded);
            int score = (isCommonWord(word) ? 0 : 1000) + word.Length;
            if (score > bestScore)
            {
                best = word;
                bestScore = score;
            }
        }

        return (best, best is null ? symbol : '\0');
    }
}
