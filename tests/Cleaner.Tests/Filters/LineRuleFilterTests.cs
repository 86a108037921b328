using Cleaner.Filters;
using static Cleaner.Tests.Filters.FilterTestKit;

namespace Cleaner.Tests.Filters;

public class DateFilterTests
{
    [TestCase("04/25/2024 07:21:18 pm")]
    [TestCase("March 3, 2012")]
    [TestCase("Updated: March 3, 2012 10:15 EST")]
    [TestCase("Posted on 2012-03-04")]
    [TestCase("5 hours ago")]
    [TestCase("Tuesday, 14 August 2012 | 10:32")]
    [TestCase("Montag, 3. März 2012")]
    [TestCase("le 3 mars 2012 à 10h30")]
    [TestCase("3 de marzo de 2012")]
    public void Removes(string line) => RemovesAlone(new DateFilter(), line);

    [TestCase("March 3, 2012 - The company said on Monday that it would cut 300 jobs at its plant in Ohio.")]
    [TestCase("On May 5 the council will vote again.")]
    [TestCase("2012 was the hottest year on record in the United States, the agency said.")]
    [TestCase("May")]
    public void Keeps(string line) => KeepsAlone(new DateFilter(), line);
}

public class CounterFilterTests
{
    [TestCase("12 comments")]
    [TestCase("1.2K shares")]
    [TestCase("Comments (4)")]
    [TestCase("Views: 3,456")]
    [TestCase("12 Kommentare")]
    [TestCase("3 commentaires")]
    [TestCase("5 comentarios")]
    public void Removes(string line) => RemovesAlone(new CounterFilter(), line);

    [TestCase("12 comments were deleted by the moderators after the article was published on Monday.")]
    [TestCase("Comments")]
    public void Keeps(string line) => KeepsAlone(new CounterFilter(), line);
}

public class UrlFilterTests
{
    [TestCase("http://www.example.com/news/2012/03/story.html")]
    [TestCase("www.example.com")]
    [TestCase("editor@example.com")]
    [TestCase("example.com")]
    public void Removes(string line) => RemovesAlone(new UrlFilter(), line);

    [TestCase("Visit http://www.example.com for the full report, which runs to 300 pages and covers every region.")]
    public void Keeps(string line) => KeepsAlone(new UrlFilter(), line);
}

public class NavigationFilterTests
{
    [TestCase("Skip to content")]
    [TestCase("Home")]
    [TestCase("Home » News » World")]
    [TestCase("News > Politics > Elections")]
    [TestCase("Next article")]
    [TestCase("Back to top")]
    [TestCase("Startseite")]
    [TestCase("Accueil")]
    [TestCase("Inicio")]
    [TestCase("Página inicial")]
    [TestCase("Torna su")]
    [TestCase("Terug naar boven")]
    [TestCase("Strona główna")]
    [TestCase("Föregående")]
    [TestCase("Přejít na obsah")]
    [TestCase("Главная")]
    [TestCase("Ana sayfa")]
    public void Removes(string line) => RemovesAlone(new NavigationFilter(), line);

    [TestCase("He drove home after the match, and said later that he had never felt so tired.")]
    [TestCase("The ratio of 3/4 to 1/2 is 3/2, or one and a half, as the students found out.")]
    public void Keeps(string line) => KeepsAlone(new NavigationFilter(), line);

    [Test]
    public void Removes_a_run_of_menu_lines_before_the_body_but_not_a_short_list_inside_it()
    {
        string[] lines =
        [
            "News", "Sport", "Weather", "Travel", "Culture",
            Prose,
            "Eggs", "Flour", "Milk", "Butter",
            Prose,
        ];
        var result = Run(new NavigationFilter(), lines);
        AssertRemoved(result, "Weather", "navigation");
        AssertKept(result, "Flour");
    }
}

public class RelatedFilterTests
{
    [Test]
    public void Removes_a_related_heading_and_the_headlines_under_it_but_not_the_prose_after()
    {
        var result = Run(new RelatedFilter(),
            Prose,
            "Related Articles",
            "Obama signs budget bill into law",
            "\"We will not back down,\" says mayor",
            Prose + " Afterwards.");
        AssertRemoved(result, "Related Articles", "related");
        AssertRemoved(result, "Obama signs budget bill into law", "related");
        AssertRemoved(result, "\"We will not back down,\" says mayor", "related");
        AssertKept(result, Prose + " Afterwards.");
        AssertKept(result, Prose);
    }

