using Cleaner.Text;

namespace Cleaner.Filters;

/// <summary>
/// Finds the title and protects it from later filters. For HTML the page's own title leads; for
/// plain text the title is the headline-like line before the body whose words the body repeats most.
/// </summary>
public sealed class TitleFilter : IBlockFilter
{
    /// <inheritdoc />
    public string Name => "title";

    /// <inheritdoc />
    public string Description => "Finds the title (a headline before the body that the body's words echo) and keeps it.";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.TitleBlock is { } known)
        {
            known.Keep(Name, "the title");
            return;
        }

        var blocks = document.Blocks;
        int bodyStart = Zones.BodyStart(document);
        if (bodyStart >= blocks.Count)
        {
            return;
        }

        var bodyWords = BodyWords(document, bodyStart);
        var stop = document.StopWords;
        var metaTitle = document.MetadataTitle is { } m ? ContentWords(m.AsSpan(), stop) : null;
        Block? best = null;
        double bestScore = 0;
        for (int i = Math.Max(0, bodyStart - 40); i < bodyStart; i++)
        {
            var block = blocks[i];
            var f = block.Features;
            if (block.IsRemoved || f.WordCount is < 3 or > 30 || (f.EndsWithTerminalPunctuation && block.Span.TrimEnd()[^1] == '.'))
            {
                continue;
            }

            // A dateline or an address is not a headline.
            if (f.DigitCount >= 4 || block.Span.Contains("://", StringComparison.Ordinal) || block.Span.Contains(".co", StringComparison.Ordinal))
            {
                continue;
            }

            var words = ContentWords(block.Span, stop);
            if (words.Count < 2)
            {
                continue;
            }

            int echoed = 0;
            foreach (var w in words)
            {
                if (bodyWords.Contains(w))
                {
                    echoed++;
                }
            }

            double share = (double)echoed / words.Count;
            if (metaTitle is not null)
            {
                int shared = words.Count(metaTitle.Contains);
                share = Math.Max(share, (double)shared / Math.Max(words.Count, metaTitle.Count) * 1.5);
                echoed = Math.Max(echoed, shared * 2);
            }

            if (echoed < 2 || share < 0.3)
            {
                continue;
            }

            double score = echoed * share * (bodyStart - i <= 4 ? 1.5 : 1);
            if (score > bestScore)
            {
                best = block;
                bestScore = score;
            }
        }

        if (best is not null)
        {
            document.TitleBlock = best;
            best.Keep(Name, "the title");
        }
    }

    private static HashSet<string> BodyWords(Document document, int bodyStart)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int chars = 0;
        var blocks = document.Blocks;
        for (int i = bodyStart; i < blocks.Count && chars < 6000; i++)
        {
            if (blocks[i].IsRemoved || !blocks[i].ParagraphFeatures.LooksLikeProse)
            {
                continue;
            }

            chars += blocks[i].Length;
            set.UnionWith(ContentWords(blocks[i].Span, document.StopWords));
        }

        return set;
    }

    internal static HashSet<string> ContentWords(ReadOnlySpan<char> text, StopWords? stop)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rest = text;
        Span<char> lower = stackalloc char[32];
        while (Tokens.Next(ref rest, " \t\u00A0,;:/|!?.\"'()[]\u201C\u201D\u2018\u2019-", out var word))
        {
            if (word.Length < 3 || word.Length > lower.Length)
            {
                continue;
            }

            int n = word.ToLowerInvariant(lower);
            if (stop is not null && stop.Contains(lower[..n]))
            {
                continue;
            }

            set.Add(word.ToString());
        }

        return set;
    }
}
