using System.Text;
using System.Text.RegularExpressions;
using Cleaner.Text;

namespace Cleaner;

/// <summary>
/// A named list of phrases, matched case-insensitively on word boundaries. A phrase written with a
/// leading <c>=</c> matches only a whole line (punctuation around it aside); a <c>*</c> inside a
/// phrase stands for one to three words. Matching never backtracks without bound, and a list is
/// searched only in text that holds a key word of one of its phrases (see <see cref="PhraseKeys"/>).
/// A list takes up to <see cref="MaxPhrases"/> phrases of up to <see cref="MaxPhraseLength"/>
/// characters and <see cref="MaxWildcards"/> wildcards each; of them, up to
/// <see cref="MaxLeadingWildcardPhrases"/> may start with a <c>*</c> (or with a word glued to one).
/// </summary>
public sealed class PhraseList
{
    /// <summary>The most phrases a list takes.</summary>
    public const int MaxPhrases = 1_000_000;

    /// <summary>The most characters of one phrase.</summary>
    public const int MaxPhraseLength = 1_000;

    /// <summary>The most <c>*</c> wildcards in one phrase.</summary>
    public const int MaxWildcards = 100;

    /// <summary>The most phrases of a list that start with a <c>*</c> or with a word glued to one (each is tried at every word of a text that holds its key).</summary>
    public const int MaxLeadingWildcardPhrases = 10_000;

    private readonly PhraseSet? _anywhere;
    private readonly PhraseSet? _wholeLine;
    private readonly int _maxWholeLineWords;
    private readonly int _maxAnywhereWords;

    /// <summary>Creates a list from its phrases.</summary>
    /// <param name="name">The list's name (a purpose such as <c>social</c>).</param>
    /// <param name="phrases">The phrases; blank ones and <c>#</c> comments are skipped.</param>
    /// <exception cref="PhraseLimitException">The list passes one of the limits (<see cref="MaxPhrases"/>, <see cref="MaxPhraseLength"/>, <see cref="MaxWildcards"/>, <see cref="MaxLeadingWildcardPhrases"/>).</exception>
    public PhraseList(string name, IEnumerable<string> phrases)
        : this(name, phrases, builtIn: false, null, 0)
    {
    }

    /// <summary>
    /// Creates a list of a book. A built-in list alone (<paramref name="builtIn"/>) is one pattern,
    /// compiled when first needed (a short input whose blocks hold no key of a list never pays for
    /// compiling it, which is most of a command's start-up); a list with phrases of a user is indexed.
    /// The list's anywhere and whole-line phrases take the bits <paramref name="firstBit"/> and the
    /// next of <paramref name="book"/>'s blocks (none past 64).
    /// </summary>
    internal PhraseList(string name, IEnumerable<string> phrases, bool builtIn, PhraseBook? book, int firstBit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(phrases);
        Name = name;
        var list = new List<string>();
        var anywhere = new List<string>();
        var whole = new List<string>();
        int leadingWildcards = 0;
        foreach (var raw in phrases)
        {
            var phrase = raw.Trim();
            if (phrase.Length == 0 || phrase[0] == '#')
            {
                continue;
            }

            list.Add(phrase);
            var body = phrase[0] == '=' ? phrase[1..].Trim() : phrase;
            if (!builtIn)
            {
                CheckLimits(name, phrase, body, list.Count, ref leadingWildcards);
            }

            if (phrase[0] == '=')
            {
                whole.Add(body);
                _maxWholeLineWords = Math.Max(_maxWholeLineWords, MaxWords(body));
            }
            else
            {
                anywhere.Add(phrase);
                _maxAnywhereWords = Math.Max(_maxAnywhereWords, MaxWords(phrase));
            }
        }

        Phrases = list;
        int bit = firstBit;
        if (anywhere.Count > 0)
        {
            _anywhere = new PhraseSet(anywhere, wholeLine: false, builtIn, bit < 64 ? book : null, bit);
            bit++;
        }

        if (whole.Count > 0)
        {
            _wholeLine = new PhraseSet(whole, wholeLine: true, builtIn, bit < 64 ? book : null, bit);
        }
    }

