using Cleaner.Text;

namespace Cleaner.Filters;

/// <summary>Thresholds of the <see cref="ContextFilter"/>; change them with <c>with</c>.</summary>
public readonly record struct ContextOptions
{
    /// <summary>Creates the default thresholds.</summary>
    public ContextOptions()
    {
    }

    /// <summary>Blocks shorter than this (characters) are short: their neighbours decide. Default 70.</summary>
    public int LengthLow { get; init; } = 70;

    /// <summary>Blocks longer than this (characters) with enough stopwords are good on their own. Default 200.</summary>
    public int LengthHigh { get; init; } = 200;

    /// <summary>Stopword share from which a block may be content. Default 0.20.</summary>
    public double StopwordsLow { get; init; } = 0.20;

    /// <summary>Stopword share from which a long block is content. Default 0.24.</summary>
    public double StopwordsHigh { get; init; } = 0.24;

    /// <summary>Link share above which a block is boilerplate (HTML). Default 0.2.</summary>
    public double MaxLinkDensity { get; init; } = 0.2;
}

/// <summary>
/// A context classifier in the manner of jusText: each block is rated good, near-good, short or bad
/// from its length, stopword share and link share; short and near-good blocks then take the verdict
/// of their nearest rated neighbours, so a short line inside the article stays while headline-like
/// lines among boilerplate go. Earlier verdicts count: removed blocks are bad, kept ones good.
/// </summary>
public sealed class ContextFilter : IConfigurableFilter<ContextOptions>
{
    private enum Rating : byte
    {
        Bad,
        Short,
        NearGood,
        Good,
    }

    /// <summary>Creates the filter with default thresholds.</summary>
    public ContextFilter()
        : this(new ContextOptions())
    {
    }

    /// <summary>Creates the filter with the given thresholds.</summary>
    /// <param name="options">The thresholds.</param>
    public ContextFilter(ContextOptions options) => Options = options;

    /// <summary>The thresholds.</summary>
    public ContextOptions Options { get; }

    /// <inheritdoc />
    public IConfigurableFilter<ContextOptions> WithOptions(ContextOptions options) => new ContextFilter(options);

    /// <inheritdoc />
    public string Name => "context";

    /// <inheritdoc />
    public FilterTraits Traits => FilterTraits.Statistical;

    /// <inheritdoc />
    public string Description => "Classifies the rest by length, stopwords and links, and lets neighbours decide short lines (jusText style).";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blocks = document.Blocks;
        int n = blocks.Count;
        if (n == 0)
        {
            return;
        }

        var o = FocusTable.Context(document.Options.Focus, Options);
        var broken = BrokenParagraphs(blocks);
        var initial = new Rating[n];
        for (int i = 0; i < n; i++)
        {
            initial[i] = Rate(blocks[i], broken[i] ? blocks[i].Features : blocks[i].ParagraphFeatures, o);
        }

        // A short page may have no block long enough to be good on its own: then near-good blocks
        // are the best it has and count as good. (A kept title does not count: it is not prose.)
        bool anyGood = false;
        for (int i = 0; i < n && !anyGood; i++)
        {
            anyGood = initial[i] == Rating.Good && blocks[i].IsUndecided;
        }

        if (!anyGood)
        {
            bool any = false;
            for (int i = 0; i < n; i++)
            {
                if (initial[i] == Rating.NearGood)
                {
                    initial[i] = Rating.Good;
                    any = true;
                }
            }

            // With not even a near-good block, whole sentences are the best there is.
            for (int i = 0; i < n && !any; i++)
            {
                var f = blocks[i].Features;
                if (blocks[i].IsUndecided && f.WordCount >= 10 && f.EndsWithTerminalPunctuation)
                {
                    initial[i] = Rating.Good;
                }
            }
        }

        // Dense sentences are rated only now: they never stand in for the good blocks a page lacks.
        for (int i = 0; i < n; i++)
        {
            if (initial[i] == Rating.Bad && IsDenseSentence(blocks[i], o))
            {
                initial[i] = Rating.NearGood;
            }
        }

        PromoteRuns(blocks, initial, o);
        PromotePostFrames(blocks, initial);
        var final = (Rating[])initial.Clone();
        var before = Nearest(initial, -1, ignoreNearGood: true);
        var after = Nearest(initial, +1, ignoreNearGood: true);
        var beforeAny = Nearest(initial, -1, ignoreNearGood: false);
        var afterAny = Nearest(initial, +1, ignoreNearGood: false);

        var continues = ContinuesArticle(blocks, initial);

