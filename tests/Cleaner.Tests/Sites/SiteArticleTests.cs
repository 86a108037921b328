using System.Buffers.Binary;
using Cleaner.Sites;

namespace Cleaner.Tests.Sites;

/// <summary>What a site's profile tells the native extractor: the site's repeated boxes are not the article, and where the site keeps its article.</summary>
public class SiteArticleTests
{
    private const string Site = "example.com";

    /// <summary>Prose of a page: sentences of words picked by the seed, in English or German.</summary>
    private static string Prose(int seed, int sentences, bool german = false)
    {
        string[] words = german
            ? ["Fluss", "Rat", "Haushalt", "Lehrerin", "Ernte", "Markt", "Dorf", "Sturm", "Bücherei", "Brücke", "Garten", "Bahnhof"]
            : ["river", "council", "budget", "teacher", "harvest", "market", "village", "storm", "library", "bridge", "garden", "station"];
        var random = new Random(seed);
        var text = new List<string>();
        for (int s = 0; s < sentences; s++)
        {
            var picked = Enumerable.Range(0, 14).Select(_ => words[random.Next(words.Length)]);
            text.Add(german
                ? $"Der {string.Join(" und der ", picked.Take(2))} sagten am Abend, dass die {string.Join(" ", picked.Skip(2))} nicht genug seien."
                : $"The {string.Join(" and the ", picked.Take(2))} said in the evening that the {string.Join(" ", picked.Skip(2))} were not enough.");
        }

        return string.Join(' ', text);
    }

    /// <summary>
    /// A blog post whose sidebar holds the blogger's profile, the same long prose on every page and
    /// longer than the post: on its own, the page's prose is in the profile box.
    /// </summary>
    private static string BlogPage(int seed, bool german)
    {
        string bio = german
            ? "Ich lebe, ich lerne, ich unterrichte. Hier teile ich, was ich in der Schule und in der Stadt erlebe, und was mir die Leute am Abend erzählen, wenn der Markt schließt und die Bücherei ihre Türen zumacht. "
            : "I live, I learn, I teach. Here I share what I see at school and in town, and what people tell me in the evening when the market closes and the library shuts its doors for the night. ";
        return "<html><head><title>Post " + seed + "</title></head><body>"
            + "<div class=\"entries\"><div class=\"post\"><h1>Post " + seed + "</h1><div class=\"post-body\"><p>" + Prose(seed, 2, german) + "</p></div></div></div>"
            + "<div class=\"column\"><div class=\"profile-block\"><p>" + bio + bio + "</p><p>" + bio + "</p></div></div>"
            + "</body></html>";
    }

    [TestCase(false)]
    [TestCase(true)]
    public void The_sites_repeated_box_is_not_taken_for_the_article(bool german)
    {
        var builder = new SiteProfileBuilder();
        for (int seed = 0; seed < 6; seed++)
        {
            builder.AddHtml(Site, BlogPage(seed, german));
        }

        var profile = builder.Build().Find(Site)!;
        var page = BlogPage(3, german);
        var alone = TextCleaner.Default.CleanHtml(page);
        Assert.That(alone.ArticleContainer, Is.EqualTo("div.profile-block"), "without the profile the box's prose wins");
        Assert.That(alone.Text, Does.Contain(german ? "Ich lebe" : "I live, I learn"));
        Assert.That(profile.Containers[0], Is.EqualTo(new SiteContainer("div.profile-block", 6)),
            "learnt without the profile; the box, all of it the site's chrome, cannot be the article with it");

        var sited = TextCleaner.Default.WithSiteProfile(profile).CleanHtml(page);
        Assert.That(sited.ArticleContainer, Is.EqualTo("div.post-body"));
        Assert.That(sited.Text, Does.Contain(Prose(3, 2, german)));
        Assert.That(sited.Text, Does.Not.Contain("I live, I learn").And.Not.Contain("Ich lebe"));
    }

    [Test]
    public void A_page_of_a_site_seen_once_or_twice_is_unchanged()
    {
        foreach (int pages in new[] { 1, 2 })
        {
            var builder = new SiteProfileBuilder();
            for (int seed = 0; seed < pages; seed++)
            {
                builder.AddHtml(Site, BlogPage(seed, false));
            }

            var page = BlogPage(0, false);
            var alone = TextCleaner.Default.CleanHtml(page);
            var sited = TextCleaner.Default.WithSiteProfile(builder.Build().Find(Site)).CleanHtml(page);
            Assert.That(sited.Text, Is.EqualTo(alone.Text));
            Assert.That(sited.ArticleContainer, Is.EqualTo(alone.ArticleContainer));
            Assert.That(sited.Removed.Select(r => r.Reason), Is.EqualTo(alone.Removed.Select(r => r.Reason)));
        }
    }

