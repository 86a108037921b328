namespace Cleaner.Filters;

/// <summary>
/// Removes teasers for other stories inside the body: a kicker (a short line in capitals such as
/// "RANDY ANDY" or "ВИДЕО") directly over a headline (a capitalised line of four to twenty words that
/// is not a sentence). Only after the body has started, so the section label over the page's own
/// title stays; a kicker over a paragraph of prose is a subheading and stays too.
/// </summary>
public sealed class TeaserFilter : IBlockFilter
{
    /// <inheritdoc />
    public string Name => "teasers";

    /// <inheritdoc />
    public string Description => "Removes teasers inside the body: a short kicker line in capitals over a headline that is not followed by prose.";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blocks = document.Blocks;
        int bodyStart = Zones.BodyStart(document);
        for (int i = bodyStart + 1; i + 1 < blocks.Count; i++)
        {
            var kicker = blocks[i];
            var headline = blocks[i + 1];
            if (!kicker.IsUndecided || !headline.IsUndecided || headline == document.TitleBlock || !IsKicker(kicker) || !IsHeadline(headline))
            {
                continue;
            }

            // A headline followed by its own paragraphs is a section of the article.
            if (i + 2 < blocks.Count && blocks[i + 2].ParagraphFeatures.LooksLikeProse && !blocks[i + 2].IsRemoved)
            {
                continue;
            }

            var reason = $"a teaser for another story: the kicker \"{kicker.Text}\" over a headline";
            kicker.Remove(reason);
            headline.Remove(reason);
            i++;
        }
    }

    private static bool IsKicker(Block block)
    {
        var f = block.Features;
        return f.WordCount is > 0 and <= 4 && f.LetterCount >= 3 && f.UpperShare >= 0.8 && f.SentenceMarks == 0 && f.DigitCount == 0 && !f.IsCjk;
    }

    private static bool IsHeadline(Block block)
    {
        var f = block.Features;
        // A numbered line belongs to a list, not to a teaser.
        return f.WordCount is >= 4 and <= 20 && !f.EndsWithTerminalPunctuation && !char.IsDigit(block.Span[0]) && f.UpperShare < 0.6
            && f.CapitalizedWordCount >= 2 && !block.ParagraphFeatures.LooksLikeProse;
    }
}