        // Short blocks: good between good, bad between bad; between the two, good only when a
        // near-good block stands next to the bad side, or when the block is a short sentence that
        // continues the article above it.
        for (int i = 0; i < n; i++)
        {
            if (initial[i] != Rating.Short)
            {
                continue;
            }

            var prev = before[i];
            var next = after[i];
            if (prev == Rating.Good && next == Rating.Good)
            {
                final[i] = Rating.Good;
            }
            else if (prev == Rating.Bad && next == Rating.Bad)
            {
                final[i] = Rating.Bad;
            }
            else if ((prev == Rating.Bad && beforeAny[i] == Rating.NearGood) || (next == Rating.Bad && afterAny[i] == Rating.NearGood) || continues[i])
            {
                final[i] = Rating.Good;
            }
            else
            {
                final[i] = FocusTable.KeepsUnsure(document.Options.Focus) ? Rating.Good : Rating.Bad;
            }
        }

        // Near-good blocks: bad only when both sides are bad.
        before = Nearest(final, -1, ignoreNearGood: true);
        after = Nearest(final, +1, ignoreNearGood: true);
        for (int i = 0; i < n; i++)
        {
            if (final[i] == Rating.NearGood)
            {
                final[i] = before[i] == Rating.Bad && after[i] == Rating.Bad ? Rating.Bad : Rating.Good;
            }
        }

