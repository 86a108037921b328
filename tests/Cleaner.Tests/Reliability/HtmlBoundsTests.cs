using System.Text;
using Cleaner.Html;
using Cleaner.Tests.Html;

namespace Cleaner.Tests.Reliability;

/// <summary>The linear pass that bounds a page before parsing: real pages pass unchanged, hostile ones are cut with their text kept.</summary>
public class HtmlBoundsTests
{
    private static readonly CleanerOptions Defaults = new();

    private static string Bound(string html, out string? note, CleanerOptions? options = null) =>
        HtmlBounds.Apply(html, options ?? Defaults, null, out note);

    [Test]
    public void Real_pages_come_back_as_the_same_string()
    {
        var pages = Directory.EnumerateFiles(TestPaths.Corpus, "*.html", SearchOption.AllDirectories).Select(File.ReadAllText)
            .Append(TestPages.Page()).ToList();
        Assert.That(pages, Has.Count.GreaterThan(10));
        foreach (var page in pages)
        {
            Assert.That(ReferenceEquals(Bound(page, out var note), page), Is.True, note);
            Assert.That(note, Is.Null);
        }
    }

    [Test]
    public void Two_hundred_thousand_unclosed_b_tags_are_cut_to_the_nesting_depth_and_the_text_kept()
    {
        var html = "<html><body><p>" + new string('a', 50) + string.Concat(Enumerable.Repeat("<b>", 200_000)) + "tail</p></body></html>";
        var bounded = Bound(html, out var note);
        Assert.That(bounded.Length, Is.LessThan(html.Length / 100));
        Assert.That(bounded, Does.Contain(new string('a', 50) + "<b>").And.Contain("tail</p>"));
        Assert.That(note, Does.Contain("MaxNestingDepth"));
        Assert.That(CountOf(bounded, "<b>"), Is.EqualTo(Defaults.MaxNestingDepth - 1), "the p and the b tags up to the depth");
    }

