using Cleaner.Filters;
using static Cleaner.Tests.Filters.FilterTestKit;

namespace Cleaner.Tests.Filters;

public class NoticeFilterTests
{
    [TestCase("Dow Jones Reprints: This copy is for your personal, non-commercial use only. To order presentation-ready copies for distribution to your colleagues, clients or customers, use the Order Reprints tool.")]
    [TestCase("Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.")]
    [TestCase("Citation: New bird species found in the Andes (2019, November 18) retrieved 18 November 2019 from https://phys.org/news/2019-11-bird.html")]
    [TestCase("This document is subject to copyright. Apart from any fair dealing for the purpose of private study or research, no part may be reproduced without the written permission.")]
    [TestCase("This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under Robots. You can follow any responses to this entry through the RSS 2.0 feed.")]
    [TestCase("Alle Rechte vorbehalten. Eine Weiterverbreitung ohne schriftliche Genehmigung des Verlags ist nicht gestattet.")]
    [TestCase("Todos os direitos reservados. É proibida a reprodução deste conteúdo sem autorização prévia.")]
    [TestCase("Tutti i diritti riservati. La riproduzione di questo articolo è consentita solo con citazione della fonte.")]
    [TestCase("Para poder comentar tenés que ingresar con tu usuario del diario.")]
    [TestCase("Um zu kommentieren, müssen Sie sich mit Ihrem Konto anmelden.")]
    [TestCase("To comment, you must be signed in with your reader account.")]
    public void Removes(string line) => RemovesAlone(new NoticeFilter(), line);

    [TestCase("The court ruled that the photographs were subject to the agency's licence and that the newspaper had used them without paying.")]
    [TestCase("Il tribunale ha deciso che le fotografie erano state pubblicate senza il consenso dell'autore, che chiedeva un risarcimento.")]
    [TestCase("Die Richter entschieden, dass der Verlag die Rechte an den Bildern nicht besaß und sie daher nicht hätte drucken dürfen.")]
    [TestCase("The minister declined to comment, saying that you must wait for the report before drawing conclusions.")]
    [TestCase("El ministro se negó a comentar la decisión del tribunal hasta conocer la sentencia completa.")]
    public void Keeps(string line) => KeepsAlone(new NoticeFilter(), line);

    [Test]
    public void A_notice_does_not_win_over_the_article()
    {
        string[] lines =
        [
            "Dow Jones Reprints: This copy is for your personal, non-commercial use only. To order presentation-ready copies for distribution to your colleagues, clients or customers, use the Order Reprints tool at the bottom of any article or visit our reprints site.",
            "Geithner Urges Quick Action",
            "Treasury Secretary Timothy Geithner warned European leaders on Monday against leaving the continent on the edge of disaster.",
            "He said such a strategy would be more costly for Europe, financially and politically, than acting now.",
        ];
        var result = TextCleaner.Default.Clean(string.Join("\n", lines));
        Assert.That(result.Text, Does.Contain(lines[2]));
        Assert.That(result.Text, Does.Contain(lines[3]));
        Assert.That(result.Text, Does.Not.Contain("non-commercial"));
    }
}

public class RepeatFilterTests
{
    [Test]
    public void A_short_line_repeated_three_times_goes_with_its_count()
    {
        var result = Run(new RepeatFilter(), Prose, "Whatsapp Facebook Pint Baixar", Prose + " One.", "Whatsapp Facebook Pint Baixar", Prose + " Two.", "Whatsapp  facebook pint baixar");
        var removed = result.Blocks.Where(b => b.IsRemoved).ToList();
        Assert.That(removed, Has.Count.EqualTo(3));
        Assert.That(removed.Select(b => b.Reason), Has.All.EqualTo("repeated 3 times in the document"));
    }

    [Test]
    public void A_line_seen_twice_stays()
    {
        var result = Run(new RepeatFilter(), Prose, "Udostępnij Drukuj", Prose + " One.", "Udostępnij Drukuj");
        Assert.That(result.Blocks.Where(b => b.IsRemoved), Is.Empty);
    }

    [Test]
    public void A_refrain_stays()
    {
        var result = Run(new RepeatFilter(), "We shall overcome.", "We shall overcome some day.", "We shall overcome.", "Deep in my heart, I do believe.", "We shall overcome.");
        Assert.That(result.Blocks.Where(b => b.IsRemoved), Is.Empty);
    }

    [Test]
    public void Identical_answers_stay()
    {
        var result = Run(new RepeatFilter(), "Sind Sie zufrieden?", "Ja, sehr.", "Und Ihr Nachbar?", "Ja, sehr.", "Und die Kinder?", "Ja, sehr.");
        Assert.That(result.Blocks.Where(b => b.IsRemoved), Is.Empty);
    }
}

