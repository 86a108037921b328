using System.Globalization;
using System.Text;

namespace Cleaner.Cli.Reports;

/// <summary>
/// <c>cleaner explain --format html</c>: every block of one input in reading order, coloured by what
/// happened to it (kept, protected, removed with one colour per filter, rescued), the filter and the
/// reason shown with each block and on hover, a legend that counts blocks and characters per filter
/// with links to its blocks, and switches (plain CSS, no script) to show only the kept or only the
/// removed blocks.
/// </summary>
internal static class ExplainPage
{
    /// <summary>How many links to its blocks a filter's legend row lists.</summary>
    private const int JumpLinks = 40;

    private const string Style = """
.switch{margin:.6rem 0}
.switch label{margin-right:1rem;cursor:pointer}
ol.blocks{list-style:none;padding:0;margin:.6rem 0}
ol.blocks li{margin:.15rem 0;padding:.25rem .5rem;border-left:.35rem solid #bbb;display:grid;grid-template-columns:4.5rem 9rem 1fr;gap:.6rem}
ol.blocks li .n{color:#999;font-size:.8rem}
ol.blocks li .filter{font-size:.8rem;color:#555;overflow-wrap:anywhere}
ol.blocks li .reason{display:block;font-size:.8rem;color:#666;font-style:italic}
li.kept{border-left-color:#2e8b57;background:#f3faf5}
li.removed .text{color:#555}
li.title .text{font-weight:600}
#show-kept:checked~main li.removed{display:none}
#show-removed:checked~main li:not(.removed){display:none}
.swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:2px;vertical-align:middle;margin-right:.3rem;border:1px solid #0002}
.jump a{margin-right:.3rem;font-size:.8rem}
""";

    /// <summary>Writes the report for one cleaned input.</summary>
    /// <param name="output">Where the page goes.</param>
    /// <param name="cleaned">The result, with every block and its verdict.</param>
    /// <param name="source">The input's name, shown in the heading.</param>
    public static void Write(TextWriter output, CleanResult cleaned, string source)
    {
        var groups = Groups(cleaned);
        var css = new StringBuilder(HtmlPage.BaseStyle).Append(Style);
        foreach (var group in groups.Where(g => g.Removed))
        {
            int hue = HtmlPage.Hue(group.Filter);
            css.Append(CultureInfo.InvariantCulture,
                $".f-{group.Class}{{border-left-color:hsl({hue} 65% 48%)!important;background:hsl({hue} 80% 96%)}}\n");
        }

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<header>\n<h1>cleaner explain: {HtmlPage.Escape(source)}</h1>\n");
        body.Append(CultureInfo.InvariantCulture, $"<p id=\"summary\">{HtmlPage.Escape(Summary(cleaned))}</p>\n");
        WriteFacts(body, cleaned);
        body.Append("</header>\n");
        body.Append("<input type=\"radio\" name=\"show\" id=\"show-all\" checked><label for=\"show-all\">all blocks</label>\n");
        body.Append("<input type=\"radio\" name=\"show\" id=\"show-kept\"><label for=\"show-kept\">only kept</label>\n");
        body.Append("<input type=\"radio\" name=\"show\" id=\"show-removed\"><label for=\"show-removed\">only removed</label>\n");
        body.Append("<main>\n");
        WriteLegend(body, groups);
        body.Append("<h2>Blocks in reading order</h2>\n<ol class=\"blocks\">\n");
        foreach (var block in cleaned.Blocks)
        {
            var state = State(block);
            var filter = block.Filter ?? string.Empty;
            var classes = state + (block.IsRemoved ? " f-" + HtmlPage.ClassName(filter) : string.Empty)
                + (ReferenceEquals(block, cleaned.Document.TitleBlock) ? " title" : string.Empty);
            var hover = block.Filter is null ? "kept: no filter judged it" : $"{VerdictWord(block)} by {filter}: {block.Reason}";
            body.Append(CultureInfo.InvariantCulture,
                $"<li id=\"b{block.Index}\" class=\"{classes}\" data-verdict=\"{state}\" data-filter=\"{HtmlPage.Escape(filter)}\" title=\"{HtmlPage.Escape(hover)}\">");
            body.Append(CultureInfo.InvariantCulture, $"<span class=\"n\">{block.Index + 1} {VerdictWord(block)}</span>");
            body.Append(CultureInfo.InvariantCulture, $"<span class=\"filter\">{HtmlPage.Escape(block.Filter ?? "-")}</span>");
            body.Append(CultureInfo.InvariantCulture, $"<span class=\"text\">{HtmlPage.Escape(block.Text)}");
            if (block.Reason is not null)
            {
                body.Append(CultureInfo.InvariantCulture, $"<span class=\"reason\">{HtmlPage.Escape(block.Reason)}</span>");
            }

            body.Append("</span></li>\n");
        }

        body.Append("</ol>\n</main>\n");
        HtmlPage.Write(output, $"cleaner explain: {source}", css.ToString(), body.ToString());
    }

