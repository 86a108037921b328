using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Cleaner.Html;
using Cleaner.Html.Extraction;

namespace Cleaner.Tests.Html;

/// <summary>
/// The walker numbers the elements it enters and records each block's element ancestry (the native
/// extractor's container tree is built from it, with no map keyed by nodes), and keeps the text
/// nodes in a list, made into a lookup by identity only when SmartReader's article is mapped: both
/// must say what the DOM says.
/// </summary>
public class BlockAncestryTests
{
    private static readonly HtmlParser Parser = new();

    private static readonly string HiddenArticle =
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><div style=\"display:none\">"
        + string.Concat(TestPages.Paragraphs.Select(p => $"<p>{p}</p>")) + "</div></body></html>";

    private static readonly string HiddenMenu =
        "<html><body><h1>A headline</h1><div hidden><ul><li>One</li><li>Two</li></ul></div><p>A short line.</p><p>Another one.</p></body></html>";

    /// <summary>Pages with pre lines, simple and layout tables, inline and unknown elements, MathML, and hidden text (read again, or not).</summary>
    private static IEnumerable<string> Pages()
    {
        yield return TestPages.Page();
        yield return TestPages.Page("<pre>SELECT\n  name\n\nFROM <b>users</b>\n  WHERE id = 1;</pre><p>Before <x-note>an <em>unknown</em> element</x-note> after.</p>");
        yield return TestPages.Page("<table><tr><td>Name</td><td><span>Age</span></td></tr><tr><td>Ann</td><td>41</td></tr></table>"
            + "<table><tr><td><p>Layout cell one.</p></td><td><div><p>Layout <a href=\"/x\">cell</a> two.</p></div></td></tr></table>");
        yield return TestPages.Page("<p>The formula <math><mi>x</mi><mo>+</mo><mn>1</mn></math> holds.</p><ul><li>One<ul><li>Nested</li></ul></li></ul><br>Loose text<hr>more");
        yield return HiddenArticle;
        yield return HiddenMenu;
        yield return "<p>No html or body tags, one line.</p>";
    }

    private static HtmlBlockWalker Walk(string html, out AngleSharp.Html.Dom.IHtmlDocument dom)
    {
        dom = Parser.ParseDocument(html);
        var walker = new HtmlBlockWalker();
        walker.Walk(dom.Body!);
        return walker;
    }

    [TestCaseSource(nameof(Pages))]
    public void Each_block_has_the_ancestry_of_its_first_text_node(string page)
    {
        var walker = Walk(page, out _);
        var ancestry = walker.Ancestry;
        Assert.That(walker.Blocks, Is.Not.Empty);
        Assert.That(ancestry.BlockElements, Has.Count.EqualTo(walker.Blocks.Count));
        for (int i = 0; i < walker.Blocks.Count; i++)
        {
            var first = walker.Texts.First(t => t.First <= i && i < t.First + t.Count).Node;
            var element = first.ParentElement;
            for (int e = ancestry.BlockElements[i]; e >= 0; e = ancestry.Parents[e], element = element!.ParentElement)
            {
                Assert.That(ancestry.Elements[e], Is.SameAs(element), $"block {i} ({Line(walker, i)})");
            }

            Assert.That(element, Is.Null, $"block {i}: the ancestry reaches the document's root");
        }
    }

