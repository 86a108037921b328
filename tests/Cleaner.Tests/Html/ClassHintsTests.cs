using Cleaner.Html;
using NUnit.Framework;

namespace Cleaner.Tests.Html;

public class ClassHintsTests
{
    [TestCase("comment")]
    [TestCase("comment-body")]
    [TestCase("user-comments")]
    [TestCase("disqus_thread")]
    [TestCase("comment-deliver")]
    public void Reader_comments_are_marked(string className) =>
        Assert.That(ClassHints.Of("div", className, null) & BlockHints.Comment, Is.EqualTo(BlockHints.Comment));

    [TestCase("ticker-comment")]
    [TestCase("live-comment")]
    [TestCase("liveblog-comment")]
    [TestCase("comment_live")]
    [TestCase("commentary")]
    public void A_live_blog_s_entries_and_an_opinion_piece_are_not_reader_comments(string className) =>
        Assert.That(ClassHints.Of("div", className, null) & BlockHints.Comment, Is.EqualTo(BlockHints.None));

    [TestCase("live-blog", null, true)]
    [TestCase("article liveticker", null, true)]
    [TestCase("lb live", null, true)]
    [TestCase(null, "live_updates", true)]
    [TestCase("deliver olive-branch", null, false)]
    [TestCase("lively", "comments", false)]
    public void An_element_that_names_a_live_blog_is_told(string? className, string? id, bool live) =>
        Assert.That(ClassHints.IsLive(className, id), Is.EqualTo(live));

    [Test]
    public void Entries_classed_as_comments_inside_a_live_blog_stay_and_the_reader_comments_after_it_go()
    {
        var entries = new[]
        {
            "Die Wahlbeteiligung liegt nach ersten Angaben deutlich höher als bei der letzten Wahl vor fünf Jahren.",
            "Der Ministerpräsident hat sich im Landtag zufrieden gezeigt und den Wählerinnen und Wählern für ihr Vertrauen gedankt.",
            "Laut der neuen Hochrechnung bleibt die Regierungspartei stärkste Kraft, verliert aber fast drei Prozentpunkte.",
        };
        const string reader = "Endlich ist die Wahl vorbei, jetzt muss die neue Regierung schnell handeln und die Probleme anpacken.";
        var html = "<!DOCTYPE html><html lang=\"de\"><head><title>Liveticker: Landtagswahl in Sachsen</title></head><body>"
            + "<nav><a href=\"/\">Start</a> <a href=\"/politik\">Politik</a></nav><article><h1>Liveticker: Landtagswahl in Sachsen</h1>"
            + "<p>Die Wahllokale sind geschlossen. Wir berichten live über Hochrechnungen, Reaktionen und Ergebnisse.</p><div class=\"live-blog\">"
            + string.Concat(entries.Select((e, i) => $"<div class=\"comment-entry\"><span class=\"time\">20:1{i}</span><p>{e}</p></div>"))
            + "</div></article><section id=\"comments\" class=\"comments\"><h3>Kommentare (1)</h3><div class=\"comment\"><p>" + reader + "</p></div></section></body></html>";
        foreach (var extractor in new[] { ContentExtractor.Auto, ContentExtractor.Native, ContentExtractor.SmartReader })
        {
            var result = TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = extractor }).Build().CleanHtml(html);
            foreach (var entry in entries)
            {
                Assert.That(result.Text, Does.Contain(entry), extractor.ToString());
                Assert.That(result.Blocks.Single(b => b.Text == entry).Hints & BlockHints.Comment, Is.EqualTo(BlockHints.None));
            }

            Assert.That(result.Text, Does.Not.Contain(reader), extractor.ToString());
        }
    }
}
