namespace Cleaner.Filters;

/// <summary>Where the body of a document starts and ends, judged from the blocks that read like prose.</summary>
internal static class Zones
{
    /// <summary>The index of the first undecided or kept block that reads like prose (the block count when there is none).</summary>
    public static int BodyStart(Document document)
    {
        var blocks = document.Blocks;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (!blocks[i].IsRemoved && blocks[i] != document.TitleBlock && blocks[i].ParagraphFeatures.LooksLikeProse)
            {
                return i;
            }
        }

        return blocks.Count;
    }

    /// <summary>
    /// The densest run of prose: blocks that read like prose with at most <paramref name="maxGap"/>
    /// other blocks between neighbours; the run with the most words of prose. Returns its first and
    /// last block and the words of prose it holds ((-1, -1, 0) when there is no prose).
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="maxGap">The most other blocks between two neighbours of a run.</param>
    /// <param name="within">When given, only the blocks it accepts count as prose.</param>
    public static (int Start, int End, int Words) MainRun(Document document, int maxGap = 4, Func<Block, bool>? within = null)
    {
        var blocks = document.Blocks;
        (int Start, int End, int Words) best = (-1, -1, 0);
        int start = -1, last = -1, words = 0;
        for (int i = 0; i <= blocks.Count; i++)
        {
            bool prose = i < blocks.Count && IsProse(document, blocks[i]) && (within is null || within(blocks[i]));
            if (!prose && (i < blocks.Count && (last < 0 || i - last <= maxGap)))
            {
                continue;
            }

            if (prose && start >= 0 && i - last - 1 <= maxGap)
            {
                last = i;
                words += blocks[i].ParagraphFeatures.WordCount;
                continue;
            }

            if (start >= 0 && words > best.Words)
            {
                best = (start, last, words);
            }

            if (prose)
            {
                start = last = i;
                words = blocks[i].ParagraphFeatures.WordCount;
            }
            else
            {
                start = last = -1;
                words = 0;
            }
        }

        return best;
    }

    /// <summary>Whether a block counts as prose for the zones: not removed, not the title, and reads like prose.</summary>
    internal static bool IsProse(Document document, Block block) =>
        !block.IsRemoved && block != document.TitleBlock && block.ParagraphFeatures.LooksLikeProse;

    /// <summary>The index of the last undecided or kept block that reads like prose (-1 when there is none).</summary>
    public static int BodyEnd(Document document)
    {
        var blocks = document.Blocks;
        for (int i = blocks.Count - 1; i >= 0; i--)
        {
            if (!blocks[i].IsRemoved && blocks[i] != document.TitleBlock && blocks[i].ParagraphFeatures.LooksLikeProse)
            {
                return i;
            }
        }

        return -1;
    }
}