    [TestCase("Read more")]
    [TestCase("You may also like")]
    [TestCase("Lesen Sie auch")]
    [TestCase("À lire aussi")]
    [TestCase("Noticias relacionadas")]
    [TestCase("Weiterlesen")]
    [TestCase("Lire la suite")]
    [TestCase("Leia Mais")]
    [TestCase("Leia também:")]
    [TestCase("Leggi anche")]
    [TestCase("Lees ook")]
    [TestCase("Czytaj także:")]
    [TestCase("Läs också")]
    [TestCase("Læs også")]
    [TestCase("Čtěte také")]
    [TestCase("Читайте также")]
    [TestCase("İlginizi çekebilir")]
    [TestCase("相关阅读")]
    [TestCase("延伸閱讀")]
    [TestCase("精彩视频推荐")]
    [TestCase("関連記事")]
    [TestCase("관련 기사")]
    public void Removes(string line) => RemovesAlone(new RelatedFilter(), line);

    [TestCase("Read more about the history of the bridge in the town library, which keeps the original plans.")]
    [TestCase("Leia mais sobre a história da ponte na biblioteca da cidade, que guarda os planos originais.")]
    [TestCase("Читайте также интервью с мэром, которое он дал нашей газете в прошлом месяце, о планах города.")]
    public void Keeps(string line) => KeepsAlone(new RelatedFilter(), line);
}

public class MastheadFilterTests
{
    [Test]
    public void Removes_a_capitalised_site_name_before_the_title_but_not_capitals_in_the_body()
    {
        var result = RunWithTitle(new MastheadFilter(),
            "CHINA TOPIX",
            "Council Approves New Budget For Schools",
            "The council approved the new budget for schools on Tuesday, after a long debate about teachers' pay and buildings.",
            "BREAKING NEWS",
            Prose);
        AssertRemoved(result, "CHINA TOPIX", "masthead");
        AssertKept(result, "Council Approves New Budget For Schools");
        AssertKept(result, "BREAKING NEWS");
    }
}

public class TagFilterTests
{
    [Test]
    public void Removes_title_word_lines_near_the_head_and_labelled_tag_lines()
    {
        var result = RunWithTitle(new TagFilter(),
            "Council Approves New Budget For Schools",
            "Council Schools",
            "The council approved the new budget for schools on Tuesday, after a long debate about teachers' pay and buildings.",
            Prose,
            "Tags: budget, schools, council",
            "Palavras-chave: orçamento, escolas",
            "Słowa kluczowe: budżet, szkoły",
            "Теги: бюджет, школы");
        AssertRemoved(result, "Palavras-chave: orçamento, escolas", "tags");
        AssertRemoved(result, "Słowa kluczowe: budżet, szkoły", "tags");
        AssertRemoved(result, "Теги: бюджет, школы", "tags");
        AssertRemoved(result, "Council Schools", "tags");
        AssertRemoved(result, "Tags: budget, schools, council", "tags");
        AssertKept(result, "Council Approves New Budget For Schools");
    }

    [Test]
    public void Keeps_a_quoted_headline_and_a_capitalised_line_inside_the_body()
    {
        var result = RunWithTitle(new TagFilter(),
            "Council Approves New Budget For Schools",
            "The council approved the new budget for schools on Tuesday, after a long debate about teachers' pay and buildings.",
            "\"New Budget For Schools\"",
            Prose);
        AssertKept(result, "\"New Budget For Schools\"");
    }
}

public class HeadTailFilterTests
{
    [Test]
    public void Removes_short_lines_around_the_body_and_keeps_the_title_and_short_lines_inside()
    {
        var result = RunWithTitle(new HeadTailFilter(),
            "Menu",
            "Council Approves New Budget For Schools",
            "The council approved the new budget for schools on Tuesday, after a long debate about teachers' pay and buildings.",
            "What happens next",
            Prose,
            "About us");
        AssertRemoved(result, "Menu", "head-tail");
        AssertRemoved(result, "About us", "head-tail");
        AssertKept(result, "Council Approves New Budget For Schools");
        AssertKept(result, "What happens next");
    }
}

public class TitleFilterTests
{
    [Test]
    public void Finds_the_headline_that_the_body_echoes_not_a_menu_line()
    {
        var result = Run(new TitleFilter(),
            "World News Sport",
            "Council Approves New Budget For Schools",
            "The council approved the new budget for schools on Tuesday, after a long debate about teachers' pay and buildings.",
            Prose);
        Assert.That(result.Title, Is.EqualTo("Council Approves New Budget For Schools"));
        Assert.That(result.Blocks[1].IsKept, Is.True);
    }

