using Cleaner.Filters;
using Cleaner.Sites;

namespace Cleaner.Tests.Sites;

public class SiteProfileTests
{
    private const string Site = "example.com";
    private static readonly string Tagline = SitePages.Chrome(Site).Head[2];

    private static SiteProfileSet Build(string site, IEnumerable<int> seeds, SiteProfileBuilder? builder = null)
    {
        builder ??= new SiteProfileBuilder();
        foreach (int seed in seeds)
        {
            builder.AddText(site, SitePages.Page(site, seed));
        }

        return builder.Build();
    }

    [Test]
    public void A_profile_removes_the_sites_repeated_lines_and_keeps_each_pages_own_text()
    {
        var profile = Build(Site, Enumerable.Range(0, 40)).Find(Site)!;
        Assert.That(profile.Pages, Is.EqualTo(40));
        var cleaner = TextCleaner.Default.WithSiteProfile(profile);
        var (head, tail) = SitePages.Chrome(Site);
        foreach (int seed in new[] { 0, 17, 39 })
        {
            var result = cleaner.Clean(SitePages.Page(Site, seed));
            foreach (var line in SitePages.Article(seed))
            {
                Assert.That(result.Text, Does.Contain(line), $"page {seed} lost its own text");
            }

            foreach (var line in head.Concat(tail).Append($"{seed % 28 + 1} comments"))
            {
                Assert.That(result.Text, Does.Not.Contain(line), $"page {seed} kept the chrome line '{line}'");
            }

            // The prose-like reprint notice and the foreign-language lines go only thanks to the profile.
            var reprint = result.Blocks.Single(b => b.Text == tail[0]);
            Assert.That((reprint.Filter, reprint.Reason), Is.EqualTo(("site-boilerplate", "on 40 of 40 pages of example.com")));
            Assert.That(TextCleaner.Default.Clean(SitePages.Page(Site, seed)).Text, Does.Contain(tail[0]));
        }
    }

    [Test]
    public void Every_removal_says_on_how_many_of_the_sites_pages_the_block_stands()
    {
        var builder = new SiteProfileBuilder();
        for (int seed = 0; seed < 40; seed++)
        {
            var page = SitePages.Page(Site, seed);
            builder.AddText(Site, seed < 37 ? page : page.Replace(Tagline, "Kontakt", StringComparison.Ordinal));
        }

        var result = TextCleaner.Default.WithSiteProfile(builder.Build().Find(Site)).Clean(SitePages.Page(Site, 1));
        var block = result.Blocks.Single(b => b.Text == Tagline);
        Assert.That(block.Filter, Is.EqualTo("site-boilerplate"));
        Assert.That(block.Reason, Is.EqualTo("on 37 of 40 pages of example.com"));
        Assert.That(result.Removed.Where(r => r.Filter == "site-boilerplate").Select(r => r.Reason),
            Has.All.Matches(@"^on \d+ of 40 pages of example\.com$"));
    }

    [Test]
    public void Without_a_profile_cleaning_is_unchanged()
    {
        var page = SitePages.Page(Site, 3);
        var plain = TextCleaner.Default.Clean(page);
        var withNull = TextCleaner.Default.WithSiteProfile(null).Clean(page);
        Assert.That(TextCleaner.Default.WithSiteProfile(null), Is.SameAs(TextCleaner.Default));
        Assert.That(withNull.Text, Is.EqualTo(plain.Text));
        Assert.That(plain.Removed.Select(r => r.Filter), Has.None.EqualTo("site-boilerplate"));
    }

    [Test]
    public void The_defaults_leave_small_sites_and_blocks_on_few_pages_alone()
    {
        var filter = new SiteBoilerplateFilter();
        Assert.That((filter.Options.MinShare, filter.Options.MinPages), Is.EqualTo((0.5, 3)));

        // Two pages: below the minimum, nothing goes however alike they are.
        var two = Build(Site, [1, 2]).Find(Site)!;
        Assert.That(TextCleaner.Default.WithSiteProfile(two).Clean(SitePages.Page(Site, 1)).Removed.Select(r => r.Filter),
            Has.None.EqualTo("site-boilerplate"));

        // A block on 4 of 10 pages stays (under half), one on 5 of 10 goes.
        var builder = new SiteProfileBuilder();
        for (int seed = 0; seed < 10; seed++)
        {
            var extra = (seed < 4 ? "\nSponsored by the gardeners' union" : string.Empty) + (seed < 5 ? "\nListen to the podcast" : string.Empty);
            builder.AddText(Site, SitePages.Page(Site, seed) + extra);
        }

        var page = SitePages.Page(Site, 0) + "\nSponsored by the gardeners' union\nListen to the podcast";
        var result = TextCleaner.CreateBuilder().Clear().Add(new SiteBoilerplateFilter()).Build()
            .WithSiteProfile(builder.Build().Find(Site)).Clean(page);
        Assert.That(result.Blocks.Single(b => b.Text == "Sponsored by the gardeners' union").IsRemoved, Is.False);
        Assert.That(result.Blocks.Single(b => b.Text == "Listen to the podcast").Reason, Is.EqualTo("on 5 of 10 pages of example.com"));
    }

