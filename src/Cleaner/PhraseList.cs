using System.Text;
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
                _maxAnywhereWords = Math.Max(_maxAnywhereWords, MaxWords(phrase));
            }
        }

        Phrases = list;
        if (anywhere.Count > 0)
        {
            _anywhere = new Regex("(?:" + string.Join('|', anywhere) + ")", Options);
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

        if (_anywhere is null)
        {
            return 0;
        }

        int covered = 0;
        foreach (var match in _anywhere.EnumerateMatches(text))
        {
            covered += CountAlnum(text.Slice(match.Index, match.Length));
        }

        if (covered == 0)
        {
            return 0;
        }

        int total = CountAlnum(text);
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

        if (_anywhere is not null)
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
        IsWholeLine(text) || (_anywhere is not null && _anywhere.IsMatch(text));

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

    private static int CountAlnum(ReadOnlySpan<char> text)
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