    [TestCase("Leave a comment", "Name (required)", "Mail (will not be published) (required)", "Website")]
    [TestCase("Einen Kommentar schreiben", "Name (Pflichtfeld)", "E-Mail (wird nicht veröffentlicht) (Pflichtfeld)", "Webseite")]
    [TestCase("Laisser un commentaire", "Nom (obligatoire)", "Adresse de messagerie (ne sera pas publiée) (obligatoire)", "Site web")]
    public void A_form_field_label_is_never_the_title(string heading, string name, string mail, string website)
    {
        // A page with no headline: the label right above the body, shaped like a headline, was the best guess left.
        var result = Run(new TitleFilter(), heading, name, mail, website,
            "here or you can add me to your circles, and the curious brain also has its own channel that you can follow here too!", Prose);
        Assert.That(result.Title, Is.Not.EqualTo(mail));
        Assert.That(result.Blocks[2].IsKept, Is.False);
    }

    [TestCase("Mail (will not be published) (required)", true)]
    [TestCase("Email (required) (Address never made public)", true)]
    [TestCase("E-Mail (Pflichtfeld)", true)]
    [TestCase("Site web (facultatif)", true)]
    [TestCase("Name *", true)]
    [TestCase("Apple Unveils the iPhone 5 (Video)", false)]
    [TestCase("Obama Wins Second Term (Updated)", false)]
    [TestCase("La réforme des retraites adoptée (vidéo)", false)]
    [TestCase("Die Bahn erhöht die Preise (mit Grafik)", false)]
    [TestCase("The Best Of **2012**", false)]
    public void Tells_a_form_field_label_from_a_headline(string line, bool label) =>
        Assert.That(TitleFilter.IsFormLabel(line), Is.EqualTo(label));
}

public class ContextFilterTests
{
    private const string Footer = "Contact | Jobs | Advertise | Privacy Policy | Terms of Use | Site Map | RSS Feeds | Newsletters | Store";

    [Test]
    public void Keeps_short_lines_between_paragraphs_and_drops_short_lines_among_boilerplate()
    {
        var result = Run(new ContextFilter(),
            "Login", "Popular", "Obama wins second term in office",
            Prose, "What the critics say", Prose,
            "Contact", "Jobs");
        AssertRemoved(result, "Obama wins second term in office", "context");
        AssertRemoved(result, "Jobs", "context");
        AssertKept(result, "What the critics say");
        AssertKept(result, Prose);
    }

    [Test]
    public void Keeps_a_paragraph_that_starts_with_a_date()
    {
        var line = "March 3, 2012 - The company said on Monday that it would cut 300 jobs at its plant in Ohio, where it has made engines for forty years.";
        var result = Run(new ContextFilter(), Prose, line, Prose);
        AssertKept(result, line);
    }

    [TestCase("PLYMOUTH, Mich. - Matt Mahalak made 36 saves to lead the home side to a 4-1 win over the visitors on Tuesday.",
        "The game was held in the afternoon as many schools in the area were closed for the election.",
        "Stefan Noesen scored a pair of goals for the Whalers, including the first and the last goal of the game.",
        "After he opened the scoring in the first period, the visitors answered just 16 seconds later on the ensuing shift.",
        Prose + " " + Prose)]
    [TestCase("MADRID. - El equipo local ganó por dos a uno en un partido que se jugó bajo una lluvia intensa.",
        "El entrenador dijo después del partido que sus jugadores habían hecho todo lo que se les pidió.",
        "Los visitantes marcaron primero, pero no supieron mantener la ventaja durante toda la segunda parte.",
        "El próximo partido se jugará el domingo por la tarde en el estadio de la capital, con todas las entradas ya agotadas.",
        "Somos un periódico independiente que cuenta lo que pasa en la ciudad y en la región desde hace más de cien años, y lo hacemos gracias a nuestros lectores y suscriptores, que cada mañana nos leen en papel y en la red.")]
    [TestCase("LYON. - L'équipe locale a gagné deux à un dans un match joué sous une pluie battante samedi soir.",
        "L'entraîneur a dit après le match que ses joueurs avaient fait tout ce qu'il leur avait demandé.",
        "Les visiteurs ont marqué les premiers, mais ils n'ont pas su garder leur avance pendant la seconde mi-temps.",
        "Le prochain match se jouera dimanche après-midi dans le stade de la ville, et toutes les places sont déjà vendues.",
        "Nous sommes un journal indépendant qui raconte ce qui se passe dans la ville et dans la région depuis plus de cent ans, et nous le faisons grâce à nos lecteurs et à nos abonnés, qui nous lisent chaque matin sur papier et en ligne.")]
    public void A_run_of_short_paragraphs_among_boilerplate_is_an_article(string a, string b, string c, string d, string about)
    {
        var result = Run(new ContextFilter(), "Home", "Scores", "Teams", a, b, c, d, Footer, "About us", about);
        foreach (var line in new[] { a, b, c, d })
        {
            AssertKept(result, line);
        }

        AssertRemoved(result, "Scores", "context");
    }

