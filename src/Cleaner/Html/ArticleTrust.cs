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
            if (!block.Features.LooksLikeProse || block.LinkDensity >= 0.3)
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
}
