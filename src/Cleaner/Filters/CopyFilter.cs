using System.Globalization;

namespace Cleaner.Filters;

/// <summary>
/// Removes a second copy of the article's paragraphs: a run of two or more different long paragraphs
/// that stands again, word for word and in the same order, further down the document (an excerpt
/// panel that repeats the lead, a print or mobile version of the story beside the screen one, a
/// scraper that saved the text twice). The first copy stays; on an HTML page where only the later
/// copy lies in the article the extractor found, that one stays. One paragraph repeated on its own (a
/// pull quote, a refrain, filler text) is left alone: only a run of different paragraphs is a copy.
/// </summary>
public sealed class CopyFilter : IBlockFilter
{
    /// <summary>The shortest paragraph, in characters, that can start or count in a copy.</summary>
    private const int MinLength = 100;

    /// <inheritdoc />
    public string Name => "copies";

    /// <inheritdoc />
    public string Description => "Removes a second copy of a run of the article's paragraphs (an excerpt panel, a print version).";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blocks = document.Blocks;

        // The long paragraphs by the hash of their key (a shared hash is checked by SameLine, so a
        // collision only costs one comparison); most pages have no paragraph twice and stop here.
        int?[]? hashes = null;
        Dictionary<int, int>? first = null;
        bool twice = false;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Length >= MinLength && Text.TextCase.LineHash(blocks[i].Span, out int length) is var hash && length >= MinLength)
            {
                hashes ??= new int?[blocks.Count];
                first ??= [];
                hashes[i] = hash;
                twice |= !first.TryAdd(hash, i);
            }
        }

        if (!twice || hashes is null || first is null)
        {
            return;
        }

        for (int i = 0; i < blocks.Count;)
        {
            int j = hashes[i] is { } key ? first[key] : i;
            if (j == i)
            {
                i++;
                continue;
            }

            // The run: the blocks from i that equal those from j, in order, without reaching i. It
            // ends where a long paragraph equals the one before it in the run (a paragraph repeated
            // in a row is filler, not a copy), which also keeps the scan linear.
            int m = 0, distinct = 0, previous = -1;
            while (i + m < blocks.Count && j + m < i && Same(blocks, hashes, i + m, j + m))
            {
                if (hashes[i + m] is not null)
                {
                    if (previous >= 0 && Same(blocks, hashes, i + m, previous))
                    {
                        break;
                    }

                    previous = i + m;
                    distinct++;
                }

                m++;
            }

            if (distinct < 2)
            {
                i++;
                continue;
            }

            // Keep the copy in the extractor's article when only one of the two lies there.
            bool keepLater = document.HasMainContent && InArticle(blocks, i, m) && !InArticle(blocks, j, m);
            int from = keepLater ? j : i, of = keepLater ? i : j;
            string reason = string.Create(CultureInfo.InvariantCulture, $"a copy of the {distinct} paragraphs from block {of + 1}");
            for (int t = 0; t < m; t++)
            {
                if (blocks[from + t].IsUndecided && blocks[from + t] != document.TitleBlock)
                {
                    blocks[from + t].Remove(reason);
                }
            }

            i += m;
        }
    }

    /// <summary>Whether two blocks say the same: equal keys for long ones, equal text (case aside) for the rest.</summary>
    private static bool Same(IReadOnlyList<Block> blocks, int?[] hashes, int a, int b) =>
        hashes[a] is { } x ? x == hashes[b] && Text.TextCase.SameLine(blocks[a].Span, blocks[b].Span)
        : hashes[b] is null && blocks[a].Span.Trim().Equals(blocks[b].Span.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether most of the <paramref name="count"/> blocks from <paramref name="start"/> lie in the extractor's article.</summary>
    private static bool InArticle(IReadOnlyList<Block> blocks, int start, int count)
    {
        int inside = 0;
        for (int t = 0; t < count; t++)
        {
            inside += blocks[start + t].InMainContent ? 1 : 0;
        }

        return inside * 2 > count;
    }
}