    [TestCase("Also note the tiny, tiny helicopter in the corner.", "Thanks to my sister for the photo!", "That is all.")]
    [TestCase("Man beachte auch den winzigen Hubschrauber.", "Danke an meine Schwester für das Foto!", "Das ist alles.")]
    [TestCase("Notez aussi le tout petit hélicoptère.", "Merci à ma sœur pour la photo !", "C'est tout pour aujourd'hui.")]
    public void Short_sentences_that_close_the_article_before_boilerplate_are_kept(string a, string b, string c)
    {
        var result = Run(new ContextFilter(), "Home", "News", Prose + " " + Prose, a, b, c, Footer, "About us");
        AssertKept(result, a);
        AssertKept(result, b);
        AssertKept(result, c);
        AssertRemoved(result, "News", "context");
    }

    [TestCase("Like It. Tweet It. Digg It.", "More from the site", "The mayor opens the new bridge today.")]
    [TestCase("Gefällt Mir. Teilen. Twittern.", "Mehr aus dem Ressort", "Der Bürgermeister eröffnet heute die neue Brücke.")]
    public void Short_lines_after_the_article_that_are_no_sentences_end_it(string buttons, string heading, string teaser)
    {
        var result = Run(new ContextFilter(), "Home", "News", Prose + " " + Prose, buttons, heading, teaser, Footer, "About us");
        AssertRemoved(result, buttons, "context");
        AssertRemoved(result, heading, "context");
        AssertRemoved(result, teaser, "context");
    }

    [TestCase("How to Spot an Instagram Junkie", "by Jennifer Dancy on May 3, 2012")]
    [TestCase("Die Rückkehr der Dampflok", "von Erika Muster am 3. Mai 2012")]
    [TestCase("Le retour de la locomotive à vapeur", "Par Jean Dupont — 24 novembre 2017 à 18:42")]
    public void A_headline_over_a_dated_byline_is_kept_when_the_post_has_no_prose(string headline, string byline)
    {
        var result = Run(new ContextFilter(), "Home", "News", "Videos", headline, byline, "Share this", "Tweet", Footer, "About us", Prose + " " + Prose);
        AssertKept(result, headline);
        AssertKept(result, byline);
        AssertRemoved(result, "Videos", "context");
        AssertRemoved(result, "Share this", "context");
    }

    [TestCase("Hacker Monthly #1 is here", "By Lim Cheng Soon, 01 June 2010",
        "We've finally released Hacker Monthly #1 (along with a newly revamped website).")]
    [TestCase("Hacker Monatlich Nr. 1 erschienen", "Von Lim Cheng Soon, 1. Juni 2010",
        "Endlich veröffentlicht: Hacker Monatlich Nr. 1, gedruckt, samt neu gestalteter Webseite.")]
    public void The_first_sentence_under_a_dated_byline_opens_the_post(string headline, string byline, string sentence)
    {
        // A terse sentence (few stopwords) under the post's head, with a sidebar blurb as the page's only other prose.
        var result = Run(new ContextFilter(), headline, byline, sentence, "RSS Feed", "About Us", Footer, "About us", Prose + " " + Prose);
        AssertKept(result, headline);
        AssertKept(result, byline);
        AssertKept(result, sentence);
        AssertRemoved(result, "RSS Feed", "context");
    }

    [TestCase("Reader", "by Jennifer Dancy on May 3, 2012")]
    [TestCase("Lesegerät", "von Erika Muster am 3. Mai 2012")]
    public void A_dated_byline_is_kept_when_another_filter_took_its_headline(string headline, string byline)
    {
        var cleaner = TextCleaner.CreateBuilder().Clear()
            .RemoveLines(b => b.Text == headline, "menu", "a menu item")
            .Add(new ContextFilter())
            .Build();
        var result = cleaner.Clean(string.Join("\n", "Home", "News", headline, byline, "Share this", "Tweet", Footer, "About us"));
        AssertKept(result, byline);
        AssertRemoved(result, headline, "menu");
        AssertRemoved(result, "Share this", "context");

        // When the post has prose after it, the byline is no stand-in for it: the context judges it as usual.
        result = cleaner.Clean(string.Join("\n", "Home", "News", headline, byline, "Share this", "Tweet", Footer, "About us", Prose + " " + Prose));
        AssertRemoved(result, byline, "context");
    }

