using AngleSharp.Html.Parser;

namespace Cleaner.Tests.Api;

/// <summary>
/// <see cref="TextCleaner.CleanHtml(AngleSharp.Html.Dom.IHtmlDocument, Uri?, CancellationToken)"/>: a page the
/// caller parsed with AngleSharp's default options cleans to what the markup overload gives, and the
/// caller's document is left as it was.
/// </summary>
public class ParsedDocumentTests
{
    private static readonly Uri Address = new("https://news.example.org/2024/05/story.html");

    public static IEnumerable<string> CorpusPages() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.Corpus, "readability-html"), "*.html").Order(StringComparer.Ordinal).Select(Path.GetFileName)!;

    [TestCaseSource(nameof(CorpusPages))]
    public void A_parsed_corpus_page_cleans_as_its_markup_does(string name)
    {
        var html = File.ReadAllText(Path.Combine(TestPaths.Corpus, "readability-html", name));
        var expected = TextCleaner.Default.CleanHtml(html, Address);

        using var document = new HtmlParser().ParseDocument(html);
        var before = document.DocumentElement.OuterHtml;
        var actual = TextCleaner.Default.CleanHtml(document, Address);

        Assert.Multiple(() =>
        {
            Assert.That(actual.Status, Is.EqualTo(expected.Status));
            Assert.That(actual.Text, Is.EqualTo(expected.Text));
            Assert.That(actual.Title, Is.EqualTo(expected.Title));
            Assert.That(actual.Metadata, Is.EqualTo(expected.Metadata));
            Assert.That(actual.Removed, Is.EqualTo(expected.Removed));
            Assert.That(document.DocumentElement.OuterHtml, Is.EqualTo(before), "the caller's document changed");
        });
    }

    [Test]
    public void The_document_overload_honours_cancellation()
    {
        using var document = new HtmlParser().ParseDocument("<html><body><p>Some text.</p></body></html>");
        Assert.Throws<OperationCanceledException>(() => TextCleaner.Default.CleanHtml(document, cancellationToken: new CancellationToken(canceled: true)));
    }

    [Test]
    public void A_document_whose_source_is_over_the_size_limit_comes_back_untouched()
    {
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { MaxInputLength = 100 }).Build();
        var html = "<html><body><p>" + new string('x', 200) + "</p></body></html>";
        using var document = new HtmlParser().ParseDocument(html);
        var result = cleaner.CleanHtml(document);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.InputTooLarge));
        Assert.That(result.Text, Is.EqualTo(html));
    }
}