        ContinueLists(blocks, final, o);
        KeepHeadOverByline(blocks, final);
        for (int i = 0; i < n; i++)
        {
            var block = blocks[i];
            if (!block.IsUndecided || final[i] == Rating.Good)
            {
                continue;
            }

            block.Remove(initial[i] switch
            {
                Rating.Short => "a short line among boilerplate",
                Rating.NearGood => "a paragraph among boilerplate",
                _ when block.LinkDensity > o.MaxLinkDensity => "mostly links",
                _ => "not prose: too few stopwords for its length",
            });
        }
    }

    /// <summary>
    /// A run of near-good paragraphs, with at most short lines between them, reads as an article
    /// even when no single paragraph is long enough to be good: news in short paragraphs. Such a
    /// run counts as good when it holds enough prose.
    /// </summary>
    private static void PromoteRuns(IReadOnlyList<Block> blocks, Rating[] ratings, in ContextOptions o)
    {
        int n = ratings.Length;
        int i = 0;
        while (i < n)
        {
            if (ratings[i] != Rating.NearGood || !IsRunSentence(blocks[i]))
            {
                i++;
                continue;
            }

            int start = i, end = i, count = 0, length = 0, shorts = 0;
            bool good = false;
            for (int k = i; k < n; k++)
            {
                var r = ratings[k];
                bool sentence = IsRunSentence(blocks[k]);
                if (r == Rating.Short || (r == Rating.NearGood && !sentence))
                {
                    if (++shorts > RunGap)
                    {
                        break;
                    }

                    continue;
                }

                if (r == Rating.Bad)
                {
                    break;
                }

                shorts = 0;
                end = k;
                good |= r == Rating.Good;
                if (r == Rating.NearGood)
                {
                    count++;
                    length += blocks[k].ParagraphFeatures.Length;
                }
            }

            if (!good && count >= RunMinParagraphs && length >= o.LengthHigh * RunLengthFactor)
            {
                for (int k = start; k <= end; k++)
                {
                    if (ratings[k] == Rating.NearGood)
                    {
                        ratings[k] = Rating.Good;
                    }
                }
            }

            i = end + 1;
        }
    }

    private const int RunGap = 0;

    /// <summary>
    /// The first dated byline of the page ("by Jane Doe on May 3, 2012", "von Erika Muster, 3. Mai
    /// 2012") and the headline right above it are the head of the post, kept even when the post has
    /// no prose (a video, a picture): a headline among boilerplate has no such line under it. When
    /// another filter took the headline and no prose follows, the byline still stays.
    /// </summary>
    private static void KeepHeadOverByline(IReadOnlyList<Block> blocks, Rating[] final)
    {
        for (int i = 1; i < blocks.Count; i++)
        {
            if (final[i] == Rating.Good && blocks[i].IsUndecided)
            {
                // Prose comes first: the post's head is above it, or the post has one already.
                return;
            }

            if (!IsDatedByline(blocks[i]))
            {
                continue;
            }

            var head = blocks[i - 1];
            var f = head.Features;
            if (blocks[i].IsUndecided && head.IsUndecided && f.WordCount is >= 1 and <= MaxHeadlineWords && !head.Span.EndsWith(".", StringComparison.Ordinal))
            {
                final[i] = Rating.Good;
                final[i - 1] = Rating.Good;
                if (i + 1 < blocks.Count && blocks[i + 1].IsUndecided && IsOpeningSentence(blocks[i + 1]))
                {
                    // The post's first sentence, under its byline, however few stopwords it has.
                    final[i + 1] = Rating.Good;
                }
            }
            else if (blocks[i].IsUndecided && head.IsRemoved && f.WordCount is >= 1 and <= MaxHeadlineWords && !HasProseAfter(blocks, final, i))
            {
                // A menu rule took the headline (a one-word title reads like a menu item): the byline still marks the post.
                final[i] = Rating.Good;
            }

            return;
        }
    }

    /// <summary>
    /// A list that the article opens with a colon ("Here is what changed:", in a paragraph of the
    /// article or a short line right under one) continues it: its items (lines that start with a
    /// bullet or a number) and the short headings between them ("GENERAL FIXES", "Email:") stay,
    /// however short or terse, until a line that is neither ends it. A line another filter removed
    /// ends it too, unless it is a heading over another item.
    /// </summary>
    private static void ContinueLists(IReadOnlyList<Block> blocks, Rating[] final, in ContextOptions o)
    {
        int n = blocks.Count;
        for (int i = 0; i < n - 1; i++)
        {
            if (blocks[i].IsRemoved || !blocks[i].Span.TrimEnd().EndsWith(":", StringComparison.Ordinal))
            {
                continue;
            }

            // The line that opens the list is the article's, or a short line right under it.
            bool opens = final[i] == Rating.Good
                || (i > 0 && final[i - 1] == Rating.Good && blocks[i - 1].IsUndecided && !blocks[i].IsKept && IsListItem(blocks[i + 1].Span));
            if (!opens)
            {
                continue;
            }

            final[i] = Rating.Good;

            int j = i + 1;
            while (j < n)
            {
                var block = blocks[j];
                if (IsListItem(block.Span) && block.LinkDensity <= o.MaxLinkDensity)
                {
                    if (block.IsRemoved)
                    {
                        break;
                    }

                    final[j++] = Rating.Good;
                }
                else if (IsListHeading(block) && j + 1 < n && IsListItem(blocks[j + 1].Span) && !blocks[j + 1].IsRemoved)
                {
                    final[j++] = Rating.Good;
                }
                else
                {
                    break;
                }
            }

            i = j - 1;
        }
    }

    /// <summary>A line that starts with a bullet ("- ", "• ", "* ") or a number ("1. ", "2) ").</summary>
    private static bool IsListItem(ReadOnlySpan<char> span)
    {
        span = span.TrimStart();
        if (span.Length < 3)
        {
            return false;
        }

        if (ListBullets.Contains(span[0]))
        {
            return span[1] == ' ';
        }

        int digits = 0;
        while (digits < span.Length && digits < 3 && char.IsAsciiDigit(span[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 2 < span.Length && span[digits] is '.' or ')' && span[digits + 1] == ' ' && char.IsLetter(span[digits + 2]);
    }

    private const string ListBullets = "-–—•*·▪◦‣";

    /// <summary>A short heading inside a list: a few words that end with a colon or are written in capitals.</summary>
    private static bool IsListHeading(Block block)
    {
        var f = block.Features;
        if (f.WordCount is < 1 or > MaxListHeadingWords || block.LinkDensity > 0)
        {
            return false;
        }

        var span = block.Span.TrimEnd();
        return span.EndsWith(":", StringComparison.Ordinal) || (!f.EndsWithTerminalPunctuation && f.UpperShare > 0.8);
    }

    private const int MaxListHeadingWords = 6;

    /// <summary>Whether a good block that no other filter judged comes after <paramref name="index"/>.</summary>
    private static bool HasProseAfter(IReadOnlyList<Block> blocks, Rating[] final, int index)
    {
        for (int k = index + 1; k < blocks.Count; k++)
        {
            if (final[k] == Rating.Good && blocks[k].IsUndecided)
            {
                return true;
            }
        }

        return false;
    }

    private const int MaxHeadlineWords = 15;

    /// <summary>A sentence that may open a post: six words or more in sentence case, ending a sentence, few links.</summary>
    private static bool IsOpeningSentence(Block block)
    {
        var f = block.ParagraphFeatures;
        return f.WordCount >= OpeningSentenceWords && f.EndsWithTerminalPunctuation && f.CapitalizedShare < 0.5 && block.LinkDensity == 0;
    }

    private const int OpeningSentenceWords = 6;

    private static readonly string[] BylineWords = ["by", "von", "par", "por", "door", "di", "da", "av", "af"];

    /// <summary>A short line with a calendar date and a byline word followed by a capitalised name.</summary>
    internal static bool IsDatedByline(Block block, bool orClock = false)
    {
        var f = block.Features;
        if (f.WordCount is < 3 or > MaxBylineWords || f.DigitCount == 0 || f.EndsWithTerminalPunctuation && block.Span[^1] != '.')
        {
            return false;
        }

        var span = block.Span;
        bool named = false;
        foreach (var word in BylineWords)
        {
            int at = IndexOfWord(span, word);
            // At the start of the line, or in lower case inside it: "By" inside a headline in title case is no byline.
            if (at >= 0 && (at == 0 || char.IsLower(span[at])) && at + word.Length + 1 < span.Length && char.IsUpper(span[at + word.Length + 1]))
            {
                named = true;
                break;
            }
        }

        return named && (Dates.HasCalendarDate(span) || (orClock && Dates.HasClock(span)));
    }

    /// <summary>
    /// A blog post framed by its date above ("Friday, October 19, 2012", a line the date filter
    /// took) and its byline below ("Posted by Jane Doe at 3:00 AM", "Eingestellt von Erika Muster um
    /// 08:18", with no good prose right under it), a few lines apart: the near-good paragraphs
    /// between them are the post, good however short it is, so a longer paragraph elsewhere on the
    /// page (the blog's description) does not win. Linear: each frame is looked for within a few lines.
    /// </summary>
    private static void PromotePostFrames(IReadOnlyList<Block> blocks, Rating[] ratings)
    {
        int n = blocks.Count;
        var next = Nearest(ratings, +1, ignoreNearGood: false);
        for (int i = 0; i < n; i++)
        {
            if (!blocks[i].IsRemoved || !blocks[i].JudgedByA(FilterTraits.Dates))
            {
                continue;
            }

            int end = Math.Min(n, i + 1 + MaxPostFrame);
            for (int j = i + 2; j < end; j++)
            {
                if (blocks[j].JudgedByA(FilterTraits.Dates))
                {
                    break;
                }

                if ((blocks[j].IsUndecided || blocks[j].JudgedByA(FilterTraits.Statistical)) && IsDatedByline(blocks[j], orClock: true))
                {
                    if (next[j] == Rating.Good)
                    {
                        // A byline over prose heads the post ("Written by Jane Doe on 24/10/12"): it closes no frame.
                        break;
                    }

                    for (int k = i + 1; k < j; k++)
                    {
                        if (ratings[k] == Rating.NearGood && blocks[k].IsUndecided)
                        {
                            ratings[k] = Rating.Good;
                        }
                    }

                    i = j;
                    break;
                }
            }
        }
    }

    private const int MaxPostFrame = 15;

    /// <summary>Where a word stands in the text as a whole word followed by a space (case-insensitive), or -1.</summary>
    private static int IndexOfWord(ReadOnlySpan<char> text, string word)
    {
        int from = 0;
        while (from < text.Length)
        {
            int at = text[from..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }

            at += from;
            int end = at + word.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && end < text.Length && text[end] == ' ')
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    private const int MaxBylineWords = 12;

    /// <summary>
    /// The short blocks that continue the article: short sentences (a closing line, the items of a
    /// list written as sentences) that follow a good block with only other such sentences, or
    /// near-good paragraphs, between them and it. A line that is no sentence ends the run.
    /// </summary>
    private static bool[] ContinuesArticle(IReadOnlyList<Block> blocks, Rating[] ratings)
    {
        var result = new bool[ratings.Length];
        bool open = false;
        for (int i = 0; i < ratings.Length; i++)
        {
            switch (ratings[i])
            {
                case Rating.Good:
                    open = blocks[i].IsUndecided;
                    break;
                case Rating.Short:
                    open &= blocks[i].IsUndecided && IsShortSentence(blocks[i]);
                    result[i] = open;
                    break;
                case Rating.NearGood:
                    open &= IsRunSentence(blocks[i]);
                    break;
                default:
                    open = false;
                    break;
            }
        }

        return result;
    }

    private static bool IsShortSentence(Block block)
    {
        var f = block.ParagraphFeatures;
        return f.EndsWithTerminalPunctuation && f.WordCount >= ShortSentenceWords && f.CapitalizedShare < 0.8;
    }

    private const int ShortSentenceWords = 3;

    /// <summary>A paragraph that may join a run: it ends a sentence and is not a headline in title case.</summary>
    private static bool IsRunSentence(Block block)
    {
        var f = block.ParagraphFeatures;
        return f.EndsWithTerminalPunctuation && f.CapitalizedShare < 0.5;
    }

    private const int RunMinParagraphs = 3;
    private const int RunLengthFactor = 2;

    /// <summary>
    /// For each block, whether it is a line of a hard-wrapped paragraph that specific chrome cut: a
    /// line of words (not code) was removed by a filter that is not statistical (a share prompt in a
    /// run of lower-case lines). Such lines are judged alone, so a prompt inside the run does not
    /// lend the rest the weight of a long paragraph.
    /// </summary>
    private static bool[] BrokenParagraphs(IReadOnlyList<Block> blocks)
    {
        var result = new bool[blocks.Count];
        int start = 0;
        for (int i = 1; i <= blocks.Count; i++)
        {
            int paragraph = blocks[start].ParagraphIndex;
            if (i < blocks.Count && paragraph >= 0 && blocks[i].ParagraphIndex == paragraph)
            {
                continue;
            }

            bool cut = false;
            for (int k = start; k < i && paragraph >= 0 && !cut; k++)
            {
                cut = blocks[k].IsRemoved && !blocks[k].JudgedByA(FilterTraits.Statistical) && blocks[k].Features.StopwordCount > 0;
            }

            for (int k = start; k < i && cut; k++)
            {
                result[k] = true;
            }

            start = i;
        }

        return result;
    }

    private static Rating Rate(Block block, in BlockFeatures f, in ContextOptions o)
    {
        if (block.IsRemoved)
        {
            // A timestamp says nothing about its neighbours (live tickers put one between every two
            // paragraphs), so it counts as a short line; any other removed block is boilerplate.
            return block.JudgedByA(FilterTraits.Dates) && block.Length < o.LengthLow ? Rating.Short : Rating.Bad;
        }

        if (block.IsKept)
        {
            return Rating.Good;
        }

        if (block.LinkDensity > o.MaxLinkDensity)
        {
            return Rating.Bad;
        }

        // CJK text has roughly one word per character pair and no stopword list here.
        int length = f.IsCjk ? f.CjkCount * 3 : f.Length;
        if (length < o.LengthLow)
        {
            return block.LinkDensity > 0 ? Rating.Bad : Rating.Short;
        }

        if (!f.StopwordsKnown || f.IsCjk)
        {
            // Without stopwords, sentence punctuation is the sign of prose.
            bool sentence = f.EndsWithTerminalPunctuation || (f.SentenceMarks > 0 && f.ClauseMarks > 0);
            return !sentence ? Rating.Bad : length > o.LengthHigh ? Rating.Good : Rating.NearGood;
        }

        double density = f.NormalStopwordDensity;
        if (density >= o.StopwordsHigh)
        {
            return length > o.LengthHigh ? Rating.Good : Rating.NearGood;
        }

        return density >= o.StopwordsLow ? Rating.NearGood : Rating.Bad;
    }

    /// <summary>
    /// Prose written densely (names, nouns, few articles: a caption, a product blurb, a terse news
    /// line) has fewer stopwords than the classifier asks, but is still shaped as sentences: it ends
    /// one, reads in sentence case and has clauses. Such a block is near-good, so its neighbours decide.
    /// </summary>
    private static bool IsDenseSentence(Block block, in ContextOptions o)
    {
        if (!block.IsUndecided || block.LinkDensity > 0)
        {
            return false;
        }

        var f = block.ParagraphFeatures;
        return f.StopwordsKnown && !f.IsCjk && f.Length >= o.LengthLow
            && f.NormalStopwordDensity >= o.StopwordsLow * DenseSentenceShare
            && f.NormalStopwordDensity < o.StopwordsLow
            && f.EndsWithTerminalPunctuation
            && f.WordCount >= DenseSentenceWords
            && f.CapitalizedShare < DenseSentenceCapitals
            && f.ClauseMarks + f.SentenceMarks >= 2
            && !Dates.HasCalendarDate(block.Span);
    }

    private const double DenseSentenceShare = 0.6;
    private const int DenseSentenceWords = 12;
    private const double DenseSentenceCapitals = 0.5;

    /// <summary>
    /// For each block, the rating of the nearest block before it (step -1) or after it (step +1)
    /// that is not short (nor near-good, when ignored); the edge of the page counts as bad. Linear
    /// time, so a page of a million short lines stays cheap.
    /// </summary>
    private static Rating[] Nearest(Rating[] ratings, int step, bool ignoreNearGood)
    {
        var result = new Rating[ratings.Length];
        var current = Rating.Bad;
        int i = step > 0 ? ratings.Length - 1 : 0;
        for (int k = 0; k < ratings.Length; k++, i -= step)
        {
            result[i] = current;
            var r = ratings[i];
            if (r != Rating.Short && !(ignoreNearGood && r == Rating.NearGood))
            {
                current = r;
            }
        }

        return result;
    }
}