    [TestCase("Friday, October 19, 2012", "Posted by John Smith at 3:00 AM",
        "I was walking in the orchard at dawn this morning and found a giant puffball mushroom by the old fence.",
        "As a doctor I usually get calls about people who eat mushrooms, but with this one I worry about the reverse!",
        "Every day I write here about life on the farm, the animals and the orchard, the work that it takes and all the people who help me with it, from the neighbours to the vet who comes by each week to look at the goats.")]
    [TestCase("Freitag, 19. Oktober 2012", "Eingestellt von Erika Muster um 08:18",
        "Heute früh bin ich durch den Obstgarten gegangen und habe am alten Zaun einen riesigen Bovist gefunden.",
        "Als Ärztin werde ich oft gerufen, wenn jemand Pilze gegessen hat, aber bei diesem hier sorge ich mich um das Gegenteil!",
        "Jeden Tag schreibe ich hier über das Leben auf dem Hof, über die Tiere und den Obstgarten, über die Arbeit, die das alles macht, und über die Leute, die mir dabei helfen, von den Nachbarn bis zur Tierärztin.")]
    public void Paragraphs_between_a_post_date_and_its_byline_are_the_post(string date, string byline, string a, string b, string about)
    {
        const string Menu = "Home | Archive | Photos | Videos | Recipes | Garden | Goats | Bees | Links | Contact";
        var cleaner = TextCleaner.CreateBuilder().Clear().Add(new DateFilter()).Add(new ContextFilter()).Build();
        var result = cleaner.Clean(string.Join("\n", "Farm Diary", about, Menu, date, a, b, byline, Menu + " | Top", "4 comments:", "Anonymous said...", Footer));
        AssertKept(result, a);
        AssertKept(result, b);
        AssertRemoved(result, Menu, "context");

        // Without the byline under them, the same paragraphs among boilerplate go.
        result = cleaner.Clean(string.Join("\n", "Farm Diary", about, Menu, date, a, b, Menu + " | Top", "4 comments:", "Anonymous said...", Footer));
        AssertRemoved(result, a, "context");
    }

    [TestCase("Apple Shoppers Set To Receive New Tablets By Friday, November 16", "Ten Gadgets For The Kitchen Reviewed By Our Team In 2012")]
    [TestCase("Neue Tablets Kommen Bis Freitag, 16. November", "Zehn Küchengeräte Im Test Von Unserer Redaktion 2012")]
    public void Headlines_in_title_case_with_by_and_a_date_are_no_byline(string first, string second)
    {
        var result = Run(new ContextFilter(), "Home", "Popular", first, second, "Videos", Footer, "About us", Prose + " " + Prose);
        AssertRemoved(result, first, "context");
        AssertRemoved(result, second, "context");
    }

    [TestCase("More from the blog", "by Jennifer Dancy on May 3, 2012")]
    [TestCase("Mehr aus dem Blog", "von Erika Muster am 3. Mai 2012")]
    public void A_headline_over_a_byline_below_the_article_is_not_rescued(string headline, string byline)
    {
        var result = Run(new ContextFilter(), "Home", Prose + " " + Prose, Footer, headline, byline, "About us");
        AssertRemoved(result, headline, "context");
        AssertRemoved(result, byline, "context");
    }

    [TestCase("Handmade ceramic mugs, glazed teapots and linen napkins from small Portuguese workshops fill two long shelves near the window.",
        "Expect bold colours, rough textures, fair prices and friendly staff happy to wrap gifts while customers browse.",
        "The shop opened last spring in a former bakery, and its owner says that most of what she sells was made by people she has met in person over the years.",
        "Free shipping, easy returns, secure payment, gift cards, loyalty points and weekly deals on thousands of products.",
        "Published on March 3, 2012 in Shops, Gifts. Tags: ceramics, teapots, linen, Portugal, gifts, design.")]
    [TestCase("Handgemachte Keramikbecher, glasierte Teekannen und Leinenservietten aus kleinen portugiesischen Werkstätten füllen zwei lange Regale.",
        "Erwartet werden kräftige Farben, raue Oberflächen, faire Preise und freundliche Verkäuferinnen, gern beim Verpacken von Geschenken.",
        "Der Laden wurde im letzten Frühjahr in einer alten Bäckerei eröffnet, und die Besitzerin sagt, dass sie die meisten Leute, deren Waren sie verkauft, selbst kennt.",
        "Kostenloser Versand, einfache Rücksendung, sichere Zahlung, Gutscheine, Treuepunkte und wöchentliche Angebote für tausende Produkte.",
        "Veröffentlicht am 3. März 2012 in Läden, Geschenke. Stichworte: Keramik, Teekannen, Leinen, Portugal, Geschenke.")]
    public void Dense_sentences_next_to_the_article_are_judged_by_it(string a, string b, string article, string stray, string meta)
    {
        // Written densely (few stopwords), the first two are still sentences: beside the article they stay.
        var result = Run(new ContextFilter(), "Home", "Shop", a, b, article, meta, Footer, "About us", stray, "Contact");
        AssertKept(result, a);
        AssertKept(result, b);
        AssertKept(result, article);
        AssertRemoved(result, "Shop", "context");

        // Among boilerplate, a dense sentence goes; a dated line of post data is no sentence of the article.
        AssertRemoved(result, stray, "context");
        AssertRemoved(result, meta, "context");
    }

