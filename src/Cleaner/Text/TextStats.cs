using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Cleaner.Text;

/// <summary>Computes <see cref="BlockFeatures"/> from a span in one pass.</summary>
internal static class TextStats
{
    /// <summary>The longest word looked up among the stopwords.</summary>
    private const int MaxWordLength = 32;

    public static BlockFeatures Compute(ReadOnlySpan<char> text, StopWords? stopWords) => Compute(text, stopWords, null, out _);

    /// <summary>
    /// Computes the features and, in the same pass, the combined masks of the phrase key words
    /// among the text's maximal runs of letters and digits (see <see cref="PhraseKeys.OfRun"/>).
    /// </summary>
    public static BlockFeatures Compute(ReadOnlySpan<char> text, StopWords? stopWords, PhraseKeys? keys, out ulong keyMask)
    {
        keyMask = 0;
        int runStart = -1;
        int words = 0, letters = 0, upper = 0, digits = 0, capitalized = 0, stop = 0, cjk = 0, sentence = 0, clause = 0;
        int wordStart = -1;
        bool wordHasLetter = false;

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];

            // ASCII, the usual case, is classified without the Unicode tables.
            bool ascii = c < 0x80;
            if (ascii ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : char.IsLetter(c))
            {
                runStart = runStart < 0 ? i : runStart;
                letters++;
                if (!ascii && IsCjk(c))
                {
                    // Each CJK character stands for a word.
                    cjk++;
                    CloseWord(text, ref wordStart, i, wordHasLetter, stopWords, ref words, ref capitalized, ref stop);
                    words++;
                    continue;
                }

                if (ascii ? c <= 'Z' : char.IsUpper(c))
                {
                    upper++;
                }

                if (wordStart < 0)
                {
                    wordStart = i;
                }

                wordHasLetter = true;
                continue;
            }

            if (ascii ? (uint)(c - '0') <= 9 : char.IsDigit(c))
            {
                runStart = runStart < 0 ? i : runStart;
                digits++;
                if (wordStart < 0)
                {
                    wordStart = i;
                    wordHasLetter = false;
                }

                continue;
            }

            CloseRun(text, ref runStart, i, keys, ref keyMask);
            if ((c == '\'' || c == '\u2019' || c == '-') && wordStart >= 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                continue; // an apostrophe or hyphen between letters stays inside the word
            }

            CloseWord(text, ref wordStart, i, wordHasLetter, stopWords, ref words, ref capitalized, ref stop);
            if (!ascii && char.IsHighSurrogate(c) && i + 1 < text.Length && Rune.TryCreate(c, text[i + 1], out var rune) && Rune.IsLetter(rune))
            {
                // Supplementary-plane letters (rare CJK ideographs and the like) count as a word each.
                letters++;
                cjk++;
                words++;
                i++;
                continue;
            }

            switch (c)
            {
                case '.' or '!' or '?' or '\u3002' or '\uFF01' or '\uFF1F' or '\u2026':
                    sentence++;
                    break;
                case ',' or ';' or ':' or '\u3001' or '\uFF0C' or '\uFF1B' or '\uFF1A':
                    clause++;
                    break;
            }
        }

        CloseWord(text, ref wordStart, text.Length, wordHasLetter, stopWords, ref words, ref capitalized, ref stop);
        CloseRun(text, ref runStart, text.Length, keys, ref keyMask);
        return new BlockFeatures
        {
            Length = text.Length,
            WordCount = words,
            LetterCount = letters,
            UpperCount = upper,
            DigitCount = digits,
            CapitalizedWordCount = capitalized,
            StopwordCount = stop,
            StopwordsKnown = stopWords is not null,
            StopwordScale = stopWords?.ProseScale ?? 1,
            CjkCount = cjk,
            SentenceMarks = sentence,
            ClauseMarks = clause,
            EndsWithTerminalPunctuation = EndsWithTerminal(text),
        };
    }

    /// <summary>Ends a run of letters and digits, adding the mask of the key word it may be.</summary>
    private static void CloseRun(ReadOnlySpan<char> text, ref int runStart, int end, PhraseKeys? keys, ref ulong keyMask)
    {
        if (runStart >= 0)
        {
            if (keys is not null)
            {
                keyMask |= keys.OfRun(text[runStart..end]);
            }

            runStart = -1;
        }
    }

    private static void CloseWord(ReadOnlySpan<char> text, ref int wordStart, int end, bool hasLetter, StopWords? stopWords,
        ref int words, ref int capitalized, ref int stop)
    {
        if (wordStart < 0)
        {
            return;
        }

        int start = wordStart;
        wordStart = -1;
        words++;
        var word = text[start..end];
        if (hasLetter && char.IsUpper(word[0]))
        {
            capitalized++;
        }

        if (stopWords is not null && hasLetter && word.Length <= MaxWordLength && word.Length <= stopWords.MaxLength && stopWords.ContainsLowerCased(word))
        {
            stop++;
        }
    }

    /// <summary>The letters and decimal digits in the text (UTF-16 units, as <see cref="char.IsLetterOrDigit(char)"/> counts them).</summary>
    public static int CountLettersAndDigits(ReadOnlySpan<char> text)
    {
        int n = 0;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Whether the text ends with . ! ? … (or CJK forms), allowing closing quotes and brackets after it.</summary>
    public static bool EndsWithTerminal(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd();
        while (text.Length > 0 && text[^1] is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019' or '\u00BB' or '\u300D' or '\u300F' or '*')
        {
            text = text[..^1];
        }

        return text.Length > 0 && text[^1] is '.' or '!' or '?' or '\u2026' or '\u3002' or '\uFF01' or '\uFF1F';
    }

    /// <summary><see cref="char.IsLetter(char)"/>, with ASCII answered without the Unicode tables.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) => c < 0x80 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : char.IsLetter(c);

    /// <summary><see cref="char.IsLetterOrDigit(char)"/>, with ASCII answered without the Unicode tables.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetterOrDigit(char c) =>
        c < 0x80 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c);

    public static bool IsCjk(char c) => c >= '\u3040' && (
        (c <= '\u30FF') // hiragana, katakana
        || (c >= '\u3400' && c <= '\u4DBF') // CJK extension A
        || (c >= '\u4E00' && c <= '\u9FFF') // CJK unified ideographs
        || (c >= '\uAC00' && c <= '\uD7AF') // hangul syllables
        || (c >= '\uF900' && c <= '\uFAFF')); // compatibility ideographs
}
