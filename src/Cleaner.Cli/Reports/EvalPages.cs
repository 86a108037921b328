using System.Globalization;
using System.Text;
using Cleaner.Cli.Eval;

namespace Cleaner.Cli.Reports;

/// <summary>
/// <c>cleaner eval --report DIR</c>: <c>index.html</c> lists every page, worst F1 first, with its
/// precision, recall and F1 and a link to <c>pages/&lt;n&gt;.html</c>, which shows the output beside the
/// gold. What the score counts as missing (gold text no matched shingle covers) and as extra
/// (output text no matched shingle covers) is marked, from the same shingle matching as the figures.
/// </summary>
internal static class EvalPages
{
    private const string Style = """
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.cols pre{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.45 system-ui,sans-serif;margin:0;padding:.5rem;border:1px solid #ddd;background:#fafafa}
mark.missing{background:#ffd7d7;color:#700}
mark.extra{background:#ffe9b3;color:#630}
.low{color:#b00020;font-weight:600}
""";

    /// <summary>One page's texts and score.</summary>
    public sealed record Page(PageScore Score, string Gold, string Prediction);

    /// <summary>Writes the index and one page per scored page into <paramref name="directory"/>.</summary>
    /// <returns>The path of the index page.</returns>
    public static string Write(string directory, ScoreSummary summary, IReadOnlyList<Page> pages, string title)
    {
        var pagesDir = Path.Combine(directory, "pages");
        Directory.CreateDirectory(pagesDir);
        var order = pages.Select((p, i) => (Page: p, File: i.ToString("D5", CultureInfo.InvariantCulture) + ".html"))
            .OrderBy(p => p.Page.Score.F1).ThenBy(p => p.Page.Score.Id, StringComparer.Ordinal).ToList();

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{HtmlPage.Escape(title)}</h1>\n");
        body.Append(CultureInfo.InvariantCulture, $"<p id=\"summary\">{HtmlPage.Escape(summary.SummaryLine)}</p>\n");
        body.Append("<p class=\"muted\">Pages sorted by F1, worst first. Precision, recall and F1 are over 4-token shingles; each page links to its output beside its gold.</p>\n");
        body.Append("<table>\n<tr><th>#</th><th>page</th><th>precision</th><th>recall</th><th>F1</th><th>gold tokens</th><th>output tokens</th></tr>\n");
        int rank = 0;
        foreach (var (page, file) in order)
        {
            var s = page.Score;
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><td class=\"num\">{++rank}</td><td><a href=\"pages/{file}\">{HtmlPage.Escape(s.Id)}</a>{(s.MissingPrediction ? " <span class=\"muted\">(no output)</span>" : string.Empty)}</td>{Cell(s.Precision)}{Cell(s.Recall)}{Cell(s.F1)}<td class=\"num\">{s.GoldTokens}</td><td class=\"num\">{s.PredTokens}</td></tr>\n");
            WritePage(Path.Combine(pagesDir, file), page);
        }

        body.Append("</table>\n");
        var index = Path.Combine(directory, "index.html");
        using (var writer = new StreamWriter(index, false, new UTF8Encoding(false)))
        {
            HtmlPage.Write(writer, title, HtmlPage.BaseStyle + Style, body.ToString());
        }

        return index;
    }

    private static string Cell(double value) => string.Create(CultureInfo.InvariantCulture,
        $"<td class=\"num{(value < 0.5 ? " low" : string.Empty)}\">{value:F3}</td>");

    private static void WritePage(string path, Page page)
    {
        var s = page.Score;
        var (gold, prediction) = Scorer.Mark(page.Gold, page.Prediction);
        var body = new StringBuilder();
        body.Append("<p><a href=\"../index.html\">all pages</a></p>\n");
        body.Append(CultureInfo.InvariantCulture, $"<h1>{HtmlPage.Escape(s.Id)}</h1>\n");
        body.Append(CultureInfo.InvariantCulture,
            $"<p id=\"scores\">precision {s.Precision:F3}, recall {s.Recall:F3}, F1 {s.F1:F3}; shingles matched {s.Shingles.Tp}, extra {s.Shingles.Fp}, missing {s.Shingles.Fn}</p>\n");
        body.Append("<p class=\"muted\"><mark class=\"missing\">missing</mark>: gold text the output lacks. <mark class=\"extra\">extra</mark>: output text the gold lacks.</p>\n");
        body.Append("<div class=\"cols\">\n<section><h2>Output</h2>\n<pre id=\"output\">");
        AppendMarked(body, prediction, "extra");
        body.Append("</pre></section>\n<section><h2>Gold</h2>\n<pre id=\"gold\">");
        AppendMarked(body, gold, "missing");
        body.Append("</pre></section>\n</div>\n");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        HtmlPage.Write(writer, $"eval: {s.Id}", HtmlPage.BaseStyle + Style, body.ToString());
    }

    /// <summary>The text, escaped, with each run of unmatched tokens (and what stands between them) in one mark.</summary>
    private static void AppendMarked(StringBuilder body, MarkedText marked, string kind)
    {
        var text = marked.Text;
        int at = 0;
        for (int i = 0; i < marked.Tokens.Count; i++)
        {
            if (marked.Matched[i])
            {
                continue;
            }

            int j = i;
            while (j + 1 < marked.Tokens.Count && !marked.Matched[j + 1])
            {
                j++;
            }

            int start = marked.Tokens[i].Start.Value, end = marked.Tokens[j].End.Value;
            body.Append(HtmlPage.Escape(text[at..start]));
            body.Append(CultureInfo.InvariantCulture, $"<mark class=\"{kind}\">{HtmlPage.Escape(text[start..end])}</mark>");
            at = end;
            i = j;
        }

        body.Append(HtmlPage.Escape(text[at..]));
    }
}