    /// <summary>The number of bits of <see cref="Block.PhraseCandidates"/> the list takes (one per set of phrases it has).</summary>
    internal int Bits => (_anywhere is null ? 0 : 1) + (_wholeLine is null ? 0 : 1);

    private static void CheckLimits(string name, string phrase, string body, int count, ref int leadingWildcards)
    {
        if (count > MaxPhrases)
        {
            throw new PhraseLimitException($"the phrase list '{name}' has more than {MaxPhrases:N0} phrases", name);
        }

        if (phrase.Length > MaxPhraseLength)
        {
            throw new PhraseLimitException($"a phrase of the list '{name}' is longer than {MaxPhraseLength:N0} characters: \"{phrase[..40]}...\"", name);
        }

        if (body.Length == 0)
        {
            throw new PhraseLimitException($"the list '{name}' has a whole-line phrase without words ('=')", name);
        }

        if (phrase.Count(c => c == '*') > MaxWildcards)
        {
            throw new PhraseLimitException($"a phrase of the list '{name}' has more than {MaxWildcards} '*' wildcards: \"{phrase}\"", name);
        }

        if (PhraseIndex.FirstTokens(body) is null && ++leadingWildcards > MaxLeadingWildcardPhrases)
        {
            throw new PhraseLimitException($"the list '{name}' has more than {MaxLeadingWildcardPhrases:N0} phrases that start with a '*' (or a word glued to one)", name);
        }
    }

    /// <summary>The phrases that match anywhere, compiled, or null when there are none.</summary>
    internal PhraseSet? Anywhere => _anywhere;

    /// <summary>The phrases that must be the whole line, compiled, or null when there are none.</summary>
    internal PhraseSet? WholeLine => _wholeLine;

    /// <summary>The most words a match of any of the list's phrases can span (whole-line phrases included).</summary>
    public int LongestPhraseWords => Math.Max(_maxWholeLineWords, _maxAnywhereWords);

    /// <summary>The list's name.</summary>
    public string Name { get; }

    /// <summary>The phrases as written.</summary>
    public IReadOnlyList<string> Phrases { get; }

    /// <summary>Returns a list with the phrases of both lists.</summary>
    /// <param name="phrases">The phrases to add.</param>
    /// <exception cref="PhraseLimitException">The list passes one of the limits.</exception>
    public PhraseList With(IEnumerable<string> phrases) => new(Name, Phrases.Concat(phrases));

    /// <summary>
    /// How much of the text the list's phrases cover: 1 for a whole-line phrase, otherwise the share
    /// of the text's letters and digits inside matches; 0 when nothing matches.
    /// </summary>
    /// <param name="text">The text to look at.</param>
    public double Coverage(ReadOnlySpan<char> text) => Coverage(text, null);

    /// <summary>How much of the block the list's phrases cover (see <see cref="Coverage(ReadOnlySpan{char})"/>).</summary>
    internal double Coverage(Block block) => Coverage(block.Span, block);

    /// <summary>
    /// How much of the block the list's phrases cover, and where the first match lies (what
    /// <see cref="FirstMatch(Block)"/> returns), found in one search.
    /// </summary>
    internal (double Coverage, Range First) Measure(Block block) => Measure(block.Span, block);

    /// <summary>The first text the list matches, or null (for reasons shown to people).</summary>
    /// <param name="text">The text to look at.</param>
    public string? FirstMatch(ReadOnlySpan<char> text) => FirstMatch(text, null);

    /// <summary>The first text of the block the list matches, or null.</summary>
    internal string? FirstMatch(Block block) => FirstMatch(block.Span, block);

