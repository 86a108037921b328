namespace Cleaner.Tests.Html;

/// <summary>
/// Chrome inside the article the extractor found, which the main-content filter leaves out of it: a
/// comment section, from a marker after the article's prose (found as the comment filter finds its
/// markers; a run of dated lines inside the article cuts nothing), and tag lines.
/// </summary>
public class ChromeInArticleTests
{
    private const string Offer = "Earn five percent cash back on every purchase in your first three months with the new card.";
    private const string Popular = "Ten ways to save on your grocery bill this winter";

    private static readonly TextCleaner[] Cleaners =
    [
        TextCleaner.Default,
        TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.Native }).Build(),
        TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.SmartReader }).Build(),
    ];

    /// <summary>A blog page whose post container holds the story, then whatever follows it, with no class that marks comments.</summary>
    private static string Post(string afterStory, string beforeStory = "")
    {
        var paragraphs = string.Concat(TestPages.Paragraphs.Select(p => $"<p>{p}</p>"));
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Budget Notes</title></head><body>"
            + "<div class=\"menu\"><a href=\"/\">Home</a> <a href=\"/about\">About</a></div>"
            + $"<div class=\"post\"><h1>{TestPages.Headline}</h1>{beforeStory}{paragraphs}{afterStory}</div>"
            + "</body></html>";
    }

    [TestCaseSource(nameof(Cleaners))]
    public void A_marker_after_the_story_cuts_what_the_container_holds_after_it(TextCleaner cleaner)
    {
        var html = Post($"<h3>4 Responses to “{TestPages.Headline}”</h3><h3>Leave a Reply</h3><h4>Great deals</h4><p>{Offer}</p><h4>Most popular</h4><p>{Popular}</p>");
        var result = cleaner.CleanHtml(html);

        Assert.That(result.Document.HasMainContent, Is.True);
        foreach (var paragraph in TestPages.Paragraphs)
        {
            Assert.That(result.Text, Does.Contain(paragraph));
        }

        foreach (var line in new[] { Offer, Popular, "Great deals" })
        {
            var block = result.Blocks.Single(b => b.Text == line);
            Assert.That(block.IsRemoved, Is.True, $"'{line}' was kept ({cleaner.Options.Extractor})");
            Assert.That(block.Filter, Is.EqualTo("main-content"));
            if (result.ExtractedBy == ContentExtractor.SmartReader)
            {
                // SmartReader takes the whole container; the native extractor leaves out a section
                // that a comments heading opens by itself (with a reason of its own).
                Assert.That(block.Reason, Is.EqualTo("comments inside the article: from \"Leave a Reply\", which opens them"));
            }
        }
    }

    [Test]
    public void The_recall_focus_keeps_the_section()
    {
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.SmartReader, Focus = Focus.Recall }).Build();
        var result = cleaner.CleanHtml(Post($"<h3>4 Responses to “{TestPages.Headline}”</h3><h3>Leave a Reply</h3><h4>Great deals</h4><p>{Offer}</p>"));

        Assert.That(result.Text, Does.Contain(Offer));
    }

    [TestCaseSource(nameof(Cleaners))]
    public void A_comments_link_above_the_story_cuts_nothing(TextCleaner cleaner)
    {
        var html = Post($"<p>{Offer}</p>", beforeStory: "<p><a href=\"#comments\">Comments</a></p>");
        var result = cleaner.CleanHtml(html);

        foreach (var paragraph in TestPages.Paragraphs)
        {
            Assert.That(result.Text, Does.Contain(paragraph));
        }

        Assert.That(result.Blocks.Where(b => (b.Reason ?? "").StartsWith("comments inside", StringComparison.Ordinal) || b.Filter == "comments"), Is.Empty);
    }

    [TestCaseSource(nameof(Cleaners))]
    public void Dated_lines_inside_the_article_are_no_comment_section(TextCleaner cleaner)
    {
        // Trackbacks under a post: name-and-timestamp lines, which on a page with no article count
        // as comment headers; inside the extractor's article they are not enough.
        var trackbacks = string.Concat(Enumerable.Range(1, 4).Select(i =>
            $"<p>Jane Doe{i} November {i}, 2012 at 8:2{i} am</p><p>The post I made about the library plan continues to see traffic, and readers keep asking about the council's vote number {i}.</p>"));
        var result = cleaner.CleanHtml(Post(trackbacks));

        Assert.That(result.Blocks.Where(b => (b.Reason ?? "").StartsWith("comments inside", StringComparison.Ordinal) || b.Filter == "comments"), Is.Empty);
    }

    [Test]
    public void On_plain_text_the_comment_headers_still_cut()
    {
        var lines = TestPages.Paragraphs.Concat(
        [
            "Jane Doe November 1, 2012 at 8:29 am",
            "Who pays for all this in the end? We do, as always.",
            "John Roe November 2, 2012 at 9:30 am",
            "I hope the library will have long opening hours for students.",
            "Ann Poe November 3, 2012 at 10:31 am",
            "Great article, I agree with every word of it and so does my wife.",
        ]);
        var result = TextCleaner.Default.Clean(string.Join("\n", lines));

        Assert.That(result.Blocks.Single(b => b.Text == "Who pays for all this in the end? We do, as always.").Filter, Is.EqualTo("comments"));
    }

    [TestCaseSource(nameof(Cleaners))]
    public void A_tag_line_inside_the_article_is_left_out_and_a_heading_of_title_words_stays(TextCleaner cleaner)
    {
        const string tags = "Tags: library, council, riverside, budget";
        const string heading = "Riverside Library Plan";
        var html = Post($"<h2>{heading}</h2><p>{Offer}</p><p class=\"meta\">{tags}</p>");
        var result = cleaner.CleanHtml(html);

        var line = result.Blocks.Single(b => b.Text == tags);
        Assert.That(line.IsRemoved, Is.True);
        Assert.That(line.Filter, Is.EqualTo("main-content"));
        Assert.That(line.Reason, Is.EqualTo("a tag line inside the article: labelled \"Tags:\""));
        Assert.That(result.Text, Does.Contain(heading));
        foreach (var paragraph in TestPages.Paragraphs)
        {
            Assert.That(result.Text, Does.Contain(paragraph));
        }
    }
}
