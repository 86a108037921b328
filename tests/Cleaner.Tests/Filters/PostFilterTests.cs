using Cleaner.Filters;

namespace Cleaner.Tests.Filters;

/// <summary>
/// A short post with no prose (a picture and its caption, a link with a line of comment) between its
/// date and its share or comment line is kept, with its headline, on a page whose only prose is a
/// sidebar; frames that foot an article, and frames on a page with an article, are not posts.
/// </summary>
public sealed class PostFilterTests
{
    /// <summary>A blog page: a menu, the blog's description (the only prose), an archive, then the post.</summary>
    private static string[] BlogPage(string blurb, string[] archive, string[] post, string[] after) =>
        [
            "Home", "About", "Archive", "Contact",
            blurb,
            .. archive,
            .. post,
            .. after,
        ];

    private static readonly string[] EnglishArchive =
        ["Categories", "creative ads (48)", "creative video (44)", "inventions (3)", "brainstorming (2)", "Subscribe via RSS", "Contributors"];

    private static readonly string[] GermanArchive =
        ["Kategorien", "Werbung (48)", "Videos (44)", "Erfindungen (3)", "Ideen (2)", "Per RSS abonnieren", "Autoren"];

    private static readonly string[] EnglishPost =
        ["11 Jul 2012", "July 11th, 9:39am, 0 comments", "Creative Food Sculptures", "via fubiz.net", "Repurposing food as art is creative.", "Tweet", "0 responses"];

    private static readonly string[] GermanPost =
        ["11. Juli 2012", "11. Juli, 9:39 Uhr, 0 Kommentare", "Kreative Skulpturen aus Obst", "gefunden bei fubiz.net", "Essen als Kunst ist kreativ.", "Teilen", "0 Kommentare"];

    private const string EnglishBlurb =
        "I live, I learn and I teach. Here I share and celebrate my creativity and the creativity of others, one picture at a time.";

    private const string GermanBlurb =
        "Ich lebe, ich lerne und ich lehre. Hier teile ich meine Kreativität und die Kreativität der anderen, ein Bild nach dem anderen.";

    private static readonly string[] EnglishFooter = ["Powered by Posterous", "Theme by MetaLab", "Log in", "Sitemap"];

    private static readonly string[] GermanFooter = ["Betrieben mit Posterous", "Design von MetaLab", "Anmelden", "Seitenübersicht"];

    [Test]
    public void A_short_post_between_its_date_and_its_share_line_is_kept_with_its_headline()
    {
        var result = TextCleaner.Default.Clean(string.Join("\n", BlogPage(EnglishBlurb, EnglishArchive, EnglishPost, EnglishFooter)));
        foreach (var line in new[] { "Creative Food Sculptures", "via fubiz.net", "Repurposing food as art is creative." })
        {
            FilterTestKit.AssertKept(result, line);
        }

        Assert.That(result.Blocks.Single(b => b.Text == "via fubiz.net").Filter, Is.EqualTo("post"));
        Assert.That(result.Text, Does.Not.Contain("Tweet"));
        Assert.That(result.Text, Does.Not.Contain("0 responses"));
        Assert.That(result.Text, Does.Not.Contain("11 Jul 2012"));
    }

    [Test]
    public void A_short_german_post_is_kept_too()
    {
        var result = TextCleaner.Default.Clean(string.Join("\n", BlogPage(GermanBlurb, GermanArchive, GermanPost, GermanFooter)));
        foreach (var line in new[] { "gefunden bei fubiz.net", "Essen als Kunst ist kreativ." })
        {
            FilterTestKit.AssertKept(result, line);
        }

        Assert.That(result.Text, Does.Not.Contain("0 Kommentare"));
    }

    [Test]
    public void A_post_whose_date_line_carries_the_time_and_tags_is_kept()
    {
        // The post stands first, over the comment form and the sidebar.
        string[] post = ["Casual Batman Characters", "illustrations — Tags: comics — thebrainbehind @ 15:05", "Created by Michael Turner, found on his blog", "Comments (0)"];
        var result = TextCleaner.Default.Clean(string.Join("\n", [.. post, "Leave a comment", "Name (required)", "Website", .. BlogPage(EnglishBlurb, EnglishArchive, [], EnglishFooter)]));
        FilterTestKit.AssertKept(result, "Casual Batman Characters");
        FilterTestKit.AssertKept(result, "Created by Michael Turner, found on his blog");
        Assert.That(result.Text, Does.Not.Contain("@ 15:05"));
    }

    [TestCase("Posted at 11:09 AM | Permalink", "Digg This | Save to del.icio.us", "TrackBack URL for this entry:", "Tweet")]
    [TestCase("Publié à 11:09 | Lien permanent", "Envoyer à un ami | Enregistrer", "Adresse du rétrolien :", "Partager")]
    public void Under_a_paragraph_a_timestamp_is_its_foot_and_heads_no_post(string stamp, string tools, string trackback, string share)
    {
        string[] post = [EnglishBlurb, stamp, tools, trackback, share];
        var result = TextCleaner.Default.Clean(string.Join("\n", BlogPage(EnglishBlurb + " More soon.", EnglishArchive, post, EnglishFooter)));
        Assert.That(result.Blocks.Where(b => b.Filter == "post"), Is.Empty);
        Assert.That(result.Text, Does.Not.Contain(tools));
        Assert.That(result.Text, Does.Not.Contain(trackback));
    }

    [Test]
    public void On_a_page_with_an_article_a_dated_headline_and_a_share_line_are_no_post()
    {
        // A list of other stories with their dates and share buttons, above an article of its own.
        string[] teaser = ["23 Jul 2012", "Geithner Urges Quick Action on Debt Crisis", "Article", "Share"];
        string[] article =
        [
            "The committee met on Tuesday to discuss the budget, and its members agreed that the plan would need more work before the vote.",
            "Several members said that the figures for the coming year were too optimistic, and that the city should plan for a smaller surplus.",
            "The mayor, who had proposed the plan in the spring, told reporters that she was open to changes as long as the parks were spared.",
            "A second meeting is planned for next month, when the finance office will present new estimates of the revenue from the sales tax.",
            "Until then, the departments have been asked to hold their spending at the level of last year and to postpone new hires where they can.",
            "Residents who want to speak at the meeting can sign up at the city clerk's office, and the session will be shown on the city's channel.",
            "The council's own committee on schools will meet a week later, to decide how much of the surplus can go to repairs of the older buildings.",
        ];
        var result = TextCleaner.Default.Clean(string.Join("\n", ["Home", "News", .. teaser, "Budget plan needs more work, committee says", .. article, .. EnglishFooter]));
        Assert.That(result.Blocks.Where(b => b.Filter == "post"), Is.Empty);
        Assert.That(result.Text, Does.Not.Contain("Geithner"));
        foreach (var line in article)
        {
            FilterTestKit.AssertKept(result, line);
        }
    }

    [Test]
    public void Dates_without_a_foot_are_a_list_and_no_post()
    {
        string[] archive = ["11 Jul 2012", "July 11th, 9:39am, 0 comments", "Creative Food Sculptures", "12 Jul 2012", "The Human Bowling Ball", "16 Jul 2012", "Repurposed Items"];
        var result = TextCleaner.Default.Clean(string.Join("\n", BlogPage(EnglishBlurb, EnglishArchive, archive, EnglishFooter)));
        Assert.That(result.Blocks.Where(b => b.Filter == "post"), Is.Empty);
    }
}
