namespace Cleaner.Tests.Html;

/// <summary>Metadata from JSON-LD, OpenGraph, meta tags and the page itself, kept out of the body.</summary>
public class HtmlMetadataTests
{
    [Test]
    public void JSON_LD_gives_title_author_date_site_and_language()
    {
        const string JsonLd = """
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Example Web"},
              {"@type":"NewsArticle","headline":"City Council Approves the New Riverside Library Plan",
               "author":[{"@type":"Person","name":"Jane Fielding"},{"@type":"Person","name":"Tom Baker"}],
               "datePublished":"2024-03-05T09:30:00+01:00","inLanguage":"en-GB",
               "publisher":{"@type":"Organization","name":"The Daily Example"}}]}
            </script>
            """;
        var result = TextCleaner.Default.CleanHtml(TestPages.Page(head: JsonLd + "<link rel=\"canonical\" href=\"/news/library\">"), new Uri("https://example.org/x?y=1"));
        var meta = result.Metadata;
        Assert.That(meta.Title, Is.EqualTo(TestPages.Headline));
        Assert.That(meta.Byline, Is.EqualTo("Jane Fielding, Tom Baker"));
        Assert.That(meta.Published, Is.EqualTo(new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.FromHours(1))));
        Assert.That(meta.SiteName, Is.EqualTo("The Daily Example"));
        Assert.That(meta.Language, Is.EqualTo("en"), "<html lang> comes first");
        Assert.That(meta.CanonicalUrl, Is.EqualTo(new Uri("https://example.org/news/library")));
    }

    [Test]
    public void OpenGraph_and_meta_tags_give_the_metadata_without_JSON_LD()
    {
        const string Head = """
            <meta property="og:title" content="Riverside library approved">
            <meta property="og:site_name" content="The Daily Example">
            <meta property="article:published_time" content="2024-03-05T08:00:00Z">
            <meta name="author" content="Jane Fielding">
            <meta property="og:url" content="https://example.org/news/library">
            """;
        var result = TextCleaner.Default.CleanHtml(TestPages.Page(head: Head, lang: "en-US"));
        var meta = result.Metadata;
        Assert.That(meta.Byline, Is.EqualTo("Jane Fielding"));
        Assert.That(meta.Published, Is.EqualTo(new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.Zero)));
        Assert.That(meta.SiteName, Is.EqualTo("The Daily Example"));
        Assert.That(meta.Language, Is.EqualTo("en-US"));
        Assert.That(meta.CanonicalUrl, Is.EqualTo(new Uri("https://example.org/news/library")));
        Assert.That(result.Title, Is.EqualTo(TestPages.Headline), "the page's headline block, which the og:title names");
    }

    [TestCase("<link rel=stylesheet href=/a.css><link rel=\"alternate canonical\" href=/news/storm>", "<p itemprop=author>x</p><span itemprop=datePublished content=2024-05-06>6 May</span>", "2024-05-06")]
    [TestCase("<link rel=canonicalx href=/no><link rel=canonical href=/news/storm>", "<time datetime=2023-01-02>2 Jan</time><time pubdate datetime=2024-07-08>8 July</time>", "2024-07-08")]
    [TestCase("<link href=/no><link rel=canonical href=/news/storm>", "<div itemprop=\"datePublished\">2024-09-10</div><time pubdate datetime=2020-01-01>later</time>", "2024-09-10")]
    public void The_canonical_link_and_the_date_element_are_the_first_the_selectors_match(string head, string dated, string date)
    {
        var html = $"<html><head><title>Storm closes the harbour road</title>{head}</head><body><article>{dated}"
            + string.Concat(TestPages.Paragraphs.Select(p => $"<p>{p}</p>")) + "</article></body></html>";
        var meta = TextCleaner.Default.CleanHtml(html, new Uri("https://example.org/a")).Metadata;
        Assert.That(meta.CanonicalUrl, Is.EqualTo(new Uri("https://example.org/news/storm")));
        Assert.That(meta.Published, Is.EqualTo(DateTimeOffset.Parse(date + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void A_relative_canonical_link_without_a_page_address_is_no_address()
    {
        var html = "<html><head><title>Storm closes the harbour road</title><link rel=canonical href=\"/news/storm\"></head><body><article>"
            + string.Concat(TestPages.Paragraphs.Select(p => $"<p>{p}</p>")) + "</article></body></html>";
        Assert.That(TextCleaner.Default.CleanHtml(html).Metadata.CanonicalUrl, Is.Null, "not file:///news/storm");
        Assert.That(TextCleaner.Default.CleanHtml(html, new Uri("https://example.org/a")).Metadata.CanonicalUrl,
            Is.EqualTo(new Uri("https://example.org/news/storm")));
    }

    [Test]
    public void Without_metadata_the_title_element_loses_the_site_name()
    {
        var html = "<html><head><title>Storm closes the harbour road for two days | The Daily Example</title></head><body><article>"
            + string.Concat(TestPages.Paragraphs.Select(p => $"<p>{p}</p>")) + "</article></body></html>";
        var result = TextCleaner.Default.CleanHtml(html);
        Assert.That(result.Metadata.Title, Is.EqualTo("Storm closes the harbour road for two days"));
        Assert.That(result.Metadata.Byline, Is.Null);
        Assert.That(result.Metadata.Published, Is.Null);
        Assert.That(result.Metadata.CanonicalUrl, Is.Null);
        Assert.That(result.Text, Does.StartWith(TestPages.Paragraphs[0]), "no headline block in the page: the body starts the text");
    }

    [TestCase("https://www.harbourblog.com/2012/storm", null)]
    [TestCase(null, "https://harbourblog.com/2012/storm")]
    public void A_title_part_that_spells_the_sites_address_is_the_site_name_however_short_the_rest(string? url, string? canonical)
    {
        static string Html(string? canonical) =>
            $"<html><head><title>Storm — The Harbour Blog</title>{(canonical is null ? "" : $"<link rel=canonical href=\"{canonical}\">")}</head><body>"
            + "<h1><a href=\"/\">The Harbour Blog</a></h1><div class=\"post\"><h2>Storm</h2>"
            + string.Concat(TestPages.Paragraphs.Select(p => $"<p>{p}</p>")) + "</div></body></html>";
        var result = TextCleaner.Default.CleanHtml(Html(canonical), url is null ? null : new Uri(url));
        Assert.That(result.Metadata.Title, Is.EqualTo("Storm"));
        Assert.That(result.Document.TitleBlock?.Text, Is.EqualTo("Storm"));

        // Without an address, the longest part is taken, as before.
        Assert.That(TextCleaner.Default.CleanHtml(Html(null)).Metadata.Title, Is.EqualTo("The Harbour Blog"));
    }

    [Test]
    public void A_run_of_title_parts_that_a_heading_shows_is_the_title()
    {
        static string Html(string heading) =>
            "<html><head><title>Harbour Council Blog: The Weekly Report - Storm closes the harbour road</title></head><body>"
            + "<h1><a href=\"/\">Harbour Council Blog</a></h1><div class=\"post\"><h3>" + heading + "</h3>"
            + string.Concat(TestPages.Paragraphs.Select(p => $"<p>{p}</p>")) + "</div></body></html>";

        // Between dashes the longest part is the blog's name with the show's; the post's heading shows the rest.
        var shown = TextCleaner.Default.CleanHtml(Html("The Weekly Report - Storm closes the harbour road"));
        Assert.That(shown.Metadata.Title, Is.EqualTo("The Weekly Report - Storm closes the harbour road"));
        Assert.That(shown.Document.TitleBlock?.Text, Is.EqualTo("The Weekly Report - Storm closes the harbour road"));

        // A heading that shows no run of the title leaves the longest part, as before: it seeds the
        // blog's name as the title block (the defect that the heading's run mends).
        Assert.That(TextCleaner.Default.CleanHtml(Html("Road closed")).Metadata.Title, Is.EqualTo("Harbour Council Blog"));
    }

    [TestCase("Storm closes the harbour road | The Daily Example", new[] { "The Daily Example", "Storm closes the harbour road" }, "Storm closes the harbour road")]
    [TestCase("Storm closes the harbour road | The Daily Example", new[] { "The Daily Example" }, "The Daily Example")]
    [TestCase("Blog: Storm - closes the road", new[] { "Storm - closes the road", "Storm" }, "Storm - closes the road")]
    [TestCase("Storm closes the harbour road", new[] { "Storm closes the harbour road" }, null)]
    [TestCase("Storm | News", new[] { "News", "Storm" }, null)]
    [TestCase("Weather: 12:30 update", new[] { "12:30 update" }, "12:30 update")]
    public void A_heading_confirms_the_longest_run_of_title_parts_it_shows(string title, string[] headings, string? expected) =>
        Assert.That(Cleaner.Html.HtmlMetadataReader.HeadingTitle(title, headings), Is.EqualTo(expected));

    [TestCase("Harbour Blog: Storm closes the road", "harbourblog", "Storm closes the road")]
    [TestCase("The Harbour Blog: Storm closes the road | Weather", "harbourblog", "Storm closes the road")]
    [TestCase("Freelance Freedom 284: Unacceptable Excuses", "freelanceswitch", "Freelance Freedom 284: Unacceptable Excuses")]
    [TestCase("Storm: the road closes for a week", "harbourblog", "Storm: the road closes for a week")]
    [TestCase("Harbour Blog: Storm closes the road", null, "Harbour Blog: Storm closes the road")]
    public void A_colon_after_a_name_that_spells_the_host_parts_the_site_from_the_title(string title, string? hostKey, string expected) =>
        Assert.That(Cleaner.Html.HtmlMetadataReader.CleanTitle(title, null, hostKey), Is.EqualTo(expected));

    [Test]
    public void A_title_too_long_for_a_headline_is_not_matched_against_the_headings()
    {
        var parts = string.Join(" | ", Enumerable.Range(0, 400).Select(i => $"part {i}"));
        Assert.That(Cleaner.Html.HtmlMetadataReader.HeadingTitle(parts, ["part 1 | part 2"]), Is.Null);
        Assert.That(Cleaner.Html.HtmlMetadataReader.HeadingTitle("part 0 | part 1 | part 2", ["part 1 | part 2"]), Is.EqualTo("part 1 | part 2"));
    }

    [Test]
    public void A_heading_that_spells_the_site_never_confirms_the_title()
    {
        Assert.That(Cleaner.Html.HtmlMetadataReader.HeadingTitle("Storm closes the road | Harbour Blog", ["Harbour Blog"], hostKey: "harbourblog"), Is.Null);
        Assert.That(Cleaner.Html.HtmlMetadataReader.HeadingTitle("Storm closes the road | Daily Example", ["Daily Example"], siteName: "Daily Example"), Is.Null);
    }

    [TestCase("Paulo Coelho's Blog", "paulocoelhoblog", true)]
    [TestCase("Web Ink Now", "webinknow", true)]
    [TestCase("Schneier on Security", "schneier", true)]
    [TestCase("nook", "paulocoelhoblog", false)]
    [TestCase("Storm closes the harbour road", "harbourblog", false)]
    public void A_part_names_the_host_when_its_letters_hold_or_begin_as_the_hosts(string part, string key, bool names) =>
        Assert.That(Cleaner.Html.HtmlMetadataReader.NamesHost(part, key), Is.EqualTo(names));

    [Test]
    public void Broken_JSON_LD_is_ignored()
    {
        var result = TextCleaner.Default.CleanHtml(TestPages.Page(head: "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script><meta name=\"author\" content=\"Jane Fielding\">"));
        Assert.That(result.Metadata.Byline, Is.EqualTo("Jane Fielding"));
        Assert.That(result.Title, Is.EqualTo(TestPages.Headline));
    }

    [Test]
    public void A_dateline_that_repeats_the_metadata_stays_out_of_the_body()
    {
        var html = TestPages.Page(
            "<p class=\"meta\">By Jane Fielding</p><p><time datetime=\"2024-03-05\">March 5, 2024</time></p>",
            head: "<meta name=\"author\" content=\"Jane Fielding\"><meta name=\"date\" content=\"2024-03-05\">");
        var result = TextCleaner.Default.CleanHtml(html);
        Assert.That(result.Text, Does.Not.Contain("Jane Fielding"));
        Assert.That(result.Text, Does.Not.Contain("March 5, 2024"));
        Assert.That(result.Metadata.Published?.Date, Is.EqualTo(new DateTime(2024, 3, 5)));
    }
}
