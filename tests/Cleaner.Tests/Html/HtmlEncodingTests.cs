using System.Text;

namespace Cleaner.Tests.Html;

/// <summary>Pages in other encodings decode right: test pages are made here by encoding a known text.</summary>
public class HtmlEncodingTests
{
    private const string Latin = "Le conseil municipal a approuvé vendredi le projet de la bibliothèque « Rivière », qui coûtera près de douze millions d’euros à la ville.";
    private const string Japanese = "市議会は金曜日に新しい川沿いの図書館の計画を承認しました。建設は来年の春に始まる予定で、市民は完成を楽しみにしています。";
    private const string Chinese = "市议会星期五批准了新河畔图书馆的计划。工程预计明年春天开始，市民们都期待着图书馆早日建成开放。";

    private const string Russian = "Городской совет в пятницу одобрил проект новой библиотеки на берегу реки. Строительство начнётся весной следующего года, и жители ждут её открытия.";
    private const string Korean = "시의회는 금요일에 새로운 강변 도서관 계획을 승인했습니다. 공사는 내년 봄에 시작될 예정이며 시민들은 도서관의 개관을 기다리고 있습니다.";
    private const string German = "Der Stadtrat hat am Freitag den Plan für die neue Bücherei am Flussufer gebilligt. Der Bau beginnt im nächsten Frühjahr, und die Bürger freuen sich schon darauf.";

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

    [TestCase("shift_jis", Japanese)]
    [TestCase("gbk", Chinese)]
    [TestCase("windows-1251", Russian)]
    [TestCase("euc-kr", Korean)]
    public void Legacy_page_without_any_declaration_is_detected(string encoding, string text) =>
        AssertDecoded(Page(text, Encoding.GetEncoding(encoding), metaCharset: null), text);

    [TestCase("shift_jis", Japanese)]
    [TestCase("gbk", Chinese)]
    [TestCase("windows-1251", Russian)]
    [TestCase("euc-kr", Korean)]
    public void Legacy_plain_text_bytes_are_detected(string encoding, string text)
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes($"{text}\n{text}\n");
        Assert.That(TextCleaner.Default.Clean(bytes).Blocks.Select(b => b.Text), Has.Some.EqualTo(text));
    }

    [Test]
    public void A_one_sentence_Shift_JIS_page_without_a_declaration_reads_right()
    {
        const string sentence = "東京で新しい法律が発表されました。";
        var result = TextCleaner.Default.CleanHtml(Encoding.GetEncoding("shift_jis").GetBytes($"<p>{sentence}</p>"));
        Assert.That(result.Text, Does.Contain(sentence));
    }

    [TestCase("windows-1252", German)]
    [TestCase("iso-8859-1", German)]
    public void Undeclared_Western_pages_stay_Windows_1252(string encoding, string text) =>
        AssertDecoded(Page(text, Encoding.GetEncoding(encoding), metaCharset: null), text);

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void UTF8_page_with_a_few_invalid_bytes_stays_UTF8(int badBytes)
    {
        var bytes = Page(German + " " + Japanese, new UTF8Encoding(false), metaCharset: null).ToList();
        int body = bytes.IndexOf((byte)'<', bytes.Count / 2);
        for (int i = 0; i < badBytes; i++)
        {
            bytes.Insert(body, (byte)(0xFF - i)); // 0xFD..0xFF never occur in UTF-8
        }

        var result = TextCleaner.Default.CleanHtml(bytes.ToArray());
        Assert.That(result.Text, Does.Contain(Japanese).And.Contain(German).And.Contain(new string('\uFFFD', badBytes)));
    }

    [Test]
    public void UTF8_text_truncated_inside_a_character_stays_UTF8()
    {
        var bytes = new UTF8Encoding(false).GetBytes(German + "\n" + Japanese + "\n" + Japanese);
        var result = TextCleaner.Default.Clean(bytes[..^1]);
        Assert.That(result.Text, Does.Contain(German).And.Contain(Japanese));
    }

    [Test]
    public void Latin_text_with_four_accented_letters_is_not_read_as_UTF8()
    {
        // Each accented letter alone is an invalid UTF-8 sequence and there are no valid multi-byte ones.
        const string text = "Caf\u00e9 cr\u00e8me, na\u00efve r\u00f4le.";
        Assert.That(TextCleaner.Default.Clean(Encoding.Latin1.GetBytes(text)).Blocks.Select(b => b.Text), Has.Some.EqualTo(text));
    }
}
