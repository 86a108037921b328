using AngleSharp.Html.Parser;
using Cleaner.Html;

namespace Cleaner.Tests.Html;

/// <summary>
/// The metadata's elements are found in the block walker's walk of the body (and a walk of the rest
/// of the page around it): what the page says about itself must be read as a walk of the whole
/// document reads it, from hidden elements, skipped elements (svg, noscript, select, script) and
/// their descendants too, in document order (the first meta of a name wins), head before body.
/// </summary>
public class MetadataInTheWalkTests
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { SkipComments = true });

    private const string Prose = "<p>The first paragraph of the article is long enough to read as prose in the page's main text, with a full sentence.</p>";

    public static IEnumerable<TestCaseData> Pages()
    {
        yield return new TestCaseData($"<html><head><title>A title - Site</title></head><body><div hidden><meta itemprop=\"datePublished\" content=\"2021-04-05\"><meta name=\"author\" content=\"Hidden Author\"></div>{Prose}<span><meta name=\"author\" content=\"Visible Author\"></span></body></html>").SetName("metas in a hidden element come first");
        yield return new TestCaseData($"<html><head><meta name=\"author\" content=\"Head Author\"></head><body><meta name=\"author\" content=\"Body Author\">{Prose}<svg><a><meta property=\"og:site_name\" content=\"In Svg\"></a></svg></body></html>").SetName("head before body, svg read");
        yield return new TestCaseData($"<html><body>{Prose}<div style=\"display:none\"><time itemprop=\"datePublished\" datetime=\"2020-01-02\">2 Jan</time></div><time pubdate datetime=\"2019-05-06\">6 May</time></body></html>").SetName("a time in a hidden element is the first");
        yield return new TestCaseData($"<html><body><noscript><meta name=\"author\" content=\"Noscript Author\"></noscript><select><option>x</option></select>{Prose}<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Body Headline\",\"author\":{{\"name\":\"Ld Author\"}}}}</script><link rel=\"canonical\" href=\"https://example.org/a\"></body></html>").SetName("noscript, JSON-LD and canonical link in the body");
        yield return new TestCaseData("<html><head><meta property=\"og:title\" content=\"Framed\"></head><frameset><frame src=\"a.html\"></frameset></html>").SetName("a frameset page");
        yield return new TestCaseData($"<html><body><div hidden><p>Only a hidden copy of the article, long enough to count as a paragraph of prose for the walker's second walk.</p><meta name=\"author\" content=\"Twice Walked\"></div></body></html>").SetName("a page walked twice (hidden article)");
        yield return new TestCaseData($"<html><body itemprop=\"datePublished\" content=\"2018-07-08\">{Prose}</body></html>").SetName("the body itself");
    }

    [TestCaseSource(nameof(Pages))]
    public void The_walk_reads_the_metadata_as_a_walk_of_the_whole_document(string html)
    {
        var dom = Parser.ParseDocument(html);
        var alone = HtmlMetadataReader.Read(dom, new Uri("https://example.org/page"));
        var document = HtmlReader.Read(dom, new Uri("https://example.org/page"), TextCleaner.Default.Options with { Extractor = ContentExtractor.Native }, TextCleaner.Default.Phrases);
        Assert.That(document.Metadata, Is.EqualTo(alone.Metadata));

        var walker = new HtmlBlockWalker();
        walker.Walk(dom.Body ?? dom.DocumentElement);
        Assert.That(document.Source, Is.EqualTo(walker.Text), "the blocks do not change");
    }

    [Test]
    public void Metadata_in_hidden_and_skipped_elements_of_the_body_is_read_in_document_order()
    {
        var page = $"<html><head><title>T</title></head><body><div hidden><meta name=\"author\" content=\"Hidden Author\"><meta itemprop=\"datePublished\" content=\"2021-04-05\"></div>{Prose}<svg><meta name=\"author\" content=\"Later Author\"><meta property=\"og:site_name\" content=\"Svg Site\"></svg></body></html>";
        var document = HtmlReader.Read(Parser.ParseDocument(page), null, TextCleaner.Default.Options, TextCleaner.Default.Phrases);
        Assert.That(document.Metadata.Byline, Is.EqualTo("Hidden Author"));
        Assert.That(document.Metadata.SiteName, Is.EqualTo("Svg Site"));
        Assert.That(document.Metadata.Published, Is.EqualTo(new DateTimeOffset(2021, 4, 5, 0, 0, 0, TimeSpan.Zero)));
    }
}
