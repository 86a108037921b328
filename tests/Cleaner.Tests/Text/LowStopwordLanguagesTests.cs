using Cleaner.Text;

namespace Cleaner.Tests.Text;

/// <summary>
/// Languages that inflect or join words where English writes an article or a preposition have fewer
/// stopwords in their prose; their prose must still read as prose, and their articles be kept.
/// </summary>
public class LowStopwordLanguagesTests
{
    private static readonly (string Language, string[] Paragraphs)[] Articles =
    [
        ("tr", [
            "Belediye meclisi dün akşam yapılan toplantıda şehir merkezindeki eski pazar yerinin yenilenmesi için hazırlanan projeyi oy çokluğuyla kabul etti. Çalışmaların önümüzdeki bahar aylarında başlaması ve iki yıl içinde tamamlanması planlanıyor.",
            "Proje kapsamında tarihi yapıların cepheleri onarılacak, dar sokaklar yayalara ayrılacak ve bölgeye yeni bir otopark inşa edilecek. Esnaf temsilcileri ise inşaat süresince dükkanların açık kalabilmesi için belediyeden destek istedi.",
            "Belediye başkanı toplantının ardından yaptığı açıklamada, yenilenen pazar yerinin hem yerel halk hem de turistler için önemli bir buluşma noktası olacağını söyledi ve projenin maliyetinin büyük bölümünün merkezi hükümetin fonlarıyla karşılanacağını belirtti.",
        ]),
        ("fi", [
            "Kaupunginvaltuusto hyväksyi eilisessä kokouksessaan suunnitelman, jonka mukaan keskustan vanha kauppahalli peruskorjataan. Työt alkavat ensi keväänä ja niiden arvioidaan kestävän kaksi vuotta.",
            "Suunnitelmaan kuuluu historiallisten rakennusten julkisivujen korjaaminen, kapeiden katujen muuttaminen kävelykaduiksi sekä uuden pysäköintitalon rakentaminen alueelle. Yrittäjät toivovat, että liikkeet voivat pysyä auki koko rakennustöiden ajan.",
            "Kaupunginjohtaja sanoi kokouksen jälkeen, että uudistettu kauppahalli on tärkeä kohtaamispaikka sekä asukkaille että matkailijoille. Hänen mukaansa suurin osa kustannuksista katetaan valtion avustuksilla.",
        ]),
    ];

    private static IEnumerable<TestCaseData> Cases() => Articles.Select(a => new TestCaseData(a.Language, a.Paragraphs).SetName($"{{m}}({a.Language})"));

    [TestCaseSource(nameof(Cases))]
    public void Prose_with_few_stopwords_reads_as_prose(string language, string[] paragraphs)
    {
        var words = Languages.Get(language)!;
        Assert.That(words.ProseScale, Is.LessThan(1));
        foreach (var paragraph in paragraphs)
        {
            var features = TextStats.Compute(paragraph, words);
            Assert.That(features.LooksLikeProse, Is.True, $"{language}: {features.StopwordDensity:F2} of the words are stopwords in: {paragraph}");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void The_article_is_kept_in_text_mode(string language, string[] paragraphs)
    {
        string[] chrome = ["Home", "News", "Sport", "Weather", "Contact", "© 2026 Example Media"];
        var page = string.Join("\n", chrome[..4].Concat(paragraphs).Concat(chrome[4..]));
        var result = TextCleaner.Default.Clean(page);
        Assert.That(result.Language, Is.EqualTo(language));
        foreach (var paragraph in paragraphs)
        {
            Assert.That(result.Text, Does.Contain(paragraph), $"{language}: lost");
        }
    }

    [Test]
    public void English_keeps_the_usual_thresholds() =>
        Assert.That(Languages.Get("en")!.ProseScale, Is.EqualTo(1));
}
