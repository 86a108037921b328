using Cleaner.Text;

namespace Cleaner.Tests.Text;

public class LanguageDetectionTests
{
    [TestCase("pt", "O governo anunciou hoje que vai aumentar o salário mínimo no próximo ano, mas os sindicatos dizem que a subida não é suficiente para compensar a inflação que se registou nos últimos meses em todo o país.")]
    [TestCase("it", "Il governo ha annunciato oggi che il salario minimo sarà aumentato il prossimo anno, ma i sindacati dicono che questo aumento non è sufficiente per compensare l'inflazione degli ultimi mesi in tutto il paese.")]
    [TestCase("es", "El gobierno anunció hoy que el salario mínimo subirá el próximo año, pero los sindicatos dicen que la subida no es suficiente para compensar la inflación de los últimos meses en todo el país.")]
    [TestCase("nl", "De regering heeft vandaag aangekondigd dat het minimumloon volgend jaar omhoog gaat, maar de vakbonden zeggen dat de verhoging niet genoeg is om de inflatie van de afgelopen maanden te compenseren.")]
    [TestCase("pl", "Rząd ogłosił dzisiaj, że płaca minimalna wzrośnie w przyszłym roku, ale związki zawodowe mówią, że ta podwyżka nie jest wystarczająca, aby zrekompensować inflację z ostatnich miesięcy w całym kraju.")]
    [TestCase("sv", "Regeringen meddelade i dag att minimilönen ska höjas nästa år, men facken säger att höjningen inte är tillräcklig för att kompensera för inflationen under de senaste månaderna i hela landet.")]
    [TestCase("da", "Regeringen meddelte i dag, at mindstelønnen skal hæves næste år, men fagforeningerne siger, at stigningen ikke er nok til at opveje inflationen i de seneste måneder i hele landet.")]
    [TestCase("cs", "Vláda dnes oznámila, že minimální mzda se příští rok zvýší, ale odbory říkají, že toto zvýšení není dostatečné, aby vyrovnalo inflaci z posledních měsíců v celé zemi.")]
    [TestCase("ru", "Правительство сегодня объявило, что минимальная зарплата будет повышена в следующем году, но профсоюзы говорят, что этого повышения недостаточно, чтобы компенсировать инфляцию последних месяцев по всей стране.")]
    [TestCase("tr", "Hükümet bugün asgari ücretin gelecek yıl artırılacağını açıkladı, ancak sendikalar bu artışın son aylardaki enflasyonu telafi etmek için yeterli olmadığını söylüyor ve bu konuda daha çok mücadele edeceklerini belirtiyor.")]
    [TestCase("en", "The government announced today that the minimum wage will rise next year, but the unions say that the increase is not enough to make up for the inflation of the last few months across the country.")]
    [TestCase("fi", "Hallitus ilmoitti tänään, että vähimmäispalkka nousee ensi vuonna, mutta ammattiliitot sanovat, että korotus ei ole riittävä korvaamaan viime kuukausien inflaatiota koko maassa.")]
    [TestCase("et", "Valitsus teatas täna, et miinimumpalk tõuseb järgmisel aastal, kuid ametiühingud ütlevad, et see tõus ei ole piisav, et korvata viimaste kuude inflatsiooni kogu riigis.")]
    [TestCase("hu", "A kormány ma bejelentette, hogy a minimálbér jövőre emelkedik, de a szakszervezetek szerint az emelés nem elegendő ahhoz, hogy ellensúlyozza az elmúlt hónapok inflációját az egész országban.")]
    [TestCase("ro", "Guvernul a anunțat astăzi că salariul minim va crește anul viitor, dar sindicatele spun că această creștere nu este suficientă pentru a compensa inflația din ultimele luni din întreaga țară.")]
    [TestCase("el", "Η κυβέρνηση ανακοίνωσε σήμερα ότι ο κατώτατος μισθός θα αυξηθεί τον επόμενο χρόνο, αλλά τα συνδικάτα λένε ότι η αύξηση δεν είναι αρκετή για να αντισταθμίσει τον πληθωρισμό των τελευταίων μηνών σε όλη τη χώρα.")]
    [TestCase("uk", "Уряд сьогодні оголосив, що мінімальна зарплата зросте наступного року, але профспілки кажуть, що цього підвищення недостатньо, щоб компенсувати інфляцію останніх місяців по всій країні.")]
    public void Detects_the_language(string expected, string text) =>
        Assert.That(Languages.Detect(text)?.Language, Is.EqualTo(expected));

    [Test]
    public void An_italian_text_is_not_detected_as_spanish()
    {
        var text = "Buongiorno a tutti. La riunione di domani è spostata a venerdì mattina alle dieci. Vi prego di portare le slide e i dati delle vendite.";
        Assert.That(Languages.Detect(text)?.Language, Is.Not.EqualTo("es"));
    }

    [Test]
    public void A_finnish_text_is_not_detected_as_polish()
    {
        // Finnish "ja" (and) and "on" (is) are also Polish stopwords; before Finnish had a list, this
        // paragraph was detected as Polish and its prose, measured against Polish stopwords, was not prose.
        var text = "Kaikki ihmiset syntyvät vapaina ja tasavertaisina arvoltaan ja oikeuksiltaan. Heille on annettu järki ja omatunto, ja heidän on toimittava toisiaan kohtaan veljeyden hengessä.";
        Assert.That(Languages.Detect(text)?.Language, Is.EqualTo("fi"));
        var block = TextCleaner.Default.Clean(text + "\n" + text).Language;
        Assert.That(block, Is.EqualTo("fi"));
    }

    [Test]
    public void A_russian_text_is_not_detected_as_ukrainian()
    {
        // The Ukrainian list leaves out the prepositions both languages write alike (в, на, не, до, за, по).
        var text = "Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью и должны поступать в отношении друг друга в духе братства.";
        Assert.That(Languages.Detect(text)?.Language, Is.EqualTo("ru"));
    }

    [TestCase("Ok")]
    [TestCase("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam.")]
    [TestCase("東京都は今日、新しい計画を発表しました。")]
    public void Says_nothing_when_unsure(string text) => Assert.That(Languages.Detect(text), Is.Null);

    [Test]
    public void The_language_option_overrides_detection()
    {
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { Language = "pt" }).Build();
        Assert.That(cleaner.Clean("The government announced today that the minimum wage will rise next year.").Language, Is.EqualTo("pt"));
    }
}
