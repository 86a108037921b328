using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Cleaner.Cli.Eval;

namespace Cleaner.Tests.Cli;

/// <summary>The HTML pages of <c>explain --format html</c> and <c>eval --report</c>.</summary>
public class ReportTests : CliTestKit
{
    private static readonly HtmlParser Parser = new();

    private const string Hostile = """
        Breaking: the council approved the plan after a long and heated debate on Tuesday evening.
        <script>alert('explain')</script>
        "><img src=x onerror="alert(1)">
        <a href="javascript:alert(2)">click here</a> to read the report in full, said the mayor afterwards.
        </li></ol><style>body{display:none}</style><iframe src="https://example.org/"></iframe>
        Share on Facebook
        """;

    [Test]
    public void Explain_html_shows_every_block_once_in_order_with_its_verdict_filter_and_reason()
    {
        var cleaned = TextCleaner.Default.Clean(SampleText);
        var run = Run("explain", "--format", "html", TestPaths.Sample);
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        var dom = Parser.ParseDocument(run.Out);

        var items = dom.QuerySelectorAll("ol.blocks > li").ToList();
        Assert.That(items, Has.Count.EqualTo(cleaned.Blocks.Count));
        for (int i = 0; i < items.Count; i++)
        {
            var block = cleaned.Blocks[i];
            var item = items[i];
            Assert.That(item.Id, Is.EqualTo($"b{i}"));
            Assert.That(item.QuerySelector(".text")!.FirstChild!.TextContent, Is.EqualTo(block.Text));
            Assert.That(item.GetAttribute("data-verdict")!.Split(' ')[0], Is.EqualTo(block.IsRemoved ? "removed" : "kept"));
            Assert.That(item.GetAttribute("data-filter"), Is.EqualTo(block.Filter ?? string.Empty));
            Assert.That(item.QuerySelector(".reason")?.TextContent, Is.EqualTo(block.Reason));
            if (block.Reason is not null)
            {
                Assert.That(item.GetAttribute("title"), Does.Contain(block.Reason));
            }
        }

        Assert.That(items.Where(i => i.ClassList.Contains("removed")).Select(i => i.GetAttribute("data-filter")),
            Is.EqualTo(new[] { "masthead", "dates", "calls-to-action", "tags", "photo-credits", "social", "analytics" }));
        Assert.That(dom.QuerySelector("#summary")!.TextContent, Does.StartWith("kept 10 of 17 blocks"));

        // The legend counts each filter's blocks and characters and links to them.
        var social = dom.QuerySelector("table.legend tr[data-filter='social']")!;
        Assert.That(social.Children[2].TextContent, Is.EqualTo("1"));
        Assert.That(social.Children[3].TextContent, Is.EqualTo("Like Us on Facebook".Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var link = social.QuerySelector("a")!.GetAttribute("href")!;
        Assert.That(dom.GetElementById(link[1..])!.GetAttribute("data-filter"), Is.EqualTo("social"));

        // The switches to show only kept or only removed blocks are there, and work without script.
        Assert.That(dom.QuerySelectorAll("input[type=radio][name=show]").Select(e => e.Id), Is.EqualTo(new[] { "show-all", "show-kept", "show-removed" }));
        Assert.That(dom.QuerySelector("style")!.TextContent, Does.Contain("#show-removed:checked~main li:not(.removed){display:none}"));
    }

    [Test]
    public void Explain_html_escapes_hostile_block_text_and_runs_nothing()
    {
        var input = WriteFile("hostile.txt", Hostile);
        var run = Run("explain", "--format", "html", "--text", input);
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        AssertInert(run.Out);
        var dom = Parser.ParseDocument(run.Out);
        var texts = dom.QuerySelectorAll("ol.blocks .text").Select(t => t.FirstChild!.TextContent).ToList();
        Assert.That(texts, Does.Contain("<script>alert('explain')</script>"));
        Assert.That(texts, Does.Contain("\"><img src=x onerror=\"alert(1)\">"));
        Assert.That(texts.Count, Is.EqualTo(TextCleaner.Default.Clean(Hostile).Blocks.Count));
    }

    [Test]
    public void Explain_html_of_an_html_page_shows_its_metadata()
    {
        var page = WriteFile("page.html", """
            <html lang="de"><head><title>Ein Titel - Die Zeitung</title><meta name="author" content="Erika Muster">
            <meta property="og:site_name" content="Die Zeitung"></head>
            <body><h1>Ein Titel</h1><p>Der Stadtrat hat am Dienstag beschlossen, einen neuen Park am Fluss anzulegen, und die Bürger freuen sich sehr darüber.</p></body></html>
            """);
        var run = Run("explain", "--format", "html", page);
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        var facts = Parser.ParseDocument(run.Out).QuerySelectorAll("dl.meta dt").Select(e => e.TextContent).ToList();
        Assert.That(facts, Does.Contain("title").And.Contain("site").And.Contain("language").And.Contain("article found by").And.Contain("article container"));
    }

    [Test]
    public void Marks_are_what_the_score_counts()
    {
        const string gold = "one two three four five six seven eight";
        const string output = "Menu Home one two three four five six seven eight Share this";
        var (g, p) = Scorer.Mark(gold, output);
        Assert.That(g.Matched, Is.All.True, "every gold shingle is in the output");
        Assert.That(Unmatched(p), Is.EqualTo(new[] { "Menu", "Home", "Share", "this" }));

        var (g2, p2) = Scorer.Mark("alpha beta gamma delta epsilon zeta eta theta", "alpha beta gamma delta");
        Assert.That(Unmatched(g2), Is.EqualTo(new[] { "epsilon", "zeta", "eta", "theta" }));
        Assert.That(p2.Matched, Is.All.True);

        // A repeated shingle is matched only as often as the other side has it.
        var (_, p3) = Scorer.Mark("a b c d", "a b c d x a b c d");
        Assert.That(p3.Matched.Count(m => !m), Is.GreaterThanOrEqualTo(1));
        var counts = Scorer.ScorePage("x", "a b c d", "a b c d x a b c d").Shingles;
        Assert.That(counts.Fp, Is.GreaterThan(0));

        // Empty on either side: everything on the other side is unmatched.
        var (g4, p4) = Scorer.Mark("some gold words here", string.Empty);
        Assert.That(g4.Matched, Is.All.False);
        Assert.That(p4.Tokens, Is.Empty);
    }

    [Test]
    public void Eval_report_lists_every_page_worst_first_and_marks_missing_and_extra_text()
    {
        var gold = Path.Combine(Temp, "gold");
        var pred = Path.Combine(Temp, "pred");
        WriteFile("gold/good.txt", "The council approved the plan for a new park on Tuesday evening.");
        WriteFile("pred/good.txt", "The council approved the plan for a new park on Tuesday evening.");
        WriteFile("gold/bad.txt", "Residents said they were delighted with the decision of the council.");
        WriteFile("pred/bad.txt", "Home News Sport <script>alert(1)</script> Residents said they were delighted");
        WriteFile("gold/none.txt", "Nothing of this was found by the cleaner at all.");
        var reportDir = Path.Combine(Temp, "report");

        var run = Run("eval", "--gold", gold, "--pred", pred, "--report", reportDir, "--worst", "0");
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        var index = File.ReadAllText(Path.Combine(reportDir, "index.html"));
        AssertInert(index);
        var dom = Parser.ParseDocument(index);
        var rows = dom.QuerySelectorAll("table tr").Skip(1).ToList();
        Assert.That(rows.Select(r => r.Children[1].QuerySelector("a")!.TextContent), Is.EqualTo(new[] { "none", "bad", "good" }));
        Assert.That(dom.QuerySelector("#summary")!.TextContent, Is.EqualTo(run.Out.TrimEnd('\n').Split('\n')[^1]));

        var badPage = rows[1].QuerySelector("a")!.GetAttribute("href")!;
        var page = File.ReadAllText(Path.Combine(reportDir, badPage));
        AssertInert(page);
        var pageDom = Parser.ParseDocument(page);
        var extra = pageDom.QuerySelectorAll("#output mark.extra").Select(m => m.TextContent).ToList();
        Assert.That(extra, Is.EqualTo(new[] { "Home News Sport <script>alert(1)</script" }), "tokens are marked, not the punctuation after them");
        var missing = pageDom.QuerySelectorAll("#gold mark.missing").Select(m => m.TextContent).ToList();
        Assert.That(missing, Is.EqualTo(new[] { "with the decision of the council" }));
        Assert.That(pageDom.QuerySelector("#output")!.TextContent, Is.EqualTo(File.ReadAllText(Path.Combine(pred, "bad.txt"))));
        Assert.That(pageDom.QuerySelector("#gold")!.TextContent, Is.EqualTo(File.ReadAllText(Path.Combine(gold, "bad.txt"))));
    }

    /// <summary>No script, handler, frame, image, link out or foreign style; a strict policy that allows only the page's own style sheet.</summary>
    private static void AssertInert(string html)
    {
        var dom = Parser.ParseDocument(html);
        Assert.That(dom.QuerySelectorAll("script, iframe, img, object, embed, link, base, form"), Is.Empty);
        Assert.That(dom.QuerySelectorAll("style"), Has.Length.EqualTo(1));
        foreach (var element in dom.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.That(attribute.Name, Does.Not.StartWith("on"), $"{element.LocalName} has a handler");
                Assert.That(attribute.Value.TrimStart(), Does.Not.StartWith("javascript:").IgnoreCase);
            }
        }

        var policy = dom.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        var style = dom.QuerySelector("style")!.TextContent;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        Assert.That(policy, Is.EqualTo($"default-src 'none'; style-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'"));
        Assert.That(dom.Head!.FirstElementChild!.GetAttribute("charset"), Is.EqualTo("utf-8"));
    }

    private static List<string> Unmatched(MarkedText marked) =>
        [.. marked.Tokens.Where((_, i) => !marked.Matched[i]).Select(r => marked.Text[r])];
}
