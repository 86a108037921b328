using System.Text;
using Cleaner.Tests.Html;

namespace Cleaner.Tests.Reliability;

/// <summary>Broken and hostile HTML: each gives a result or a clear error, never a hang, a stack overflow or an unrelated exception.</summary>
public class HtmlBadInputTests
{
    private const string Sentence = "The harbour master said on Monday that the old pier would close for repairs after the winter storms had cracked its stone supports in three places.";

    private static int Depth => int.TryParse(Environment.GetEnvironmentVariable("CLEANER_NESTING_DEPTH"), out var n) ? n : 10_000;

    private static string Article(string extra = "") =>
        $"<article><h1>The Old Pier Will Close for Repairs</h1><p>{Sentence}</p>{extra}<p>{TestPages.Paragraphs[0]}</p></article>";

    private static CleanResult CleanBoth(string html)
    {
        var fromString = TextCleaner.Default.CleanHtml(html);
        var fromBytes = TextCleaner.Default.CleanHtml(Encoding.UTF8.GetBytes(html));
        Assert.That(fromBytes.Text, Is.EqualTo(fromString.Text), "the string and byte entry points differ");
        return fromString;
    }

    [Test]
    public void Null_throws_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => TextCleaner.Default.CleanHtml((string)null!));
        Assert.Throws<ArgumentNullException>(() => TextCleaner.Default.CleanHtml((byte[])null!));
        Assert.Throws<ArgumentNullException>(() => TextCleaner.Default.CleanHtml((Stream)null!));
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("\n\t\r\n   \u00A0")]
    [TestCase("<html></html>")]
    [TestCase("<!DOCTYPE html>")]
    public void Empty_and_whitespace_give_an_empty_result(string html)
    {
        var result = CleanBoth(html);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Text.Trim(), Is.Empty);
        Assert.That(TextCleaner.Default.CleanHtml(ReadOnlySpan<byte>.Empty).Text.Trim(), Is.Empty);
    }

    [Test]
    public void Nul_characters_and_bytes_do_not_crash_and_the_article_survives()
    {
        var html = "\0\0<html><body>\0" + Article("<p>a\0b\0c</p>") + "\0</body></html>\0";
        var result = CleanBoth(html);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Text, Does.Contain(Sentence));
    }

    [Test]
    public void Invalid_utf8_bytes_fall_back_to_windows_1252_and_the_article_survives()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><body>" + Article("<p>caf\u00E9 ")).Concat(new byte[] { 0xC3, 0x28, 0xA0, 0xA1, 0xF0, 0x90, 0x28, 0xBC })
            .Concat(Encoding.UTF8.GetBytes("</p></body></html>")).ToArray();
        var result = TextCleaner.Default.CleanHtml(bytes);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Text, Does.Contain(Sentence));
    }

    [TestCase("div", "", "")]
    [TestCase("b", "", "")]
    [TestCase("i", "", "")]
    [TestCase("span", "", "")]
    [TestCase("b><i><span", "", "")]
    [TestCase("table><tr><td", "", "")]
    [TestCase("ul><li", "", "")]
    [TestCase("ol><li", "", "")]
    [TestCase("blockquote", "", "")]
    [TestCase("section", "", "")]
    [TestCase("a href=\"/x\"", "", "")]
    public void Very_deep_nesting_gives_a_result_and_keeps_the_article(string open, string before, string after)
    {
        var tags = open.Split("><");
        var close = string.Concat(tags.Reverse().Select(t => "</" + t.Split(' ')[0] + ">"));
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>The Old Pier Will Close for Repairs</title></head><body>");
        for (int i = 0; i < Depth; i++)
        {
            html.Append('<').Append(open).Append('>');
        }

        html.Append(before).Append(Article()).Append(after);
        for (int i = 0; i < Depth; i++)
        {
            html.Append(close);
        }

        html.Append("</body></html>");
        var result = CleanBoth(html.ToString());
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Text, Does.Contain(Sentence));
    }

    [Test]
    public void A_page_nested_deeper_than_the_extractor_runs_on_is_judged_by_the_filters()
    {
        var depth = Cleaner.Html.MainContent.MaxDepth + 10;
        var html = string.Concat(Enumerable.Repeat("<div>", depth)) + Article() + string.Concat(Enumerable.Repeat("</div>", depth));
        var reader = TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.SmartReader }).Build();
        var result = reader.CleanHtml(html);
        Assert.That(result.Document.HasMainContent, Is.False);
        Assert.That(result.Document.MainContentNote, Does.Contain("deeper than the extractor is run on"));
        Assert.That(result.Text, Does.Contain(Sentence));

        // The native extractor has no depth limit: by default it finds the article.
        var native = TextCleaner.Default.CleanHtml(html);
        Assert.That(native.ExtractedBy, Is.EqualTo(ContentExtractor.Native));
        Assert.That(native.Text, Does.Contain(Sentence));
    }

    [Test]
    public void Unclosed_tags_everywhere_give_the_article()
    {
        var html = new StringBuilder("<html><head><title>The Old Pier Will Close for Repairs</title><body><div class=story><h1>The Old Pier Will Close for Repairs<div>");
        html.Append("<p>").Append(Sentence);
        foreach (var paragraph in TestPages.Paragraphs)
        {
            html.Append("<p>").Append(paragraph).Append("<div><span><b>");
        }

        html.Append("<p>").Append("<div>", 0, 5).Append("<li>Home<li>News<td>cell<tr><option>x<table><p>");
        var result = CleanBoth(html.ToString());
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Text, Does.Contain(Sentence));
    }

    [Test]
    public void A_giant_attribute_value_gives_the_article()
    {
        var value = new string('x', 4 * 1024 * 1024);
        var html = $"<html><body><div class=\"{value}\" data-blob='{value}'>{Article()}</div><img src=\"data:image/png;base64,{value}\"></body></html>";
        var result = CleanBoth(html);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Text, Does.Contain(Sentence));
        Assert.That(result.Text, Does.Not.Contain("xxxx"));
    }

    [Test]
    public void Megabytes_of_script_and_style_around_a_short_article()
    {
        var script = "<script>" + string.Concat(Enumerable.Repeat("var a = '<p>not text</p>'; if (a < b && c > d) { f(); }\n", 40_000)) + "</script>";
        var style = "<style>" + string.Concat(Enumerable.Repeat(".x > p { color: red; }\n", 80_000)) + "</style>";
        var html = $"<html><head>{style}{script}</head><body>{script}{Article()}{style}{script}</body></html>";
        var result = CleanBoth(html);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Text, Does.Contain(Sentence));
        Assert.That(result.Text, Does.Not.Contain("not text").And.Not.Contain("color"));
    }

    [TestCase("<html><head><title>Frames</title></head><frameset cols=\"50%,50%\"><frame src=\"a.html\"><frame src=\"b.html\"><noframes>Your browser does not support frames.</noframes></frameset></html>")]
    [TestCase("<!-- only a comment --><!-- and another <p>with markup</p> -->")]
    [TestCase("<html><body><iframe src=\"https://example.com/embed\">Fallback inside the frame</iframe></body></html>")]
    [TestCase("<html><body><noscript>Please enable JavaScript to view this page.</noscript></body></html>")]
    [TestCase("<html><body><svg><text>drawn text</text></svg><template><p>template text</p></template></body></html>")]
    public void Pages_without_an_article_give_a_result(string html)
    {
        var result = CleanBoth(html);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Removed.Count + result.Blocks.Count(b => !b.IsRemoved), Is.EqualTo(result.Blocks.Count));
        Assert.That(result.Text, Does.Not.Contain("comment").And.Not.Contain("Fallback").And.Not.Contain("template text"));
    }

    [TestCase("ar", "rtl", "أعلنت الحكومة اليوم عن خطة جديدة لإصلاح الميناء القديم بعد العواصف الشتوية التي ألحقت أضرارا كبيرة بالأرصفة الحجرية في ثلاثة أماكن مختلفة.")]
    [TestCase("he", "rtl", "מנהל הנמל אמר ביום שני כי המזח הישן ייסגר לתיקונים לאחר שסערות החורף סדקו את תומכי האבן שלו בשלושה מקומות שונים לאורך החוף.")]
    [TestCase("zh", "ltr", "港务局长周一表示，由于冬季风暴在三个地方使石头支撑结构出现裂缝，旧码头将关闭进行维修，预计工程将持续到明年夏天结束。")]
    [TestCase("ja", "ltr", "港湾局長は月曜日、冬の嵐で石の支柱が三か所でひび割れたため、古い桟橋を修理のために閉鎖すると述べ、工事は来年の夏まで続く見込みだと語った。")]
    [TestCase("en", "ltr", "The harbour master 🚢 said the old pier would close ⚠️ for repairs after the storms 🌊🌊 cracked its stone supports in three places 👷‍♀️.")]
    public void Rtl_cjk_and_emoji_pages_keep_their_text(string lang, string dir, string sentence)
    {
        var html = $"<!DOCTYPE html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{sentence[..12]}</title></head><body>"
            + $"<nav><a href=\"/\">1</a> <a href=\"/2\">2</a></nav><article><p>{sentence}</p><p>{sentence} {sentence}</p></article></body></html>";
        var result = CleanBoth(html);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Text, Does.Contain(sentence));
    }

    [TestCase(65001, "utf-8")]
    [TestCase(1252, "windows-1252")]
    public void A_page_that_says_shift_jis_but_is_not_gives_a_result(int codePage, string actual)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = $"<html><head><meta charset=\"shift_jis\"><title>Caf\u00E9</title></head><body>{Article("<p>Caf\u00E9 na\u00EFve r\u00E9sum\u00E9 (" + actual + ")</p>")}</body></html>";
        var bytes = Encoding.GetEncoding(codePage).GetBytes(html);
        var result = TextCleaner.Default.CleanHtml(bytes);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Text, Does.Contain(Sentence), "ASCII text reads the same in Shift-JIS");
    }

    /// <summary>
    /// Unclosed noscript elements repeated nest the rest of the page in each; SmartReader serialised
    /// and parsed every one again (53 s for this page of 160 KB, past the 30 s limit that cannot stop
    /// it): the fallbacks it would remove anyway are removed before it runs.
    /// </summary>
    [Test]
    public void Nested_noscript_fallbacks_do_not_stall_the_second_opinion()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<desc>word <tbody><noscript></small><nobr>", 4_000)) + "</body></html>";
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.SmartReader }).Build();
        var result = cleaner.CleanHtml(html);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned), result.Diagnostic);
    }

    [Test]
    public void Only_noscript_fallbacks_that_hold_a_single_image_are_left_to_the_second_opinion()
    {
        using var dom = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            "<html><body><p>Text</p><img class=lazy><noscript><img src=a.jpg></noscript>"
            + "<noscript><span><img src=b.jpg></span></noscript><noscript>Enable JavaScript</noscript>"
            + "<noscript><p>Nested<noscript><img src=c.jpg></noscript></p></noscript><div><noscript><img src=d.jpg><img src=e.jpg></noscript></div></body></html>");
        Cleaner.Html.MainContent.DropScriptFallbacks(dom);
        var left = dom.QuerySelectorAll("noscript").Select(n => n.QuerySelector("img")?.GetAttribute("src")).ToList();
        Assert.That(left, Is.EqualTo(new[] { "a.jpg", "b.jpg" }));
        Assert.That(dom.Body!.TextContent, Does.Contain("Text").And.Not.Contain("Enable").And.Not.Contain("Nested"));
    }
}
