using System.Buffers;
using System.Runtime.InteropServices;
using Cleaner.Text;

namespace Cleaner.Filters;

/// <summary>
/// The one title finder; it protects the title from later filters. For HTML the page's metadata
/// titles seed it: the HTML input runs the seeded step (<see cref="Seed"/>) while it reads the page,
/// and this filter keeps the block found. Otherwise (plain text, or no block shows the metadata
/// title) the title is the headline-like line before the body whose words the body, or the metadata
/// title, repeat most. Only this class sets <see cref="Document.TitleBlock"/>.
/// </summary>
public sealed class TitleFilter : IBlockFilter
{
    /// <summary>What separates the words of a headline or a paragraph (Latin and CJK punctuation).</summary>
    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t\u00A0\u3000,;:/|!?.\"'()[]\u201C\u201D\u2018\u2019-\u3001\u3002\uFF0C");

    /// <inheritdoc />
    public string Name => "title";

    /// <inheritdoc />
    public FilterTraits Traits => FilterTraits.Protects;

    /// <inheritdoc />
    public string Description => "Finds the title (a headline before the body that the body's words echo) and keeps it.";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.TitleBlock is { } known)
        {
            known.Keep("the title");
            return;
        }

        var blocks = document.Blocks;
        int bodyStart = Zones.BodyStart(document);
        if (bodyStart >= blocks.Count)
        {
            return;
        }

        // The candidates and their content words first; then one pass over the body finds which of
        // those words it holds (the body's own words are never collected).
        var stop = document.StopWords;
        var metaTitle = document.Metadata.Title is { } m ? ContentWords(m.AsSpan(), stop) : null;
        var candidates = new List<(Block Block, HashSet<string> Words)>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        for (int i = Math.Max(0, bodyStart - 40); i < bodyStart; i++)
        {
            var block = blocks[i];
            var f = block.Features;
            if (block.IsRemoved || f.WordCount is < 3 or > 30 || (f.EndsWithTerminalPunctuation && block.Span.TrimEnd()[^1] == '.'))
            {
                continue;
            }

            // A dateline or an address is not a headline (a year in a headline is fine).
            if (f.DigitCount >= 6 || (f.DigitCount > 0 && Dates.NamesMonth(block.Span))
                || block.Span.Contains("://", StringComparison.Ordinal) || block.Span.Contains(".co", StringComparison.Ordinal))
            {
                continue;
            }

            if (!StartsLikeHeadline(block) || IsFormLabel(block.Span))
            {
                continue;
            }

            var words = ContentWords(block.Span, stop);
            if (words.Count < 2)
            {
                continue;
            }

            candidates.Add((block, words));
            wanted.UnionWith(words);
        }

        var bodyWords = BodyWords(document, bodyStart, wanted);
        Block? best = null;
        double bestScore = 0;
        foreach (var (block, words) in candidates)
        {
            var f = block.Features;
            int i = block.Index;
            int echoed = 0;
            foreach (var w in words)
            {
                if (bodyWords.Contains(w))
                {
                    echoed++;
                }
            }

            double share = (double)echoed / words.Count;
            if (metaTitle is not null)
            {
                int shared = words.Count(metaTitle.Contains);
                share = Math.Max(share, (double)shared / Math.Max(words.Count, metaTitle.Count) * 1.5);
                echoed = Math.Max(echoed, shared * 2);
            }

            double score;
            if (echoed >= 2 && share >= 0.2)
            {
                // Headlines run to several words: a two- or three-word line that echoes the body is
                // more likely a section name or a tag line.
                double size = Math.Clamp((f.IsCjk ? f.CjkCount / 3.0 : f.WordCount) / 6.0, 0.5, 2);
                score = echoed * share * size * (bodyStart - i <= 4 ? 1.5 : 1);
            }
            else if (bodyStart - i <= 3 && LooksLikeHeadline(block))
            {
                score = 0.3; // no echo, but a headline just above the body: the best guess left
            }
            else
            {
                continue;
            }

            if (score > bestScore)
            {
                best = block;
                bestScore = score;
            }
        }

        if (best is not null)
        {
            document.TitleBlock = best;
            best.Keep("the title");
        }
    }

    /// <summary>A line shaped like a headline: a few words, starting with a capital (or CJK), no full stop, no separators.</summary>
    private static bool LooksLikeHeadline(Block block)
    {
        var f = block.Features;
        var span = block.Span;
        bool sized = f.IsCjk ? f.CjkCount is >= 8 and <= 60 : f.WordCount is >= 4 and <= 20;
        return sized && !f.EndsWithTerminalPunctuation && span.IndexOfAny('|', '>', '»') < 0 && f.ClauseMarks <= 2;
    }

    /// <summary>
    /// The label of a form field, never a title: a line marked as required or optional, with the
    /// mark in brackets ("Mail (will not be published) (required)", "E-Mail (Pflichtfeld)") or as a
    /// closing asterisk ("Name *").
    /// </summary>
    internal static bool IsFormLabel(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.EndsWith("*", StringComparison.Ordinal) && !text.EndsWith("**", StringComparison.Ordinal))
        {
            return true;
        }

        Span<char> lower = stackalloc char[MaxWordLength];
        for (int open = text.IndexOf('('); open >= 0; open = text.IndexOf('('))
        {
            text = text[(open + 1)..];
            int close = text.IndexOf(')');
            if (close < 0)
            {
                break;
            }

            var mark = text[..close].Trim();
            if (mark.Length is > 0 and <= MaxWordLength && FormMarks.Contains(lower[..TextCase.ToLower(mark, lower)]))
            {
                return true;
            }

            text = text[(close + 1)..];
        }

        return false;
    }

    /// <summary>The marks of a required or optional form field, in the languages with stopword lists and in CJK.</summary>
    private static readonly WordSet FormMarks = new(
    [
        "required", "optional", "mandatory", "obligatory",
        "erforderlich", "pflichtfeld", "pflicht", "freiwillig",
        "requis", "obligatoire", "facultatif", "optionnel",
        "requerido", "obligatorio", "opcional",
        "obrigatório", "obrigatorio",
        "obbligatorio", "facoltativo",
        "verplicht", "optioneel",
        "wymagane", "wymagany", "opcjonalne", "opcjonalnie",
        "obligatorisk", "valfritt", "valfri", "påkrævet", "valgfri", "valgfrit",
        "povinné", "povinný", "nepovinné",
        "обязательно", "обязательное", "необязательно",
        "zorunlu", "isteğe bağlı",
        "必填", "必須", "必需", "필수",
    ]);

    /// <summary>A headline starts with a capital, a digit, a quote or a CJK character, never in lower case or with a symbol.</summary>
    private static bool StartsLikeHeadline(Block block)
    {
        var span = block.Span;
        char first = span[0] is '"' or '\u201C' or '\u00AB' or '\'' or '\u2018' && span.Length > 1 ? span[1] : span[0];
        return char.IsUpper(first) || char.IsDigit(first) || TextStats.IsCjk(first) || (char.IsLetter(first) && !char.IsLower(first));
    }

    /// <summary>The words of <paramref name="wanted"/> that the body's first 6,000 characters of prose hold (see <see cref="ContentWords"/>).</summary>
    private static HashSet<string> BodyWords(Document document, int bodyStart, HashSet<string> wanted)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return found;
        }

        string[] words = [.. wanted];
        var index = new WordTable<int>(words.Select((word, i) => KeyValuePair.Create(word, i)));
        var stop = document.StopWords;
        Span<char> lower = stackalloc char[MaxWordLength];
        int chars = 0;
        var blocks = document.Blocks;
        for (int i = bodyStart; i < blocks.Count && chars < 6000 && found.Count < words.Length; i++)
        {
            if (blocks[i].IsRemoved || !blocks[i].ParagraphFeatures.LooksLikeProse)
            {
                continue;
            }

            chars += blocks[i].Length;
            for (var keys = new ContentKeys(blocks[i].Span, lower); keys.MoveNext();)
            {
                // A word that is not wanted needs no stopword look-up.
                if (index.TryGetValue(keys.Current, out int at) && !(stop is not null && keys.Word.Length > 0 && stop.Contains(keys.Word)))
                {
                    found.Add(words[at]);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The content words of a text as comparison keys: words of three letters or more that are not
    /// stopwords, lower-cased and cut to six letters (a crude stem: "volunteers" meets "volunteer");
    /// for CJK text, which has no spaces, its character pairs.
    /// </summary>
    internal static HashSet<string> ContentWords(ReadOnlySpan<char> text, StopWords? stop)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        Span<char> lower = stackalloc char[MaxWordLength];
        for (var keys = new ContentKeys(text, lower); keys.MoveNext();)
        {
            if (stop is not null && keys.Word.Length > 0 && stop.Contains(keys.Word))
            {
                continue;
            }

#if NET9_0_OR_GREATER
            lookup.Add(keys.Current);
#else
            set.Add(keys.Current.ToString());
#endif
        }

        return set;
    }

    /// <summary>The longest word taken as a content word.</summary>
    private const int MaxWordLength = 32;

    /// <summary>
    /// The candidate content words of a text (see <see cref="ContentWords"/>), stopwords not yet
    /// removed: each key, with the whole lower-cased word it comes from (empty for a CJK pair).
    /// </summary>
    private ref struct ContentKeys(ReadOnlySpan<char> text, Span<char> lower)
    {
        private readonly Span<char> _lower = lower;
        private ReadOnlySpan<char> _rest = text;
        private ReadOnlySpan<char> _cjk;
        private int _pair;

        /// <summary>The key: a stem of at most six letters, or a pair of CJK characters.</summary>
        public ReadOnlySpan<char> Current { get; private set; }

        /// <summary>The lower-cased word the stem comes from, for the stopword test; empty for a CJK pair.</summary>
        public ReadOnlySpan<char> Word { get; private set; }

        public bool MoveNext()
        {
            while (true)
            {
                while (_pair + 1 < _cjk.Length)
                {
                    int k = _pair++;
                    if (TextStats.IsCjk(_cjk[k]) && TextStats.IsCjk(_cjk[k + 1]))
                    {
                        Current = _cjk.Slice(k, 2);
                        Word = default;
                        return true;
                    }
                }

                _cjk = default;
                _pair = 0;
                if (!Tokens.Next(ref _rest, Separators, out var word))
                {
                    return false;
                }

                if (TextStats.IsCjk(word[0]))
                {
                    // No spaces: its character pairs are the keys. (The token is a slice of the text this
                    // reader holds; the compiler only cannot see that through the out parameter.)
                    _cjk = MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetReference(word), word.Length);
                    continue;
                }

                if (word.Length < 3 || word.Length > _lower.Length)
                {
                    continue;
                }

                int n = TextCase.ToLower(word, _lower);
                Word = _lower[..n];
                Current = _lower[..Math.Min(n, 6)];
                return true;
            }
        }
    }

    /// <summary>
    /// The seeded step of the title finder, which the HTML input runs while it reads a page (so that
    /// the extractor knows the title): the block that shows one of the page's metadata titles becomes
    /// the title block, joins the article, and lends the metadata title the wording the page shows.
    /// When no block shows it, the filter's own step (<see cref="Apply"/>) looks for the title later,
    /// with the metadata title still weighing in.
    /// </summary>
    /// <param name="document">The page, its blocks read and its metadata set.</param>
    /// <param name="titles">The title's forms found in the page's metadata (the title alone when empty).</param>
    internal static void Seed(Document document, IReadOnlyList<string> titles)
    {
        if (document.Metadata.Title is not { } title)
        {
            return;
        }

        if (FindSeeded(document.Blocks, document.HasMainContent, title, titles) is { } best)
        {
            document.TitleBlock = best;
            best.InMainContent = true;
            document.Metadata = document.Metadata with { Title = best.Text };
        }
    }

    /// <summary>
    /// The block that shows one of the page's titles (a heading near the top, preferably, before the
    /// article's first paragraph or a little into it), or null.
    /// </summary>
    private static Block? FindSeeded(IReadOnlyList<Block> blocks, bool hasMainContent, string title, IReadOnlyList<string> titles)
    {
        // Look before the article's first paragraph (and a little into it).
        int limit = blocks.Count;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].InMainContent && hasMainContent && blocks[i].Features.LooksLikeProse)
            {
                limit = Math.Min(blocks.Count, i + 5);
                break;
            }
        }

        Block? best = null;
        double bestScore = 0;
        var blockWords = new HashSet<string>?[limit]; // each block's words, made once for all candidates
        var candidates = titles.Count > 0 ? titles : [title];
        var titleSets = new HashSet<string>[candidates.Count];
        var allWords = new TitleWords(candidates.Count == 1 ? null : new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        for (int t = 0; t < titleSets.Length; t++)
        {
            titleSets[t] = SeededWords(candidates[t]);
            allWords.Add(titleSets[t]);
        }

        // Each block's words found among any title's words, counted once for all candidates: a bound
        // on its words found in one title's, which rules out most blocks without looking again.
        var foundInAny = new int[limit];
        foundInAny.AsSpan().Fill(-1);
        foreach (var titleWords in titleSets)
        {
            if (titleWords.Count == 0)
            {
                continue;
            }

            for (int i = 0; i < limit; i++)
            {
                var block = blocks[i];
                if (block.Features.WordCount > 40)
                {
                    continue;
                }

                // A block with too few of the title's words cannot reach the similarity below (its
                // distinct shared words are at most its words found in the title): its word set is
                // not made (integers, so that the bound is exact).
                int found = int.MaxValue;
                if (blockWords[i] is null)
                {
                    if (foundInAny[i] < 0)
                    {
                        foundInAny[i] = allWords.CountIn(block.Span, titleWords);
                    }

                    found = foundInAny[i];
                    if (!TooFew(block, found, titleWords.Count) && allWords.Union is not null)
                    {
                        found = TitleWordsIn(block.Span, titleWords, allWords.Lengths);
                    }
                }

                if (TooFew(block, found, titleWords.Count))
                {
                    continue;
                }

                var words = blockWords[i] ??= SeededWords(block.Span);
                int common = 0;
                foreach (var w in words)
                {
                    if (titleWords.Contains(w))
                    {
                        common++;
                    }
                }

                double similarity = (double)common / Math.Max(words.Count, titleWords.Count);
                double score = similarity + (block.Kind == BlockKind.Heading ? 0.2 : 0) + (block.HeadingLevel == 1 ? 0.1 : 0);
                if (similarity >= (block.Kind == BlockKind.Heading ? 0.5 : 0.8) && score > bestScore)
                {
                    best = block;
                    bestScore = score;
                }
            }
        }

        return best;
    }

    /// <summary>The distinct words of a text, compared case-insensitively.</summary>
    private static HashSet<string> SeededWords(ReadOnlySpan<char> text)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
