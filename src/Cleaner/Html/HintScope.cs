namespace Cleaner.Html;

/// <summary>
/// Which class and id hints of the page's elements count for their blocks: a decision of the HTML
/// input, made before the extractor reads the hints.
/// </summary>
internal static class HintScope
{
    /// <summary>Hints of small page furniture; an element full of prose is not one, whatever its class says.</summary>
    private const BlockHints WidgetHints = BlockHints.Social | BlockHints.Newsletter | BlockHints.Promo | BlockHints.Ad | BlockHints.Navigation;

    /// <summary>Whether an element holds a long stretch of prose (more than 1,000 characters, mostly in sentences).</summary>
    private static bool IsProseSection(IReadOnlyList<Block> blocks, HintedRange range)
    {
        int chars = 0, prose = 0;
        for (int i = range.FirstBlock; i < range.EndBlock; i++)
        {
            chars += blocks[i].Length;
            prose += blocks[i].Features.LooksLikeProse && blocks[i].LinkDensity < 0.3 ? blocks[i].Length : 0;
        }

        return chars > 1000 && prose * 2 > chars;
    }

    /// <summary>
    /// Gives each block the hints of the elements around it, except hints of elements that hold
    /// most of the article (a post's container classes describe the post, not a widget). Byline and
    /// caption hints count only on small elements: a byline is a line, not a post.
    /// </summary>
    public static void Apply(IReadOnlyList<Block> blocks, IReadOnlyList<HintedRange> hinted, bool[]? inArticle)
    {
        var live = LiveBlocksBefore(blocks.Count, hinted);
        long total = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            total += Weight(i);
        }

        foreach (var range in hinted)
        {
            if (range.Hints == BlockHints.None)
            {
                continue; // a live blog's element with no hints of its own (see LiveBlocksBefore)
            }

            long covered = 0;
            for (int i = range.FirstBlock; i < range.EndBlock; i++)
            {
                covered += Weight(i);
            }

            if (total > 0 && covered * 2 > total)
            {
                continue;
            }

            var hints = range.Hints;
            if ((hints & BlockHints.Comment) != 0 && live is not null && live[range.EndBlock] - live[range.FirstBlock] == range.EndBlock - range.FirstBlock)
            {
                hints &= ~BlockHints.Comment; // the entries of a live blog, not reader comments
            }

            if (range.EndBlock - range.FirstBlock > 3)
            {
                hints &= ~(BlockHints.Byline | BlockHints.Caption);
            }

            if ((hints & WidgetHints) != 0 && IsProseSection(blocks, range))
            {
                hints &= ~WidgetHints;
            }

            for (int i = range.FirstBlock; i < range.EndBlock; i++)
            {
                blocks[i].Hints |= hints;
            }
        }

        long Weight(int i) => inArticle is not null ? (inArticle[i] ? blocks[i].Length : 0)
            : blocks[i].Features.LooksLikeProse ? blocks[i].Length : 0;
    }

    /// <summary>
    /// For each block index i, how many of the blocks before it lie inside an element that names a
    /// live blog (<see cref="ClassHints.IsLive"/>), so that whether a range lies wholly inside one
    /// costs one subtraction; null when the page has none.
    /// </summary>
    private static int[]? LiveBlocksBefore(int count, IReadOnlyList<HintedRange> hinted)
    {
        int[]? cover = null;
        foreach (var range in hinted)
        {
            if (range.Live)
            {
                cover ??= new int[count + 1];
                cover[range.FirstBlock]++;
                cover[range.EndBlock]--;
            }
        }

        if (cover is null)
        {
            return null;
        }

        // From the starts and ends, how many live elements hold each block; then the running count of covered blocks.
        int depth = 0, covered = 0;
        for (int i = 0; i < count; i++)
        {
            depth += cover[i];
            cover[i] = covered;
            covered += depth > 0 ? 1 : 0;
        }

        cover[count] = covered;
        return cover;
    }
}
