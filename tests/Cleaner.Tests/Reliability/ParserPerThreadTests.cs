using AngleSharp.Html.Parser;

namespace Cleaner.Tests.Reliability;

/// <summary>
/// AngleSharp's browsing context fills a list of services on first use, which two threads must not do
/// at once: every thread parses with a parser (and a context) of its own.
/// </summary>
public class ParserPerThreadTests
{
    [Test]
    public void Each_thread_parses_with_its_own_parser()
    {
        const int threads = 8;
        var parsers = new HtmlParser[threads];
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(k => new Thread(() =>
        {
            start.SignalAndWait();
            parsers[k] = TextCleaner.Parser;
            Assert.That(TextCleaner.Parser, Is.SameAs(parsers[k]), "one parser per thread, kept");
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        Assert.That(parsers.Distinct().Count(), Is.EqualTo(threads));
    }

    [Test]
    public void Pages_cleaned_at_once_on_fresh_threads_equal_the_pages_cleaned_one_by_one()
    {
        // Fresh threads: each one's first parse creates its context's services, all at the same time.
        var pages = Enumerable.Range(0, 16).Select(i => $"<html><head><title>Page {i}</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Page {i}</h1><p>This is the first paragraph of page number {i}, long enough to read as prose in an article.</p><p>And a second paragraph follows it, so that the article has more than one block of text.</p></article></body></html>").ToArray();
        var expected = pages.Select(p => TextCleaner.Default.CleanHtml(p).Text).ToArray();
        var actual = new string?[pages.Length];
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        using var start = new Barrier(pages.Length);
        var workers = pages.Select((page, i) => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                actual[i] = TextCleaner.Default.CleanHtml(page).Text;
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        Assert.That(errors, Is.Empty);
        Assert.That(actual, Is.EqualTo(expected));
    }
}
