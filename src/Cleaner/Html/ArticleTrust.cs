namespace Cleaner.Html;

/// <summary>Whether SmartReader's article can be trusted against the page it was taken from.</summary>
internal static class ArticleTrust
{
    /// <summary>The least share of the page's prose the extractor's article must hold to be trusted.</summary>
    private const double MinArticleShare = 0.15;

    /// <summary>
    /// Why the article is not trusted, or null when it is. The extractor sometimes settles on a
    /// fragment (a teaser box, a caption): when the page holds far more prose than the article
    /// (comments and menus aside), or the article is mostly comments or navigation, it is not used.
    /// </summary>
    /// <param name="blocks">The page's blocks, with their hints.</param>
    /// <param name="inArticle">For each block, whether the article holds it.</param>
    /// <param name="mainChars">The characters of the article's blocks.</param>
    public static string? Distrust(IReadOnlyList<Block> blocks, bool[] inArticle, int mainChars)
    {
        int mainProse = 0, pageProse = 0, mainText = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if ((block.Hints & (BlockHints.Comment | BlockHints.Navigation)) != 0)
            {
                continue;
            }

            mainText += inArticle[i] ? block.Length : 0;
            if (!IsProse(block))
            {
                continue;
            }

            pageProse += block.Length;
            mainProse += inArticle[i] ? block.Length : 0;
        }

        if (mainText * 10 < mainChars)
        {
            return "the extractor's article is mostly comments or navigation";
        }

        return mainProse < pageProse * MinArticleShare && pageProse - mainProse > 1000
            ? "the extractor's article holds far less prose than the page"
            : null;
    }

    /// <summary>
    /// Why SmartReader's article, asked as a second opinion on a weak native choice, loses to the
    /// native article, or null when it is taken. It loses when it turns its back on the headline
    /// (it starts above the headline while the native article stands under it: a teaser box or a
    /// menu column, not the story the headline opens), when it comes wholly after a native article
    /// that the headline opens (no prose between them) and that is not very short (a side column
    /// after the story; under a very short native article, a lead, the story's body may well come
    /// later, so then it loses only when it holds less prose than a very short article itself: a
    /// teaser column and a newsletter prompt after a link round-up are no story's body), or when it
    /// is mostly links and the native article is not (an archive or a link column).
    /// </summary>
    /// <param name="blocks">The page's blocks; <see cref="Block.InMainContent"/> marks SmartReader's article.</param>
    /// <param name="native">For each block, whether the native article holds it.</param>
    /// <param name="titleBlock">The index of the block that shows the headline, or -1.</param>
    /// <param name="nativeIsShort">Whether the native article was weak for being very short.</param>
    public static string? SecondOpinionLoses(IReadOnlyList<Block> blocks, bool[] native, int titleBlock, bool nativeIsShort = false)
    {
        int nativeFirst = -1, smartFirst = -1, nativeLast = -1;
        double nativeText = 0, nativeLinks = 0, smartText = 0, smartLinks = 0, smartProse = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (native[i])
            {
                nativeFirst = nativeFirst < 0 ? i : nativeFirst;
                nativeLast = i;
                nativeText += block.Length;
                nativeLinks += block.Length * block.LinkDensity;
            }

            if (block.InMainContent)
            {
                smartFirst = smartFirst < 0 ? i : smartFirst;
                smartText += block.Length;
                smartLinks += block.Length * block.LinkDensity;
                smartProse += IsProse(block) ? block.Length : 0;
            }
        }

        if (titleBlock >= 0 && smartFirst >= 0 && smartFirst < titleBlock && nativeFirst >= titleBlock)
        {
            return "SmartReader's article starts above the headline, the native one under it";
        }

        if (titleBlock >= 0 && nativeFirst >= titleBlock && smartFirst > nativeLast && !ProseBetween(blocks, titleBlock, nativeFirst))
        {
            if (!nativeIsShort)
            {
                return "SmartReader's article comes after the native one, which the headline opens";
            }

            if (smartProse < Extraction.NativeExtractor.ShortArticle)
            {
                return "SmartReader's article comes after the native one, which the headline opens, and holds no more story";
            }
        }

        return smartLinks > smartText * Extraction.NativeExtractor.MostlyLinks && nativeLinks <= nativeText * Extraction.NativeExtractor.MostlyLinks
            ? "SmartReader's article is mostly links, the native one is not"
            : null;
    }

    /// <summary>Whether a block counts as prose here: it reads like prose and is not mostly links (under 30%).</summary>
    private static bool IsProse(Block block) => block.Features.LooksLikeProse && block.LinkDensity < 0.3;

    /// <summary>Whether a block strictly between two indices looks like prose.</summary>
    private static bool ProseBetween(IReadOnlyList<Block> blocks, int after, int before)
    {
        for (int i = after + 1; i < before; i++)
        {
            if (blocks[i].Features.LooksLikeProse)
            {
                return true;
            }
        }

        return false;
    }
}