    [TestCase("The update is out for phones sold in Europe and fixes most of the problems that owners have reported since the spring, so it is worth installing soon.",
        "Here is the full list of changes:", "- Radio v1.16", "- Faster Wi-Fi", "GENERAL FIXES", "- Calls no longer hang", "2. Keyboard maps", "More from the blog")]
    [TestCase("Das Update ist für in Europa verkaufte Telefone erschienen und behebt die meisten Probleme, die Besitzer seit dem Frühjahr gemeldet haben, daher lohnt es sich.",
        "Hier ist die vollständige Liste der Änderungen:", "• Radio v1.16", "• Schnelleres WLAN", "Allgemein:", "• Anrufe hängen nicht mehr", "2) Tastaturbelegung", "Mehr aus dem Blog")]
    public void A_list_the_article_opens_with_a_colon_continues_it(string article, string opener, string a, string b, string heading, string c, string d, string after)
    {
        var result = Run(new ContextFilter(), "Home", "News", article, opener, a, b, heading, c, d, after, Footer, "About us", "- Home", "- Archive", "- Contact us");
        foreach (var line in new[] { opener, a, b, heading, c, d })
        {
            AssertKept(result, line);
        }

        // A line that is no item ends the list; bulleted lines that no article line opens are menus.
        AssertRemoved(result, after, "context");
        AssertRemoved(result, "- Archive", "context");
    }

    [TestCase("The old mill by the river was turned into a small museum, and on Sunday it opened its doors to the public for the first time.",
        "Hello stranger, it is nice that you came by and read a few of the posts on this little blog of mine",
        "also like my Facebook page",
        "or send me a letter with your own stories about the places in the town that you love the most, as many readers do")]
    [TestCase("Die alte Mühle am Fluss wurde zu einem kleinen Museum umgebaut, und am Sonntag hat sie zum ersten Mal ihre Türen für alle geöffnet.",
        "Hallo, schön dass du hier bist und ein paar der Beiträge in diesem kleinen Blog gelesen hast, in dem ich schreibe",
        "bitte teile diesen Artikel",
        "oder schreib mir einen Brief mit deinen eigenen Geschichten über die Orte in der Stadt, die du am meisten liebst")]
    public void A_wrapped_paragraph_that_a_share_prompt_cuts_does_not_outweigh_the_article(string article, string a, string prompt, string b)
    {
        // The sidebar's lines run on in lower case, so they are read as one long paragraph; the share
        // prompt inside it is removed, and the rest is judged line by line, not as a long paragraph.
        var cleaner = TextCleaner.CreateBuilder().Clear().Add(new SocialFilter()).Add(new ContextFilter()).Build();
        var result = cleaner.Clean(string.Join("\n", "Home", "Posts", article, "Comments (0)", "Leave a comment", Footer, "About me", a, prompt, b, "Archives"));
        AssertKept(result, article);
        AssertRemoved(result, prompt, "social");
        AssertRemoved(result, "Leave a comment", "context");
    }

    [TestCase("Tech Shopping 2 Must-Have Apps For Book Lovers Who Read Every Night!", "Editor's Pick 3 School-Ready Apps For The Science Wiz In Your Family!", "Geek Gear 6 Cool Manicures For The Ultimate Nerd Who Has Everything!")]
    [TestCase("Sport 2 Die Besten Torhüter Der Saison Im Großen Vergleich Der Liga!", "Politik 3 Was Der Neue Haushalt Für Familien Und Rentner Bedeutet!", "Kultur 4 Zehn Bücher Für Den Sommer Am Strand Und Im Garten!")]
    public void A_run_of_headlines_among_boilerplate_is_not_an_article(string a, string b, string c)
    {
        var result = Run(new ContextFilter(), "Home", "Popular", a, b, c, Footer, "About us", Prose + " " + Prose);
        AssertRemoved(result, a, "context");
        AssertRemoved(result, c, "context");
    }
}

public class CommentFilterTests
{
    private static readonly string[] Article =
    [
        "Council Approves New Budget For Schools",
        "The council approved the new budget for schools on Tuesday, after a long debate about teachers' pay and buildings.",
        Prose,
        "Members said the vote was the closest in a decade, and that the next budget would be harder still to agree on.",
    ];

    [Test]
    public void Removes_everything_from_a_comment_section_marker_after_the_article()
    {
        var result = Run(new CommentFilter(), [.. Article, "12 Comments", "Great article, I agree with every word of it and so does my wife.", "Jane"]);
        AssertRemoved(result, "12 Comments", "comments");
        AssertRemoved(result, "Great article, I agree with every word of it and so does my wife.", "comments");
        AssertKept(result, Prose);
    }