    /// <summary>kept (no filter), protected (a filter kept it), rescued, or removed.</summary>
    private static string State(Block block) => block.Verdict switch
    {
        Verdict.Remove => "removed",
        Verdict.Keep when block.Filter == "rescue" => "kept rescued",
        Verdict.Keep => "kept protected",
        _ => "kept",
    };

    private static string VerdictWord(Block block) => block.IsRemoved ? "DROP" : "KEEP";

    private sealed record Group(string Filter, string Class, bool Removed, List<Block> Blocks)
    {
        public int Characters => Blocks.Sum(b => b.Length);
    }

    /// <summary>The blocks by filter and verdict, removed groups first, each in order of its first block.</summary>
    private static List<Group> Groups(CleanResult cleaned)
    {
        var groups = new List<Group>();
        var byKey = new Dictionary<(string, bool), Group>();
        foreach (var block in cleaned.Blocks)
        {
            var key = (block.Filter ?? "(no filter)", block.IsRemoved);
            if (!byKey.TryGetValue(key, out var group))
            {
                group = new Group(key.Item1, HtmlPage.ClassName(key.Item1), block.IsRemoved, []);
                byKey[key] = group;
                groups.Add(group);
            }

            group.Blocks.Add(block);
        }

        return [.. groups.OrderBy(g => g.Removed ? 0 : 1)];
    }

    private static void WriteLegend(StringBuilder body, List<Group> groups)
    {
        body.Append("<h2>Legend</h2>\n<table class=\"legend\">\n<tr><th>filter</th><th>verdict</th><th>blocks</th><th>characters</th><th>jump to</th></tr>\n");
        foreach (var group in groups)
        {
            var swatch = group.Removed ? $"<span class=\"swatch f-{group.Class}\"></span>" : "<span class=\"swatch kept\"></span>";
            body.Append(CultureInfo.InvariantCulture,
                $"<tr data-filter=\"{HtmlPage.Escape(group.Filter)}\"><td>{swatch}{HtmlPage.Escape(group.Filter)}</td><td>{(group.Removed ? "removed" : "kept")}</td><td class=\"num\">{group.Blocks.Count}</td><td class=\"num\">{group.Characters:N0}</td><td class=\"jump\">");
            foreach (var block in group.Blocks.Take(JumpLinks))
            {
                body.Append(CultureInfo.InvariantCulture, $"<a href=\"#b{block.Index}\">{block.Index + 1}</a>");
            }

            if (group.Blocks.Count > JumpLinks)
            {
                body.Append(CultureInfo.InvariantCulture, $"<span class=\"muted\">and {group.Blocks.Count - JumpLinks} more</span>");
            }

            body.Append("</td></tr>\n");
        }

        body.Append("</table>\n");
    }

    /// <summary>The title, status, language and the metadata the input gave.</summary>
    private static void WriteFacts(StringBuilder body, CleanResult cleaned)
    {
        var facts = new List<(string, string?)>
        {
            ("title", cleaned.Title),
            ("status", cleaned.Status.ToString()),
            ("diagnostic", cleaned.Diagnostic),
            ("language", cleaned.Language),
            ("article found by", cleaned.ExtractedBy?.ToString()),
            ("article container", cleaned.ArticleContainer),
            ("why that extractor", cleaned.ExtractorNote),
            ("byline", cleaned.Metadata.Byline),
            ("published", cleaned.Metadata.Published?.ToString("u", CultureInfo.InvariantCulture)),
            ("site", cleaned.Metadata.SiteName),
            ("canonical URL", cleaned.Metadata.CanonicalUrl?.ToString()),
            ("description", cleaned.Metadata.Description),
        };
        body.Append("<dl class=\"meta\">\n");
        foreach (var (name, value) in facts.Where(f => !string.IsNullOrEmpty(f.Item2)))
        {
            body.Append(CultureInfo.InvariantCulture, $"<dt>{HtmlPage.Escape(name)}</dt><dd>{HtmlPage.Escape(value)}</dd>\n");
        }

        body.Append("</dl>\n");
    }

    /// <summary>For example <c>kept 10 of 17 blocks (1,234 of 2,000 characters); removed 7</c>.</summary>
    private static string Summary(CleanResult cleaned)
    {
        int removed = cleaned.Blocks.Count(b => b.IsRemoved);
        int chars = cleaned.Blocks.Sum(b => b.Length);
        int keptChars = cleaned.Blocks.Where(b => !b.IsRemoved).Sum(b => b.Length);
        return string.Create(CultureInfo.InvariantCulture,
            $"kept {cleaned.Blocks.Count - removed} of {cleaned.Blocks.Count} blocks ({keptChars:N0} of {chars:N0} characters); removed {removed}");
    }
}
