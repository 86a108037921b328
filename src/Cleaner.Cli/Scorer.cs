using System.Globalization;
using System.Text;

namespace Cleaner.Cli;

/// <summary>Per-page counts of matched, extra and missing 4-token shingles.</summary>
internal readonly record struct PageScore(string Id, long Tp, long Fp, long Fn, int GoldTokens, int PredTokens)
{
    public double Precision => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fp == 0 ? 0 : (double)Tp / (Tp + Fp);

    public double Recall => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fn == 0 ? 0 : (double)Tp / (Tp + Fn);

    public double F1 => Scorer.F1(Precision, Recall);
}

/// <summary>Macro-averaged shingle precision, recall and F1 over pages.</summary>
internal sealed record ScoreSummary(double Precision, double Recall, double F1, int Pages, int EmptyPredictions, IReadOnlyList<PageScore> PageScores)
{
    public string SummaryLine => string.Create(CultureInfo.InvariantCulture,
        $"precision={Precision:F3} recall={Recall:F3} f1={F1:F3} pages={Pages}");
}

/// <summary>
/// The reference scoring method of ../shared/eval/score.py (scrapinghub article-extraction-benchmark):
/// tokens are runs of Unicode letters, digits and underscores (Python's <c>\w+</c>); the multiset of
/// consecutive 4-token shingles (a text of 1-3 tokens gives one shorter shingle) is matched per page;
/// precision is averaged over pages with non-empty output, recall over pages with non-empty gold.
/// </summary>
internal static class Scorer
{
    private const int N = 4;

    public static double F1(double p, double r) => p + r > 0 ? 2 * p * r / (p + r) : 0;

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWord(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>Python's <c>\w</c> for str patterns: alphanumeric (str.isalnum) or underscore.</summary>
    private static bool IsWord(Rune rune)
    {
        if (rune.Value == '_')
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            || (category is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber && Rune.GetNumericValue(rune) >= 0);
    }

    private static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return counts;
        }

        if (tokens.Count <= N)
        {
            counts[string.Join('\u0001', tokens)] = 1;
            return counts;
        }

        for (int i = 0; i + N <= tokens.Count; i++)
        {
            var key = string.Join('\u0001', tokens.GetRange(i, N));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    public static PageScore ScorePage(string id, string gold, string prediction)
    {
        var gt = Tokenize(gold);
        var pt = Tokenize(prediction);
        var gs = Shingles(gt);
        var ps = Shingles(pt);
        long tp = 0, goldTotal = 0, predTotal = 0;
        foreach (var (key, count) in gs)
        {
            goldTotal += count;
            if (ps.TryGetValue(key, out var p))
            {
                tp += Math.Min(count, p);
            }
        }

        foreach (var count in ps.Values)
        {
            predTotal += count;
        }

        return new PageScore(id, tp, predTotal - tp, goldTotal - tp, gt.Count, pt.Count);
    }

    public static ScoreSummary Aggregate(IReadOnlyList<PageScore> pages)
    {
        double p = 0, r = 0;
        int np = 0, nr = 0, empty = 0;
        foreach (var page in pages)
        {
            if (page.Tp + page.Fp > 0)
            {
                p += page.Precision;
                np++;
            }

            if (page.Tp + page.Fn > 0)
            {
                r += page.Recall;
                nr++;
            }

            if (page.PredTokens == 0)
            {
                empty++;
            }
        }

        p = np > 0 ? p / np : 0;
        r = nr > 0 ? r / nr : 0;
        return new ScoreSummary(p, r, F1(p, r), pages.Count, empty, pages);
    }

    /// <summary>Reads a file as score.py does: UTF-8, BOM skipped, invalid bytes replaced; missing means empty.</summary>
    public static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        var bytes = File.ReadAllBytes(path);
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }
}
