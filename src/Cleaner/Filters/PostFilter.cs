using Cleaner.Text;

namespace Cleaner.Filters;

/// <summary>
/// Keeps a short post that has no paragraph of prose (a picture with its caption, a link with a line
/// of comment): the lines framed by the post's date above ("11 Jul 2012", a line the date filter took,
/// or a short line with the time it was posted: "Tags: art — jdoe @ 15:05") and its foot below (a share
/// prompt, a comment counter or the line that opens the comments), with the headline right above the
/// date. The zone and context rules would otherwise drop such lines as short lines among boilerplate
/// and keep a paragraph of the sidebar instead. A frame with a paragraph of prose inside is left to the
/// context classifier; a line another filter removed stays removed.
/// </summary>
public sealed class PostFilter : IBlockFilter
{
    /// <summary>The most lines between the date and the foot.</summary>
    private const int MaxPostLines = 6;

    /// <summary>The most words of a line of the head or the foot.</summary>
    private const int MaxFrameWords = 15;

    /// <inheritdoc />
    public string Name => "post";

    /// <inheritdoc />
    public FilterTraits Traits => FilterTraits.Protects;

    /// <inheritdoc />
    public string Description => "Keeps a short post with no prose: the lines between its date and its share or comment line, and the headline above.";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blocks = document.Blocks;
        if (Zones.MainRun(document).Words >= MaxArticleWords)
        {
            return; // the page has an article: a short frame in it is a list item or a toolbar
        }

        for (int i = 0; i < blocks.Count; i++)
        {
            if (!IsHead(blocks[i]) || FollowsProse(blocks, i))
            {
                continue;
            }

            int head = i;
            while (i + 1 < blocks.Count && IsHead(blocks[i + 1]))
            {
                i++;
            }

            int foot = FindFoot(document, i + 1);
            if (foot < 0)
            {
                continue;
            }

            bool any = false;
            for (int k = i + 1; k < foot; k++)
            {
                if (IsPostLine(blocks[k]))
                {
                    any |= blocks[k].Keep("a short post: between its date and its share or comment line");
                }
            }

            if (any && head > 0 && IsHeadline(blocks[head - 1]))
            {
                blocks[head - 1].Keep("the headline of a short post, over its date");
            }

            i = foot;
        }
    }

    /// <summary>
    /// The foot of a post that starts at <paramref name="from"/>: the first share prompt, comment
    /// counter or comment opener within <see cref="MaxPostLines"/> lines, with only short lines that
    /// are not prose before it and at least one line of words; -1 when there is none.
    /// </summary>
    private static int FindFoot(Document document, int from)
    {
        var blocks = document.Blocks;
        int end = Math.Min(blocks.Count, from + MaxPostLines + 1);
        bool words = false;
        for (int k = from; k < end; k++)
        {
            var block = blocks[k];
            if (IsFoot(document, block))
            {
                return words ? k : -1;
            }

            if (IsHead(block) || (!block.IsRemoved && block.ParagraphFeatures.LooksLikeProse))
            {
                // Another date: a list of dates or of dated items; prose: the context classifier judges it.
                return -1;
            }

            words |= IsPostLine(block);
        }

        return -1;
    }

    /// <summary>Whether prose stands a few lines above the block: then a date under it is the foot of that text, not the head of a post.</summary>
    private static bool FollowsProse(IReadOnlyList<Block> blocks, int index)
    {
        for (int k = Math.Max(0, index - ProseAbove); k < index; k++)
        {
            if (!blocks[k].IsRemoved && blocks[k].ParagraphFeatures.LooksLikeProse)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many lines above a date are looked at for prose.</summary>
    private const int ProseAbove = 3;

    /// <summary>From this many words in its densest run of prose, a page has an article of its own.</summary>
    private const int MaxArticleWords = 150;

    /// <summary>The date of a post: a line the date filter took, or a short line that is not prose with a time of day in it.</summary>
    private static bool IsHead(Block block)
    {
        if (block.IsRemoved)
        {
            return block.JudgedByA(FilterTraits.Dates);
        }

        // A dated byline ("Posted by Jane at 3:00 AM") closes a post; it heads none.
        var f = block.Features;
        return f.WordCount <= MaxFrameWords && !f.LooksLikeProse && Dates.HasClock(block.Span) && !ContextFilter.IsDatedByline(block, orClock: true);
    }

    /// <summary>A share prompt, a comment counter, or a line that opens the comments.</summary>
    private static bool IsFoot(Document document, Block block)
    {
        var f = block.Features;
        if (f.WordCount is 0 or > MaxFrameWords || block.IsKept)
        {
            return false;
        }

        return CounterFilter.IsCounter(block.Span) || document.Phrases["social"].Coverage(block) >= FootCoverage;
    }

    private const double FootCoverage = 0.6;

    /// <summary>A line of the post: not judged yet, with words, and not mostly links.</summary>
    private static bool IsPostLine(Block block) =>
        block.IsUndecided && block.Features.LetterCount >= 2 && block.LinkDensity <= MaxLinkDensity;

    private const double MaxLinkDensity = 0.5;

    /// <summary>A headline: two to fifteen words that start with a capital or a digit and end with no full stop, not judged yet.</summary>
    private static bool IsHeadline(Block block)
    {
        var f = block.Features;
        var span = block.Span.Trim();
        return block.IsUndecided && f.WordCount is >= 2 and <= MaxFrameWords && span.Length > 0 && span[^1] != '.'
            && (char.IsUpper(span[0]) || char.IsDigit(span[0])) && block.LinkDensity <= MaxLinkDensity && !IsHead(block);
    }
}
