using System.Text;
using Cleaner.Text;
using System.Text.RegularExpressions;

namespace Cleaner;

/// <summary>
/// A named list of phrases, matched case-insensitively on word boundaries. A phrase written with a
/// leading <c>=</c> matches only a whole line (punctuation around it aside); a <c>*</c> inside a
/// phrase stands for one to three words. Matching never backtracks (<see cref="RegexOptions.NonBacktracking"/>),
/// and a pattern is run only on text that holds a key word of one of its phrases (see <see cref="PhraseKeys"/>).
/// </summary>
public sealed class PhraseList
{
    private readonly PhraseSet? _anywhere;
    private readonly PhraseSet? _wholeLine;
    private readonly int _maxWholeLineWords;
    private readonly int _maxAnywhereWords;

    /// <summary>Creates a list from its phrases.</summary>
    /// <param name="name">The list's name (a purpose such as <c>social</c>).</param>
    /// <param name="phrases">The phrases; blank ones and <c>#</c> comments are skipped.</param>
    public PhraseList(string name, IEnumerable<string> phrases)
        : this(name, phrases, compileNow: true)
    {
    }

    /// <summary>
    /// Creates a list; with <paramref name="compileNow"/> false its patterns are compiled when first
    /// needed (only the built-in lists, which are known to compile: a short input whose blocks hold
    /// no key of a list never pays for compiling it, which is most of a command's start-up).
    /// </summary>
    internal PhraseList(string name, IEnumerable<string> phrases, bool compileNow)
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
        if (anywhere.Count > 0)
        {
            _anywhere = new PhraseSet(anywhere, pattern => "(?:" + pattern + ")", compileNow);
        }

        if (whole.Count > 0)
        {
            _wholeLine = new PhraseSet(whole, pattern => @"^[\W_]*(?:" + pattern + @")[\W_]*$", compileNow);
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
        foreach (var match in _anywhere.Pattern.EnumerateMatches(text))
        {
            if (!any)
            {
                first = new Range(match.Index, match.Index + match.Length);
                any = true;
            }

            covered += TextStats.CountLettersAndDigits(text.Slice(match.Index, match.Length));
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
            foreach (var match in _anywhere.Pattern.EnumerateMatches(text))
            {
                return text.Slice(match.Index, match.Length).ToString();
            }
        }

        return null;
    }

    private bool IsMatch(ReadOnlySpan<char> text, Block? block) =>
        IsWholeLine(text, block) || (MayMatchAnywhere(text, block) && _anywhere.Pattern.IsMatch(text));

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
        && _wholeLine.Pattern.IsMatch(text);

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

/// <summary>
/// Phrases compiled into one pattern, with the key of each (see <see cref="PhraseKeys"/>) so that
/// the pattern runs only on text that holds one.
/// </summary>
internal sealed class PhraseSet
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private readonly PhraseKeys? _keys;
    private readonly Lazy<Regex> _pattern;

    /// <summary>
    /// Compiles the phrases, now or when the pattern is first used; <paramref name="wrap"/> puts the
    /// alternation of their patterns in context.
    /// </summary>
    public PhraseSet(IReadOnlyList<string> phrases, Func<string, string> wrap, bool compileNow = true)
    {
        var source = wrap(string.Join('|', phrases.Select(PhraseList.ToPattern)));
        _pattern = new Lazy<Regex>(() => new Regex(source, Options), LazyThreadSafetyMode.ExecutionAndPublication);
        if (compileNow)
        {
            _ = _pattern.Value;
        }

        var words = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var symbols = new Dictionary<char, ulong>();
        foreach (var phrase in phrases)
        {
            var (word, symbol) = PhraseKeys.KeyOf(phrase, Languages.IsStopword);
            if (word is not null)
            {
                words[word] = 1;
            }
            else if (symbol != '\0')
            {
                symbols[symbol] = 1;
            }
            else
            {
                return; // a phrase without a key: the pattern always runs
            }
        }

        KeyWords = [.. words.Keys];
        KeySymbols = [.. symbols.Keys];
        _keys = new PhraseKeys(words, symbols);
    }

    /// <summary>The compiled phrases.</summary>
    public Regex Pattern => _pattern.Value;

    /// <summary>The key words of the phrases; null when a phrase has no key.</summary>
    public IReadOnlyList<string>? KeyWords { get; }

    /// <summary>The key symbols of the phrases without letters; null when a phrase has no key.</summary>
    public IReadOnlyList<char>? KeySymbols { get; }

    /// <summary>The book that gave the set a bit in <see cref="Block.PhraseCandidates"/>, and the bit.</summary>
    public (PhraseBook Book, int Bit)? Slot { get; set; }

    /// <summary>
    /// Whether a phrase may match: the text holds a key. For a block (whose span is
    /// <paramref name="text"/>), the answer comes from the block's keys, found once for every set of its book.
    /// </summary>
    public bool MayMatch(ReadOnlySpan<char> text, Block? block)
    {
        if (_keys is null)
        {
            return true;
        }

        return block is not null && Slot is { } slot && ReferenceEquals(block.Document.Phrases, slot.Book)
            ? (block.PhraseCandidates & (1UL << slot.Bit)) != 0
            : _keys.Occurs(text);
    }
}
