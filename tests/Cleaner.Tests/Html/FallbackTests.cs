namespace Cleaner.Tests.Html;

/// <summary>When the extractor's article cannot be trusted, the filters judge the whole page and the article still comes back.</summary>
public class FallbackTests
{
    /// <summary>SmartReader's article and its trust rules (the native choice is tested in <see cref="NativeExtractorTests"/>).</summary>
    private static readonly TextCleaner Reader = TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.SmartReader }).Build();

    private static string Comment(int i) =>
        $"<div class=\"comment\"><p class=\"author\">Reader {i}</p><p>I have lived near the river for {i + 10} years, and I think that a library there would be a good thing for the children of the neighbourhood, who have nowhere quiet to go after school.</p></div>";

    /// <summary>A short post with a long discussion under it: the extractor settles on the comments.</summary>
    private static string PostWithComments(string post) =>
        "<html><head><title>A short note</title></head><body><ul class=\"menu\"><li><a href=\"/\">Home</a></li><li><a href=\"/about\">About</a></li></ul>"
        + $"<div class=\"post\"><h1>A short note</h1><div class=\"entry\">{post}</div></div>"
        + "<div id=\"comments\" class=\"comments\">" + string.Concat(Enumerable.Range(1, 12).Select(Comment)) + "</div></body></html>";

    [Test]
    public void An_article_that_the_extractor_takes_for_comments_still_comes_back()
    {
        var html = PostWithComments("The library will open on the first of June, and everyone is invited to the party in the garden.");
        var result = Reader.CleanHtml(html);
        Assert.That(result.Document.HasMainContent, Is.False, result.Document.MainContentNote);
        Assert.That(result.Document.MainContentNote, Is.Not.Null);
        Assert.That(result.Text, Does.Contain("The library will open on the first of June"));
        Assert.That(result.Text, Does.Not.Contain("nowhere quiet to go"));
    }

    [Test]
    public void Paragraphs_between_line_breaks_in_a_layout_table_are_found()
    {
        // Paragraphs as bare text between line breaks in a table cell, with a menu beside them.
        var body = string.Join("<br><br>", TestPages.Paragraphs);
        var html = "<html><body><table><tr><td class=\"menu\"><a href=\"/\">Home</a><br><a href=\"/news\">News</a><br><a href=\"/contact\">Contact</a></td>"
            + $"<td>{body}</td></tr></table></body></html>";
        var result = TextCleaner.Default.CleanHtml(html);
        foreach (var paragraph in TestPages.Paragraphs)
        {
            Assert.That(result.Text, Does.Contain(paragraph));
        }

        Assert.That(result.Text, Does.Not.Contain("Contact"));
    }

    [Test]
    public void A_page_with_an_article_never_comes_back_empty()
    {
        // The fallback's classifier calls the one short line of the post chrome; the page would be
        // left with its title only, so the line is rescued.
        var result = Reader.CleanHtml(PostWithComments("Max was born on Tuesday morning, healthy and loud."));
        Assert.That(result.Document.HasMainContent, Is.False);
        var block = result.Blocks.Single(b => b.Text.StartsWith("Max was born", StringComparison.Ordinal));
        Assert.That(block.IsKept, Is.True);
        Assert.That(block.Filter, Is.EqualTo("rescue"));
        Assert.That(block.Reason, Does.Contain("would be empty"));
        Assert.That(result.Text, Does.Contain("Max was born on Tuesday morning"));
        Assert.That(result.Text, Does.Not.Contain("nowhere quiet to go"));
    }
}
