namespace Cleaner.Text;

/// <summary>The plain-text input: reads text into the model, one block per non-empty line.</summary>
internal static class PlainTextReader
{
    /// <summary>Splits plain text into one block per non-empty line, trimmed, as ranges of the text.</summary>
    public static Document Read(string text, CleanerOptions options, PhraseBook phrases)
    {
        var document = new Document(text, options, phrases, isHtml: false);
        var span = text.AsSpan();
        int pos = 0;
        bool blankBefore = false;
        int blankSeparated = 0;
        while (pos < span.Length)
        {
            int end = span[pos..].IndexOfAny('\n', '\r');
            int lineEnd = end < 0 ? span.Length : pos + end;
            int next = lineEnd;
            if (next < span.Length)
            {
                next += span[next] == '\r' && next + 1 < span.Length && span[next + 1] == '\n' ? 2 : 1;
            }

            var line = span[pos..lineEnd];
            int lead = line.Length - line.TrimStart().Length;
            int length = line.Trim().Length;
            if (length == 0)
            {
                blankBefore = document.Blocks.Count > 0;
            }
            else
            {
                var block = document.AddBlock(pos + lead, length);
                block.BlankLineBefore = blankBefore;
                if (blankBefore)
                {
                    blankSeparated++;
                }

                blankBefore = false;
            }

            pos = next;
        }

        document.UsesBlankLines = document.Blocks.Count > 1 && blankSeparated * 2 >= document.Blocks.Count - 1;
        JoinWrappedLines(document.Blocks);
        return document;
    }

    /// <summary>Gives the lines of each hard-wrapped paragraph the features of the whole paragraph.</summary>
    private static void JoinWrappedLines(IReadOnlyList<Block> blocks)
    {
        int start = 0;
        for (int i = 1; i <= blocks.Count; i++)
        {
            if (i < blocks.Count && ContinuesPrevious(blocks[i - 1], blocks[i]))
            {
                continue;
            }

            if (i - start > 1)
            {
                var combined = blocks[start].Features;
                for (int k = start + 1; k < i; k++)
                {
                    combined = BlockFeatures.Combine(combined, blocks[k].Features);
                }

                blocks[0].Document.JoinParagraph(blocks.Skip(start).Take(i - start), combined);
            }

            start = i;
        }
    }

    /// <summary>A line that does not end a sentence, followed without a blank line by one that starts in lower case.</summary>
    private static bool ContinuesPrevious(Block previous, Block block)
    {
        if (block.BlankLineBefore || previous.Features.WordCount < 3 || block.Features.WordCount == 0)
        {
            return false;
        }

        var end = previous.Span[^1];
        if (end is '.' or '!' or '?' or ':' or '\u3002' || previous.Features.EndsWithTerminalPunctuation)
        {
            return false;
        }

        char first = block.Span[0];
        return char.IsLower(first) || (end is ',' or ';' or '-' && char.IsLetterOrDigit(first));
    }
}
