using Cleaner.Tests.Html;

namespace Cleaner.Tests.Reliability;

/// <summary>Text rendering found wrong on real pages: soft hyphens, ruby annotations, an article kept only in a hidden element.</summary>
public class HtmlRenderingTests
{
    [Test]
    public void Soft_hyphens_are_removed_from_the_text()
    {
        var html = TestPages.Page("<p>The council will meet the Bundes\u00ADverfassungs\u00ADgericht next week and talk about the re\u00ADgulation of rivers, bridges and the roads that lead to them.</p>");
        var result = TextCleaner.Default.CleanHtml(html);
        Assert.That(result.Text, Does.Contain("the Bundesverfassungsgericht next week and talk about the regulation of rivers"));
        Assert.That(result.Text.Contains('\u00AD', StringComparison.Ordinal), Is.False, "a soft hyphen is left");
    }

    [Test]
    public void A_soft_hyphen_between_spaces_leaves_one_space()
    {
        var html = TestPages.Page("<p>Those being regulated \u00AD banks, power stations, councils and police forces \u00AD have learned that it pays to cooperate with each other.</p>");
        var result = TextCleaner.Default.CleanHtml(html);
        Assert.That(result.Text, Does.Contain("Those being regulated banks, power stations, councils and police forces have learned"));
    }

    [Test]
    public void Ruby_annotations_are_not_inlined_into_the_text()
    {
        var sentence = "<ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>の天気は今日とても良く、多くの人が公園を散歩しました。政府は新しい経済政策を発表し、専門家はそれが市場に良い影響を与えると考えています。";
        var html = $"<html lang=\"ja\"><body><article><h1>天気</h1><p>{sentence}</p><p>{sentence}</p></article></body></html>";
        var result = TextCleaner.Default.CleanHtml(html);
        Assert.That(result.Text, Does.Contain("東京の天気は今日とても良く"));
        Assert.That(result.Text, Does.Not.Contain("とうきょう").And.Not.Contain("("));
    }

    [Test]
    public void An_article_kept_only_in_a_hidden_element_is_read_when_nothing_else_is()
    {
        var html = "<html><head><title>The Library Plan</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
            + "<div id=\"app\">Loading…</div><div style=\"display: none\" id=\"content\"><article><h1>The Library Plan</h1>"
            + string.Concat(TestPages.Paragraphs.Select(p => $"<p>{p}</p>")) + "</article></div></body></html>";
        var result = TextCleaner.Default.CleanHtml(html);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        foreach (var paragraph in TestPages.Paragraphs)
        {
            Assert.That(result.Text, Does.Contain(paragraph));
        }
    }

    [Test]
    public void Hidden_elements_stay_unread_when_the_page_shows_its_article()
    {
        var html = TestPages.Page("<div style=\"display:none\"><p>This hidden survey asks readers many questions about their reading habits and favourite sections of the paper.</p></div>");
        var result = TextCleaner.Default.CleanHtml(html);
        Assert.That(result.Text, Does.Contain(TestPages.Paragraphs[0]));
        Assert.That(result.Blocks.Select(b => b.Text), Has.None.Contains("hidden survey"));
    }
}