public class CaptionCreditTests
{
    [TestCase("The hospital where plague-infected people sought treatment Credit: EPA")]
    [TestCase("Demonstranten vor dem Reichstag am Samstagabend Foto: dpa")]
    [TestCase("Manifestantes na Avenida da Liberdade em Lisboa Foto: Lusa")]
    [TestCase("Herbie Hancock performing at the London Jazz Festival (AP Photo/Jane Doe)")]
    public void Removes(string line) => RemovesAlone(new PhotoCreditFilter(), line);

    [TestCase("Prototype of the new Juno rover, a 300 kg rover built by the agency for a mission to Mars or the Moon. Credit: CSA")]
    [TestCase("She finally said what everyone had been thinking about the photo: a masterpiece.")]
    [TestCase("Il museo ha prestato la foto: un ritratto del 1890 che non era mai uscito dall'Italia.")]
    public void Keeps(string line) => KeepsAlone(new PhotoCreditFilter(), line);
}

public class TeaserFilterTests
{
    [TestCase("RANDY ANDY", "Prince Andrew's ex-wife tells all about their royal divorce")]
    [TestCase("ЭКСКЛЮЗИВ", "Как живут последние смотрители маяков на Севере")]
    [TestCase("KURIOS", "Warum der Bürgermeister von Hintertupfing seine Katze zur Wahl aufstellt")]
    public void Removes_a_kicker_over_a_headline(string kicker, string headline)
    {
        var result = Run(new TeaserFilter(), Prose, Prose + " Again.", kicker, headline, "Ok");
        AssertRemoved(result, kicker, "teasers");
        AssertRemoved(result, headline, "teasers");
    }

    [TestCase("BACKGROUND", "How the Budget Talks Broke Down")]
    [TestCase("HINTERGRUND", "Wie die Verhandlungen über den Haushalt scheiterten")]
    public void Keeps_a_subheading_over_its_paragraph(string kicker, string headline)
    {
        var result = Run(new TeaserFilter(), Prose, kicker, headline, Prose);
        AssertKept(result, kicker);
        AssertKept(result, headline);
    }

    [Test]
    public void Keeps_the_section_label_over_the_title()
    {
        var result = Run(new TeaserFilter(), "HEALTH INDUSTRY", "U.S. Pledges More Funding To Fight AIDS World-Wide", Prose);
        AssertKept(result, "HEALTH INDUSTRY");
    }
}

public class ContactFilterTests
{
    [Test]
    public void Removes_an_address_block_in_english()
    {
        var result = Run(new ContactFilter(), Prose, "Example Media Ltd", "1200 Harbor Boulevard, Suite 400", "Tel: +1 555 123 4567", "Fax: +1 555 123 4568");
        AssertRemoved(result, "1200 Harbor Boulevard, Suite 400", "contact");
        AssertRemoved(result, "Tel: +1 555 123 4567", "contact");
        AssertRemoved(result, "Fax: +1 555 123 4568", "contact");
    }

    [Test]
    public void Removes_an_address_block_in_german()
    {
        var result = Run(new ContactFilter(), Prose, "Beispielverlag GmbH", "Hauptstraße 12", "10115 Berlin", "Telefon: 030 1234567");
        AssertRemoved(result, "Hauptstraße 12", "contact");
        AssertRemoved(result, "10115 Berlin", "contact");
        AssertRemoved(result, "Telefon: 030 1234567", "contact");
    }

    [TestCase("The protesters gathered at 10 Downing Street on Tuesday, where the prime minister met them briefly.")]
    [TestCase("Die Polizei sperrte die Hauptstraße 12 Stunden lang, nachdem ein Wasserrohr geplatzt war.")]
    [TestCase("2013 Ford Escape Video Road Test")]
    [TestCase("10115 Berlin")]
    public void Keeps(string line) => KeepsAlone(new ContactFilter(), line);
}

public class CommentTabTests
{
    [Test]
    public void A_comments_tab_over_the_article_does_not_cut_it()
    {
        string[] article =
        [
            "Treasury Secretary Timothy Geithner warned European leaders on Monday against leaving the continent on the edge of disaster while they press their neighbours to change.",
            "He said such a strategy would be more costly for Europe, financially and politically, than acting now, and that the markets would not wait for the next summit.",
        ];
        string[] lines =
        [
            "Please register to gain free access to the tools of the site, and enjoy the newsletters that come with an account every morning of the week.",
            "From time to time, we will send you announcements on new features and special offers from the site, which you can stop at any moment.",
            "Article",
            "Comments",
            "ECONOMY",
            "Updated July 23, 2012, 10:49 p.m. ET",
            "Geithner Urges Quick Action on Debt Crisis",
            "BY JEFFREY SPARSHOTT",
            .. article,
        ];
        var result = TextCleaner.Default.Clean(string.Join("\n", lines));
        foreach (var paragraph in article)
        {
            Assert.That(result.Text, Does.Contain(paragraph));
        }
    }
}