    [Test]
    public void Unclosed_formatting_tags_that_differ_are_cut_to_the_open_formatting_bound()
    {
        var html = "<p>" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"<b class=c{i}>x ")) + "</p>";
        var bounded = Bound(html, out var note);
        Assert.That(CountOf(bounded, "<b class"), Is.EqualTo(Defaults.MaxOpenFormattingElements));
        Assert.That(CountOf(bounded, "x "), Is.EqualTo(1000), "the text stays");
        Assert.That(note, Does.Contain("MaxOpenFormattingElements"));
    }

    [Test]
    public void Identical_unclosed_formatting_tags_count_once_per_three_as_the_parser_keeps_them()
    {
        // The parser keeps at most three identical entries, so 300 unclosed <b> in separate paragraphs stay cheap.
        var html = string.Concat(Enumerable.Repeat("<p><b>bold text", 300));
        Assert.That(ReferenceEquals(Bound(html, out var note), html), Is.True, note);
    }

    [Test]
    public void Closed_and_implicitly_closed_elements_do_not_count_towards_the_depth()
    {
        var html = new StringBuilder();
        for (int i = 0; i < 5000; i++)
        {
            html.Append("<p>para ").Append(i).Append("<ul><li>item<li>item</ul><dl><dt>term<dd>def</dl><table><tr><td>cell<td>cell<tr><td>row</table>")
                .Append("<div><span>x</span></div><select><option>o<option>p</select><h2>one<h3>two</h3>");
        }

        var page = html.ToString();
        Assert.That(ReferenceEquals(Bound(page, out var note), page), Is.True, note);
    }

    [TestCase("<a href=x>y<div>")]
    [TestCase("<a href=x>y<div></a>")]
    [TestCase("<b>x<div></b>")]
    [TestCase("<div>x</span>x<tbody>")] // a part of a table outside one is ignored: it closes nothing
    [TestCase("<span>x<td>y<b>")]
    [TestCase("<s><a href=x>y")] // the s closed with the link before it is opened again, one deeper
    [TestCase("<td><b>x<svg>x<svg>")] // an HTML tag inside svg closes it and is read as HTML
    [TestCase("<caption><td>x<font>x</tr>x<svg>")] // a bare font inside svg is svg's
    [TestCase("<label></form><form>x")] // a form's end tag closes the form alone
    public void Markup_the_parser_nests_one_deeper_on_each_repeat_meets_the_depth_bound(string unit)
    {
        // The adoption agency moves the block out of the link and keeps it open, so each repeat nests
        // one block deeper: the model must see the depth grow (the parser, past its own depth limit,
        // moved every child of its deepest block again on each link: 147 s for 1 MB of such markup).
        var html = "<html><body>" + string.Concat(Enumerable.Repeat(unit, 2000)) + "</body></html>";
        var bounded = Bound(html, out var note);
        Assert.That(note, Does.Contain("MaxNestingDepth"));
        Assert.That(TextOf(bounded), Is.EqualTo(TextOf(html)), "the text stays");

        // A few such repeats are within every bound and come back unchanged.
        var few = "<html><body>" + string.Concat(Enumerable.Repeat(unit, 20)) + "</body></html>";
        Assert.That(ReferenceEquals(Bound(few, out var none), few), Is.True, none);
    }

    [Test]
    public void A_dropped_tag_that_left_svg_leaves_it_in_the_parser_too()
    {
        // Past the bound on open formatting elements, each <b> is dropped; but inside svg a <b> also
        // ends the svg. Dropped without a trace, it left the parser inside the svg, where the frameset
        // that the model took for an ignored tag of the body nested unseen, one deeper per repeat, and
        // every </caption> searched that growing stack (15 s for 1.2 MB). The parsed tree of the bounded
        // page must stay within the depth bound, as the model counts it.
        var options = Defaults with { MaxNestingDepth = 100, MaxOpenFormattingElements = 20 };
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<b></caption><frameset>x<object><svg>", 2000)) + "</body></html>";
        var bounded = Bound(html, out var note, options);
        Assert.That(note, Does.Contain("MaxOpenFormattingElements"));
        Assert.That(TextOf(bounded), Is.EqualTo(TextOf(html)), "the text stays");
        Assert.That(Deepest(bounded), Is.LessThanOrEqualTo(options.MaxNestingDepth + 2));
    }

    /// <summary>How many ancestors the deepest element of the parsed page has, itself included.</summary>
    private static int Deepest(string html)
    {
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        int deepest = 0;
        foreach (var element in document.All)
        {
            int depth = 0;
            for (var e = element; e is not null; e = e.ParentElement)
            {
                depth++;
            }

            deepest = Math.Max(deepest, depth);
        }

        return deepest;
    }

    [Test]
    public void A_link_that_closes_without_a_block_inside_it_adds_no_depth()
    {
        var html = "<html><body><div>" + string.Concat(Enumerable.Repeat("<a href=x>y<span>z", 5000)) + "</div></body></html>";
        Assert.That(ReferenceEquals(Bound(html, out var note), html), Is.True, note);
    }

    [Test]
    public void An_end_tag_closes_its_element_whatever_the_case_of_either_among_hundreds_of_names()
    {
        // Each name is read once per pass and its open elements counted by name: 400 names (more than
        // the pass's cache of recent names holds, so names share its slots) nested, opened in upper
        // case and closed in lower, twenty times over, with a depth bound just above 400. An end tag
        // that missed its element would leave it open, and the rounds after would pass the bound.
        var options = Defaults with { MaxNestingDepth = 410 };
        var round = new StringBuilder();
        for (int i = 0; i < 400; i++)
        {
            round.Append("<X-PART").Append(i).Append(" class=c>");
        }

        round.Append("<P>text</p>");
        for (int i = 399; i >= 0; i--)
        {
            round.Append("</x-part").Append(i).Append('>');
        }

        var html = "<html><body>" + string.Concat(Enumerable.Repeat(round.ToString(), 20)) + "</body></html>";
        Assert.That(ReferenceEquals(Bound(html, out var note, options), html), Is.True, note);

        // Left open, the same names meet the bound.
        var open = html.Replace("</x-part", "<x-part", StringComparison.Ordinal);
        Assert.That(Bound(open, out var cut, options), Is.Not.SameAs(open));
        Assert.That(cut, Does.Contain("MaxNestingDepth"));
    }

    [Test]
    public void Attributes_past_the_bound_are_dropped_and_the_element_kept()
    {
        var html = "<div class=\"story\"" + string.Concat(Enumerable.Range(0, 1000).Select(i => $" data-a{i}='v>{i}'")) + ">text</div>";
        var bounded = Bound(html, out var note);
        Assert.That(bounded, Does.StartWith("<div class=\"story\"").And.EndWith(">text</div>"));
        Assert.That(CountOf(bounded, "data-a"), Is.EqualTo(Defaults.MaxAttributes - 1));
        Assert.That(note, Does.Contain("MaxAttributes"));
    }

    [Test]
    public void Children_past_the_bound_lose_their_tags_and_keep_their_text()
    {
        var options = Defaults with { MaxChildElements = 10 };
        var html = "<ul>" + string.Concat(Enumerable.Range(0, 20).Select(i => $"<li>item {i}</li>")) + "</ul><p>after</p>";
        var bounded = Bound(html, out var note, options);
        Assert.That(CountOf(bounded, "<li>"), Is.EqualTo(10));
        Assert.That(CountOf(bounded, "</li>"), Is.EqualTo(10), "the end tags of the dropped items go too");
        Assert.That(bounded, Does.Contain("item 19").And.EndWith("</ul><p>after</p>"));
        Assert.That(note, Does.Contain("MaxChildElements"));
    }

    [Test]
    public void Elements_past_the_total_bound_lose_their_tags_and_scripts_past_it_go_whole()
    {
        var options = Defaults with { MaxElements = 5 };
        var html = "<p>one</p><p>two</p><p>three</p><p>four</p><p>five</p><p>six</p><script>var hidden = 1;</script><p>seven</p>";
        var bounded = Bound(html, out var note, options);
        Assert.That(bounded, Is.EqualTo("<p>one</p><p>two</p><p>three</p><p>four</p><p>five</p>sixseven"));
        Assert.That(note, Does.Contain("MaxElements"));
    }

    [Test]
    public void Markup_inside_scripts_comments_and_attribute_values_is_not_counted()
    {
        var options = Defaults with { MaxNestingDepth = 5 };
        var html = "<div><script>" + string.Concat(Enumerable.Repeat("<div>", 50)) + "</script><!-- " + string.Concat(Enumerable.Repeat("<div>", 50))
            + " --><span title='" + string.Concat(Enumerable.Repeat("<div>", 50)) + "'>text</span><textarea><b><b><b><b><b><b></textarea></div>";
        Assert.That(ReferenceEquals(Bound(html, out var note, options), html), Is.True, note);
    }

    [Test]
    public void A_bounded_page_says_so_in_the_result_and_keeps_its_text()
    {
        var html = "<html><head><title>The Old Pier</title></head><body><article><h1>The Old Pier</h1><p>" + TestPages.Paragraphs[0] + "</p>"
            + string.Concat(Enumerable.Repeat("<i class=x>", 5000)) + "<p>" + TestPages.Paragraphs[1] + "</p></article></body></html>";
        var result = TextCleaner.Default.CleanHtml(html);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Diagnostic, Does.Contain("bounded before parsing").And.Contain("MaxNestingDepth"));
        Assert.That(result.Text, Does.Contain(TestPages.Paragraphs[0]).And.Contain(TestPages.Paragraphs[1]));
    }

    /// <summary>The text of a page without its tags (attributes hold no '&gt;' here).</summary>
    private static string TextOf(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", "");

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
