using System.Buffers;
using Cleaner.Text;

namespace Cleaner.Filters;

/// <summary>
/// Removes tag and keyword lines: lines labelled "Tags:", "Topics:", "Filed under:", and, in the head
/// or tail of the page, short capitalised lines without sentence punctuation whose words all come
/// from the title ("President Xi United States"). Inside an HTML article the extractor found, the
/// labelled lines are left out by <see cref="MainContentFilter"/>, and the lines of title words are
/// kept: there they are as often the article's own headings.
/// </summary>
public sealed class TagFilter : PhraseFilter
{
    /// <inheritdoc />
    public override FilterTraits Traits => FilterTraits.Statistical;

    private static readonly SearchValues<char> LineSeparators = SearchValues.Create(" \t\u00A0,;/|");
    private static readonly SearchValues<char> TitleSeparators = SearchValues.Create(" \t\u00A0,;:/|!?.\"'()");

    /// <summary>The phrase list of the labels that open tag lines.</summary>
    private const string Labels = "tags";

    /// <summary>The most words a labelled tag line holds (under the balanced focus).</summary>
    private const int LabelledMaxWords = 30;

    /// <summary>Creates the filter.</summary>
    public TagFilter()
        : base("tags", Labels, "a tag or keyword line", maxWords: LabelledMaxWords)
    {
    }

    /// <inheritdoc />
    public override string Description => "Removes tag and keyword lines.";

    /// <inheritdoc />
    public override void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        int bodyStart = Zones.BodyStart(document);
        int bodyEnd = Zones.BodyEnd(document);
        var titleWords = document.TitleBlock is { } title ? WordSet(title.Span) : null;
        foreach (var block in document.Blocks)
        {
            if (!block.IsUndecided)
            {
                continue;
            }

            if (Label(document, block) is { } label)
            {
                block.Remove($"{What}: labelled \"{label}\"");
            }
            else if (titleWords is not null && (block.Index < bodyStart || block.Index > bodyEnd) && IsTitleWordLine(block, titleWords))
            {
                block.Remove($"{What}: short capitalised words taken from the title");
            }
        }
    }

    /// <summary>
    /// The label that opens a tag line ("Tags:", "Filed under:"), or null: the line holds at most 30
    /// words (as the focus scales them), does not end a sentence, and starts with a label of the
    /// tags list. <see cref="MainContentFilter"/> leaves such lines out of an article too.
    /// </summary>
    internal static string? Label(Document document, Block block)
    {
        var f = block.Features;
        var list = document.Phrases[Labels];
        return f.WordCount <= FocusTable.PhraseWords(document.Options.Focus, LabelledMaxWords) && !f.EndsWithTerminalPunctuation && StartsWithLabel(block, list)
            ? list.FirstMatch(block)
            : null;
    }

    private static bool StartsWithLabel(Block block, PhraseList list)
    {
        var head = block.Span.TrimStart();
        int start = block.Span.Length - head.Length;
        if (head.Length > 30)
        {
            head = head[..30];
        }

        return list.FirstMatch(block, start, head.Length) is { } label && head.StartsWith(label, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsTitleWordLine(Block block, HashSet<string> titleWords)
    {
        var f = block.Features;
        if (f.WordCount is < 2 or > 8 || f.SentenceMarks > 0 || f.CapitalizedWordCount * 2 < f.WordCount + 1 || f.DigitCount > 0)
        {
            return false;
        }

        var rest = block.Span;
        while (Tokens.Next(ref rest, LineSeparators, out var word))
        {
            if (!titleWords.Contains(word.Trim("\"'()").ToString()))
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<string> WordSet(ReadOnlySpan<char> text)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rest = text;
        while (Tokens.Next(ref rest, TitleSeparators, out var word))
        {
            set.Add(word.ToString());
        }

        return set;
    }
}
