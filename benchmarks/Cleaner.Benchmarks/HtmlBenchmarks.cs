using System.Text;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;

namespace Cleaner.Benchmarks;

/// <summary>
/// The whole HTML path (<see cref="TextCleaner.CleanHtml(string, Uri?)"/>) with each extractor
/// (<see cref="ContentExtractor.Native"/>, <see cref="ContentExtractor.Auto"/>, the default, and
/// <see cref="ContentExtractor.SmartReader"/>) against parsing the same pages with AngleSharp alone
/// (the baseline) and against SmartReader alone (parse and extract), in one run.
/// Pages: every .html under corpus/, or, when there is none, a few generated news pages.
/// </summary>
[MemoryDiagnoser]
public class HtmlBenchmarks
{
    private static readonly HtmlParser Parser = new();
    private static readonly TextCleaner NativeCleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.Native }).Build();
    private static readonly TextCleaner ReaderCleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.SmartReader }).Build();
    private string[] _pages = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "corpus");
        _pages = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray()
            : [];
        if (_pages.Length == 0)
        {
            _pages = [GeneratedPage(4, 3), GeneratedPage(12, 10), GeneratedPage(40, 30)];
        }

        // Build the default cleaner (its phrase lists) outside the measurements.
        _ = TextCleaner.Default.CleanHtml(_pages[0]);
        _ = NativeCleaner.CleanHtml(_pages[0]);
        _ = ReaderCleaner.CleanHtml(_pages[0]);
        WarmUp();
    }

    private static bool _warm;

    /// <summary>
    /// Runs every benchmark's work a few times, once per process, before the first measurement: in
    /// process (--inProcess) the benchmarks share the JIT, and the first to run (the baseline, parsing
    /// alone) was otherwise measured while AngleSharp's code was still being recompiled at higher
    /// tiers, which made its time, and so every ratio, swing from run to run.
    /// </summary>
    private void WarmUp()
    {
        if (_warm)
        {
            return;
        }

        _warm = true;
        for (int i = 0; i < 10; i++)
        {
            ParseOnly();
            SmartReaderOnly();
            CleanHtmlNative();
            CleanHtmlAuto();
            CleanHtmlSmartReader();
        }
    }

    [Benchmark(Baseline = true, Description = "AngleSharp parse alone")]
    public int ParseOnly()
    {
        int total = 0;
        foreach (var page in _pages)
        {
            using var document = Parser.ParseDocument(page);
            total += document.All.Length;
        }

        return total;
    }

    [Benchmark(Description = "SmartReader alone (parse + extract)")]
    public int SmartReaderOnly()
    {
        int total = 0;
        foreach (var page in _pages)
        {
            using var document = Parser.ParseDocument(page);
            var article = new SmartReader.Reader("https://example.org/", document).GetArticle();
            total += article.TextContent.Length;
        }

        return total;
    }

    [Benchmark(Description = "CleanHtml, Native")]
    public int CleanHtmlNative() => Clean(NativeCleaner);

    [Benchmark(Description = "CleanHtml, Auto (default)")]
    public int CleanHtmlAuto() => Clean(TextCleaner.Default);

    [Benchmark(Description = "CleanHtml, SmartReader")]
    public int CleanHtmlSmartReader() => Clean(ReaderCleaner);

    private int Clean(TextCleaner cleaner)
    {
        int total = 0;
        foreach (var page in _pages)
        {
            total += cleaner.CleanHtml(page).Text.Length;
        }

        return total;
    }

    /// <summary>A news page with a menu, an article, a related list, comments and a footer.</summary>
    private static string GeneratedPage(int paragraphs, int comments)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Benchmark page - Example News</title>");
        html.Append("<meta property=\"og:site_name\" content=\"Example News\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Benchmark page\",\"author\":{\"name\":\"A. Writer\"}}</script></head><body>");
        html.Append("<header><nav class=\"menu\"><ul>");
        for (int i = 0; i < 20; i++)
        {
            html.Append($"<li><a href=\"/section/{i}\">Section {i}</a></li>");
        }

        html.Append("</ul></nav></header><main><article><h1>Benchmark page</h1><p class=\"byline\">By A. Writer</p>");
        for (int i = 0; i < paragraphs; i++)
        {
            html.Append($"<p>Paragraph {i} of the story tells how the council, after a long debate that lasted well into the night, decided that the <a href=\"/plan\">new plan</a> for the river district would go ahead, and how the residents who had waited for years reacted to the news.</p>");
            if (i % 5 == 4)
            {
                html.Append($"<h2>Part {i / 5 + 2}</h2><div class=\"share-tools\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></div>");
            }
        }

        html.Append("<div class=\"related\"><h3>Related stories</h3><ul>");
        for (int i = 0; i < 8; i++)
        {
            html.Append($"<li><a href=\"/story/{i}\">Another story about the river district, number {i}</a></li>");
        }

        html.Append("</ul></div></article><section id=\"comments\">");
        for (int i = 0; i < comments; i++)
        {
            html.Append($"<div class=\"comment\"><p class=\"author\">Reader {i}</p><p>I have followed this story from the start and I think the decision is right, although it took far too long.</p></div>");
        }

        html.Append("</section></main><footer><p>© 2024 Example News. All rights reserved.</p></footer></body></html>");
        return html.ToString();
    }
}
