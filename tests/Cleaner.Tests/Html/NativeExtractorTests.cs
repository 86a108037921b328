using System.Diagnostics;
using System.Text;
using Cleaner.Html;

namespace Cleaner.Tests.Html;

/// <summary>
/// Cleaner's own extractor on small hand-written pages: each scoring rule (lines that must be in
/// and out, with their reasons), each sign that makes <see cref="ContentExtractor.Auto"/> consult
/// SmartReader, a page SmartReader is not run on, and determinism.
/// </summary>
public class NativeExtractorTests
{
    private static readonly TextCleaner Native = TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.Native }).Build();
    private static readonly TextCleaner Reader = TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.SmartReader }).Build();

    private static string Para(int i, string topic = "library") =>
        $"Paragraph {i} tells how the council, after a long debate about the {topic} that lasted well into the night, decided that the plan would go ahead, and how the residents reacted to the news.";

    private static string Page(string body, string title = "The council approves the plan") =>
        $"<!DOCTYPE html><html lang=\"en\"><head><title>{title}</title></head><body>{body}</body></html>";

    private static string Menu() =>
        "<div class=\"top\"><ul><li><a href=\"/a\">News</a></li><li><a href=\"/b\">Sport</a></li><li><a href=\"/c\">Culture</a></li><li><a href=\"/d\">Weather today</a></li></ul></div>";

    private static Block BlockOf(CleanResult result, string start) => result.Blocks.First(b => b.Text.StartsWith(start, StringComparison.Ordinal));

    [Test]
    public void The_container_that_holds_the_prose_is_the_article_and_the_rest_is_outside_with_its_score()
    {
        var body = Menu() + "<div class=\"wrap\"><div class=\"x\">" + string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>{Para(i)}</p>")) + "</div>"
            + "<div class=\"y\"><p>Opening hours: Monday to Friday</p><p>Call the desk for a tour</p></div></div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.Native));
        for (int i = 1; i <= 4; i++)
        {
            Assert.That(result.Text, Does.Contain(Para(i)));
        }

        var outside = BlockOf(result, "Opening hours");
        Assert.That(outside.InMainContent, Is.False);
        Assert.That(outside.Filter, Is.EqualTo("main-content"));
        Assert.That(outside.Reason, Does.Match(@"^outside the article: its container div\.y scored \d+ against \d+ for the article's div\.x$"));
    }

    private const string ShortStory =
        "<div class=\"story\"><h1>Bridge reopens after repairs</h1>"
        + "<p>After three months of repairs the river bridge has been open in both directions since Monday morning. The work was finished two weeks earlier than planned.</p>"
        + "<p>The city expects traffic in the centre to ease noticeably over the coming days.</p></div>";

    private static readonly string[] Excerpts =
    [
        "After years of delays swimmers can use the new indoor pool from Saturday, and the prices of the tickets stay as they were.",
        "By 2030 the city wants a hundred kilometres of new cycle lanes, and the state will pay for part of the cost of building them.",
        "The big carnival evenings of the coming season are almost sold out already, the organisers said on Tuesday in a statement.",
    ];

    private static string Teasers() =>
        "<div class=\"more\"><h2>More news from the city</h2>"
        + string.Concat(Excerpts.Select((e, i) => $"<div class=\"item\"><h3><a href=\"/s{i}\">Headline of another story number {i}</a></h3><p>{e}</p></div>"))
        + "</div>";

    [Test]
    public void The_excerpts_of_a_list_of_teasers_beside_a_short_story_are_not_part_of_it_nor_prose_it_missed()
    {
        var html = Page("<div class=\"main\">" + ShortStory + Teasers() + "</div>", "Bridge reopens after repairs");
        var native = Native.CleanHtml(html);
        Assert.That(native.Text, Does.Contain("The city expects traffic"));
        foreach (var excerpt in Excerpts)
        {
            Assert.That(BlockOf(native, excerpt[..30]).InMainContent, Is.False, excerpt);
        }

        // Nor do they make the short story look weak: SmartReader, asked, takes the whole column.
        var auto = TextCleaner.Default.CleanHtml(html);
        Assert.That(auto.ExtractedBy, Is.EqualTo(ContentExtractor.Native));
        Assert.That(auto.Text, Does.Contain("The city expects traffic").And.Not.Contain("swimmers"));
    }

    [Test]
    public void A_column_of_teasers_scores_nothing_against_a_one_paragraph_post()
    {
        var body = "<div class=\"page\"><div class=\"episode\"><h1>Episode 42: The history of the bicycle</h1>"
            + "<p>This week we talk to the historian Anna Weber about how the bicycle changed the lives of women in the nineteenth century.</p></div>"
            + Teasers() + "</div>";
        var result = Native.CleanHtml(Page(body, "Episode 42: The history of the bicycle"));
        Assert.That(result.Text, Does.Contain("This week we talk"));
        Assert.That(result.Text, Does.Not.Contain("swimmers"));
        Assert.That(result.ArticleContainer, Is.EqualTo("div.episode"));
    }

    [Test]
    public void A_round_up_of_links_with_a_line_on_each_under_its_introduction_stays_the_article()
    {
        var items = string.Concat(Excerpts.Select((e, i) => $"<h3><a href=\"https://example.org/{i}\">Tool number {i}</a></h3><p>{e}</p>"));
        var body = "<div class=\"wrap\"><div class=\"post\"><h1>The council approves the plan</h1><p>" + Para(1) + "</p>" + items + "</div>"
            + "<div class=\"box\"><p>" + Para(5, "museum") + "</p><p>" + Para(6, "museum") + "</p></div></div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.ArticleContainer, Is.EqualTo("div.post"));
        foreach (var excerpt in Excerpts)
        {
            Assert.That(result.Text, Does.Contain(excerpt));
        }
    }

    [Test]
    public void Link_lines_with_a_paragraph_under_them_but_not_in_a_row_make_no_teaser_excerpts()
    {
        // A link line and a paragraph under it, twice but not one pair right after the other: notes
        // beside the article, which join it as before; teasers come in a row.
        var body = "<div class=\"main\"><div class=\"article-body\">" + string.Concat(Enumerable.Range(1, 3).Select(i => $"<p>{Para(i)}</p>")) + "</div>"
            + "<div class=\"note\"><p><a href=\"/x\">Visit the library online</a></p><p>" + Para(8, "museum") + "</p><h4>Sources</h4></div>"
            + "<div class=\"note\"><p><a href=\"/y\">Visit the museum online</a></p><p>" + Para(9, "museum") + "</p></div></div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Text, Does.Contain(Para(8, "museum")).And.Contain(Para(9, "museum")));
    }

    [Test]
    public void The_headings_of_an_faq_after_the_body_join_it_with_its_answers()
    {
        var body = "<main><article class=\"article\"><h1>The council approves the plan</h1>"
            + string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>{Para(i)}</p>")) + "</article>"
            + "<section class=\"faq\"><h2>Frequently asked questions</h2>"
            + "<h3>When will the work on the new library start?</h3><p>The work starts in the spring, once the contracts have been signed and the site has been cleared by the city's own teams.</p>"
            + "<h3>Who pays for it?</h3><p>The city pays for most of it, and the rest comes from a grant that the state gave to the council last year for public buildings.</p>"
            + "</section></main>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Text, Does.Contain("The work starts in the spring"));
        Assert.That(BlockOf(result, "Frequently asked questions").InMainContent, Is.True);
        Assert.That(BlockOf(result, "When will the work").InMainContent, Is.True);
        Assert.That(BlockOf(result, "Who pays for it?").InMainContent, Is.True);
    }

    [Test]
    public void A_live_blog_whose_entries_are_classed_comments_is_the_article()
    {
        var entries = string.Concat(Enumerable.Range(1, 4).Select(i =>
            $"<div class=\"ticker-comment\"><span class=\"time\">14:0{i}</span><p>{Para(i, "budget")}</p></div>"));
        var body = Menu() + "<div class=\"content\"><h1>The council votes on the budget: live</h1><div class=\"live-ticker\">" + entries + "</div></div>"
            + "<div class=\"comments\"><h3>Reader comments</h3><p>Great coverage, thank you all for this, I have been following it since the morning.</p></div>";
        var result = TextCleaner.Default.CleanHtml(Page(body, "The council votes on the budget: live"));
        for (int i = 1; i <= 4; i++)
        {
            Assert.That(result.Text, Does.Contain(Para(i, "budget")));
        }

        Assert.That(result.Text, Does.Not.Contain("Great coverage"));
    }

    [Test]
    public void A_data_table_that_is_the_article_keeps_its_head_and_caption_with_its_rows()
    {
        var rows = string.Concat(Enumerable.Range(1, 8).Select(i => $"<tr><td>Film {i}</td><td>{1950 + i}</td><td>{Para(i, "film")}</td></tr>"));
        var body = Menu() + "<div class=\"page\"><h1>Films about the council</h1><p>A short list of the films.</p>"
            + $"<table class=\"wikitable\"><caption>Films by year of release</caption><thead><tr><th>Film</th><th>Year</th><th>Description</th></tr></thead><tbody>{rows}</tbody></table></div>"
            + "<div class=\"side\"><p>Opening hours: Monday to Friday</p></div>";
        var result = Native.CleanHtml(Page(body, "Films about the council"));
        Assert.That(result.Text, Does.Contain(Para(8, "film")));
        Assert.That(BlockOf(result, "Film | Year | Description").InMainContent, Is.True, "the column names of the table");
        Assert.That(BlockOf(result, "Films by year of release").InMainContent, Is.True, "the table's caption");
        Assert.That(BlockOf(result, "Opening hours").InMainContent, Is.False);
        Assert.That(BlockOf(result, "Opening hours").Reason, Does.Contain("for the article's table.wikitable"));
    }

    private static string ShopPage(string reviewsHeading) =>
        "<nav class=\"main-nav\"><ul><li><a href=\"/\">Start</a></li><li><a href=\"/r\">Rucksäcke</a></li><li><a href=\"/z\">Zelte</a></li></ul></nav>"
        + "<div class=\"product-page\"><div class=\"product-main\"><h1>Wanderrucksack Alpin 30</h1><div class=\"price\">89,90 €</div>"
        + "<div class=\"product-description\"><h2>Beschreibung</h2>"
        + "<p>Der Alpin 30 ist ein leichter Rucksack für Tagestouren im Mittelgebirge und in den Alpen. Das belüftete Rückensystem hält den Rücken auch bei warmem Wetter trocken.</p>"
        + "<p>Im Hauptfach ist Platz für Jacke, Proviant und eine Trinkblase mit bis zu drei Litern. Die Regenhülle steckt in einem eigenen Fach am Boden.</p>"
        + "<h2>Technische Daten</h2><table><tr><th>Volumen</th><td>30 Liter</td></tr><tr><th>Gewicht</th><td>1,1 kg</td></tr><tr><th>Material</th><td>Polyamid, recycelt</td></tr></table></div></div>"
        + $"<div class=\"product-reviews\"><h2>{reviewsHeading}</h2>"
        + string.Concat(new[] { "Sabine K.", "Thomas M.", "Anna L.", "Peter R.", "Julia S." }.Select((name, i) =>
            $"<div class=\"item\"><p class=\"meta\">{name} – {i + 2}. März 2024 – 5 von 5 Sternen</p><p>Ich habe den Rucksack auf einer Woche im Allgäu getragen und war sehr zufrieden. Er sitzt gut, auch wenn er voll beladen ist, und nichts drückt an den Schultern, schreibt Kunde {i}.</p></div>"))
        + "</div></div>";

    [Test]
    public void A_section_that_a_comments_or_reviews_heading_opens_neither_wins_nor_joins_the_article()
    {
        var result = Native.CleanHtml(Page(ShopPage("Kundenbewertungen (5)"), "Wanderrucksack Alpin 30 – Outdoor Shop Berger"));
        Assert.That(result.Text, Does.Contain("Das belüftete Rückensystem").And.Contain("Regenhülle steckt").And.Contain("Volumen | 30 Liter").And.Contain("Material | Polyamid, recycelt"));
        Assert.That(result.Text, Does.Not.Contain("Allgäu").And.Not.Contain("Kundenbewertungen"));
        Assert.That(BlockOf(result, "Sabine K.").Reason, Is.EqualTo("comments: its element div.product-reviews opens with the heading \"Kundenbewertungen (5)\""));

        var english = Native.CleanHtml(Page(ShopPage("Customer reviews"), "Wanderrucksack Alpin 30 – Outdoor Shop Berger"));
        Assert.That(english.Text, Does.Contain("Das belüftete Rückensystem").And.Not.Contain("Allgäu"));

        // A heading that opens nothing: the reviews are the longest prose, and win.
        var unmarked = Native.CleanHtml(Page(ShopPage("Was andere sagen"), "Wanderrucksack Alpin 30 – Outdoor Shop Berger"));
        Assert.That(unmarked.Text, Does.Contain("Allgäu"));
    }

    [Test]
    public void A_box_that_a_related_heading_opens_is_left_out_beside_and_inside_the_article_but_not_the_wrapper_it_heads()
    {
        string Box(string cls) => $"<div class=\"{cls}\"><h3>Related articles</h3>"
            + string.Concat(Enumerable.Range(1, 3).Select(i => $"<p>Story {i}: the mayor of a town upstream explained at length why the council there, after a long debate, chose another plan for its own bridge and its roads.</p>"))
            + "</div>";
        var beside = Native.CleanHtml(Page(Menu() + "<div class=\"wrap\">" + ShortStory + Box("box") + "</div>", "Bridge reopens after repairs"));
        Assert.That(beside.Text, Does.Contain("open in both directions").And.Not.Contain("Story 1"));
        Assert.That(BlockOf(beside, "Story 2").Reason, Is.EqualTo("other stories: its element div.box opens with the heading \"Related articles\""));

        var inside = Native.CleanHtml(Page(Menu() + "<div class=\"story\"><h1>Bridge reopens after repairs</h1>"
            + string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>{Para(i, "bridge")}</p>")) + Box("box") + "</div>", "Bridge reopens after repairs"));
        Assert.That(inside.Text, Does.Contain(Para(4, "bridge")).And.Not.Contain("Story 1"));

        // A wrapper whose first block is the heading of a box inside it: the box is the section, not the wrapper.
        var wrapper = Native.CleanHtml(Page(Menu() + "<div class=\"wrap\">" + Box("box") + "<div class=\"text\">"
            + string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>{Para(i, "bridge")}</p>")) + "</div></div>", "The council approves the plan"));
        Assert.That(wrapper.Text, Does.Contain(Para(1, "bridge")).And.Contain(Para(4, "bridge")).And.Not.Contain("Story 3"));
    }

    [TestCase("Über den Autor", "Newsletter")]
    [TestCase("About the author", "Subscribe")]
    [TestCase("À propos de l'auteur", "Newsletter")]
    public void An_author_box_and_a_newsletter_box_beside_a_two_paragraph_story_neither_win_nor_join_it(string bioHeading, string formHeading)
    {
        var body = Menu() + "<div class=\"col\"><h1>Bridge reopens after repairs</h1><div class=\"text\">"
            + "<p>After three months of repairs the river bridge has been open in both directions since Monday morning. The work was finished two weeks earlier than planned.</p>"
            + "<p>The city expects traffic in the centre to ease noticeably over the coming days.</p></div>"
            + $"<div class=\"box\"><h3>{bioHeading}</h3><p>Mark Weaver has covered the city for the paper since 2015. He writes mostly about traffic, planning and local politics, and rides his bicycle through the centre every day. Before that he worked for several years as a freelance reporter for newspapers across the region.</p></div>"
            + $"<div class=\"nl\"><h3>{formHeading}</h3><p>With our daily newsletter you get the most important news from the city and the region in your inbox every morning. Signing up is free and you can cancel at any time.</p><form><input type=\"email\"></form></div></div>";
        var result = Native.CleanHtml(Page(body, "Bridge reopens after repairs"));
        Assert.That(result.Text, Does.Contain("open in both directions").And.Contain("ease noticeably"));
        Assert.That(result.Text, Does.Not.Contain("Mark Weaver").And.Not.Contain("daily newsletter"));
        Assert.That(BlockOf(result, "Mark Weaver").Reason, Does.StartWith($"about the author: its element div.box opens with the heading"));
        Assert.That(BlockOf(result, "With our daily newsletter").Reason, Does.StartWith("a call to action: its element div.nl opens with the heading"));
    }

    [Test]
    public void A_consent_layer_that_a_cookie_heading_opens_does_not_beat_a_short_story()
    {
        var body = "<div class=\"layer\"><h2>Cookie-Einstellungen</h2>"
            + "<p>Wir und unsere Partner speichern Informationen auf Ihrem Gerät und greifen darauf zu, um Inhalte und Anzeigen zu personalisieren, die Nutzung der Seite zu messen und unser Angebot zu verbessern, wofür wir Ihre Einwilligung brauchen.</p>"
            + "<p>Ihre Auswahl können Sie jederzeit über den Link am Ende jeder Seite ändern und dort auch einzelne Zwecke und Partner abwählen, die Daten für ihre eigenen Zwecke verarbeiten möchten, ohne dass Ihnen daraus ein Nachteil entsteht.</p></div>"
            + Menu() + ShortStory;
        var result = Native.CleanHtml(Page(body, "Bridge reopens after repairs"));
        Assert.That(result.Text, Does.Contain("open in both directions").And.Contain("ease noticeably"));
        Assert.That(result.Text, Does.Not.Contain("Partner"));
        Assert.That(BlockOf(result, "Ihre Auswahl").Reason, Is.EqualTo("a cookie notice: its element div.layer opens with the heading \"Cookie-Einstellungen\""));
    }

    private static string DataSheetPage(string side) =>
        Menu() + "<div class=\"page\"><div class=\"main\"><h1>Datenblatt Pumpe KP 250</h1><p>Kreiselpumpe für Brauchwasser, Edelstahl.</p><table class=\"specs\">"
        + "<tr><td>Förderhöhe</td><td>max. 42 m</td></tr><tr><td>Fördermenge</td><td>max. 250 l/min</td></tr><tr><td>Leistung</td><td>1,5 kW</td></tr>"
        + "<tr><td>Spannung</td><td>230 V / 50 Hz</td></tr><tr><td>Gewicht</td><td>18 kg</td></tr><tr><td>Schutzart</td><td>IP 44</td></tr></table></div>"
        + $"<div class=\"side\">{side}</div></div>";

    [Test]
    public void A_data_sheet_under_the_headline_wins_over_a_box_of_news_that_shares_no_word_with_it()
    {
        var news = "<h3>Aktuelles</h3><p>Unser Team war im Oktober auf der Fachmesse in Nürnberg und hat dort eine neue Generation von Geräten vorgestellt, die deutlich leiser und sparsamer arbeitet.</p>"
            + "<p>Ab dem ersten Januar gelten neue Lieferzeiten für Ersatzteile, weil wir unser Lager in Fulda vergrößern und die Abläufe dort umstellen.</p>";
        var result = TextCleaner.Default.CleanHtml(Page(DataSheetPage(news), "Datenblatt Pumpe KP 250 | Müller Pumpentechnik"));
        Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.Native), "the data sheet is its own evidence: SmartReader is not asked");
        Assert.That(result.Text, Does.Contain("Förderhöhe | max. 42 m").And.Contain("Schutzart | IP 44").And.Not.Contain("Fachmesse"));
        Assert.That(BlockOf(result, "Ab dem ersten Januar").Reason, Does.EndWith("for the article's div.main (the headline's section: a data sheet)"));

        // A description that names the product is the product's text, and stays the article.
        var description = "<h3>Beschreibung</h3><p>Die Pumpe KP 250 fördert Brauchwasser aus Brunnen und Zisternen und eignet sich für Garten, Haus und Werkstatt.</p>"
            + "<p>Das Gehäuse der Pumpe ist aus Edelstahl, die Welle läuft in wartungsfreien Lagern, und der Motor schaltet bei Überhitzung ab.</p>";
        var own = Native.CleanHtml(Page(DataSheetPage(description), "Datenblatt Pumpe KP 250 | Müller Pumpentechnik"));
        Assert.That(own.Text, Does.Contain("fördert Brauchwasser"));
    }

    [Test]
    public void A_container_marked_article_or_content_wins_over_an_equal_one()
    {
        var body = "<div class=\"col\"><div class=\"a\"><p>" + Para(1, "harbour") + "</p><p>" + Para(2, "harbour") + "</p></div></div>"
            + "<div class=\"col\"><div class=\"article-body\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p></div></div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(BlockOf(result, Para(1)[..20]).InMainContent, Is.False, "the same text, first on the page, in the unmarked container");
        Assert.That(result.Blocks.Where(b => b.Text.Contains("library", StringComparison.Ordinal)).All(b => b.InMainContent), Is.True);
    }

    [Test]
    public void Prose_spread_over_sections_makes_their_parent_the_article()
    {
        var body = Menu() + "<div class=\"story\">" + string.Concat(Enumerable.Range(1, 3).Select(s => $"<section><h2>Part {s}</h2><p>{Para(s * 2)}</p><p>{Para(s * 2 + 1)}</p></section>")) + "</div>";
        var result = Native.CleanHtml(Page(body));
        for (int i = 2; i <= 7; i++)
        {
            Assert.That(result.Text, Does.Contain(Para(i)));
        }

        Assert.That(result.Text, Does.Contain("Part 3"));
        Assert.That(result.Text, Does.Not.Contain("Sport"));
    }

    [Test]
    public void Several_parts_of_like_weight_make_their_common_ancestor_the_article()
    {
        var body = Menu() + "<div class=\"story\">" + string.Concat(Enumerable.Range(1, 4).Select(s => $"<section><div><p>{Para(s * 2)}</p><p>{Para(s * 2 + 1)}</p></div></section>")) + "</div>";
        var result = Native.CleanHtml(Page(body));
        for (int i = 2; i <= 9; i++)
        {
            Assert.That(result.Text, Does.Contain(Para(i)));
        }

        Assert.That(result.Document.ArticleContainer, Is.EqualTo("div.story"));
    }

    [Test]
    public void Parts_of_like_weight_far_from_the_article_do_not_make_the_page_its_root()
    {
        var boxes = string.Concat(Enumerable.Range(1, 3).Select(b => $"<div class=\"a\"><div class=\"b\"><div class=\"box\">" + string.Concat(Enumerable.Range(1, 3).Select(i => $"<p>{Para((b * 3) + i, "harbour")}</p>")) + "</div></div></div>"));
        var body = "<div class=\"page\"><div class=\"main\"><div class=\"col\"><div class=\"entry\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p><p>" + Para(3) + "</p></div></div></div>" + boxes + "</div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Text, Does.Contain(Para(3)));
        Assert.That(result.Document.ArticleContainer, Is.EqualTo("div.entry"));
    }

    [Test]
    public void Chrome_inside_the_article_is_left_out_with_its_figures()
    {
        var teasers = "<div class=\"more\"><ul>" + string.Concat(Enumerable.Range(1, 5).Select(i => $"<li><a href=\"/s{i}\">Another story about the river district, number {i}</a></li>")) + "</ul></div>";
        var body = "<div class=\"x\">" + $"<p>{Para(1)}</p><p>{Para(2)}</p>" + teasers + $"<p>{Para(3)}</p><p>{Para(4)}</p></div>";
        var result = Native.CleanHtml(Page(body));
        var teaser = BlockOf(result, "Another story about the river district, number 1");
        Assert.That(teaser.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![teaser.Index], Does.Match(@"^chrome inside the article: its element div\.more holds \d+ characters of links against 0 of other text$"));
        Assert.That(result.Text, Does.Contain(Para(4)));
    }

    [Test]
    public void An_item_that_is_a_link_in_a_list_of_text_stays_with_its_list()
    {
        var items = "<ul><li>Ann moved the toolbar's start-up later, so that the first window opens sooner</li>"
            + "<li><a href=\"/bug/1\">Ben fixed an issue with revoked permissions for the extensions panel</a></li>"
            + "<li>Cai removed an attribute from the dialogs where nothing needed it any more</li></ul>";
        var body = "<div class=\"x\">" + $"<p>{Para(1)}</p><p>{Para(2)}</p>" + items + $"<p>{Para(3)}</p></div>";
        var result = Native.CleanHtml(Page(body));
        var linked = BlockOf(result, "Ben fixed an issue");
        Assert.That(linked.InMainContent, Is.True, result.Document.MainContentReasons![linked.Index]);
        Assert.That(result.Text, Does.Contain("Ben fixed an issue with revoked permissions"));
    }

    [Test]
    public void An_excerpt_cut_short_that_ends_in_a_link_is_a_teaser_inside_the_article()
    {
        var card = "<div class=\"card\"><p>Ever come home from a day of shopping and wondered why on earth you bought it? As it… <a href=\"/other\">Read more</a></p></div>";
        var quote = "<p>The mayor's reply is on <a href=\"/reply\">the council's site</a></p>";
        var body = "<div class=\"x\">" + $"<p>{Para(1)}</p><p>{Para(2)}</p>" + card + $"<p>{Para(3)}</p>" + quote + $"<p>{Para(4)}</p></div>";
        var result = Native.CleanHtml(Page(body));
        var teaser = BlockOf(result, "Ever come home");
        Assert.That(teaser.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![teaser.Index], Does.StartWith("a teaser inside the article: an excerpt cut short"));
        Assert.That(BlockOf(result, "The mayor's reply").InMainContent, Is.True, "a line that ends in a link but is not cut short");
        Assert.That(result.Text, Does.Contain(Para(4)));
    }

    [Test]
    public void Links_in_a_container_cost_it_against_one_of_equal_prose()
    {
        // The same prose in both; the first also holds a block of links, which is chrome.
        var links = "<ul>" + string.Concat(Enumerable.Range(1, 6).Select(i => $"<li><a href=\"/s{i}\">Another story about the river district, number {i}</a></li>")) + "</ul>";
        var body = "<div class=\"col\"><div class=\"a\"><p>" + Para(1, "harbour") + "</p><p>" + Para(2, "harbour") + "</p>" + links + "</div></div>"
            + "<div class=\"col\"><div class=\"b\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p></div></div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Document.ArticleContainer, Is.EqualTo("div.b"));
        var other = BlockOf(result, Para(1, "harbour"));
        Assert.That(other.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![other.Index], Does.Match(@"^outside the article: its container div\.col scored \d+ against \d+ for the article's div\.b$"));
    }

    [Test]
    public void Text_that_is_not_prose_counts_less_than_prose()
    {
        // The list holds more text than the paragraphs, but in items that are not sentences.
        var items = "<div class=\"a\"><ul>" + string.Concat(Enumerable.Range(1, 8).Select(i => $"<li>Opening hours of branch number {i} on weekdays and the weekend</li>")) + "</ul></div>";
        var body = items + "<div class=\"b\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p></div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Document.ArticleContainer, Is.EqualTo("div.b"));
        var item = BlockOf(result, "Opening hours of branch number 1");
        Assert.That(item.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![item.Index], Does.Match(@"^outside the article: its container div\.a scored \d+ against \d+ for the article's div\.b$"));
    }

    [Test]
    public void An_article_that_is_a_list_of_links_keeps_its_list()
    {
        // A link round-up: the list is most of the article, so it is not chrome inside it.
        var list = "<ul class=\"picks\">" + string.Concat(Enumerable.Range(1, 10).Select(i => $"<li><a href=\"/r{i}\">A reading list entry on the history of public libraries, part {i}</a></li>")) + "</ul>";
        var body = Menu() + "<div class=\"x\"><p>" + Para(1) + "</p>" + list + "</div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Document.ArticleContainer, Is.EqualTo("div.x"));
        Assert.That(BlockOf(result, "A reading list entry on the history of public libraries, part 7").InMainContent, Is.True);
        Assert.That(result.Text, Does.Contain(Para(1)));
    }

    [Test]
    public void The_container_whose_text_the_JSON_LD_article_body_holds_gets_credit()
    {
        // Without the metadata the longer container would win; the page's JSON-LD says which text is
        // the article's (in other words of spacing and case, with one paragraph left out).
        var ld = "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"The council approves the plan\",\"articleBody\":\""
            + Para(1).ToUpperInvariant() + "\\n\\n" + Para(2) + "\"}";
        string Harbour(int i) => $"Note {i}: the harbour board met on Monday to discuss the dredging of the channel, the new cranes on the eastern quay and the fees that the ferries pay.";
        var body = "<div class=\"col\"><div class=\"a\"><p>" + Harbour(1) + "</p><p>" + Harbour(2) + "</p><p>" + Harbour(3) + "</p></div></div>"
            + "<div class=\"col\"><div class=\"b\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p></div></div>";
        string WithLd(string ldJson) => Page(body).Replace("</head>", "<script type=\"application/ld+json\">" + ldJson + "</script></head>", StringComparison.Ordinal);

        var result = Native.CleanHtml(WithLd(ld));
        Assert.That(result.Document.ArticleContainer, Is.EqualTo("div.b"));
        Assert.That(BlockOf(result, Para(1)[..30]).InMainContent, Is.True);
        Assert.That(BlockOf(result, "Note 1: the harbour board").InMainContent, Is.False);

        // The same page with an article body that is not on the page: the longer container wins.
        var other = Native.CleanHtml(WithLd(ld.Replace(Para(2), "Snow is expected on the higher passes this weekend, and the roads over the mountains may close for a day or two.", StringComparison.Ordinal)
            .Replace(Para(1).ToUpperInvariant(), "A different story altogether, about the weather in the mountains this winter.", StringComparison.Ordinal)));
        Assert.That(other.Document.ArticleContainer, Is.EqualTo("div.a"));
    }

    [Test]
    public void A_lead_between_the_headline_and_the_body_belongs_to_the_article()
    {
        var body = Menu() + "<div class=\"head\"><div class=\"kicker\"><h1>The council approves the plan</h1></div>"
            + "<div class=\"lead\"><p>After three years of debate, the new library on the riverside will be built, the council decided on Tuesday.</p></div></div>"
            + "<div class=\"x\">" + string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>{Para(i)}</p>")) + "</div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(BlockOf(result, "After three years of debate").InMainContent, Is.True);
        Assert.That(result.Text, Does.Contain("After three years of debate"));
    }

    [Test]
    public void A_lead_of_sentences_with_few_known_stopwords_under_the_headline_belongs_to_the_article()
    {
        const string Lead = "Budget cuts, parking fees, housing targets, transport links, school places, park upkeep, library hours: council members, traders and residents debated everything Monday evening.";
        var body = Menu() + "<h1>The council approves the plan</h1><div class=\"perex\">" + Lead + "</div>"
            + "<div class=\"x\">" + string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>{Para(i)}</p>")) + "</div>";
        var result = Native.CleanHtml(Page(body));
        var lead = BlockOf(result, "Budget cuts");
        Assert.That(lead.Features.LooksLikeProse, Is.False, "the case this rule is for");
        Assert.That(lead.InMainContent, Is.True);
    }

    [Test]
    public void A_standfirst_under_the_headline_that_the_page_s_description_repeats_belongs_to_the_article()
    {
        // A standfirst without its full stop: neither prose nor a lead by its sentences.
        const string Standfirst = "Riverside residents fear the new library will bring traffic to their quiet streets";
        string Html(string description, string more = "") => $"<!DOCTYPE html><html lang=\"en\"><head><title>The council approves the plan</title>{description}</head><body>" + Menu()
            + "<div class=\"header\"><h1>The council approves the plan</h1><p class=\"standfirst\">" + Standfirst + "</p>" + more + "</div>"
            + "<div class=\"x\">" + string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>{Para(i)}</p>")) + "</div></body></html>";

        // With more than three lines between the headline and the article, a line there joins it by what it reads as.
        const string Facts = "<ul class=\"facts\"><li>Cost: 12 million</li><li>Seats: 300</li><li>Opens: 2026</li></ul>";
        var told = Native.CleanHtml(Html($"<meta property=\"og:description\" content=\"{Standfirst}\">"));
        Assert.That(told.Metadata.Description, Is.EqualTo(Standfirst));
        Assert.That(BlockOf(told, "Riverside residents").InMainContent, Is.True);
        Assert.That(told.Text, Does.Contain(Standfirst));

        // A description cut short still names it.
        var cut = Native.CleanHtml(Html($"<meta name=\"description\" content=\"{Standfirst[..60]}…\">", Facts));
        Assert.That(BlockOf(cut, "Riverside residents").InMainContent, Is.True);

        // Without the description the line is not the article's, nor with another one.
        Assert.That(BlockOf(Native.CleanHtml(Html("", Facts)), "Riverside residents").InMainContent, Is.False);
        Assert.That(BlockOf(Native.CleanHtml(Html("<meta name=\"description\" content=\"The council news of the week, with the decisions on housing, parking and the library.\">", Facts)), "Riverside residents").InMainContent, Is.False);

        // Alone under the headline it joins the article anyway, as any of three lines or fewer there do.
        Assert.That(BlockOf(Native.CleanHtml(Html("")), "Riverside residents").InMainContent, Is.True);
    }

    [Test]
    public void The_headings_of_the_lead_sections_under_the_headline_belong_to_the_article()
    {
        var body = Menu() + "<h1>The council approves the plan</h1><section class=\"intro\"><h2>Opening hours</h2><p>After three years of debate, the new library on the riverside will open every day of the week, the council decided on Tuesday.</p>"
            + "<h2>Parking</h2><p>Visitors will park in the old market square, which the council will turn into a car park with two hundred places.</p></section>"
            + "<div class=\"x\">" + string.Concat(Enumerable.Range(1, 5).Select(i => $"<p>{Para(i)}</p>")) + "</div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(BlockOf(result, "After three years").InMainContent, Is.True, "the lead");
        Assert.That(BlockOf(result, "Opening hours").InMainContent, Is.True);
        Assert.That(BlockOf(result, "Parking").InMainContent, Is.True);
    }

    [Test]
    public void A_sibling_section_that_reads_as_content_joins_the_article_and_a_sibling_of_links_does_not()
    {
        var faq = "<div class=\"faq\"><h2>Questions</h2><p>When will it open? The council expects the doors to open before the end of the following year, if the works go to plan.</p>"
            + "<p>Who pays for it? The city pays two thirds of the cost, and a foundation of local firms has promised to pay the rest of it.</p></div>";
        var links = "<div class=\"tags\"><a href=\"/t/1\">library</a> <a href=\"/t/2\">council</a> <a href=\"/t/3\">river</a></div>";
        var body = "<div class=\"page\"><div class=\"x\">" + string.Concat(Enumerable.Range(1, 5).Select(i => $"<p>{Para(i)}</p>")) + "</div>" + faq + links + "</div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Text, Does.Contain("Who pays for it?"));
        Assert.That(BlockOf(result, "library council river").InMainContent, Is.False);
    }

    private static string Faq(bool linked) =>
        "<section class=\"faq\"><h2>Frequently asked questions</h2>"
        + (linked
            ? "<h3><a href=\"/q/1\">When will the library open?</a></h3><p><a href=\"/q/1\">The council expects the doors to open before the end of the following year, if the works go to plan.</a></p>"
              + "<h3><a href=\"/q/2\">Who pays for the library?</a></h3><p><a href=\"/q/2\">The city pays two thirds of the cost, and a foundation of local firms has promised the rest of it.</a></p>"
            : "<h3>When will the library open?</h3><p>The council expects the doors to open before the end of the following year, if the works go to plan.</p>"
              + "<h3>Who pays for the library?</h3><p>The city pays two thirds of the cost, and a foundation of local firms has promised the rest of it.</p>")
        + "</section>";

    private static string ArticleThen(string after, string between = "") =>
        Menu() + "<main><article class=\"post\"><h1>The council approves the plan</h1><div class=\"body\">"
        + string.Concat(Enumerable.Range(1, 5).Select(i => $"<p>{Para(i)}</p>")) + "</div>"
        + "<div class=\"share\"><a href=\"/s/f\">Facebook</a> <a href=\"/s/t\">Twitter</a></div></article>"
        + between + after + "<aside class=\"sidebar\"><h3>Most read</h3><ul><li><a href=\"/m/1\">Storm closes the harbour road</a></li><li><a href=\"/m/2\">Mayor opens the winter market</a></li></ul></aside></main>";

    [Test]
    public void An_faq_in_a_section_after_the_article_joins_it()
    {
        // The FAQ is no sibling of the article's root (the body inside the article) but follows the
        // article element, with only its share bar between.
        var result = Native.CleanHtml(Page(ArticleThen(Faq(linked: false))));
        Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.Native));
        foreach (var line in new[] { "Frequently asked questions", "When will the library open?", "The council expects the doors", "Who pays for the library?", "The city pays two thirds" })
        {
            Assert.That(BlockOf(result, line).InMainContent, Is.True, line);
        }

        Assert.That(BlockOf(result, "Storm closes the harbour road").InMainContent, Is.False);
    }

    [Test]
    public void Linked_questions_after_the_article_or_an_faq_after_other_prose_stay_outside()
    {
        var linked = Native.CleanHtml(Page(ArticleThen(Faq(linked: true))));
        Assert.That(BlockOf(linked, "When will the library open?").InMainContent, Is.False, "a list of links to other questions");

        var other = "<div class=\"magazine\"><p>Our city magazine appears every month, with stories from every district of the city and a calendar of what is on in the weeks ahead.</p></div>";
        var after = Native.CleanHtml(Page(ArticleThen(Faq(linked: false), between: other)));
        Assert.That(BlockOf(after, "When will the library open?").InMainContent, Is.False, "prose of something else stands between");
    }

    [Test]
    public void Marked_chrome_is_set_aside_and_does_not_pull_the_article_elsewhere()
    {
        var comments = "<div id=\"comments\" class=\"comments\">" + string.Concat(Enumerable.Range(1, 12).Select(i => $"<div class=\"c\"><p>{Para(i, "comment")}</p></div>")) + "</div>";
        var body = "<div class=\"main\"><div class=\"x\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p><p>" + Para(3) + "</p></div>" + comments + "</div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Text, Does.Contain(Para(3)));
        Assert.That(result.Text, Does.Not.Contain(Para(5, "comment")));
    }

    [Test]
    public void A_caption_that_several_figures_share_stays_with_them()
    {
        var figure = "<figure><img src=\"/a.png\" alt=\"\"><figcaption>The harbour wall after the storm</figcaption></figure>";
        var body = "<div class=\"x\">" + string.Concat(Enumerable.Range(1, 4).Select(i => figure + $"<p>{Para(i)}</p>")) + "</div>";
        var result = Native.CleanHtml(Page(body));
        var captions = result.Blocks.Where(b => b.Text == "The harbour wall after the storm").ToList();
        Assert.That(captions, Has.Count.EqualTo(4));
        Assert.That(captions.All(b => b.InMainContent), Is.True);
    }

    [Test]
    public void A_short_line_repeated_in_the_article_is_template_text()
    {
        var photo = "<div class=\"photo\"><p>Click the photo to enlarge it</p></div>";
        var body = "<div class=\"x\">" + string.Concat(Enumerable.Range(1, 4).Select(i => photo + $"<p>{Para(i)}</p>")) + "</div>";
        var result = Native.CleanHtml(Page(body));
        var line = BlockOf(result, "Click the photo");
        Assert.That(line.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![line.Index], Does.StartWith("a line that repeats 4 times on the page"));
        Assert.That(result.Text, Does.Contain(Para(4)));
    }

    [Test]
    public void Lines_of_code_that_repeat_are_not_template_text()
    {
        var code = "<pre>SELECT\n  name\nFROM\n  users;</pre>";
        var body = "<div class=\"x\">" + string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>{Para(i)}</p>" + code)) + "</div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Blocks.Where(b => b.Text.Trim() == "FROM").Select(b => b.InMainContent).ToList(), Has.Count.EqualTo(4).And.All.True);
    }

    private static string Slides(int count, string topic) => "<div class=\"gallery\"><h2>Business in pictures</h2><ul class=\"legends\">"
        + string.Concat(Enumerable.Range(1, count).Select(i => $"<li><p>{i}/{count} A picture of the {topic}</p><p>{Para(i, topic)}</p></li>")) + "</ul></div>";

    [Test]
    public void A_slideshow_inside_the_article_is_left_out_and_does_not_pull_the_article_into_it()
    {
        var body = Menu() + "<div class=\"x\">" + string.Concat(Enumerable.Range(1, 3).Select(i => $"<p>{Para(i)}</p>")) + "<h3>1. Keep the keys</h3>"
            + Slides(10, "harbour") + string.Concat(Enumerable.Range(4, 4).Select(i => $"<p>{Para(i)}</p>")) + "</div>";
        var result = Native.CleanHtml(Page(body));
        for (int i = 1; i <= 7; i++)
        {
            Assert.That(result.Text, Does.Contain(Para(i)));
        }

        Assert.That(result.Text, Does.Contain("1. Keep the keys"));
        var slide = BlockOf(result, "2/10 A picture");
        Assert.That(slide.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![slide.Index], Does.StartWith("a slideshow inside the article: its element ul.legends holds numbered slides"));
        Assert.That(result.Text, Does.Not.Contain(Para(3, "harbour")));
    }

    [Test]
    public void A_page_whose_prose_is_its_slideshow_keeps_it()
    {
        var body = Menu() + "<div class=\"x\"><p>" + Para(1) + "</p>" + Slides(4, "harbour") + "</div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Text, Does.Contain(Para(3, "harbour")));
    }

    [TestCase("3/50 A new chief", true)]
    [TestCase("3 of 50", true)]
    [TestCase("1/2 cup of flour", false)]
    [TestCase("51/50 More", false)]
    [TestCase("2015/16 season", false)]
    [TestCase("9/11s", false)]
    public void A_slide_counter_opens_a_line(string line, bool counter) =>
        Assert.That(Cleaner.Html.Extraction.NativeExtractor.SlideCounter(line).Slide > 0, Is.EqualTo(counter));

    [Test]
    public void The_labels_of_a_chart_inside_the_article_are_left_out_and_a_table_of_figures_is_kept()
    {
        var chart = "<div class=\"graphic\"><div><p>Interest payments on the debt</p></div>" + string.Concat(new[] { "$915", "billion", "600", "400", "$263", "2018", "2020", "2024", "2028" }.Select(l => $"<div><p>{l}</p></div>")) + "</div>";
        var table = "<table>" + string.Concat(Enumerable.Range(1, 9).Select(i => $"<tr><td>{2010 + i}</td><td>${i * 100}</td></tr>")) + "</table>";
        var body = "<div class=\"x\">" + $"<p>{Para(1)}</p><p>{Para(2)}</p>" + chart + $"<p>{Para(3)}</p>" + table + $"<p>{Para(4)}</p></div>";
        var result = Native.CleanHtml(Page(body));
        var label = BlockOf(result, "$915");
        Assert.That(label.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![label.Index], Does.StartWith("a chart inside the article: its element div.graphic holds 10 short labels"));
        Assert.That(BlockOf(result, "2015").InMainContent, Is.True);
        Assert.That(result.Text, Does.Contain(Para(4)));
    }

    [Test]
    public void A_copyright_notice_written_in_sentences_is_not_content()
    {
        // The notice is longer than the article, and in sentences; its legal phrases make it chrome.
        var notice = "<div class=\"legal\"><p>This site and everything on it is published by the city. The names and logos shown here, the word marks of the city and of its "
            + "libraries, the crest and the seal are registered trademarks of the city and may not be used without its prior written consent. Photographs are the property of "
            + "their authors and are used with their permission. The texts may be quoted in part when the source is named. Copyright 2024 The City. All rights reserved.</p></div>";
        var body = "<h1>The council approves the plan</h1><div class=\"x\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p></div>" + notice;
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Text, Does.Contain(Para(2)));
        var line = BlockOf(result, "This site and everything");
        Assert.That(line.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![line.Index], Does.Match(@"^outside the article: its container div\.legal scored 0\b.* for the article's div\.x$"));
        Assert.That(result.Document.ArticleContainer, Is.EqualTo("div.x"));
    }

    [Test]
    public void A_long_notice_is_legal_by_the_phrase_at_its_edge_and_an_article_that_names_one_in_its_middle_is_not()
    {
        // Both are over a hundred words. The notice ends with "All rights reserved."; the article
        // speaks of a privacy policy halfway through, which says nothing against it.
        var article = "The council published on Tuesday the results of the survey that it ran among the readers of the city's libraries over the summer months, and most of those "
            + "who answered asked for longer opening hours in the evening. Some of them also asked how the data would be kept, and the council pointed to the privacy policy "
            + "that the libraries adopted two years ago, which says that no answer is stored with a name. The new hours will be tried out in two branches from the first of "
            + "March, and the council will decide in the summer whether every branch of the city should follow the same plan.";
        var notice = "The names, logos and word marks of the city, of its libraries and of its museums, the crest, the seal and the flag shown on these pages are registered "
            + "trademarks of the city and may not be used without its prior written consent. Photographs and drawings are the property of their authors and are used with "
            + "their permission, and they may not be copied, printed or sent on without it. The texts of these pages may be quoted in part when the source is named and a "
            + "link to the page is given, except for the texts of the press releases, which may be quoted in full. Everything else on this site: All rights reserved.";
        var aside = "<div class=\"aside\"><p>The reading room on the second floor will stay closed for repairs until the end of the month, the library said.</p></div>";
        var body = "<h1>The council approves the plan</h1><div class=\"x\"><p>" + article + "</p></div>" + aside + "<div class=\"legal\"><p>" + notice + "</p></div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Document.ArticleContainer, Is.EqualTo("div.x"));
        Assert.That(BlockOf(result, "The council published on Tuesday").InMainContent, Is.True);
        Assert.That(BlockOf(result, "The names, logos and word marks").InMainContent, Is.False);
    }

    [Test]
    public void A_container_above_the_headline_or_below_more_prose_than_it_holds_is_halved()
    {
        // Each marked container would win by its class (article, content), but it stands where an
        // article does not: above the headline, or under more of the page's prose than it holds.
        string Short(int i, string topic) => $"Item {i} is a short note about the {topic}, with a sentence or two that a reader skims before moving on to the next one.";
        var above = "<div class=\"article-teasers\"><p>" + Short(1, "harbour") + "</p><p>" + Short(2, "harbour") + "</p><p>" + Short(3, "harbour") + "</p><p>" + Short(4, "harbour") + "</p></div>";
        var below = "<div class=\"post-content\"><p>" + Short(1, "market") + "</p><p>" + Short(2, "market") + "</p><p>" + Short(3, "market") + "</p><p>" + Short(4, "market") + "</p></div>";
        var body = "<div class=\"top\">" + above + "</div><div class=\"main\"><h1>The council approves the plan</h1><div class=\"x\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p><p>" + Para(3) + "</p></div></div>"
            + "<div class=\"foot\">" + below + "</div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Document.ArticleContainer, Is.EqualTo("div.x"));
        Assert.That(result.Text, Does.Contain(Para(3)));
        var harbour = BlockOf(result, Short(1, "harbour"));
        var market = BlockOf(result, Short(4, "market"));
        Assert.That(harbour.InMainContent, Is.False);
        Assert.That(market.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![harbour.Index], Does.Match(@"^outside the article: its container div\.top scored \d+ \(halved: above the headline\) against \d+ for the article's div\.x$"));
        Assert.That(result.Document.MainContentReasons![market.Index], Does.Match(@"^outside the article: its container div\.foot scored \d+ \(halved: below \d+ characters of prose after the headline\) against \d+ for the article's div\.x$"));
    }

    [Test]
    public void An_element_marked_as_chrome_inside_the_article_is_left_out_and_prose_marked_as_layout_is_kept()
    {
        // The comments hold more prose than the post, so the page's hints do not see them (they
        // would cover most of the page); the extractor does, by the element's own class.
        var comments = "<div class=\"comment-list\">" + string.Concat(Enumerable.Range(1, 8).Select(i => $"<div><p>{Para(i, "reply")}</p></div>")) + "</div>";
        var nav = "<nav><p>Previous post: a walk along the river, with photographs of the old bridges.</p></nav>";
        var layout = "<div class=\"share-layout\">" + string.Concat(Enumerable.Range(5, 6).Select(i => $"<p>{Para(i)}</p>")) + "</div>";
        var body = "<div class=\"x\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p><p>" + Para(3) + "</p>" + layout + nav + comments + "</div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Text, Does.Contain(Para(10)), "a long stretch of prose whose class names a widget");
        var reply = BlockOf(result, Para(1, "reply"));
        Assert.That(reply.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![reply.Index], Is.EqualTo("chrome inside the article: its element div.comment-list is marked comments"));
        Assert.That(result.Document.MainContentReasons![BlockOf(result, "Previous post").Index], Is.EqualTo("chrome inside the article: its element nav is marked navigation/menu/footer"));
    }

    [Test]
    public void Share_and_newsletter_boxes_inside_the_article_are_left_out_by_their_class()
    {
        // Short lines without links: only their element's class says they are not the article's.
        var share = "<div class=\"share-tools\"><p>Tell your friends about this story on the network of your choice</p></div>";
        var newsletter = "<div class=\"newsletter-box\"><p>The best stories of the week in your inbox, every Friday morning</p></div>";
        var body = "<h1>The council approves the plan</h1><div class=\"x\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p>" + share + "<p>" + Para(3) + "</p>" + newsletter + "<p>" + Para(4) + "</p></div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Document.ArticleContainer, Is.EqualTo("div.x"));
        Assert.That(result.Text, Does.Contain(Para(4)));
        var shareLine = BlockOf(result, "Tell your friends");
        var newsletterLine = BlockOf(result, "The best stories of the week");
        Assert.That(shareLine.InMainContent, Is.False);
        Assert.That(newsletterLine.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![shareLine.Index], Is.EqualTo("chrome inside the article: its element div.share-tools is marked share/social"));
        Assert.That(result.Document.MainContentReasons![newsletterLine.Index], Is.EqualTo("chrome inside the article: its element div.newsletter-box is marked newsletter/subscribe"));
    }

    [Test]
    public void A_promotion_inside_the_article_is_left_out_however_long_its_prose()
    {
        // A slideshow of another story, with long captions, inside the article's element.
        var promo = "<div class=\"promo-holder\"><ul>" + string.Concat(Enumerable.Range(1, 7).Select(i => $"<li><p>{Para(i, "stadium")}</p></li>")) + "</ul></div>";
        var body = "<h1>The council approves the plan</h1><div class=\"x\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p><p>" + Para(3) + "</p><p>" + Para(4) + "</p>" + promo + "</div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Document.ArticleContainer, Is.EqualTo("div.x"));
        Assert.That(result.Text, Does.Contain(Para(4)));
        var caption = BlockOf(result, Para(6, "stadium"));
        Assert.That(caption.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![caption.Index], Is.EqualTo("chrome inside the article: its element div.promo-holder is marked promo/sponsor"));
    }

    [Test]
    public void A_menu_class_inside_the_article_is_not_chrome_but_a_nav_or_footer_tag_is()
    {
        // "menu" in a class is often a widget's attachment (a formula with a context menu); the tags
        // nav and footer say what the element is.
        var formula = "<div class=\"formula-menu\"><p>The cost per reader falls to four euros a year.</p></div>";
        var footer = "<footer><p>Filed under the city and its libraries.</p></footer>";
        var body = "<h1>The council approves the plan</h1><div class=\"x\"><p>" + Para(1) + "</p>" + formula + "<p>" + Para(2) + "</p><p>" + Para(3) + "</p>" + footer + "</div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Document.ArticleContainer, Is.EqualTo("div.x"));
        Assert.That(BlockOf(result, "The cost per reader").InMainContent, Is.True);
        var filed = BlockOf(result, "Filed under");
        Assert.That(filed.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![filed.Index], Is.EqualTo("chrome inside the article: its element footer is marked navigation/menu/footer"));
    }

    [Test]
    public void The_few_lines_between_the_headline_and_the_article_join_it_whatever_they_read_as()
    {
        // A byline and a shop's price stand between the headline and the body: neither is prose,
        // but three lines or fewer there belong to the article.
        var story = "<h1>The council approves the plan</h1><div class=\"meta\"><p>By Jane Harbour | Library correspondent</p></div>"
            + "<div class=\"price\">89,90 €</div><p class=\"tax\">inkl. MwSt., zzgl. Versand</p>"
            + "<div class=\"x\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p><p>" + Para(3) + "</p></div>";
        var result = Native.CleanHtml(Page(Menu() + story));
        Assert.That(result.Text, Does.Contain("By Jane Harbour | Library correspondent"));
        Assert.That(result.Text, Does.Contain("89,90 €").And.Contain("inkl. MwSt., zzgl. Versand"));
        Assert.That(result.Text, Does.Not.Contain("Weather today"), "the menu above the headline is not between it and the article");

        // More lines than that between them are a column of their own: the lines that are not prose stay out.
        var column = "<h1>The council approves the plan</h1><ul class=\"x1\">" + string.Concat(Enumerable.Range(1, 5).Select(i => $"<li>Bus line {i} runs late</li>")) + "</ul>"
            + "<div class=\"x\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p><p>" + Para(3) + "</p></div>";
        var apart = Native.CleanHtml(Page(column));
        Assert.That(apart.Text, Does.Not.Contain("Bus line 3 runs late"));
        Assert.That(apart.Text, Does.Contain(Para(1)));
    }

    [Test]
    public void A_headline_right_under_the_menu_is_the_title_not_part_of_the_menu()
    {
        // The menu's four short lines and the short headline after them make a run of short lines
        // before the body; the headline the page's title seeds is not one of the menu's.
        var body = Menu() + "<div class=\"head\"><span class=\"kicker\">Harbour</span><h1>Council approves harbour plan</h1></div>"
            + "<div class=\"story\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p><p>" + Para(3) + "</p></div>";
        foreach (var cleaner in new[] { TextCleaner.Default, Native })
        {
            var result = cleaner.CleanHtml(Page(body, "Council approves harbour plan | The Daily Example"));
            Assert.That(result.Document.TitleBlock?.Text, Is.EqualTo("Council approves harbour plan"));
            Assert.That(result.Text, Does.StartWith("Council approves harbour plan\n"));
            Assert.That(result.Removed.Select(r => r.Text), Does.Contain("Weather today"), "the menu still goes");
        }
    }

    [Test]
    public void A_sound_choice_does_not_consult_SmartReader()
    {
        var result = TextCleaner.Default.CleanHtml(TestPages.Page());
        Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.Native));
        Assert.That(result.Document.ExtractorNote, Is.Null);
        Assert.That(result.ExtractorNote, Is.Null, "a sound native choice needs no word");
    }

    [Test]
    public void Auto_consults_SmartReader_on_a_close_runner_up()
    {
        var body = "<div class=\"col\"><div class=\"a\"><p>" + Para(1, "harbour") + "</p><p>" + Para(2, "harbour") + "</p><p>" + Para(3, "harbour") + "</p></div></div>"
            + "<div class=\"col\"><div class=\"b\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p><p>" + Para(3) + "</p></div></div>";
        var result = TextCleaner.Default.CleanHtml(Page(body));
        Assert.That(result.Document.ExtractorNote, Does.StartWith("close runner-up"));
        Assert.That(Native.CleanHtml(Page(body)).Document.ExtractorNote, Is.Null, "Native never consults");
    }

    [Test]
    public void Auto_consults_SmartReader_on_a_very_short_article()
    {
        var body = Menu() + "<div class=\"x\"><p>The library opens on Monday at nine, the council said.</p></div>";
        var result = TextCleaner.Default.CleanHtml(Page(body));
        Assert.That(result.Document.ExtractorNote, Does.StartWith("very short article"));
        Assert.That(result.Text, Does.Contain("The library opens on Monday"));
    }

    [Test]
    public void A_short_article_that_holds_all_the_prose_of_the_page_is_sound()
    {
        // A two-sentence news item: short, but there is no other prose on the page for SmartReader to find.
        var body = Menu() + "<div class=\"x\"><p>The library opens on Monday at nine, the council said on Friday after its last meeting of the year.</p>"
            + "<p>Readers who have a card from the old branch can use it at the new one until the end of the spring.</p></div>";
        var result = TextCleaner.Default.CleanHtml(Page(body));
        Assert.That(result.Document.ExtractorNote, Is.Null);
        Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.Native));
        Assert.That(result.Text, Does.Contain("Readers who have a card"));
        Assert.That(result.Text, Does.Not.Contain("Sport"));
    }

    [Test]
    public void Auto_consults_SmartReader_on_an_article_of_mostly_links()
    {
        var list = "<ul>" + string.Concat(Enumerable.Range(1, 12).Select(i => $"<li><a href=\"/r{i}\">A reading list entry on the history of public libraries, part {i}</a></li>")) + "</ul>";
        var body = "<div class=\"x\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p>" + list + "</div>";
        var result = TextCleaner.Default.CleanHtml(Page(body));
        Assert.That(result.Document.ExtractorNote, Does.StartWith("mostly links"));
    }

    [Test]
    public void Auto_consults_SmartReader_when_the_article_holds_little_of_the_page_prose()
    {
        var body = "<div class=\"x\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p><p>" + Para(3) + "</p></div>"
            + string.Concat(Enumerable.Range(1, 6).Select(i => $"<table><tr><td><div><div><p>{Para(i, "market " + i)}</p></div></div></td></tr></table>"));
        var result = TextCleaner.Default.CleanHtml(Page(body));
        Assert.That(result.Document.ExtractorNote, Does.StartWith("little of the page's prose"));
    }

    [Test]
    public void When_SmartReader_is_not_run_the_native_choice_decides()
    {
        // Nested deeper than SmartReader is run on, with a weak (very short) native article: Auto
        // asks SmartReader, which gives no article, so the native one is used.
        var deep = new StringBuilder();
        deep.Append(Menu()).Append(string.Concat(Enumerable.Repeat("<div>", 300)));
        deep.Append("<p>The library opens on Monday at nine, the council said.</p>").Append(string.Concat(Enumerable.Repeat("</div>", 300)));
        var result = TextCleaner.Default.CleanHtml(Page(deep.ToString()));
        Assert.That(result.Document.ExtractorNote, Does.StartWith("very short article"));
        Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.Native));
        Assert.That(result.Text, Does.Contain("The library opens on Monday"));
        Assert.That(result.Text, Does.Not.Contain("Sport"));
    }

    [Test]
    public void When_SmartReader_throws_the_native_choice_decides_and_the_note_says_why()
    {
        // A very short article, so that Auto asks SmartReader, which fails on this call.
        var result = WithSecondOpinion(_ => throw new InvalidOperationException("broken page"), TextCleaner.Default);
        Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.Native));
        Assert.That(result.Document.ExtractorNote, Does.StartWith("very short article").And.Contain("SmartReader: the extractor failed (InvalidOperationException)"));
        Assert.That(result.ExtractorNote, Is.EqualTo(result.Document.ExtractorNote), "the result says why");
        Assert.That(result.Text, Does.Contain("The library opens on Monday"));
        Assert.That(result.Text, Does.Not.Contain("Sport"));

        // With SmartReader alone there is no article: the filters alone decide, and say why.
        var alone = WithSecondOpinion(_ => throw new InvalidOperationException("broken page"), Reader);
        Assert.That(alone.ExtractedBy, Is.Null);
        Assert.That(alone.Document.MainContentNote, Is.EqualTo("the extractor failed (InvalidOperationException)"));
        Assert.That(alone.ExtractorNote, Is.EqualTo("the extractor failed (InvalidOperationException)"), "no article: the result says why");
        Assert.That(alone.Text, Does.Contain("The library opens on Monday"));
    }

    [Test]
    public void When_SmartReader_finds_nothing_the_native_choice_decides_and_the_note_says_why()
    {
        var result = WithSecondOpinion(_ => new SmartReader.Reader("https://localhost/", "<html><body></body></html>").GetArticle(), TextCleaner.Default);
        Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.Native));
        Assert.That(result.Document.ExtractorNote, Does.Contain("SmartReader: the extractor found no article"));
        Assert.That(result.Text, Does.Contain("The library opens on Monday"));
    }

    [Test]
    public void When_SmartReader_runs_past_the_time_limit_it_is_not_waited_for_and_the_native_choice_decides()
    {
        using var release = new ManualResetEventSlim();
        var limit = TimeSpan.FromSeconds(2);
        Func<SmartReader.Reader, SmartReader.Article> stuck = reader =>
        {
            release.Wait(TimeSpan.FromSeconds(60)); // a run that would take a minute
            return reader.GetArticle();
        };
        try
        {
            var auto = TextCleaner.CreateBuilder().WithOptions(o => o with { Timeout = limit }).Build();
            var watch = Stopwatch.StartNew();
            var result = WithSecondOpinion(stuck, auto);
            Assert.That(watch.Elapsed, Is.LessThan(limit), "SmartReader is waited for only up to the time limit less the filters' share");
            Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
            Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.Native));
            Assert.That(result.Document.ExtractorNote, Does.Contain("SmartReader: the extractor did not finish within"));
            Assert.That(result.Diagnostic, Does.Contain("left to finish on its own"));
            Assert.That(result.Text, Does.Contain("The library opens on Monday"));
            Assert.That(result.Text, Does.Not.Contain("Sport"));

            // With SmartReader alone the filters decide, within the limit too.
            var reader = TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.SmartReader, Timeout = limit }).Build();
            watch.Restart();
            var alone = WithSecondOpinion(stuck, reader);
            Assert.That(watch.Elapsed, Is.LessThan(limit));
            Assert.That(alone.Status, Is.EqualTo(CleanStatus.Cleaned));
            Assert.That(alone.Document.MainContentNote, Does.StartWith("the extractor did not finish within"));
            Assert.That(alone.Text, Does.Contain("The library opens on Monday"));
        }
        finally
        {
            release.Set();
        }
    }

    [Test]
    public void When_SmartReader_runs_past_the_time_limit_cancelling_the_call_still_stops_the_wait()
    {
        using var release = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var body = Menu() + "<div class=\"x\"><p>The library opens on Monday at nine, the council said.</p></div>";
        MainContent.RunOverride.Value = reader =>
        {
            release.Wait(TimeSpan.FromSeconds(60));
            return reader.GetArticle();
        };
        try
        {
            var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { Timeout = null }).Build();
            var watch = Stopwatch.StartNew();
            Assert.Throws<OperationCanceledException>(() => cleaner.CleanHtml(Page(body), null, cancel.Token));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        }
        finally
        {
            MainContent.RunOverride.Value = null;
            release.Set();
        }
    }

    /// <summary>Cleans a page with a very short article, SmartReader replaced by <paramref name="run"/>.</summary>
    private static CleanResult WithSecondOpinion(Func<SmartReader.Reader, SmartReader.Article> run, TextCleaner cleaner)
    {
        var body = Menu() + "<div class=\"x\"><p>The library opens on Monday at nine, the council said.</p></div>";
        MainContent.RunOverride.Value = run;
        try
        {
            return cleaner.CleanHtml(Page(body));
        }
        finally
        {
            MainContent.RunOverride.Value = null;
        }
    }

    [Test]
    public void When_SmartReader_finds_no_sound_article_the_native_choice_decides()
    {
        // A short post under a long discussion: SmartReader takes the comments, which is not trusted.
        var comments = "<div id=\"comments\" class=\"comments\">" + string.Concat(Enumerable.Range(1, 12).Select(i =>
            $"<div class=\"comment\"><p>I have lived near the river for {i + 10} years, and I think that a library there would be a good thing for the children of the neighbourhood.</p></div>")) + "</div>";
        var html = Page(Menu() + "<div class=\"post\"><h1>A short note</h1><div class=\"entry\"><p>The library will open on the first of June.</p></div></div>" + comments, "A short note");
        var result = TextCleaner.Default.CleanHtml(html);
        Assert.That(result.Document.ExtractorNote, Is.Not.Null);
        Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.Native));
        Assert.That(result.Text, Does.Contain("The library will open on the first of June"));
        Assert.That(result.Text, Does.Not.Contain("a good thing for the children"));
    }

    [Test]
    public void The_other_parts_of_an_article_split_into_sections_of_the_same_make_join_it()
    {
        // A layout that puts each section of the story into its own "inner" box; a box of the same
        // make above the headline is not a part of the story.
        string Part(string paragraphs) => $"<section class=\"section\"><div class=\"inner\">{paragraphs}</div></section>";
        var body = Menu() + "<article>" + Part("<p>" + Para(9, "harbour") + "</p>") + "<h1>The council approves the plan</h1>"
            + Part(string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>{Para(i)}</p>"))) + Part($"<h2>What comes next</h2><p>{Para(5)}</p>") + "</article>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Text, Does.Contain(Para(4)));
        Assert.That(result.Text, Does.Contain(Para(5)), "the second part");
        Assert.That(result.Text, Does.Not.Contain("harbour"), "the box above the headline");
    }

    [Test]
    public void Flat_comments_under_a_comments_heading_inside_the_article_are_left_out()
    {
        // A blog post and its comments as paragraphs of one container, the comments under a heading.
        string Comment(int i) => $"<p>I have read this blog for {i + 2} years and I think that the new library on the river is a fine idea for the town.</p><p class=\"posted\">Posted by: Reader {i} | Mar 26, 2007</p>";
        var body = Menu() + "<div class=\"content\"><h1>The council approves the plan</h1><p>" + Para(1) + "</p><p>" + Para(2) + "</p>"
            + "<h2>Comments</h2>" + string.Concat(Enumerable.Range(1, 8).Select(Comment)) + "</div>";
        var result = Native.CleanHtml(Page(body));
        Assert.That(result.Text, Does.Contain(Para(2)));
        var comment = BlockOf(result, "I have read this blog for 3 years");
        Assert.That(comment.InMainContent, Is.False);
        Assert.That(result.Document.MainContentReasons![comment.Index], Is.EqualTo("comments inside the article: under the heading \"Comments\" that opens them"));
        Assert.That(TextCleaner.Default.CleanHtml(Page(body)).Document.ExtractorNote, Is.Null, "the comments are not page prose that the article missed");
    }

    [Test]
    public void A_comments_heading_followed_by_another_section_of_the_article_cuts_nothing()
    {
        // "Diskussion" opens a comment section on a blog, and is a section of a paper under which "Fazit" follows.
        var body = "<div class=\"content\"><h1>Die Bibliothek am Fluss</h1><p>" + Para(1) + "</p><h2>Diskussion</h2><p>" + Para(2) + "</p><h2>Fazit</h2><p>" + Para(3) + "</p></div>";
        var result = Native.CleanHtml(Page(body, "Die Bibliothek am Fluss"));
        Assert.That(result.Text, Does.Contain(Para(2)));
        Assert.That(result.Text, Does.Contain(Para(3)));
    }

    [Test]
    public void SmartReader_loses_to_the_native_article_when_it_starts_above_the_headline()
    {
        var body = "<div class=\"teaser\"><p>" + Para(1, "harbour") + "</p></div><h1>The council approves the plan</h1><div class=\"x\"><p>" + Para(2) + "</p><p>" + Para(3) + "</p></div>";
        var document = Native.CleanHtml(Page(body)).Document;
        var blocks = document.Blocks;
        int title = document.TitleBlock!.Index;
        var native = blocks.Select(b => b.Index > title).ToArray();
        foreach (var block in blocks)
        {
            block.InMainContent = block.Index != title; // SmartReader's: the teaser above the headline and the story
        }

        Assert.That(ArticleTrust.SecondOpinionLoses(blocks, native, title), Is.EqualTo("SmartReader's article starts above the headline, the native one under it"));
        foreach (var block in blocks)
        {
            block.InMainContent = block.Index >= title; // from the headline down: taken
        }

        Assert.That(ArticleTrust.SecondOpinionLoses(blocks, native, title), Is.Null);
    }

    [Test]
    public void SmartReader_loses_to_the_native_article_that_the_headline_opens_when_its_own_comes_after_it()
    {
        var events = "<div class=\"side\"><h3>Featured events</h3><p>" + Para(4, "webinar") + "</p><p>" + Para(5, "register") + "</p></div>";
        var body = "<h1>The council approves the plan</h1><div class=\"x\"><p>" + Para(2) + "</p><p>" + Para(3) + "</p></div>" + events;
        var document = Native.CleanHtml(Page(body)).Document;
        var blocks = document.Blocks;
        int title = document.TitleBlock!.Index;
        int side = blocks.Single(b => b.Text == "Featured events").Index;
        var native = blocks.Select(b => b.Index > title && b.Index < side).ToArray();
        foreach (var block in blocks)
        {
            block.InMainContent = block.Index >= side; // SmartReader's: the side column after the story
        }

        const string After = "SmartReader's article comes after the native one, which the headline opens";
        Assert.That(ArticleTrust.SecondOpinionLoses(blocks, native, title), Is.EqualTo(After));
        Assert.That(ArticleTrust.SecondOpinionLoses(blocks, native, title, nativeIsShort: true), Is.Null,
            "under a very short native article (a lead), the story's body may come later");
        Assert.That(ArticleTrust.SecondOpinionLoses(blocks, native, -1), Is.Null, "no headline: nothing opens the native article");

        // Prose between the headline and the native article: the headline does not open it.
        var apart = blocks.Select(b => b.Index > title + 1 && b.Index < side).ToArray();
        Assert.That(ArticleTrust.SecondOpinionLoses(blocks, apart, title), Is.Null);

        // SmartReader's article that takes in the story as well is not after it.
        foreach (var block in blocks)
        {
            block.InMainContent = block.Index > title;
        }

        Assert.That(ArticleTrust.SecondOpinionLoses(blocks, native, title), Is.Null);
    }

    [Test]
    public void A_link_round_up_under_its_headline_is_not_lost_to_a_side_column_of_no_more_story()
    {
        // The round-up is very short in prose (its items are links), so Auto asks SmartReader, which
        // takes the side column after it: a teaser list and a newsletter prompt, no more story than
        // the round-up holds. The headline opens the round-up, so the native article stands.
        var items = new[] { "Why the new chip matters more than you think", "A short history of the spreadsheet", "How one small team rebuilt a search engine", "The quiet return of the RSS reader", "What programmers get wrong about time zones", "Inside the data centre that runs on seawater" };
        var body = Menu() + "<div id=\"content\"><div class=\"entry\"><h1>Friday links: what we read this week</h1><p>Here is what caught our eye this week.</p><ul>"
            + string.Concat(items.Select((t, i) => $"<li><a href=\"https://site{i}.example/story\">{t}</a> (a magazine)</li>")) + "</ul><p>See you next week.</p></div>"
            + "<div class=\"sidebar\"><h3>Popular</h3><ul><li><a href=\"/p/1\">Review: the best laptops of the year</a></li><li><a href=\"/p/2\">Our guide to home networking for beginners and everyone else</a></li></ul>"
            + "<p>Get the digest in your inbox every Friday morning, free of charge and without any advertising at all.</p></div></div>";
        var result = TextCleaner.Default.CleanHtml(Page(body, "Friday links: what we read this week"));
        Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.Native));
        Assert.That(result.ExtractorNote, Does.StartWith(Cleaner.Html.Extraction.NativeExtractor.VeryShortSign));
        Assert.That(result.ExtractorNote, Does.EndWith("SmartReader's article comes after the native one, which the headline opens, and holds no more story"));
        foreach (var item in items)
        {
            Assert.That(result.Text, Does.Contain(item));
        }

        Assert.That(result.Text, Does.Not.Contain("Get the digest"));
    }

    [Test]
    public void SmartReader_loses_to_the_native_article_when_its_article_is_mostly_links_and_the_native_one_is_not()
    {
        var archive = "<ul class=\"archive\">" + string.Concat(Enumerable.Range(1, 12).Select(i => $"<li><a href=\"/m{i}\">Posts of month {i}</a></li>")) + "</ul>";
        var body = archive + "<div class=\"x\"><p>" + Para(1) + "</p><p>" + Para(2) + "</p></div>";
        var document = Native.CleanHtml(Page(body)).Document;
        var blocks = document.Blocks;
        var native = blocks.Select(b => b.LinkDensity == 0).ToArray();
        foreach (var block in blocks)
        {
            block.InMainContent = block.LinkDensity > 0; // SmartReader's: the archive
        }

        Assert.That(ArticleTrust.SecondOpinionLoses(blocks, native, -1), Is.EqualTo("SmartReader's article is mostly links, the native one is not"));
        Assert.That(ArticleTrust.SecondOpinionLoses(blocks, blocks.Select(b => b.LinkDensity > 0).ToArray(), -1), Is.Null, "both are lists of links");
    }

    [Test]
    public void The_SmartReader_option_lets_SmartReader_decide()
    {
        var result = Reader.CleanHtml(TestPages.Page());
        Assert.That(result.ExtractedBy, Is.EqualTo(ContentExtractor.SmartReader));
        Assert.That(result.Text, Does.Contain(TestPages.Paragraphs[3]));
        Assert.That(TextCleaner.Default.Clean("Plain text has no extractor.").ExtractedBy, Is.Null);
    }

    [Test]
    public void The_extractor_is_deterministic()
    {
        var body = Menu() + "<div class=\"page\"><div class=\"x\">" + string.Concat(Enumerable.Range(1, 6).Select(i => $"<p>{Para(i)}</p>")) + "</div>"
            + "<div class=\"y\"><p>Opening hours: Monday to Friday</p></div></div>";
        var html = Page(body);
        var first = Native.CleanHtml(html);
        var results = new CleanResult[8];
        Parallel.For(0, results.Length, i => results[i] = Native.CleanHtml(html));
        foreach (var other in results)
        {
            Assert.That(other.Text, Is.EqualTo(first.Text));
            Assert.That(other.Removed.Select(r => r.Reason), Is.EqualTo(first.Removed.Select(r => r.Reason)));
        }
    }
}
