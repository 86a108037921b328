using Cleaner.Filters;
using static Cleaner.Tests.Filters.FilterTestKit;

namespace Cleaner.Tests.Filters;

/// <summary>The <c>copies</c> filter: a run of different long paragraphs seen again is a copy; one paragraph repeated alone is not.</summary>
public class CopyFilterTests
{
    private const string LeadEn = "LONDON - The ratings firm dimmed its outlook on the country late on Monday, further exposing the currency bloc's fragility on a day of falling markets.";
    private const string SecondEn = "The firm cited the huge potential cost of a break-up of the bloc and, alternatively, the steep bill that would be paid to hold it together.";
    private const string LeadDe = "BERLIN - Die Ratingagentur hat am Montagabend den Ausblick für das Land gesenkt und damit die Schwäche der Währungsunion weiter offengelegt.";
    private const string SecondDe = "Die Agentur verwies auf die enormen Kosten eines Zerfalls und auf die hohe Rechnung, die für den Zusammenhalt zu zahlen wäre, falls es dazu kommt.";

    [TestCase(LeadEn, SecondEn, "Article Excerpt")]
    [TestCase(LeadDe, SecondDe, "Auszug aus dem Artikel")]
    public void A_second_copy_of_the_article_paragraphs_goes(string lead, string second, string label)
    {
        var result = Run(new CopyFilter(), "Headline of the day", lead, second, Prose, label, lead, " " + second.ToUpperInvariant() + " ");
        var removed = result.Blocks.Where(b => b.IsRemoved).ToList();
        Assert.That(removed.Select(b => b.Index), Is.EqualTo(new[] { 5, 6 }), "the later copy goes, the first stays");
        Assert.That(removed.Select(b => b.Reason), Has.All.EqualTo("a copy of the 2 paragraphs from block 2"));
        Assert.That(removed.Select(b => b.Filter), Has.All.EqualTo("copies"));
    }

    [Test]
    public void A_short_line_inside_the_copy_goes_with_it()
    {
        var result = Run(new CopyFilter(), LeadEn, "Subhead", SecondEn, Prose, LeadEn, "Subhead", SecondEn);
        Assert.That(result.Blocks.Where(b => b.IsRemoved).Select(b => b.Index), Is.EqualTo(new[] { 4, 5, 6 }));
    }

    [Test]
    public void One_paragraph_repeated_alone_stays()
    {
        // A pull quote repeats one paragraph; filler text repeats one paragraph in a row.
        var quote = Run(new CopyFilter(), LeadEn, SecondEn, Prose, LeadEn, "Le gouvernement a annoncé mardi une réforme des retraites qui doit entrer en vigueur au début de l'année prochaine.");
        Assert.That(quote.Blocks.Where(b => b.IsRemoved), Is.Empty);
        var filler = Run(new CopyFilter(), LeadDe, LeadDe, LeadDe, LeadDe);
        Assert.That(filler.Blocks.Where(b => b.IsRemoved), Is.Empty);
    }

    [Test]
    public void Short_paragraphs_repeated_in_order_stay()
    {
        // Under 100 characters a repeated run is a refrain or a list, not a copy of the article.
        var result = Run(new CopyFilter(), "We shall overcome, we shall overcome.", "We shall overcome some day.", "Oh, deep in my heart.", "We shall overcome, we shall overcome.", "We shall overcome some day.");
        Assert.That(result.Blocks.Where(b => b.IsRemoved), Is.Empty);
    }

    [Test]
    public void On_a_page_the_copy_inside_the_article_stays()
    {
        // An excerpt panel above the article repeats its first two paragraphs: the panel goes, the article stays.
        var html = $"""
            <html><head><title>Outlook dimmed</title></head><body>
            <aside class="sidebar"><div class="excerpt"><h3>Excerpt</h3><p>{LeadEn}</p><p>{SecondEn}</p></div></aside>
            <main><article><h1>Outlook dimmed</h1><p>{LeadEn}</p><p>{SecondEn}</p>
            <p>{Prose}</p><p>{Prose.Replace("Tuesday", "Friday", StringComparison.Ordinal)} The markets fell again.</p>
            <p>{Prose.Replace("committee", "council", StringComparison.Ordinal)} Shares in the banks lost most.</p></article></main>
            </body></html>
            """;
        var cleaner = TextCleaner.CreateBuilder().Clear().Add(new CopyFilter()).Build();
        var result = cleaner.CleanHtml(html);
        var lead = result.Blocks.Where(b => b.Text == LeadEn).ToList();
        Assert.That(lead, Has.Count.EqualTo(2));
        Assert.That(lead[0].InMainContent, Is.False, "the panel is outside the article");
        Assert.That(lead[0].IsRemoved, Is.True, "the panel's copy goes");
        Assert.That(lead[1].IsRemoved, Is.False, "the article's copy stays");
    }

    [Test]
    public void Time_stays_linear_on_alternating_paragraphs()
    {
        // A B A B ... : each copy is consumed once; a run never rescans what it matched.
        var lines = Enumerable.Range(0, 20_000).Select(i => i % 2 == 0 ? LeadEn : SecondEn).ToArray();
        var result = Run(new CopyFilter(), lines);
        Assert.That(result.Blocks.Count(b => b.IsRemoved), Is.EqualTo(19_998));
    }
}
