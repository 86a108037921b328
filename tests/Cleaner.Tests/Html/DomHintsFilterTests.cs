using Cleaner.Filters;

namespace Cleaner.Tests.Html;

/// <summary>The DOM-aware filters: link-dense lists, class hints, bylines, and nothing at all for plain text.</summary>
public class DomHintsFilterTests
{
    private const string RelatedList =
        "<ul><li><a href=\"/1\">Bridge repairs to start in March</a></li><li><a href=\"/2\">New bus lines for the east side</a></li>"
        + "<li><a href=\"/3\">Museum extends its opening hours</a></li><li><a href=\"/4\">Park cafe wins a design award</a></li></ul>";

    [Test]
    public void A_link_dense_list_of_stories_inside_the_article_goes()
    {
        var result = TextCleaner.Default.CleanHtml(TestPages.Page(RelatedList));
        var item = result.Blocks.Single(b => b.Text == "New bus lines for the east side");
        Assert.That(item.InMainContent, Is.False, "the extractor leaves a list of links inside the article out");
        Assert.That(item.IsRemoved, Is.True);
        Assert.That(item.Filter, Is.EqualTo("dom-hints"));
        Assert.That(item.Reason, Is.EqualTo("mostly links"));
        Assert.That(result.Text, Does.Contain(TestPages.Paragraphs[2]));
    }

    [Test]
    public void A_list_of_links_that_the_article_s_prose_surrounds_is_the_article_s_own()
    {
        // A post that lists what it fixed, each line a link to its bug, between two of its paragraphs.
        var result = TextCleaner.Default.CleanHtml(TestPages.Page(BugLinks));
        var item = result.Blocks.Single(b => b.Text == "Bug 1017: loan dates are shown in the wrong time zone");
        Assert.That(item.InMainContent, Is.True, "the extractor keeps the lines in the article");
        Assert.That(item.IsRemoved, Is.False, $"{item.Filter}: {item.Reason}");
        Assert.That(result.Text, Does.Contain(TestPages.Paragraphs[2]));

        // The same lines at the end of the article, with no prose after them, are a list of other stories.
        var atEnd = TextCleaner.Default.CleanHtml($"<!DOCTYPE html><html lang=\"en\"><head><title>{TestPages.Headline}</title></head><body><article><h1>{TestPages.Headline}</h1>"
            + string.Concat(TestPages.Paragraphs.Select(p => $"<p>{p}</p>")) + BugLinks + "</article></body></html>");
        var last = atEnd.Blocks.Single(b => b.Text == "Bug 1017: loan dates are shown in the wrong time zone");
        Assert.That(last.InMainContent, Is.True);
        Assert.That(last.Reason, Is.EqualTo("mostly links"));
        Assert.That(atEnd.Text, Does.Contain(TestPages.Paragraphs[3]));
    }

    private const string BugLinks = "<p>These are the bugs we fixed in the reading room software this week, with thanks to everyone who reported them:</p>"
        + "<p><a href=\"/bug/1012\">Bug 1012: search results lose their order after a reload</a></p><p><a href=\"/bug/1017\">Bug 1017: loan dates are shown in the wrong time zone</a></p>"
        + "<p><a href=\"/bug/1020\">Bug 1020: the catalogue page freezes on very long titles</a></p><p><a href=\"/bug/1031\">Bug 1031: reservations made on a phone are not saved</a></p>";

    [Test]
    public void A_paragraph_with_one_inline_link_stays()
    {
        const string Paragraph = "The full plan, with drawings of the reading rooms and the garden, can be read on the council website until the end of the month.";
        var result = TextCleaner.Default.CleanHtml(TestPages.Page(
            "<p>The full plan, with drawings of the reading rooms and the garden, can be read on the <a href=\"/plan\">council website</a> until the end of the month.</p>"));
        var block = result.Blocks.Single(b => b.Text == Paragraph);
        Assert.That(block.LinkDensity, Is.GreaterThan(0));
        Assert.That(block.IsRemoved, Is.False, $"{block.Filter}: {block.Reason}");
        Assert.That(result.Text, Does.Contain(Paragraph));
    }