    /// <summary>
    /// The first text the list matches in a part of the block (its span from <paramref name="start"/>,
    /// <paramref name="length"/> characters), or null. A part that does not cut a run of letters and
    /// digits in two holds only runs of the block, so the block's keys answer whether to search it.
    /// </summary>
    internal string? FirstMatch(Block block, int start, int length)
    {
        var span = block.Span;
        int end = start + length;
        bool cut = (start > 0 && start < span.Length && char.IsLetterOrDigit(span[start - 1]) && char.IsLetterOrDigit(span[start]))
            || (end < span.Length && end > 0 && char.IsLetterOrDigit(span[end - 1]) && char.IsLetterOrDigit(span[end]));
        if (!cut && !(_wholeLine is not null && _wholeLine.MayMatch(span, block)) && !MayMatchAnywhere(span, block))
        {
            return null;
        }

        return FirstMatch(span.Slice(start, length), null);
    }

    /// <summary>Whether any phrase of the list occurs in the text.</summary>
    /// <param name="text">The text to look at.</param>
    public bool IsMatch(ReadOnlySpan<char> text) => IsMatch(text, null);

    /// <summary>Whether any phrase of the list occurs in the block.</summary>
    internal bool IsMatch(Block block) => IsMatch(block.Span, block);

    /// <remarks>With a block, <paramref name="text"/> is its span and the keys the block holds are known already.</remarks>
    private double Coverage(ReadOnlySpan<char> text, Block? block) => Measure(text, block).Coverage;

    private (double Coverage, Range First) Measure(ReadOnlySpan<char> text, Block? block)
    {
        if (IsWholeLine(text, block))
        {
            int lead = text.Length - text.TrimStart().Length;
            return (1, new Range(lead, lead + text.Trim().Length));
        }

        if (!MayMatchAnywhere(text, block))
        {
            return (0, default);
        }

        int covered = 0;
        Range first = default;
        bool any = false;
        foreach (var (index, length) in _anywhere.EnumerateMatches(text))
        {
            if (!any)
            {
                first = new Range(index, index + length);
                any = true;
            }

            covered += TextStats.CountLettersAndDigits(text.Slice(index, length));
        }

        if (covered == 0)
        {
            return (0, first);
        }

        int total = TextStats.CountLettersAndDigits(text);
        return (total == 0 ? 0 : Math.Min(1, (double)covered / total), first);
    }

    private string? FirstMatch(ReadOnlySpan<char> text, Block? block)
    {
        if (IsWholeLine(text, block))
        {
            return text.Trim().ToString();
        }

        if (MayMatchAnywhere(text, block))
        {
            foreach (var (index, length) in _anywhere.EnumerateMatches(text))
            {
                return text.Slice(index, length).ToString();
            }
        }

        return null;
    }

    private bool IsMatch(ReadOnlySpan<char> text, Block? block) =>
        IsWholeLine(text, block) || (MayMatchAnywhere(text, block) && _anywhere.IsMatch(text));

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(_anywhere))]
    private bool MayMatchAnywhere(ReadOnlySpan<char> text, Block? block) =>
        _anywhere is not null && _anywhere.MayMatch(text, block);

    /// <summary>
    /// Whether a whole-line phrase matches the text. A match is the phrase with only non-word
    /// characters around it, so the text has no more words (white-space separated runs that hold a
    /// letter or digit) than the longest whole-line phrase can take; longer text is not searched.
    /// </summary>
    private bool IsWholeLine(ReadOnlySpan<char> text, Block? block) =>
        _wholeLine is not null
        && (block is null
            ? !HasMoreWords(text, _maxWholeLineWords) && _wholeLine.MayMatch(text, null) // the word count is the cheaper test
            : _wholeLine.MayMatch(text, block) && !HasMoreWords(text, _maxWholeLineWords)) // the block's keys are known
        && _wholeLine.IsMatch(text);

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
    internal static string ToPattern(string phrase)
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