#if NET9_0_OR_GREATER
        var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        while (Tokens.Next(ref text, SeededSeparators, out var word))
        {
#if NET9_0_OR_GREATER
            lookup.Add(word); // a string only for a word not seen yet
#else
            set.Add(word.ToString());
#endif
        }

        return set;
    }

    /// <summary>Whether a block holds too few of a title's words to show it (see <see cref="FindSeeded"/>).</summary>
    private static bool TooFew(Block block, int found, int titleWords) =>
        block.Kind == BlockKind.Heading ? found * 2L < titleWords : found * 5L < titleWords * 4L;

    /// <summary>
    /// The words of every title of a page (null when there is one title: its own words), and the
    /// lengths they have, so that a word of another length is not looked up (case-insensitive
    /// ordinal equality keeps the length).
    /// </summary>
    private sealed class TitleWords(HashSet<string>? union)
    {
        public HashSet<string>? Union { get; } = union;

        /// <summary>Bit n: some title word has n characters (bit 63: 63 or more).</summary>
        public ulong Lengths { get; private set; }

        public void Add(HashSet<string> words)
        {
            foreach (var w in words)
            {
                Lengths |= 1UL << Math.Min(w.Length, 63);
            }

            Union?.UnionWith(words);
        }

        /// <summary>A text's words found among the titles' words (among <paramref name="only"/>'s when there is one title).</summary>
        public int CountIn(ReadOnlySpan<char> text, HashSet<string> only) => TitleWordsIn(text, Union ?? only, Lengths);
    }

    /// <summary>How many words of a text (repeats counted) <paramref name="titleWords"/> holds; words of a length no title word has (<paramref name="lengths"/>, see <see cref="TitleWords.Lengths"/>) are not looked up.</summary>
    private static int TitleWordsIn(ReadOnlySpan<char> text, HashSet<string> titleWords, ulong lengths)
    {
#if NET9_0_OR_GREATER
        var lookup = titleWords.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        int found = 0;
        while (Tokens.Next(ref text, SeededSeparators, out var word))
        {
            if ((lengths & (1UL << Math.Min(word.Length, 63))) == 0)
            {
                continue;
            }

#if NET9_0_OR_GREATER
            found += lookup.Contains(word) ? 1 : 0;
#else
            found += titleWords.Contains(word.ToString()) ? 1 : 0;
#endif
        }

        return found;
    }

    private static readonly SearchValues<char> SeededSeparators = SearchValues.Create(" ,.:;!?\"'()[]|-–—\u2018\u2019\u201C\u201D/");
}
