using System.Collections.Frozen;
using System.Text;
using Cleaner.Text;
using System.Text.RegularExpressions;

namespace Cleaner;

/// <summary>
/// A named list of phrases, matched case-insensitively on word boundaries. A phrase written with a
/// leading <c>=</c> matches only a whole line (punctuation around it aside); a <c>*</c> inside a
/// phrase stands for one to three words. Matching never backtracks (<see cref="RegexOptions.NonBacktracking"/>).
/// </summary>
public sealed class PhraseList
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private readonly Regex? _anywhere;
    private readonly FrozenSet<string>? _firstWords;
#if NET9_0_OR_GREATER
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWordLookup;
#endif
    private readonly Regex? _wholeLine;
    private readonly int _maxWholeLineWords;
    private readonly int _maxAnywhereWords;

    /// <summary>Creates a list from its phrases.</summary>
    /// <param name="name">The list's name (a purpose such as <c>social</c>).</param>
    /// <param name="phrases">The phrases; blank ones and <c>#</c> comments are skipped.</param>
    public PhraseList(string name, IEnumerable<string> phrases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(phrases);
        Name = name;
        var list = new List<string>();
        var anywhere = new List<string>();
        var whole = new List<string>();
        var firstWords = new HashSet<string>(StringComparer.Ordinal);
        bool anchored = true;
        foreach (var raw in phrases)
        {
            var phrase = raw.Trim();
            if (phrase.Length == 0 || phrase[0] == '#')
            {
                continue;
            }

            list.Add(phrase);
            if (phrase[0] == '=')
            {
                var body = phrase[1..].Trim();
                whole.Add(ToPattern(body));
                _maxWholeLineWords = Math.Max(_maxWholeLineWords, MaxWords(body));
            }
            else
            {
                anywhere.Add(ToPattern(phrase));
                var first = FirstWord(phrase);
                anchored &= first.Length > 0;
                firstWords.Add(first);
                _maxAnywhereWords = Math.Max(_maxAnywhereWords, MaxWords(phrase));
            }
        }

        Phrases = list;
        if (anywhere.Count > 0)
        {
            _anywhere = new Regex("(?:" + string.Join('|', anywhere) + ")", Options);
            if (anchored)
            {
                _firstWords = firstWords.ToFrozenSet(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
                _firstWordLookup = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
            }
        }

        if (whole.Count > 0)
        {
            _wholeLine = new Regex(@"^[\W_]*(?:" + string.Join('|', whole) + @")[\W_]*$", Options);
        }
    }

    /// <summary>The most words a match of any of the list's phrases can span (whole-line phrases included).</summary>
    public int LongestPhraseWords => Math.Max(_maxWholeLineWords, _maxAnywhereWords);

    /// <summary>The list's name.</summary>
    public string Name { get; }

    /// <summary>The phrases as written.</summary>
    public IReadOnlyList<string> Phrases { get; }

    /// <summary>Returns a list with the phrases of both lists.</summary>
    /// <param name="phrases">The phrases to add.</param>
    public PhraseList With(IEnumerable<string> phrases) => new(Name, Phrases.Concat(phrases));

    /// <summary>
    /// How much of the text the list's phrases cover: 1 for a whole-line phrase, otherwise the share
    /// of the text's letters and digits inside matches; 0 when nothing matches.
    /// </summary>
    /// <param name="text">The text to look at.</param>
    public double Coverage(ReadOnlySpan<char> text)
    {
        if (IsWholeLine(text))
        {
            return 1;
        }

        if (!MayMatchAnywhere(text))
        {
            return 0;
        }

        int covered = 0;
        foreach (var match in _anywhere.EnumerateMatches(text))
        {
            covered += TextStats.CountLettersAndDigits(text.Slice(match.Index, match.Length));
        }

        if (covered == 0)
        {
            return 0;
        }

        int total = TextStats.CountLettersAndDigits(text);
        return total == 0 ? 0 : Math.Min(1, (double)covered / total);
    }

    /// <summary>The first text the list matches, or null (for reasons shown to people).</summary>
    /// <param name="text">The text to look at.</param>
    public string? FirstMatch(ReadOnlySpan<char> text)
    {
        if (IsWholeLine(text))
        {
            return text.Trim().ToString();
        }

        if (MayMatchAnywhere(text))
        {
            foreach (var match in _anywhere.EnumerateMatches(text))
            {
                return text.Slice(match.Index, match.Length).ToString();
            }
        }

        return null;
    }

    /// <summary>Whether any phrase of the list occurs in the text.</summary>
    /// <param name="text">The text to look at.</param>
    public bool IsMatch(ReadOnlySpan<char> text) =>
        IsWholeLine(text) || (MayMatchAnywhere(text) && _anywhere.IsMatch(text));

    /// <summary>
    /// A cheap necessary condition for an anywhere-phrase match: every such phrase starts with a word
    /// (a run of letters and digits) on a word boundary, so a match needs that word among the text's
    /// runs of letters and digits (compared lower-cased). Lists with a phrase that starts otherwise
    /// (a symbol, a wildcard) always run their pattern.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(_anywhere))]
    private bool MayMatchAnywhere(ReadOnlySpan<char> text)
    {
        if (_anywhere is null)
        {
            return false;
        }

        if (_firstWords is null)
        {
            return true;
        }

        Span<char> lower = stackalloc char[32];
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            if (word.Length > lower.Length)
            {
                continue;
            }

            int n = word.ToLowerInvariant(lower);
#if NET9_0_OR_GREATER
            if (_firstWordLookup.Contains(lower[..n]))
#else
            if (_firstWords.Contains(lower[..n].ToString()))
#endif
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The phrase's first run of letters and digits, lower-cased, when the phrase starts with one; otherwise empty.</summary>
    private static string FirstWord(string phrase)
    {
        int end = 0;
        while (end < phrase.Length && char.IsLetterOrDigit(phrase[end]))
        {
            end++;
        }

        return end > 32 ? string.Empty : phrase[..end].ToLowerInvariant();
    }

    /// <summary>
    /// Whether a whole-line phrase matches the text. A match is the phrase with only non-word
    /// characters around it, so the text has no more words (white-space separated runs that hold a
    /// letter or digit) than the longest whole-line phrase can take; longer text is not searched.
    /// </summary>
    private bool IsWholeLine(ReadOnlySpan<char> text) =>
        _wholeLine is not null && !HasMoreWords(text, _maxWholeLineWords) && _wholeLine.IsMatch(text);

    /// <summary>The most white-space separated words a match of the phrase can have: one per run of its characters, three per <c>*</c>.</summary>
    private static int MaxWords(string phrase)
    {
        int words = 0;
        bool inRun = false;
        foreach (char c in phrase)
        {
            if (c == '*')
            {
                words += 3;
                inRun = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                inRun = false;
            }
            else if (!inRun)
            {
                words++;
                inRun = true;
            }
        }

        return words;
    }

    /// <summary>Whether the text has more than <paramref name="max"/> white-space separated runs that hold a letter or digit.</summary>
    private static bool HasMoreWords(ReadOnlySpan<char> text, int max)
    {
        int words = 0;
        bool inRun = false, counted = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inRun = false;
                continue;
            }

            if (!inRun)
            {
                inRun = true;
                counted = false;
            }

            if (!counted && char.IsLetterOrDigit(c))
            {
                counted = true;
                if (++words > max)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Turns a phrase into a pattern, with word boundaries where the phrase starts or ends with a word character.</summary>
    private static string ToPattern(string phrase)
    {
        var sb = new StringBuilder(phrase.Length + 16);
        if (char.IsLetterOrDigit(phrase[0]) || phrase[0] == '*')
        {
            sb.Append(@"\b");
        }

        bool lastWasSpace = false;
        foreach (char c in phrase)
        {
            if (c == '*')
            {
                sb.Append(@"[\w'’.-]+(?:\s+[\w'’.-]+){0,2}");
                lastWasSpace = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    sb.Append(@"\s+");
                }

                lastWasSpace = true;
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
                lastWasSpace = false;
            }
        }

        if (char.IsLetterOrDigit(phrase[^1]) || phrase[^1] == '*')
        {
            sb.Append(@"\b");
        }

        return sb.ToString();
    }
}
