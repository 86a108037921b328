using System.Text.RegularExpressions;
using Cleaner.Text;

namespace Cleaner;

/// <summary>
/// The phrases of a list that match anywhere, or those that must be the whole line, with the key of
/// each (see <see cref="PhraseKeys"/>) so that they are searched only in text that holds one. The
/// built-in lists are compiled into one non-backtracking pattern (when first needed); a list with
/// phrases of a user is indexed (<see cref="PhraseIndex"/>), which takes lists of any size, and
/// matches as the pattern would.
/// </summary>
internal sealed class PhraseSet
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private readonly PhraseKeys? _keys;
    private readonly Lazy<Regex[]>? _patterns;
    private readonly PhraseBook? _book;
    private readonly bool _wholeLine;

    /// <summary>Sets up the phrases (bodies, without the whole-line mark).</summary>
    /// <param name="phrases">The phrases, in list order.</param>
    /// <param name="wholeLine">Whether the phrases must be the whole line.</param>
    /// <param name="builtIn">Whether the phrases are a built-in list's alone: one pattern, compiled when first needed.</param>
    /// <param name="book">The book whose blocks carry a bit for the set in <see cref="Block.PhraseCandidates"/>, or null.</param>
    /// <param name="bit">The set's bit in that book.</param>
    public PhraseSet(IReadOnlyList<string> phrases, bool wholeLine, bool builtIn, PhraseBook? book = null, int bit = 0)
    {
        _book = book;
        _wholeLine = wholeLine;
        Bit = bit;
        if (builtIn)
        {
            // A non-backtracking pattern has a bound on its automaton's size, which a long list of
            // whole-line phrases with wildcards passes; those are asked only whether one matches, so
            // they are split into patterns of at most WholeLineChunk phrases each. Phrases that match
            // anywhere are enumerated left to right, and stay one pattern. A whole line may end in a
            // count in brackets ("Comments (12)"; PhraseIndex.BeforeCount for lists of a user).
            var sources = (wholeLine ? phrases.Chunk(WholeLineChunk) : [phrases.ToArray()])
                .Select(chunk => "(?:" + string.Join('|', chunk.Select(PhraseList.ToPattern)) + ")")
                .Select(alternation => wholeLine ? @"^[\W_]*" + alternation + @"(?:[\W_]*(?:\([0-9][0-9.,]*\)|\[[0-9][0-9.,]*\]))?[\W_]*$" : alternation)
                .ToArray();
            _patterns = new Lazy<Regex[]>(() => [.. sources.Select(source => new Regex(source, Options))], LazyThreadSafetyMode.ExecutionAndPublication);
        }
        else
        {
            Index = new PhraseIndex(phrases);
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
                return; // a phrase without a key: the set is always searched
            }
        }

        KeyWords = [.. words.Keys];
        KeySymbols = [.. symbols.Keys];
        _keys = new PhraseKeys(words, symbols);
    }

    /// <summary>The most whole-line phrases of a built-in list compiled into one pattern.</summary>
    internal const int WholeLineChunk = 64;

    /// <summary>
    /// The compiled phrases of a built-in list (one pattern, or for whole-line phrases one pattern
    /// per <see cref="WholeLineChunk"/> phrases), or null for an indexed set.
    /// </summary>
    public IReadOnlyList<Regex>? Patterns => _patterns?.Value;

    /// <summary>The indexed phrases of a list with phrases of a user, or null for a built-in list.</summary>
    public PhraseIndex? Index { get; }

    /// <summary>The key words of the phrases; null when a phrase has no key.</summary>
    public IReadOnlyList<string>? KeyWords { get; }

    /// <summary>The key symbols of the phrases without letters; null when a phrase has no key.</summary>
    public IReadOnlyList<char>? KeySymbols { get; }

    /// <summary>The set's bit in <see cref="Block.PhraseCandidates"/> of the blocks of its book's documents (assigned when the book is built).</summary>
    public int Bit { get; }

    /// <summary>
    /// Whether a phrase may match: the text holds a key. For a block (whose span is
    /// <paramref name="text"/>) of a document of the set's book, the answer comes from the block's
    /// keys, found once for every set of the book.
    /// </summary>
    public bool MayMatch(ReadOnlySpan<char> text, Block? block)
    {
        if (_keys is null)
        {
            return true;
        }

        return block is not null && _book is not null && ReferenceEquals(block.Document.Phrases, _book)
            ? (block.PhraseCandidates & (1UL << Bit)) != 0
            : _keys.Occurs(text);
    }

    /// <summary>Whether the text matches (for whole-line phrases, whether it is one of them).</summary>
    public bool IsMatch(ReadOnlySpan<char> text) =>
        Index is null ? AnyPatternMatches(text) : _wholeLine ? Index.IsWholeLine(text) : Index.TryMatch(text, 0, Index.ActiveLoose(text), out _, out _);

    private bool AnyPatternMatches(ReadOnlySpan<char> text)
    {
        foreach (var pattern in _patterns!.Value)
        {
            if (pattern.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The matches of phrases that match anywhere, left to right, each search going on where the last match ended.</summary>
    public Matches EnumerateMatches(ReadOnlySpan<char> text) => new(this, text);

    /// <summary>The matches of a set in a text (see <see cref="EnumerateMatches"/>).</summary>
    public ref struct Matches
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly PhraseIndex? _index;
        private readonly ulong[]? _loose;
        private Regex.ValueMatchEnumerator _regex;
        private int _next;

        internal Matches(PhraseSet set, ReadOnlySpan<char> text)
        {
            _text = text;
            _index = set.Index;
            if (_index is null)
            {
                _regex = set._patterns!.Value[0].EnumerateMatches(text); // phrases that match anywhere: one pattern
            }
            else
            {
                _loose = _index.ActiveLoose(text);
            }
        }

        /// <summary>The current match's start and length.</summary>
        public (int Index, int Length) Current { get; private set; }

        /// <summary>Supports <c>foreach</c>.</summary>
        public readonly Matches GetEnumerator() => this;

        /// <summary>Finds the next match.</summary>
        public bool MoveNext()
        {
            if (_index is null)
            {
                if (!_regex.MoveNext())
                {
                    return false;
                }

                Current = (_regex.Current.Index, _regex.Current.Length);
                return true;
            }

            if (_next > _text.Length || !_index.TryMatch(_text, _next, _loose, out int index, out int length))
            {
                return false;
            }

            Current = (index, length);
            _next = index + length;
            return true;
        }
    }
}
