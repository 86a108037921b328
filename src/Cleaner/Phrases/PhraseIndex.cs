using System.Globalization;
using System.Runtime.CompilerServices;
using Cleaner.Text;

namespace Cleaner;

/// <summary>
/// Phrases matched without one big pattern, so that a list of any size works in time linear in the
/// text (the .NET non-backtracking engine refuses an alternation of a few hundred phrases with
/// wildcards, and builds a large one slowly). The matches are those of the pattern
/// <see cref="PhraseList"/> describes (an alternation of the phrases, leftmost first, and at one
/// position the first phrase of the list that matches there):
/// <list type="bullet">
/// <item>each phrase is filed under its first one or two tokens (a run of letters and digits, or one
/// other character), folded as case-insensitive matching compares them; a position of the text is
/// tried only with the phrases filed under the tokens that start there;</item>
/// <item>a phrase that starts with <c>*</c> (or with a word glued to one) is tried at every word
/// start, and only in texts that hold its key (see <see cref="PhraseKeys"/>);</item>
/// <item>a phrase is checked at a position as the backtracking engines would: its characters
/// case-insensitively, white space as one or more white-space characters, a <c>*</c> as one to
/// three runs of word characters (greedy, longest first), word boundaries at its ends; failed
/// states are remembered, so a phrase with many wildcards costs at most its length times the text's.</item>
/// </list>
/// </summary>
internal sealed class PhraseIndex
{
    private const int Space = -1;
    private const int Wild = -2;

    private readonly Phrase[] _phrases;
    private readonly Dictionary<string, int[]> _byKey;
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
#endif
    private readonly int _maxKeyLength;

    /// <summary>The phrases without a first token, in list order.</summary>
    private readonly int[] _loose;

    /// <summary>The keys of the loose phrases, 64 phrases to an index (bit i of index j is <c>_loose[64 * j + i]</c>).</summary>
    private readonly PhraseKeys[] _looseKeys;

    /// <summary>For each index of <see cref="_looseKeys"/>, the bits of the loose phrases without a key (always tried).</summary>
    private readonly ulong[] _looseAlways;

    [ThreadStatic]
    private static HashSet<long>? t_failed;

    /// <summary>Indexes the phrases (bodies, without the whole-line mark), in list order.</summary>
    public PhraseIndex(IReadOnlyList<string> phrases)
    {
        _phrases = new Phrase[phrases.Count];
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var loose = new List<int>();
        for (int id = 0; id < phrases.Count; id++)
        {
            _phrases[id] = new Phrase(phrases[id]);
            if (FirstTokens(phrases[id]) is { } key)
            {
                if (!byKey.TryGetValue(key, out var ids))
                {
                    byKey[key] = ids = [];
                }

                ids.Add(id);
                _maxKeyLength = Math.Max(_maxKeyLength, key.Length);
            }
            else
            {
                loose.Add(id);
            }
        }

        _byKey = byKey.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        _lookup = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        _loose = [.. loose];
        int groups = (_loose.Length + 63) / 64;
        _looseKeys = new PhraseKeys[groups];
        _looseAlways = new ulong[groups];
        for (int g = 0; g < groups; g++)
        {
            var words = new Dictionary<string, ulong>(StringComparer.Ordinal);
            var symbols = new Dictionary<char, ulong>();
            for (int i = 0; i < 64 && 64 * g + i < _loose.Length; i++)
            {
                ulong bit = 1UL << i;
                var (word, symbol) = PhraseKeys.KeyOf(phrases[_loose[64 * g + i]], Languages.IsStopword);
                if (word is not null)
                {
                    words[word] = words.GetValueOrDefault(word) | bit;
                }
                else if (symbol != '\0')
                {
                    symbols[symbol] = symbols.GetValueOrDefault(symbol) | bit;
                }
                else
                {
                    _looseAlways[g] |= bit;
                }
            }

            _looseKeys[g] = new PhraseKeys(words, symbols);
        }
    }

    /// <summary>How many times a phrase was checked at a position (for tests of the cost).</summary>
    internal long Attempts;

    /// <summary>The number of phrases without a first token (tried at every word start of a text that holds their key).</summary>
    public int LooseCount => _loose.Length;

    /// <summary>The first match at or after <paramref name="start"/>: leftmost, and at that position the earliest phrase of the list.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Where to start looking.</param>
    /// <param name="loose">What <see cref="ActiveLoose"/> returned for the text.</param>
    /// <param name="index">The match's start.</param>
    /// <param name="length">The match's length (at least 1).</param>
    public bool TryMatch(ReadOnlySpan<char> text, int start, ulong[]? loose, out int index, out int length)
    {
        Span<char> key = _maxKeyLength < 256 ? stackalloc char[256] : new char[_maxKeyLength + 1];
        for (int s = start; s < text.Length; s++)
        {
            int end = MatchAt(text, s, 0, loose, key);
            if (end >= 0)
            {
                index = s;
                length = end - s;
                return true;
            }
        }

        index = length = 0;
        return false;
    }