    [Test]
    public void Like_us_on_Facebook_inside_the_article_body_goes()
    {
        var result = TextCleaner.Default.CleanHtml(TestPages.Page("<p>Like Us on Facebook</p>"));
        var block = result.Blocks.Single(b => b.Text == "Like Us on Facebook");
        Assert.That(block.InMainContent, Is.True);
        Assert.That(block.IsRemoved, Is.True);
        Assert.That(result.Text, Does.Not.Contain("Like Us on Facebook"));
    }

    [Test]
    public void A_share_widget_inside_the_article_goes_by_its_class()
    {
        var result = TextCleaner.Default.CleanHtml(TestPages.Page("<div class=\"share-buttons\"><span>Spread the word</span></div>"));
        var block = result.Blocks.Single(b => b.Text == "Spread the word");
        Assert.That(block.Hints.HasFlag(BlockHints.Social), Is.True);
        Assert.That(block.IsRemoved, Is.True);
        Assert.That(block.Filter, Is.EqualTo("dom-hints"));
        Assert.That(block.Reason, Does.Contain("share"));
    }

    [Test]
    public void A_class_on_the_article_container_does_not_remove_the_article()
    {
        // Content-management systems put the post's tags into its classes.
        var html = TestPages.Page().Replace("<article class=\"story\">", "<article class=\"story tag-social-media related-content\">", StringComparison.Ordinal);
        var result = TextCleaner.Default.CleanHtml(html);
        foreach (var paragraph in TestPages.Paragraphs)
        {
            Assert.That(result.Text, Does.Contain(paragraph));
        }
    }

    [Test]
    public void The_author_named_in_the_classes_of_the_post_element_does_not_make_the_post_an_author_box()
    {
        // A short post (its element classed by the blog's software with its author) over a longer discussion.
        var comments = "<div id=\"comments\">" + string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<div class=\"comment\"><p>I have lived near the river for {i + 10} years, and I think that a library there would be a good thing for the children.</p></div>")) + "</div>";
        string Post(string classes) => $"<!DOCTYPE html><html lang=\"en\"><head><title>{TestPages.Headline}</title></head><body><h1>{TestPages.Headline}</h1>"
            + $"<div class=\"{classes}\"><p>{TestPages.Paragraphs[0]}</p></div>{comments}</body></html>";
        var result = TextCleaner.Default.CleanHtml(Post("entry-author-jane_fielding entry-type-post entry"));
        Assert.That(result.Text, Does.Contain(TestPages.Paragraphs[0]));
        var box = TextCleaner.Default.CleanHtml(Post("author-box"));
        Assert.That(box.Blocks.Single(b => b.Text == TestPages.Paragraphs[0]).Reason, Is.EqualTo("an author box"), "an author box is still one");
    }

    [Test]
    public void A_byline_that_repeats_the_metadata_author_stays_out_of_the_body()
    {
        var html = TestPages.Page("<p class=\"byline\">By Jane Fielding</p>", head: "<meta name=\"author\" content=\"Jane Fielding\">");
        var result = TextCleaner.Default.CleanHtml(html);
        Assert.That(result.Metadata.Byline, Is.EqualTo("Jane Fielding"));
        Assert.That(result.Text, Does.Not.Contain("By Jane Fielding"));
    }

    [Test]
    public void Comments_go()
    {
        var comments = "<section id=\"comments\"><h3>3 Comments</h3><div class=\"comment\"><p>I think the library is a wonderful idea and I will certainly visit it with my children every week.</p></div></section>";
        var result = TextCleaner.Default.CleanHtml(TestPages.Page(afterArticle: comments));
        Assert.That(result.Text, Does.Not.Contain("wonderful idea"));
        Assert.That(result.Text, Does.Contain(TestPages.Paragraphs[3]));
    }

    [Test]
    public void DOM_filters_do_nothing_for_plain_text()
    {
        var text = string.Join("\n", ["Home", "News", .. TestPages.Paragraphs, "Storm closes the harbour road"]);
        var full = TextCleaner.Default.Clean(text);
        Assert.That(full.Blocks.Select(b => b.Filter), Has.None.EqualTo("dom-hints").And.None.EqualTo("main-content"));
        var without = TextCleaner.CreateBuilder().Remove<DomHintsFilter>().Remove<MainContentFilter>().Build().Clean(text);
        Assert.That(without.Text, Is.EqualTo(full.Text));
    }
}