    [Test]
    public void The_thresholds_are_options()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SiteBoilerplateFilter(new SiteBoilerplateOptions { MinShare = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SiteBoilerplateFilter(new SiteBoilerplateOptions { MinShare = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SiteBoilerplateFilter(new SiteBoilerplateOptions { MinPages = 1 }));
        var profile = Build(Site, Enumerable.Range(0, 4)).Find(Site)!;
        var strict = TextCleaner.CreateBuilder().Configure<SiteBoilerplateOptions>(o => o with { MinPages = 5 }).Build();
        Assert.That(strict.WithSiteProfile(profile).Clean(SitePages.Page(Site, 0)).Removed.Select(r => r.Filter), Has.None.EqualTo("site-boilerplate"));
        Assert.That(TextCleaner.Default.WithSiteProfile(profile).Clean(SitePages.Page(Site, 0)).Removed.Select(r => r.Filter), Has.Some.EqualTo("site-boilerplate"));
    }

    [Test]
    public void Blocks_are_normalised_for_case_digits_and_white_space()
    {
        var builder = new SiteProfileBuilder();
        builder.AddText(Site, "12 Comments\nShare  THIS\tstory");
        builder.AddText(Site, "3 comments\n  share this story  ");
        var profile = builder.Build().Find(Site)!;
        Assert.That(profile.PagesWith("4512 COMMENTS"), Is.EqualTo(2));
        Assert.That(profile.PagesWith("Share this story"), Is.EqualTo(2));
        Assert.That(profile.PagesWith("Share this story!"), Is.Zero);
        Assert.That(profile.Count, Is.EqualTo(2));
        Assert.That(profile.MostFrequent.Select(b => b.Text), Is.EquivalentTo(new[] { "0 comments", "share this story" }));
        Assert.That(BlockFingerprint.Of(new string('x', 600) + " 12"), Is.EqualTo(BlockFingerprint.Of(new string('X', 600) + "\t 7")));
    }

    [Test]
    public void A_block_counts_once_per_page()
    {
        var builder = new SiteProfileBuilder();
        builder.AddText(Site, "Top\nTop\nTop\nArticle one");
        builder.AddText(Site, "Top\nArticle two");
        builder.AddText(Site, "   \n\n");
        var profile = builder.Build().Find(Site)!;
        Assert.That(profile.PagesWith("Top"), Is.EqualTo(2));
        Assert.That(profile.Pages, Is.EqualTo(2), "a page with no text adds nothing");
        Assert.That(profile.MostFrequent, Is.EqualTo(new[] { new SiteBlock("top", 2) }));
    }

    [Test]
    public void Html_pages_and_cleaned_results_give_the_same_blocks_as_cleaning_sees()
    {
        static string Html(int seed) =>
            "<html><head><title>" + SitePages.Article(seed)[0] + "</title></head><body><nav><p>Weather and traffic for the valley</p></nav><article><h1>"
            + SitePages.Article(seed)[0] + "</h1>" + string.Concat(SitePages.Article(seed).Skip(1).Select(p => $"<p>{p}</p>"))
            + "</article><footer><p>Printed by the valley press cooperative since 1921</p></footer></body></html>";

        var fromHtml = new SiteProfileBuilder();
        var fromResults = new SiteProfileBuilder();
        for (int seed = 0; seed < 6; seed++)
        {
            fromHtml.AddHtml(Site, Html(seed));
            fromResults.Add(Site, TextCleaner.Default.CleanHtml(Html(seed)));
        }

        var profile = fromHtml.Build().Find(Site)!;
        Assert.That(fromResults.Build().SameCounts(fromHtml.Build()), Is.True);
        Assert.That(profile.PagesWith("Printed by the valley press cooperative since 1921"), Is.EqualTo(6));
        var result = TextCleaner.Default.WithSiteProfile(profile).CleanHtml(Html(2));
        Assert.That(result.Title, Is.EqualTo(SitePages.Article(2)[0]));
        Assert.That(result.Text, Does.Not.Contain("valley press"));
        Assert.That(result.Text, Does.Contain(SitePages.Article(2)[3]));
    }

    [TestCase("by Jane Doe on July {0}, 2012", "Posted by Jane Doe at 10:{0} am")]
    [TestCase("von Erika Mustermann am {0}. März 2012", "Zuletzt aktualisiert: {0}:15 Uhr")]
    public void A_dated_byline_stays_though_its_shape_stands_on_every_page(string byline, string stamp)
    {
        // One author writes the whole blog: the byline differs from page to page only in its digits,
        // which the profile folds. The date makes it the page's own; a time of day alone does not.
        var builder = new SiteProfileBuilder();
        string Page(int seed) => string.Join("\n", SitePages.Article(seed).Take(1)
            .Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, byline, seed % 28 + 1))
            .Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, stamp, seed % 50 + 10))
            .Concat(SitePages.Article(seed).Skip(1)));
        for (int seed = 0; seed < 10; seed++)
        {
            builder.AddText(Site, Page(seed));
        }

        var result = TextCleaner.Default.WithSiteProfile(builder.Build().Find(Site)).Clean(Page(3));
        var dated = string.Format(System.Globalization.CultureInfo.InvariantCulture, byline, 4);
        Assert.That(result.Blocks.Single(b => b.Text == dated).Filter, Is.Not.EqualTo("site-boilerplate"));
        var timed = result.Blocks.Single(b => b.Text == string.Format(System.Globalization.CultureInfo.InvariantCulture, stamp, 13));
        Assert.That((timed.Filter, timed.Reason), Is.EqualTo(("site-boilerplate", "on 10 of 10 pages of example.com")));
    }

    [Test]
    public void Merging_equals_building_from_the_union()
    {
        var whole = Build(Site, Enumerable.Range(0, 30));
        var parts = new[] { Build(Site, Enumerable.Range(0, 7)), Build(Site, Enumerable.Range(7, 13)), Build(Site, Enumerable.Range(20, 10)) };
        var other = Build("other.org", Enumerable.Range(100, 5));
        var merged = SiteProfileSet.Merge([.. parts, other]);
        Assert.That(merged.Count, Is.EqualTo(2));
        Assert.That(merged.Find(Site)!.SameCounts(whole.Find(Site)!), Is.True);
        Assert.That(merged.Find("other.org")!.SameCounts(other.Find("other.org")!), Is.True);
        Assert.That(merged.Find(Site)!.MostFrequent.Take(5), Is.EqualTo(whole.Find(Site)!.MostFrequent.Take(5)));
        Assert.That(SiteProfileSet.Merge([SiteProfileSet.Empty, whole]).SameCounts(whole), Is.True);
    }

    [Test]
    public void Sharding_by_site_and_merging_gives_the_same_profiles_as_one_run()
    {
        var sites = Enumerable.Range(0, 12).Select(i => $"site{i}.example").ToArray();
        var pages = sites.SelectMany((s, i) => Enumerable.Range(i * 100, 3 + i).Select(seed => (Site: s, Seed: seed))).ToArray();
        var one = new SiteProfileBuilder();
        foreach (var (site, seed) in pages)
        {
            one.AddText(site, SitePages.Page(site, seed));
        }

        const int shards = 4;
        var partial = Enumerable.Range(0, shards).Select(k =>
        {
            var builder = new SiteProfileBuilder();
            foreach (var (site, seed) in pages.Where(p => (int)((uint)StringComparer.Ordinal.GetHashCode(p.Site) % shards) == k))
            {
                builder.AddText(site, SitePages.Page(site, seed));
            }

            return builder.Build();
        }).ToList();

        var merged = SiteProfileSet.Merge(partial);
        Assert.That(merged.SameCounts(one.Build()), Is.True);
        Assert.That(Bytes(merged), Is.EqualTo(Bytes(one.Build())));
    }

    [Test]
    public void Save_and_load_round_trip()
    {
        var set = SiteProfileSet.Merge([Build(Site, Enumerable.Range(0, 12)), Build("ünïcode.example", [5, 6, 7])]);
        var loaded = SiteProfileSet.Load(new MemoryStream(Bytes(set)));
        Assert.That(loaded.SameCounts(set), Is.True);
        Assert.That(loaded.Select(p => p.MostFrequent), Is.EqualTo(set.Select(p => p.MostFrequent)));
        Assert.That(Bytes(loaded), Is.EqualTo(Bytes(set)));

        var path = Path.Combine(Path.GetTempPath(), $"profiles-{Guid.NewGuid():N}.bin");
        try
        {
            set.Save(path);
            Assert.That(SiteProfileSet.Load(path).SameCounts(set), Is.True);
            Assert.That(Directory.GetFiles(Path.GetTempPath(), $".{Path.GetFileName(path)}*"), Is.Empty, "no temporary file is left");
        }
        finally
        {
            File.Delete(path);
        }

        Assert.That(SiteProfileSet.Load(new MemoryStream(Bytes(SiteProfileSet.Empty))).Count, Is.Zero);
    }

    [Test]
    public void A_profile_file_takes_about_ten_bytes_a_block()
    {
        var set = Build(Site, Enumerable.Range(0, 200));
        long blocks = set.Sum(p => (long)p.Count);
        Assert.That(blocks, Is.GreaterThan(1000));
        Assert.That(Bytes(set).Length, Is.LessThan(blocks * 12 + 8000));
    }

    [Test]
    public void A_truncated_or_corrupt_file_is_a_clear_error()
    {
        var bytes = Bytes(Build(Site, Enumerable.Range(0, 5)));
        string Error(byte[] b) => Assert.Throws<InvalidDataException>(() => SiteProfileSet.Load(new MemoryStream(b)))!.Message;

        Assert.That(Error([]), Does.Contain("not a Cleaner site profile file"));
        Assert.That(Error("{\"sites\": []}"u8.ToArray()), Does.Contain("not a Cleaner site profile file"));
        Assert.That(Error(bytes[..20]), Does.Contain("truncated"));
        for (int cut = 26; cut < bytes.Length; cut += Math.Max(1, bytes.Length / 50))
        {
            Assert.That(Error(bytes[..cut]), Does.Contain("truncated"), $"cut at {cut}");
        }

        Assert.That(Error([.. bytes, 0]), Does.Contain("corrupt"));
        for (int at = 26; at < bytes.Length; at += Math.Max(1, bytes.Length / 50))
        {
            var flipped = (byte[])bytes.Clone();
            flipped[at] ^= 0x10;
            Assert.That(Error(flipped), Does.Contain("corrupt"), $"byte {at} changed");
        }

        var newer = (byte[])bytes.Clone();
        newer[16] = 9;
        Assert.That(Error(newer), Does.Contain("format version 9"));
    }

    [Test]
    public void Sixteen_threads_share_one_profile_with_identical_output()
    {
        var profile = Build(Site, Enumerable.Range(0, 30)).Find(Site)!;
        var cleaner = TextCleaner.Default;
        var pages = Enumerable.Range(0, 30).Select(seed => SitePages.Page(Site, seed)).ToArray();
        var expected = pages.Select(p => cleaner.WithSiteProfile(profile).Clean(p).Text).ToArray();
        var outputs = new string[16][];
        using var start = new Barrier(16);
        var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            outputs[t] = [.. Enumerable.Range(0, pages.Length * 4).Select(i => (i + t) % pages.Length)
                .Select(i => (i, cleaner.WithSiteProfile(profile).Clean(pages[i]).Text)).OrderBy(x => x.i).DistinctBy(x => x.i).Select(x => x.Text)];
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.That(outputs, Has.All.EqualTo(expected));
        Assert.That(expected, Has.All.Not.Contain(Tagline));
    }

    [Test]
    public void Pages_added_from_many_threads_give_the_same_profile_as_one_thread()
    {
        var one = Build(Site, Enumerable.Range(0, 64));
        var builder = new SiteProfileBuilder();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, seed => builder.AddText(Site, SitePages.Page(Site, seed)));
        Assert.That(builder.Build().SameCounts(one), Is.True);
    }

    internal static byte[] Bytes(SiteProfileSet set)
    {
        using var stream = new MemoryStream();
        set.Save(stream);
        return stream.ToArray();
    }
}