    /// <summary>Whether a phrase is the whole text, with only non-word characters (or underscores) around it.</summary>
    public bool IsWholeLine(ReadOnlySpan<char> text)
    {
        // [\W_]* before and after the phrase: it starts no later than the first word character
        // (underscore aside) and ends no earlier than after the last one.
        int first = 0;
        while (first < text.Length && !IsWordNotUnderscore(text[first]))
        {
            first++;
        }

        int last = text.Length - 1;
        while (last >= 0 && !IsWordNotUnderscore(text[last]))
        {
            last--;
        }

        last = BeforeCount(text, last);

        var loose = ActiveLoose(text);
        Span<char> key = _maxKeyLength < 256 ? stackalloc char[256] : new char[_maxKeyLength + 1];
        for (int s = 0; s <= first && s < text.Length; s++)
        {
            if (MatchAt(text, s, last + 1, loose, key) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where a whole line ends before a count in brackets after it ("Comments (12)", "Reviews [3]"),
    /// which the line may carry: the last word character before the count, or <paramref name="last"/>
    /// (the line's last word character) when there is none.
    /// </summary>
    internal static int BeforeCount(ReadOnlySpan<char> text, int last)
    {
        if (last < 0 || last + 1 >= text.Length || text[last + 1] is not (')' or ']'))
        {
            return last;
        }

        int j = last;
        while (j >= 0 && (char.IsAsciiDigit(text[j]) || text[j] is '.' or ','))
        {
            j--;
        }

        if (j < 0 || j == last || text[j] is not ('(' or '[') || !char.IsAsciiDigit(text[j + 1]) || text[last + 1] != (text[j] == '(' ? ')' : ']'))
        {
            return last;
        }

        while (j >= 0 && !IsWordNotUnderscore(text[j]))
        {
            j--;
        }

        return j;
    }

    /// <summary>
    /// The end of the match of the earliest phrase (in list order) that matches at <paramref name="s"/>
    /// and ends at or after <paramref name="acceptFrom"/>, or -1.
    /// </summary>
    private int MatchAt(ReadOnlySpan<char> text, int s, int acceptFrom, ulong[]? loose, Span<char> key)
    {
        char c = text[s];
        if (char.IsWhiteSpace(c) || (s > 0 && char.IsLetterOrDigit(c) && char.IsLetterOrDigit(text[s - 1])))
        {
            // No phrase starts with white space; inside a run of letters, a phrase that starts with
            // one (or with a '*') finds no word boundary, and any other starts with another character.
            return -1;
        }

        ReadOnlySpan<int> one = default, two = default;
        if (_byKey.Count > 0)
        {
            (one, two) = Filed(text, s, key);
        }

        // Merge the phrases filed under one token, under two, and the loose ones, in list order.
        int i = 0, j = 0;
        int g = 0;
        ulong bits = loose is null ? 0 : loose[0];
        int nextLoose = NextLoose(loose, ref g, ref bits);
        while (true)
        {
            int a = i < one.Length ? one[i] : int.MaxValue;
            int b = j < two.Length ? two[j] : int.MaxValue;
            int id = Math.Min(Math.Min(a, b), nextLoose);
            if (id == int.MaxValue)
            {
                return -1;
            }

            if (id == a)
            {
                i++;
            }
            else if (id == b)
            {
                j++;
            }
            else
            {
                nextLoose = NextLoose(loose, ref g, ref bits);
            }

            Attempts++;
            int end = _phrases[id].MatchAt(text, s, acceptFrom);
            if (end >= 0)
            {
                return end;
            }
        }
    }

    /// <summary>The next loose phrase of the active bits (in list order), or <see cref="int.MaxValue"/>.</summary>
    private int NextLoose(ulong[]? loose, ref int group, ref ulong bits)
    {
        if (loose is null)
        {
            return int.MaxValue;
        }

        while (bits == 0)
        {
            if (++group >= loose.Length)
            {
                return int.MaxValue;
            }

            bits = loose[group];
        }

        int bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
        bits &= bits - 1;
        return _loose[64 * group + bit];
    }

    /// <summary>The bits of the loose phrases whose key the text holds (see <see cref="_looseKeys"/>), or null when none may match.</summary>
    public ulong[]? ActiveLoose(ReadOnlySpan<char> text)
    {
        if (_loose.Length == 0)
        {
            return null;
        }

        var active = new ulong[_looseKeys.Length];
        bool any = false;
        for (int g = 0; g < _looseKeys.Length; g++)
        {
            active[g] = _looseAlways[g] | _looseKeys[g].Mask(text);
            any |= active[g] != 0;
        }

        return any ? active : null;
    }

    /// <summary>The phrases filed under the first token of the text at <paramref name="s"/>, and under its first two tokens.</summary>
    private (int[] One, int[] Two) Filed(ReadOnlySpan<char> text, int s, Span<char> key)
    {
        int[] one = [], two = [];
        int end = TokenEnd(text, s);
        int n = 0;
        if (!AppendFolded(text[s..end], key, ref n, '1'))
        {
            return (one, two);
        }

        if (Find(key[..n], out var found))
        {
            one = found;
        }

        int next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next < text.Length)
        {
            key[0] = '2';
            if ((next == end || Append(' ', key, ref n)) && AppendFolded(text[next..TokenEnd(text, next)], key, ref n, '\0')
                && Find(key[..n], out found))
            {
                two = found;
            }
        }

        return (one, two);
    }

    private static bool AppendFolded(ReadOnlySpan<char> token, Span<char> key, ref int n, char mark)
    {
        if (mark != '\0' && !Append(mark, key, ref n))
        {
            return false;
        }

        foreach (char c in token)
        {
            if (!Append(Fold(c), key, ref n))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Append(char c, Span<char> key, ref int n)
    {
        if (n >= key.Length)
        {
            return false;
        }

        key[n++] = c;
        return true;
    }

    /// <summary>The end of the token at <paramref name="s"/>: a run of letters and digits, or one other character.</summary>
    private static int TokenEnd(ReadOnlySpan<char> text, int s)
    {
        if (!char.IsLetterOrDigit(text[s]))
        {
            return s + 1;
        }

        int i = s + 1;
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// The key a phrase is filed under: '1' or '2' and its first one or two tokens folded (a space
    /// between them when the phrase has one), up to its first <c>*</c> (a word glued to a <c>*</c> is
    /// no token); null when the phrase starts with a <c>*</c> or such a word.
    /// </summary>
    internal static string? FirstTokens(string phrase)
    {
        var key = new System.Text.StringBuilder("1");
        int tokens = 0;
        bool space = false;
        for (int i = 0; i < phrase.Length && tokens < 2;)
        {
            char c = phrase[i];
            if (c == '*')
            {
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                space = true;
                i++;
                continue;
            }

            int end = i + 1;
            if (char.IsLetterOrDigit(c))
            {
                while (end < phrase.Length && char.IsLetterOrDigit(phrase[end]))
                {
                    end++;
                }

                if (end < phrase.Length && phrase[end] == '*')
                {
                    break;
                }
            }

            if (tokens == 1)
            {
                key[0] = '2';
                if (space)
                {
                    key.Append(' ');
                }
            }

            foreach (char t in phrase.AsSpan(i, end - i))
            {
                key.Append(Fold(t));
            }

            tokens++;
            space = false;
            i = end;
        }

        return tokens == 0 ? null : key.ToString();
    }

    /// <summary>
    /// A character as case-insensitive, culture-invariant matching compares it: two characters match
    /// when their folds are equal (checked against the regular-expression engine for the Latin,
    /// Greek, Cyrillic and letter-like ranges).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char Fold(char c) => c switch
    {
        < 'A' => c,
        <= 'Z' => (char)(c | 0x20),
        < '\u0080' => c,
        '\u212A' => 'k', // Kelvin sign
        '\u212B' => '\u00E5', // Angstrom sign
        '\uA7DC' => '\u019B', // capital lambda with stroke (newer than the runtime's case table)
        '\uA7CB' => '\u0264', // capital ram's horn
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>A word character of regular expressions (<c>\w</c>): a letter, a non-spacing mark, a decimal digit or a connector.</summary>
    internal static bool IsWord(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };

    private static bool IsWordNotUnderscore(char c) => c != '_' && IsWord(c);

    /// <summary>Whether a word boundary (<c>\b</c>) lies before position <paramref name="i"/>: word characters (and the zero-width joiners) on one side only.</summary>
    private static bool IsBoundary(ReadOnlySpan<char> text, int i) =>
        (i > 0 && IsBoundaryWord(text[i - 1])) != (i < text.Length && IsBoundaryWord(text[i]));

    private static bool IsBoundaryWord(char c) => IsWord(c) || c is '\u200C' or '\u200D';

    /// <summary>A character a <c>*</c> takes: a word character, an apostrophe, a dot or a hyphen.</summary>
    private static bool IsWildChar(char c) => c is '\'' or '\u2019' or '.' or '-' || IsWord(c);

    /// <summary>One phrase, as elements: a folded character, <see cref="Space"/> or <see cref="Wild"/>.</summary>
    private sealed class Phrase
    {
        private readonly int[] _elements;
        private readonly bool _boundaryStart;
        private readonly bool _boundaryEnd;
        private readonly bool _hasWild;

        public Phrase(string phrase)
        {
            var elements = new List<int>(phrase.Length);
            foreach (char c in phrase)
            {
                if (c == '*')
                {
                    elements.Add(Wild);
                    _hasWild = true;
                }
                else if (char.IsWhiteSpace(c))
                {
                    if (elements.Count == 0 || elements[^1] != Space)
                    {
                        elements.Add(Space);
                    }
                }
                else
                {
                    elements.Add(Fold(c));
                }
            }

            _elements = [.. elements];
            _boundaryStart = char.IsLetterOrDigit(phrase[0]) || phrase[0] == '*';
            _boundaryEnd = char.IsLetterOrDigit(phrase[^1]) || phrase[^1] == '*';
        }

        /// <summary>The end of the phrase's first match at <paramref name="s"/> (in the backtracking engines' order) that ends at or after <paramref name="acceptFrom"/>, or -1.</summary>
        public int MatchAt(ReadOnlySpan<char> text, int s, int acceptFrom)
        {
            if (_boundaryStart && !IsBoundary(text, s))
            {
                return -1;
            }

            HashSet<long>? failed = null;
            if (_hasWild)
            {
                failed = t_failed ??= [];
                failed.Clear();
            }

            var run = new Run(text, _elements, _boundaryEnd, acceptFrom, failed);
            return run.Step(0, s);
        }
    }

    /// <summary>One check of a phrase at a position: a depth-first search in the backtracking engines' order, with failed states remembered.</summary>
    private readonly ref struct Run(ReadOnlySpan<char> text, int[] elements, bool boundaryEnd, int acceptFrom, HashSet<long>? failed)
    {
        private readonly ReadOnlySpan<char> _text = text;

        /// <summary>Matches the elements from <paramref name="k"/> at <paramref name="pos"/>; the end, or -1.</summary>
        public int Step(int k, int pos)
        {
            while (k < elements.Length && elements[k] >= 0)
            {
                if (pos >= _text.Length || Fold(_text[pos]) != elements[k])
                {
                    return -1;
                }

                pos++;
                k++;
            }

            if (k == elements.Length)
            {
                return (boundaryEnd && !IsBoundary(_text, pos)) || pos < acceptFrom ? -1 : pos;
            }

            if (elements[k] == Space)
            {
                // \s+ is followed by a character or a '*', neither of which takes white space: only
                // the whole run can lead on.
                int ws = WhiteSpace(pos);
                return ws == 0 ? -1 : Step(k + 1, pos + ws);
            }

            // A '*': one run of its characters (longest first), then up to two more after white space.
            long state = ((long)k << 34) | (3L << 32) | (uint)pos;
            if (failed!.Contains(state))
            {
                return -1;
            }

            for (int length = WildRun(pos); length >= 1; length--)
            {
                int end = Loop(k, 0, pos + length);
                if (end >= 0)
                {
                    return end;
                }
            }

            failed.Add(state);
            return -1;
        }

        /// <summary>After <paramref name="iterations"/> extra runs of the '*' at element <paramref name="k"/>: another run first (greedy), then the rest of the phrase.</summary>
        private int Loop(int k, int iterations, int pos)
        {
            long state = ((long)k << 34) | ((long)iterations << 32) | (uint)pos;
            if (failed!.Contains(state))
            {
                return -1;
            }

            if (iterations < 2)
            {
                int ws = WhiteSpace(pos);
                if (ws > 0)
                {
                    for (int length = WildRun(pos + ws); length >= 1; length--)
                    {
                        int end = Loop(k, iterations + 1, pos + ws + length);
                        if (end >= 0)
                        {
                            return end;
                        }
                    }
                }
            }

            int rest = Step(k + 1, pos);
            if (rest < 0)
            {
                failed.Add(state);
            }

            return rest;
        }

        private int WhiteSpace(int pos)
        {
            int i = pos;
            while (i < _text.Length && char.IsWhiteSpace(_text[i]))
            {
                i++;
            }

            return i - pos;
        }

        private int WildRun(int pos)
        {
            int i = pos;
            while (i < _text.Length && IsWildChar(_text[i]))
            {
                i++;
            }

            return i - pos;
        }
    }

    /// <summary>The phrases filed under a key (a span look-up where the runtime has one; net8.0 makes a string).</summary>
    private bool Find(ReadOnlySpan<char> key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out int[]? found)
    {
#if NET9_0_OR_GREATER
        return _lookup.TryGetValue(key, out found);
#else
        return _byKey.TryGetValue(key.ToString(), out found);
#endif
    }
}
