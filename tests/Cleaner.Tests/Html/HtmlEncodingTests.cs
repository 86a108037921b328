using System.Text;

namespace Cleaner.Tests.Html;

/// <summary>Pages in other encodings decode right: test pages are made here by encoding a known text.</summary>
public class HtmlEncodingTests
{
    private const string Latin = "Le conseil municipal a approuvé vendredi le projet de la bibliothèque « Rivière », qui coûtera près de douze millions d’euros à la ville.";
    private const string Japanese = "市議会は金曜日に新しい川沿いの図書館の計画を承認しました。建設は来年の春に始まる予定で、市民は完成を楽しみにしています。";
    private const string Chinese = "市议会星期五批准了新河畔图书馆的计划。工程预计明年春天开始，市民们都期待着图书馆早日建成开放。";

    static HtmlEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Page(string paragraph, Encoding encoding, string? metaCharset, bool httpEquiv = false)
    {
        var meta = metaCharset is null ? string.Empty
            : httpEquiv ? $"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={metaCharset}\">"
            : $"<meta charset=\"{metaCharset}\">";
        var html = $"<!DOCTYPE html><html><head>{meta}<title>Test</title></head><body><article><h1>Test</h1>"
            + $"<p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></article></body></html>";
        return encoding.GetBytes(html);
    }

    private static void AssertDecoded(byte[] bytes, string expected, string? contentType = null)
    {
        var result = TextCleaner.Default.CleanHtml(bytes, contentType: contentType);
        Assert.That(result.Blocks.Select(b => b.Text), Has.Some.EqualTo(expected));
    }

    [TestCase("windows-1252", "windows-1252", false)]
    [TestCase("windows-1252", "windows-1252", true)]
    [TestCase("iso-8859-1", "iso-8859-1", false)]
    [TestCase("iso-8859-1", "ISO-8859-1", true)]
    public void Latin_pages_with_a_meta_charset(string encoding, string label, bool httpEquiv) =>
        AssertDecoded(Page(Latin.Replace('’', '\''), Encoding.GetEncoding(encoding), label, httpEquiv), Latin.Replace('’', '\''));

    [Test]
    public void Windows_1252_page_without_a_charset_is_recognised_as_not_UTF8()
    {
        // The curly apostrophe exists in Windows-1252 (0x92) but not in ISO-8859-1.
        AssertDecoded(Page(Latin, Encoding.GetEncoding(1252), metaCharset: null), Latin);
    }

    [Test]
    public void ISO_8859_1_page_without_a_charset_decodes()
    {
        var text = Latin.Replace('’', '\'');
        AssertDecoded(Page(text, Encoding.Latin1, metaCharset: null), text);
    }

    [TestCase("shift_jis", false)]
    [TestCase("Shift_JIS", true)]
    public void Shift_JIS_page_with_a_meta_charset(string label, bool httpEquiv) =>
        AssertDecoded(Page(Japanese, Encoding.GetEncoding("shift_jis"), label, httpEquiv), Japanese);

    [TestCase("gb2312", false)]
    [TestCase("GB2312", true)]
    public void GB2312_page_with_a_meta_charset(string label, bool httpEquiv) =>
        AssertDecoded(Page(Chinese, Encoding.GetEncoding("gb2312"), label, httpEquiv), Chinese);

    [Test]
    public void Shift_JIS_page_without_a_meta_charset_uses_the_HTTP_content_type() =>
        AssertDecoded(Page(Japanese, Encoding.GetEncoding("shift_jis"), metaCharset: null), Japanese, "text/html; charset=Shift_JIS");

    [Test]
    public void GB2312_page_without_a_meta_charset_uses_the_HTTP_content_type() =>
        AssertDecoded(Page(Chinese, Encoding.GetEncoding("gb2312"), metaCharset: null), Chinese, "text/html;charset=\"gb2312\"");

    [Test]
    public void The_HTTP_content_type_wins_over_the_meta_charset() =>
        AssertDecoded(Page(Chinese, Encoding.GetEncoding("gb2312"), "windows-1252"), Chinese, "text/html; charset=gb2312");

    [Test]
    public void A_byte_order_mark_wins_over_everything()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Page(Japanese, new UTF8Encoding(false), "shift_jis")).ToArray();
        AssertDecoded(bytes, Japanese, "text/html; charset=windows-1252");
    }

    [Test]
    public void UTF8_page_without_a_charset_is_UTF8() =>
        AssertDecoded(Page(Japanese, new UTF8Encoding(false), metaCharset: null), Japanese);
}
