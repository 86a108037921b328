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
            if (!blocks[i].IsRemoved && blocks[i] != document.TitleBlock && blocks[i].Features.LooksLikeProse)
            {
                return i;
            }
        }

        return blocks.Count;
    }

    /// <summary>The index of the last undecided or kept block that reads like prose (-1 when there is none).</summary>
    public static int BodyEnd(Document document)
    {
        var blocks = document.Blocks;
        for (int i = blocks.Count - 1; i >= 0; i--)
        {
            if (!blocks[i].IsRemoved && blocks[i] != document.TitleBlock && blocks[i].Features.LooksLikeProse)
            {
                return i;
            }
        }

        return -1;
    }
}
