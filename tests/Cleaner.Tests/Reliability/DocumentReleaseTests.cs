using System.Runtime.CompilerServices;

namespace Cleaner.Tests.Reliability;

/// <summary>
/// The cleaner lets go of the pages it parses without taking their trees apart (what Dispose
/// would do, node by node): nothing that lives on (the thread's parser and its browsing context)
/// may keep a released page, or a batch would hold every page it cleaned.
/// </summary>
public class DocumentReleaseTests
{
    private const string Page = "<html><head><title>T</title><link rel='stylesheet' href='/a.css'><base href='https://example.org/'></head><body><article><h1>T</h1><p>A paragraph of the page, long enough to read as prose in the article that the page holds.</p></article><img src='/b.png'><iframe src='/c.html'></iframe></body></html>";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ParseAndRelease()
    {
        var dom = TextCleaner.Parser.ParseDocument(Page);
        Assert.That(dom.Body?.TextContent, Does.Contain("A paragraph"));
        TextCleaner.Release(dom);
        return new WeakReference(dom);
    }

    [Test]
    public void A_released_page_is_collected()
    {
        var pages = Enumerable.Range(0, 4).Select(_ => ParseAndRelease()).ToList();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.That(pages.Count(p => p.IsAlive), Is.Zero, "the parser or its context still holds a released page");
    }

    [Test]
    public void Pages_cleaned_one_after_another_on_one_thread_equal_each_page_cleaned_alone()
    {
        // The parser's buffers, given back by each release, serve the next page.
        var pages = Enumerable.Range(0, 6).Select(i => Page.Replace("A paragraph", $"Paragraph {i}", StringComparison.Ordinal)).ToArray();
        var alone = pages.Select(RunAlone).ToArray();
        var together = pages.Select(p => TextCleaner.Default.CleanHtml(p).Text).ToArray();
        Assert.That(together, Is.EqualTo(alone));
    }

    private static string RunAlone(string page)
    {
        string? text = null;
        var thread = new Thread(() => text = TextCleaner.Default.CleanHtml(page).Text);
        thread.Start();
        thread.Join();
        return text!;
    }
}