    /// <summary>
    /// A news page (no headline) whose article stands in div.entry; with <paramref name="letter"/>, a
    /// reader's letter somewhat longer than the article stands in a column of its own (different on
    /// every page), so that the page alone takes the letter for the article, and is unsure of it.
    /// </summary>
    private static string NewsPage(int seed, bool letter, bool german = false) =>
        "<html><head></head><body><div id=\"page-" + seed + "\">"
        + "<div class=\"main\"><div class=\"entry\"><p>" + Prose(seed, 2, german) + "</p><p>" + Prose(seed + 1000, 1, german) + "</p></div></div>"
        + (letter ? "<div class=\"column\"><div class=\"panel\"><p>" + Prose(seed + 500, 3, german) + "</p><p>" + Prose(seed + 700, 2, german) + "</p></div></div>" : "")
        + "</div></body></html>";

    private static SiteProfile NewsProfile(bool german = false)
    {
        var builder = new SiteProfileBuilder();
        for (int seed = 0; seed < 6; seed++)
        {
            builder.AddHtml(Site, NewsPage(seed, letter: false, german));
        }

        builder.AddHtml(Site, NewsPage(9, letter: true, german));
        return builder.Build().Find(Site)!;
    }

    [TestCase(false)]
    [TestCase(true)]
    public void The_site_learns_its_article_container_from_the_pages_where_the_extractor_is_sure(bool german)
    {
        var profile = NewsProfile(german);
        Assert.That(profile.Containers, Is.EqualTo(new[] { new SiteContainer("div.entry", 6) }), "the seventh page's choice was weak and does not count");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void On_a_page_where_the_extractor_is_unsure_the_sites_article_container_decides(bool german)
    {
        var page = NewsPage(9, letter: true, german);
        var native = TextCleaner.CreateBuilder().WithOptions(o => o with { Extractor = ContentExtractor.Native }).Build();
        var alone = native.CleanHtml(page);
        Assert.That(alone.ArticleContainer, Is.EqualTo("div.panel"), "alone, the page takes the letter for the article");
        Assert.That(alone.Text, Does.Not.Contain(Prose(9, 2, german)));

        foreach (var cleaner in new[] { native, TextCleaner.Default })
        {
            var sited = cleaner.WithSiteProfile(NewsProfile(german)).CleanHtml(page);
            Assert.That(sited.ArticleContainer, Is.EqualTo("div.entry"));
            Assert.That(sited.ExtractedBy, Is.EqualTo(ContentExtractor.Native), "the site's evidence settles the doubt: no second opinion");
            Assert.That(sited.Text, Does.Contain(Prose(9, 2, german)));
            Assert.That(sited.Text, Does.Not.Contain(Prose(509, 3, german)));
            var letter = sited.Blocks.Single(b => b.Text == Prose(509, 3, german));
            Assert.That(letter.Reason, Does.EndWith("for the article's div.entry (the site's article container div.entry, on 6 of 7 pages of example.com)"));
        }
    }

    [Test]
    public void Containers_are_signatures_with_digits_folded()
    {
        Assert.That(SiteContainer.Signature("div#post-7207"), Is.EqualTo("div#post-0"));
        Assert.That(SiteContainer.Signature("div.post-body"), Is.EqualTo("div.post-body"));
        Assert.That(SiteContainer.Signature("article.h2o-12x3"), Is.EqualTo("article.h0o-0x0"));
        Assert.That(SiteContainer.Signature("div"), Is.Null, "a bare tag says nothing of the site");
        Assert.That(SiteContainer.Signature(null), Is.Null);
    }

    [Test]
    public void Containers_merge_and_round_trip_through_the_file()
    {
        var profile = NewsProfile();
        var set = SiteProfileSet.Merge([new SiteProfileSet([profile]), new SiteProfileSet([profile])]);
        Assert.That(set.Find(Site)!.Containers, Is.EqualTo(new[] { new SiteContainer("div.entry", 12) }));

        using var stream = new MemoryStream();
        set.Save(stream);
        var loaded = SiteProfileSet.Load(new MemoryStream(stream.ToArray()));
        Assert.That(loaded.Find(Site)!.Containers, Is.EqualTo(set.Find(Site)!.Containers));
        Assert.That(loaded.SameCounts(set), Is.True);
    }

    [Test]
    public void A_version_1_file_still_loads_without_containers_and_a_newer_one_is_a_clear_error()
    {
        // A version 1 file: the body without the (empty) list of containers that ends each site.
        var builder = new SiteProfileBuilder();
        for (int seed = 0; seed < 5; seed++)
        {
            builder.AddText(Site, SitePages.Page(Site, seed));
        }

        var set = builder.Build();
        using var stream = new MemoryStream();
        set.Save(stream);
        var v2 = stream.ToArray();
        var body = v2.AsSpan(26, v2.Length - 34).ToArray();
        Assert.That(body[^1], Is.Zero, "the site's container count");
        var v1 = WithBody(v2, 1, body[..^1]);
        var loaded = SiteProfileSet.Load(new MemoryStream(v1));
        Assert.That(loaded.SameCounts(set), Is.True);
        Assert.That(loaded.Find(Site)!.Containers, Is.Empty);

        var error = Assert.Throws<InvalidDataException>(() => SiteProfileSet.Load(new MemoryStream(WithBody(v2, 3, body))))!.Message;
        Assert.That(error, Is.EqualTo("the profile file has format version 3; this Cleaner reads versions 1 to 2"));
    }

    /// <summary>
    /// A recipe post: the site's article template puts the same line under the headline ("Cooked and
    /// written down by the whole family"), the same headings ("Ingredients:", "Directions:") between the post's own paragraphs on every page, with a link to the blog's
    /// section, and the same sign-off line after them; the sidebar repeats the blog's tagline.
    /// </summary>
    private static string RecipePage(int seed) =>
        "<html><head><title>Recipe " + seed + "</title></head><body>"
        + "<div class=\"post\"><h1>Recipe " + seed + "</h1><div class=\"post-body\">"
        + "<p>Cooked and written down by the whole family</p>"
        + "<p>" + Prose(seed, 3) + "</p>"
        + "<p><a href=\"/kitchen\">More from the kitchen</a></p>"
        + "<h3>Ingredients:</h3><p>" + Prose(seed + 100, 2) + "</p>"
        + "<h3>Directions:</h3><p>" + Prose(seed + 200, 3) + "</p>"
        + "<p>Thank you for cooking along with our little kitchen, and see you next week for more.</p>"
        + "</div></div>"
        + "<div class=\"column\"><p>The family kitchen where the river meets the garden, since the old days.</p></div>"
        + "</body></html>";

    private static SiteProfile RecipeProfile(IEnumerable<int> seeds) => ProfileOf(seeds, RecipePage);

    /// <summary>The profile of the site's pages made by <paramref name="page"/> from <paramref name="seeds"/>, added in that order.</summary>
    private static SiteProfile ProfileOf(IEnumerable<int> seeds, Func<int, string> page)
    {
        var builder = new SiteProfileBuilder();
        foreach (int seed in seeds)
        {
            builder.AddHtml(Site, page(seed));
        }

        return builder.Build().Find(Site)!;
    }

    [Test]
    public void Headings_of_the_sites_article_template_between_the_pages_own_paragraphs_stay()
    {
        var profile = RecipeProfile(Enumerable.Range(0, 5));
        var page = RecipePage(2);
        var sited = TextCleaner.Default.WithSiteProfile(profile).CleanHtml(page);
        foreach (var own in new[] { Prose(2, 3), Prose(102, 2), Prose(202, 3) })
        {
            Assert.That(sited.Text, Does.Contain(own));
        }

        Assert.That(sited.Text, Does.Contain("Ingredients:").And.Contain("Directions:"), "each article has them: the template's, not chrome");
        Assert.That(sited.Text, Does.Contain("Cooked and written down"), "between the headline and the article's own text: the template's, not chrome");
        Assert.That(sited.Text, Does.Not.Contain("Thank you for cooking").And.Not.Contain("The family kitchen"), "after the article's own text, and in the sidebar: the site's chrome");
        Assert.That(sited.Text, Does.Not.Contain("More from the kitchen"), "a link between the paragraphs is no heading");
        var signOff = sited.Blocks.Single(b => b.Text.StartsWith("Thank you for cooking", StringComparison.Ordinal));
        Assert.That(signOff.Reason, Is.EqualTo("on 5 of 5 pages of example.com"));
    }

    [Test]
    public void Template_headings_are_judged_the_same_whatever_the_order_the_pages_were_added_in()
    {
        var page = RecipePage(4);
        var forward = TextCleaner.Default.WithSiteProfile(RecipeProfile(Enumerable.Range(0, 5))).CleanHtml(page);
        var backward = TextCleaner.Default.WithSiteProfile(RecipeProfile(Enumerable.Range(0, 5).Reverse())).CleanHtml(page);
        Assert.That(backward.Text, Is.EqualTo(forward.Text));
        Assert.That(backward.Blocks.Select(b => (b.IsRemoved, b.Reason)), Is.EqualTo(forward.Blocks.Select(b => (b.IsRemoved, b.Reason))));
        Assert.That(TextCleaner.Default.WithSiteProfile(RecipeProfile(Enumerable.Range(0, 5))).CleanHtml(page).Text, Is.EqualTo(forward.Text));
    }

    /// <summary>
    /// A news post whose template puts the same question under the headline on every page ("What is
    /// the latest development?"), after the post's own dateline (a standalone date, which the dates
    /// filter removes before the site's profile is read), then the post's own paragraphs.
    /// </summary>
    private static string DatedPostPage(int seed) =>
        "<html><head><title>" + Headline(seed) + "</title></head><body>"
        + "<div class=\"post\"><h1>" + Headline(seed) + "</h1>"
        + "<p>" + (seed % 12 + 1) + "/" + (seed % 28 + 1) + "/2012</p>"
        + "<div class=\"post-body\"><p>What is the latest development?</p>"
        + "<p>" + Prose(seed, 3) + "</p><p>" + Prose(seed + 100, 2) + "</p>"
        + "</div></div>"
        + "<div class=\"column\"><p>The valley's own newsroom, where the river meets the old mill, since the old days.</p></div>"
        + "</body></html>";

    /// <summary>A headline of the post's own words.</summary>
    private static string Headline(int seed) => string.Join(' ', Prose(seed + 500, 1).Split(' ').Skip(1).Take(7));

    [Test]
    public void A_line_of_the_sites_article_template_under_the_headline_stays_when_a_removed_dateline_stands_between()
    {
        var profile = ProfileOf(Enumerable.Range(0, 5), DatedPostPage);
        var sited = TextCleaner.Default.WithSiteProfile(profile).CleanHtml(DatedPostPage(3));
        var dateline = sited.Blocks.Single(b => b.Text == "4/4/2012");
        Assert.That(dateline.IsRemoved, Is.True, "the dates filter removes the dateline first");
        Assert.That(dateline.Filter, Is.EqualTo("dates"));
        Assert.That(sited.Text, Does.Contain("What is the latest development?"), "between the headline and the post's own text, the removed dateline aside: the template's, not chrome");
        Assert.That(sited.Text, Does.Contain(Prose(3, 3)).And.Contain(Prose(103, 2)));
        Assert.That(sited.Text, Does.Not.Contain("newsroom"), "the sidebar's line is the site's chrome");
    }

    /// <summary>
    /// A picture blog's post: a headline, a picture and one short line of its own; the rest of the
    /// page is the blog's chrome, the same prose on every page (its description, a request to link
    /// back, a note under the post).
    /// </summary>
    private static string PicturePage(int seed) =>
        "<html><head><title>" + Headline(seed) + "</title></head><body>"
        + "<div id=\"header\"><p>The Curious Garden is a place for pictures that made us look twice, collected by two friends who never stop looking.</p></div>"
        + "<div class=\"post\"><h2>" + Headline(seed) + "</h2>"
        + "<div class=\"storycontent\"><p><img src=\"/p" + seed + ".jpg\"> Found via " + Credit(seed) + "</p></div>"
        + "<div class=\"credit\"><p>If you find anything interesting in The Curious Garden and decide to share it, please link back to us, it helps a lot.</p></div></div>"
        + "<div id=\"sidebar\"><p>We post a few pictures every day, from designers, painters and photographers of all kinds, and we always name them.</p></div>"
        + "</body></html>";

    /// <summary>Whom a picture comes from: three words of the post's own.</summary>
    private static string Credit(int seed) => string.Join(' ', Prose(seed + 50, 1).Split(' ').Where((_, i) => i is 1 or 4 or 10));

    [Test]
    public void A_short_post_with_no_prose_outside_the_sites_chrome_is_the_whole_article()
    {
        var profile = ProfileOf(Enumerable.Range(0, 5), PicturePage);
        var page = PicturePage(3);
        var sited = TextCleaner.Default.WithSiteProfile(profile).CleanHtml(page);
        Assert.That(sited.Document.ExtractorNote, Is.Null, "the page has nothing else: its short article is not weak, and SmartReader is not asked");
        Assert.That(sited.ExtractedBy, Is.EqualTo(ContentExtractor.Native));
        Assert.That(sited.ArticleContainer, Is.EqualTo("div.storycontent"));
        Assert.That(sited.Text, Does.Contain(Headline(3)).And.Contain("Found via " + Credit(3)));
        Assert.That(sited.Text, Does.Not.Contain("link back").And.Not.Contain("Curious Garden is a place").And.Not.Contain("We post a few"));
    }

    /// <summary>A profile file with the header of <paramref name="file"/>, the given version and body, and the body's checksum.</summary>
    private static byte[] WithBody(byte[] file, ushort version, byte[] body)
    {
        var bytes = new byte[26 + body.Length + 8];
        file.AsSpan(0, 16).CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(16), version);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(18), (ulong)body.Length);
        body.CopyTo(bytes, 26);
        ulong hash = 14695981039346656037UL;
        foreach (byte b in body)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(26 + body.Length), hash);
        return bytes;
    }
}