    [TestCase("Deixe um comentário")]
    [TestCase("Lascia un commento")]
    [TestCase("Reacties")]
    [TestCase("Komentarze")]
    [TestCase("Kommentarer")]
    [TestCase("Komentáře")]
    [TestCase("Комментарии")]
    [TestCase("Yorumlar")]
    [TestCase("Comments (12)")]
    [TestCase("Kommentare [3]")]
    [TestCase("Customer reviews")]
    [TestCase("Kundenbewertungen (5)")]
    [TestCase("Avis clients")]
    [TestCase("Отзывы покупателей")]
    public void A_comment_heading_in_another_language_opens_the_section(string heading)
    {
        var result = Run(new CommentFilter(), [.. Article, heading, "Great article, I agree with every word of it and so does my wife.", "Jane"]);
        AssertRemoved(result, heading, "comments");
        AssertRemoved(result, "Great article, I agree with every word of it and so does my wife.", "comments");
        AssertKept(result, Article[3]);
    }

    [Test]
    public void Finds_a_comment_section_by_its_headers()
    {
        var result = Run(new CommentFilter(),
        [
            .. Article,
            "Jane Doe November 1, 2012 at 8:29 am", "I agree with the council and I hope they stick to the plan this time.",
            "Bob November 1, 2012 at 9:02 am", "Nonsense, the budget is far too small for what the schools need.",
            "Ann Lee November 2, 2012 at 10:15 pm", "Who pays for all this in the end? We do, as always.",
        ]);
        AssertRemoved(result, "Jane Doe November 1, 2012 at 8:29 am", "comments");
        AssertRemoved(result, "Who pays for all this in the end? We do, as always.", "comments");
        AssertKept(result, Article[3]);
    }

    [Test]
    public void A_comments_link_above_the_article_cuts_nothing()
    {
        var result = Run(new CommentFilter(), ["Teaser text for another story that runs to a sentence of some length here.", "Comments", .. Article, "The end of the article is here, with a last sentence about the budget."]);
        AssertKept(result, Prose);
        AssertKept(result, "The end of the article is here, with a last sentence about the budget.");
    }

    [Test]
    public void A_count_of_comments_opens_the_section_after_a_short_article_when_headers_follow()
    {
        var result = Run(new CommentFilter(),
        [
            "Forgiving your enemies",
            "The abbot asked his pupil how his spiritual progress was coming along, and the pupil answered well.",
            "{ 69 comments… read them below or add one }",
            "Jane Doe July 22, 2012 at 2:25 pm", "I forgive him, but I wonder if I forgive too well and may forget.",
            "Bob Lee July 23, 2012 at 9:02 am", "Beautiful story, thank you for sharing it with all of us today.",
        ]);
        AssertRemoved(result, "{ 69 comments… read them below or add one }", "comments");
        AssertRemoved(result, "Beautiful story, thank you for sharing it with all of us today.", "comments");
        AssertKept(result, "The abbot asked his pupil how his spiritual progress was coming along, and the pupil answered well.");
    }

    [TestCase("Conversation with my readers, 29 June", "by Jane Doe on June 29, 2012", "{ 43 comments… read them below or add one }",
        "Maria July 7, 2012 at 2:31 pm", "Thank you for your kind words and the wisdom you share with us, it means a lot to me and my family.",
        "Peter July 7, 2012 at 3:02 pm", "I have read all of your books and I am still waiting for the next one, please write it soon for us.")]
    [TestCase("Gespräch mit meinen Lesern", "von Erika Muster am 29. Juni 2012", "43 Kommentare",
        "Maria schreibt:", "Vielen Dank für Ihre freundlichen Worte, sie bedeuten mir und meiner Familie sehr viel in dieser Zeit.",
        "Peter schreibt:", "Ich habe alle Ihre Bücher gelesen und warte schon lange auf das nächste, bitte schreiben Sie es bald.")]
    public void A_thread_under_a_post_without_prose_is_cut_when_comment_headers_follow(string title, string byline, string marker, string h1, string c1, string h2, string c2)
    {
        var result = Run(new CommentFilter(), "Home", title, byline, marker, h1, c1, h2, c2, "Ann says:", "Lovely.");
        AssertRemoved(result, marker, "comments");
        AssertRemoved(result, c1, "comments");
        AssertRemoved(result, c2, "comments");
        AssertKept(result, title);
        AssertKept(result, byline);
    }