    [TestCaseSource(nameof(Pages))]
    public void The_lookup_by_node_holds_every_text_node_with_its_blocks(string page)
    {
        var walker = Walk(page, out _);
        var lookup = walker.TextBlocks;
        Assert.That(lookup, Has.Count.EqualTo(walker.Texts.Count), "each text node once");
        foreach (var text in walker.Texts)
        {
            Assert.That(lookup[text.Node], Is.EqualTo((text.First, text.Count)));
            var data = string.Join(' ', ((IText)text.Node).Data.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
            var lines = string.Join(' ', Enumerable.Range(text.First, text.Count).Select(i => Line(walker, i)));
            foreach (var word in data.Split(' '))
            {
                Assert.That(lines, Does.Contain(word), $"the node's text \"{data}\" is in its blocks");
            }
        }
    }

    [Test]
    public void A_preformatted_text_node_goes_into_one_block_per_line()
    {
        var walker = Walk("<html><body><p>Intro line.</p><pre>first line\n\n  second line\nthird line</pre></body></html>", out var dom);
        var pre = dom.QuerySelector("pre")!.FirstChild!;
        Assert.That(walker.TextBlocks[pre], Is.EqualTo((1, 3)));
        Assert.That(Enumerable.Range(0, walker.Blocks.Count).Select(i => Line(walker, i)), Is.EqualTo(new[] { "Intro line.", "first line", "second line", "third line" }));
        Assert.That(walker.Ancestry.BlockElements.Select(e => walker.Ancestry.Elements[e].LocalName), Is.EqualTo(new[] { "p", "pre", "pre", "pre" }));
    }

    [Test]
    public void Hidden_text_read_again_or_not_leaves_one_consistent_ancestry()
    {
        var shown = Walk(HiddenArticle, out _);
        Assert.That(Line(shown, shown.Blocks.Count - 1), Is.EqualTo(TestPages.Paragraphs[^1]), "the hidden article is read");
        Assert.That(shown.Ancestry.Elements.Count(e => e.LocalName == "div"), Is.EqualTo(1), "numbered once, in the walk that was kept");

        var kept = Walk(HiddenMenu, out _);
        Assert.That(Enumerable.Range(0, kept.Blocks.Count).Select(i => Line(kept, i)), Is.EqualTo(new[] { "A headline", "A short line.", "Another one." }), "the first walk is kept");
        Assert.That(kept.Ancestry.Elements.Any(e => e.LocalName is "ul" or "li"), Is.False);
        Assert.That(kept.TextBlocks, Has.Count.EqualTo(3));
    }

    [TestCaseSource(nameof(Pages))]
    public void Containers_are_the_nearest_elements_that_are_not_inline(string page)
    {
        var walker = Walk(page, out _);
        var tree = ContainerTree.Build(walker.Blocks.Count, walker.Ancestry);
        string[] inline = ["a", "span", "b", "em", "math", "mi", "mo", "mn"];
        for (int i = 0; i < walker.Blocks.Count; i++)
        {
            var first = walker.Texts.First(t => t.First <= i && i < t.First + t.Count).Node;
            var expected = Containers(first.ParentElement, inline);
            var found = new List<IElement>();
            for (int k = tree.BlockNode[i]; k >= 0; k = tree.Nodes[k].Parent)
            {
                found.Add(tree.Nodes[k].Element);
                Assert.That(tree.Nodes[k].First, Is.LessThanOrEqualTo(i));
                Assert.That(tree.Nodes[k].End, Is.GreaterThan(i));
            }

            Assert.That(found, Is.EqualTo(expected), $"block {i} ({Line(walker, i)})");
        }

        for (int k = 1; k < tree.Nodes.Count; k++)
        {
            Assert.That(tree.Nodes[k].Parent, Is.LessThan(k), "parents come first");
        }

        Assert.That(tree.Nodes.Select(n => n.Element).Distinct().Count(), Is.EqualTo(tree.Nodes.Count), "each element once");
    }

    [Test]
    public void Containers_of_a_new_page_are_not_confused_with_the_last_one()
    {
        // The arrays behind the tree are kept between pages: a smaller page after a larger one.
        var large = Walk(TestPages.Page("<div><div><div><p>Deep text.</p></div></div></div>"), out _);
        Assert.That(ContainerTree.Build(large.Blocks.Count, large.Ancestry).Nodes, Has.Count.GreaterThan(8));
        var small = Walk("<html><body><p>One line.</p></body></html>", out _);
        var tree = ContainerTree.Build(small.Blocks.Count, small.Ancestry);
        Assert.That(tree.Nodes.Select(n => n.Element.LocalName), Is.EqualTo(new[] { "html", "body", "p" }));
    }

    [Test]
    public void SmartReaders_article_is_mapped_onto_the_blocks_with_each_line_of_its_pre()
    {
        var reader = TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.SmartReader }).Build();
        var result = reader.CleanHtml(TestPages.Page("<pre>first line of the code\nsecond line of the code</pre>"));
        Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.SmartReader));
        AssertMapped(result);
    }

    [Test]
    public void Auto_maps_SmartReaders_article_when_it_consults_it()
    {
        // Two columns of prose, one a close runner-up of the other: Auto asks SmartReader, whose article is taken.
        string Para(int i, string topic) =>
            $"Paragraph {i} tells how the council, after a long debate about the {topic} that lasted well into the night, decided that the plan would go ahead, and how the residents reacted to the news.";
        var body = "<ul class=\"menu\"><li><a href=\"/a\">News</a></li><li><a href=\"/b\">Sport</a></li></ul>"
            + "<div class=\"col\"><div class=\"a\"><p>" + Para(1, "harbour") + "</p><p>" + Para(2, "harbour") + "</p><p>" + Para(3, "harbour") + "</p></div></div>"
            + "<div class=\"col\"><div class=\"b\"><p>" + Para(1, "library") + "</p><p>" + Para(2, "library") + "</p><p>" + Para(3, "library") + "</p></div></div>";
        var result = TextCleaner.Default.CleanHtml($"<!DOCTYPE html><html lang=\"en\"><head><title>The plan</title></head><body>{body}</body></html>");
        Assert.That(result.Document.ExtractorNote, Does.StartWith("close runner-up"));
        Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.SmartReader));
        var inArticle = result.Blocks.Where(b => b.InMainContent).Select(b => b.Text).ToList();
        Assert.That(inArticle, Has.Some.Contains("harbour").Or.Some.Contains("library"));
        Assert.That(inArticle, Has.None.EqualTo("Sport"));
    }

    /// <summary>The article's paragraphs and every line of its pre are in; the menu, the sidebar and the footer are out.</summary>
    private static void AssertMapped(CleanResult result)
    {
        var blocks = result.Blocks;
        foreach (var paragraph in TestPages.Paragraphs)
        {
            Assert.That(blocks.Single(b => b.Text == paragraph).InMainContent, Is.True, paragraph);
        }

        Assert.That(blocks.Single(b => b.Text == "first line of the code").InMainContent, Is.True);
        Assert.That(blocks.Single(b => b.Text == "second line of the code").InMainContent, Is.True);
        foreach (var chrome in new[] { "Sport", "Most read", "Mayor opens the winter market" })
        {
            Assert.That(blocks.Single(b => b.Text == chrome).InMainContent, Is.False, chrome);
        }
    }

    private static List<IElement> Containers(IElement? element, string[] inline)
    {
        var list = new List<IElement>();
        for (; element is not null; element = element.ParentElement)
        {
            if (!inline.Contains(element.LocalName))
            {
                list.Add(element);
            }
        }

        return list;
    }

    private static string Line(HtmlBlockWalker walker, int i) => walker.Text.Substring(walker.Blocks[i].Start, walker.Blocks[i].Length);
}
