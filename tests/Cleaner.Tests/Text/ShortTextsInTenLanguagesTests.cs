using System.Net;

namespace Cleaner.Tests.Text;

/// <summary>Short clean texts, two or three sentences each: nothing may be lost, in text and in HTML mode.</summary>
public class ShortTextsInTenLanguagesTests
{
    private static readonly (string Language, string[] Sentences)[] Texts =
    [
        ("en", ["The library will close early on Friday for the staff training day.", "Books can still be returned through the slot by the main door.", "We apologise for any inconvenience."]),
        ("de", ["Die Bibliothek schließt am Freitag früher, weil die Mitarbeiter geschult werden.", "Bücher können trotzdem über den Einwurf an der Haupttür zurückgegeben werden."]),
        ("fr", ["La bibliothèque fermera plus tôt vendredi pour la formation du personnel.", "Les livres peuvent être rendus par la boîte près de la porte principale.", "Merci de votre compréhension."]),
        ("es", ["La biblioteca cerrará antes el viernes por la formación del personal.", "Los libros se pueden devolver por el buzón de la puerta principal."]),
        ("pt", ["A biblioteca vai fechar mais cedo na sexta-feira para a formação dos funcionários.", "Os livros podem ser devolvidos na caixa junto à porta principal."]),
        ("it", ["La biblioteca chiuderà prima venerdì per la formazione del personale.", "I libri possono essere restituiti nella cassetta vicino alla porta principale.", "Ci scusiamo per il disagio."]),
        ("nl", ["De bibliotheek gaat vrijdag eerder dicht voor een trainingsdag van het personeel.", "Boeken kunnen nog steeds worden ingeleverd via de brievenbus bij de hoofdingang."]),
        ("pl", ["Biblioteka będzie w piątek zamknięta wcześniej z powodu szkolenia pracowników.", "Książki można nadal zwracać przez skrzynkę przy głównych drzwiach."]),
        ("sv", ["Biblioteket stänger tidigare på fredag på grund av personalens utbildningsdag.", "Böcker kan fortfarande lämnas tillbaka i luckan vid huvudentrén."]),
        ("ru", ["В пятницу библиотека закроется раньше из-за обучения сотрудников.", "Книги по-прежнему можно вернуть через ящик у главного входа.", "Приносим извинения за неудобства."]),
    ];

    private static IEnumerable<TestCaseData> Cases() => Texts.Select(t => new TestCaseData(t.Language, t.Sentences).SetName($"{{m}}({t.Language})"));

    [TestCaseSource(nameof(Cases))]
    public void Every_sentence_is_kept_in_text_mode(string language, string[] sentences)
    {
        var result = TextCleaner.Default.Clean(string.Join("\n", sentences));
        foreach (var sentence in sentences)
        {
            Assert.That(result.Text, Does.Contain(sentence), $"{language}: lost in text mode");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Every_sentence_is_kept_in_html_mode(string language, string[] sentences)
    {
        var body = string.Concat(sentences.Select(s => $"<p>{WebUtility.HtmlEncode(s)}</p>"));
        var html = $"<!doctype html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>Notice</title></head><body>{body}</body></html>";
        var result = TextCleaner.Default.CleanHtml(html);
        foreach (var sentence in sentences)
        {
            Assert.That(result.Text, Does.Contain(sentence), $"{language}: lost in HTML mode");
        }
    }
}