    [TestCase("Jermaine 07 Nov 12", "Radex 07 Nov 12", "Ash Menon 08 Nov 12", "Love it. The little details matter.")]
    [TestCase("Jean Dupont 7 novembre 2012", "Marie 7 novembre 2012", "Paul Martin 8 novembre 2012", "Bravo. Les petits détails comptent.")]
    public void Finds_a_comment_section_by_names_over_bare_dates(string h1, string h2, string h3, string comment)
    {
        var result = Run(new CommentFilter(), [.. Article, h1, comment, h2, comment + " Yes.", h3, comment + " No."]);
        AssertRemoved(result, h1, "comments");
        AssertRemoved(result, comment + " No.", "comments");
        AssertKept(result, Article[3]);
    }

    private static readonly string[][] EmbeddedPostsAndRunningHeads =
    [
        [
            .. Article,
            "Why is the service always down? Again and again, every single week.", "Destiny Noel. (@destiny) October 30, 2012",
            "Internet-Draft remoteStorage December 2014", "The server answers with the document and its version in the ETag header.",
            "March 25, 2015", "The new release is version 2.8, which was unveiled on March 2 after a long wait.",
            "Internet-Draft remoteStorage December 2014", "A folder description is a map of the items it contains, each with its version.",
            "Internet-Draft remoteStorage December 2014", "Requests to a folder are answered with a list of its items and their types.",
        ],
        [
            "Stadtrat beschließt neuen Haushalt für die Schulen",
            "Der Stadtrat hat am Dienstag nach einer langen Debatte über die Gehälter der Lehrer und die Gebäude den neuen Haushalt beschlossen.",
            "Die Mitglieder sagten, die Abstimmung sei die knappste seit zehn Jahren gewesen, und der nächste Haushalt werde noch schwerer.",
            "Warum ist der Dienst schon wieder nicht erreichbar? Jede Woche das gleiche Spiel.", "Erika Muster (@erika) 30. Oktober 2012",
            "Internet-Draft Speicherdienst Dezember 2014", "Der Server antwortet mit dem Dokument und seiner Version im Kopf der Antwort.",
            "25. März 2015", "Die neue Version 2.8 wurde nach langer Wartezeit am 2. März vorgestellt und ist seitdem verfügbar.",
            "Internet-Draft Speicherdienst Dezember 2014", "Eine Ordnerbeschreibung ist eine Liste der Einträge, die er enthält, jeweils mit ihrer Version.",
            "Internet-Draft Speicherdienst Dezember 2014", "Anfragen an einen Ordner werden mit einer Liste seiner Einträge und ihrer Typen beantwortet.",
        ],
    ];

    [TestCase(0)]
    [TestCase(1)]
    public void Embedded_posts_and_running_heads_are_not_comment_headers(int language)
    {
        var result = Run(new CommentFilter(), EmbeddedPostsAndRunningHeads[language]);
        Assert.That(result.Blocks.Where(b => b.IsRemoved), Is.Empty);
    }

    [TestCase("Comments")]
    [TestCase("Kommentare")]
    public void A_comments_tab_above_an_article_cuts_nothing_without_comment_headers(string marker)
    {
        var result = Run(new CommentFilter(), ["Home", marker, .. Article, "Jane Doe November 1, 2012 at 8:29 am"]);
        AssertKept(result, Article[1]);
        AssertKept(result, Prose);
    }

    [Test]
    public void A_numbered_heading_or_a_headline_with_a_count_is_not_a_comment_marker()
    {
        string[] lines = [.. Article, "5. Response codes", Prose + " Again.", "23 réactions que toute personne ayant travaillé dans un centre d'appels reconnaîtra", Prose + " Last."];
        var result = Run(new CommentFilter(), lines);
        AssertKept(result, Prose + " Again.");
        AssertKept(result, Prose + " Last.");
    }

    [Test]
    public void A_video_player_timer_is_not_a_comment_header()
    {
        var result = Run(new CommentFilter(), [.. Article, "Current Time 0:00", "Duration Time 0:00", "Remaining Time -0:00", Prose + " More."]);
        AssertKept(result, Prose + " More.");
    }
}

public class WrappedLineTests
{
    [Test]
    public void Lines_of_a_hard_wrapped_paragraph_are_judged_together()
    {
        string[] lines =
        [
            "Home", "News", "Contact",
            "This draft describes a protocol by which client-side applications,",
            "running inside a web browser, can communicate with a data storage",
            "server that is hosted on a different domain name. This way, the",
            "provider of a given application need not also be the provider of",
            "the data storage, and the user keeps control over where it lives.",
            "About", "Jobs",
        ];
        var result = TextCleaner.Default.Clean(string.Join("\n", lines));
        Assert.That(result.Blocks[4].ParagraphFeatures.WordCount, Is.GreaterThan(40));
        Assert.That(result.Text, Does.StartWith("This draft describes").And.EndWith("where it lives."));
        Assert.That(result.Text, Does.Not.Contain("Jobs"));
    }
}
