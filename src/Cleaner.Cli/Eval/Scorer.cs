using System.Globalization;
using System.Text;
using Cleaner.Cli.Inputs;

namespace Cleaner.Cli.Eval;

/// <summary>Matched, extra and missing items (shingles or tokens) of one page.</summary>
internal readonly record struct Counts(long Tp, long Fp, long Fn)
{
    public double Precision => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fp == 0 ? 0 : (double)Tp / (Tp + Fp);

    public double Recall => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fn == 0 ? 0 : (double)Tp / (Tp + Fn);

    public double F1 => Scorer.F1(Precision, Recall);
}

/// <summary>The scores of one page: 4-token shingles (the primary metric) and single tokens (bow).</summary>
internal sealed record PageScore(string Id, Counts Shingles, Counts Bow, int GoldTokens, int PredTokens, bool Exact, bool MissingPrediction)
{
    public double Precision => Shingles.Precision;

    public double Recall => Shingles.Recall;

    public double F1 => Shingles.F1;
}

/// <summary>Macro averages over pages of one metric.</summary>
internal readonly record struct Averages(double Precision, double Recall, double F1, double F1PageMean);

/// <summary>Macro-averaged precision, recall and F1 over pages, as score.py reports them.</summary>
internal sealed record ScoreSummary(Averages Shingles, Averages Bow, int Pages, int MissingPredictions, int EmptyPredictions, double Accuracy, IReadOnlyList<PageScore> PageScores)
{
    /// <summary>score.py's last line: <c>precision=… recall=… f1=… pages=N</c>.</summary>
    public string SummaryLine => Invariant(
        $"precision={Shingles.Precision:F3} recall={Shingles.Recall:F3} f1={Shingles.F1:F3} pages={Pages}");

    /// <summary>score.py's lines before the summary (with --quiet), the summary line last.</summary>
    public IEnumerable<string> ReportLines =>
    [
        Invariant($"pages_missing_pred={MissingPredictions} pages_empty_pred={EmptyPredictions} accuracy={Accuracy:F3} f1_page_mean={Shingles.F1PageMean:F3}"),
        Invariant($"bow precision={Bow.Precision:F3} recall={Bow.Recall:F3} f1={Bow.F1:F3} f1_page_mean={Bow.F1PageMean:F3}"),
        SummaryLine,
    ];

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The reference scoring method of ../shared/eval/score.py (scrapinghub article-extraction-benchmark):
/// tokens are runs of Unicode letters, digits and underscores (Python's <c>\w+</c>); the multiset of
/// consecutive 4-token shingles (a text of 1-3 tokens gives one shorter shingle) is matched per page;
/// precision is averaged over pages with non-empty output, recall over pages with non-empty gold.
/// The bag-of-words metric does the same with single tokens.
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

    private static Dictionary<string, int> Bag(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        return counts;
    }

    private static Counts Match(Dictionary<string, int> gold, Dictionary<string, int> pred)
    {
        long tp = 0, goldTotal = 0, predTotal = 0;
        foreach (var (key, count) in gold)
        {
            goldTotal += count;
            if (pred.TryGetValue(key, out var p))
            {
                tp += Math.Min(count, p);
            }
        }

        foreach (var count in pred.Values)
        {
            predTotal += count;
        }

        return new Counts(tp, predTotal - tp, goldTotal - tp);
    }

    public static PageScore ScorePage(string id, string gold, string prediction, bool missingPrediction = false)
    {
        var gt = Tokenize(gold);
        var pt = Tokenize(prediction);
        return new PageScore(id, Match(Shingles(gt), Shingles(pt)), Match(Bag(gt), Bag(pt)), gt.Count, pt.Count,
            gt.SequenceEqual(pt, StringComparer.Ordinal), missingPrediction);
    }

    private static Averages Average(IEnumerable<Counts> pages)
    {
        double p = 0, r = 0, f = 0;
        int np = 0, nr = 0, n = 0;
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

            f += page.F1;
            n++;
        }

        p = np > 0 ? p / np : 0;
        r = nr > 0 ? r / nr : 0;
        return new Averages(p, r, F1(p, r), n > 0 ? f / n : 0);
    }

    public static ScoreSummary Aggregate(IReadOnlyList<PageScore> pages) =>
        new(Average(pages.Select(p => p.Shingles)), Average(pages.Select(p => p.Bow)), pages.Count,
            pages.Count(p => p.MissingPrediction), pages.Count(p => p.PredTokens == 0),
            pages.Count > 0 ? (double)pages.Count(p => p.Exact) / pages.Count : 0, pages);

    /// <summary>Reads a file as score.py does: UTF-8, BOM skipped, invalid bytes replaced; missing means empty.</summary>
    public static string ReadText(string path) =>
        File.Exists(path) ? InputCleaner.DecodeUtf8(File.ReadAllBytes(path)) : string.Empty;
}
