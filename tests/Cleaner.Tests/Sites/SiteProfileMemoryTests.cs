using Cleaner.Sites;

namespace Cleaner.Tests.Sites;

/// <summary>The caps that keep a profile builder's memory bounded on a crawl of any size.</summary>
public class SiteProfileMemoryTests
{
    [Test]
    public void A_site_never_holds_more_than_its_cap_and_keeps_its_chrome()
    {
        var builder = new SiteProfileBuilder(maxBlocksPerSite: 200, maxBlocks: 1_000_000);
        for (int seed = 0; seed < 300; seed++)
        {
            builder.AddText("example.com", SitePages.Page("example.com", seed)); // 5 own blocks a page: 1,500 in all
            Assert.That(builder.Blocks - SiteProfileBuilder.SiteCost, Is.LessThanOrEqualTo(200));
        }

        var profile = builder.Build().Find("example.com")!;
        Assert.That(builder.Prunings, Is.GreaterThan(0));
        Assert.That(profile.Pages, Is.EqualTo(300));
        Assert.That(profile.Count, Is.LessThanOrEqualTo(200));
        var (head, tail) = SitePages.Chrome("example.com");
        foreach (var line in head.Concat(tail))
        {
            Assert.That(profile.PagesWith(line), Is.EqualTo(300), line);
        }

        var page = TextCleaner.Default.WithSiteProfile(profile).Clean(SitePages.Page("example.com", 299));
        Assert.That(page.Text, Does.Not.Contain(tail[0]));
        Assert.That(page.Text, Does.Contain(SitePages.Article(299)[1]));
    }

    [Test]
    public void All_sites_together_stay_under_the_cap_and_the_rarest_fingerprints_go_first()
    {
        const int cap = 2_000;
        var builder = new SiteProfileBuilder(maxBlocksPerSite: 1_000, maxBlocks: cap);

        // One big site with chrome on every page, then many one-page sites whose blocks are all rare.
        for (int seed = 0; seed < 50; seed++)
        {
            builder.AddText("big.example", SitePages.Page("big.example", seed));
        }

        for (int i = 0; i < 500; i++)
        {
            builder.AddText($"small{i}.example", SitePages.Page($"small{i}.example", 10_000 + i));
            Assert.That(builder.Blocks, Is.LessThanOrEqualTo(cap));
        }

        var set = builder.Build();
        Assert.That(set.Sum(p => (long)p.Count + SiteProfileBuilder.SiteCost), Is.LessThanOrEqualTo(cap));
        var big = set.Find("big.example")!;
        Assert.That(big.Pages, Is.EqualTo(50));
        Assert.That(big.PagesWith(SitePages.Chrome("big.example").Tail[0]), Is.EqualTo(50), "the frequent blocks stay");
        Assert.That(big.PagesWith(SitePages.Article(3)[1]), Is.Zero, "the big site's blocks on one page went");
        Assert.That(set.Count, Is.LessThan(501), "one-page sites whose every block went are forgotten");
    }

    [Test]
    public void The_caps_must_be_sensible()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SiteProfileBuilder(maxBlocksPerSite: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SiteProfileBuilder(maxBlocks: 10));
        var builder = new SiteProfileBuilder();
        Assert.That((builder.MaxBlocksPerSite, builder.MaxBlocks), Is.EqualTo((SiteProfileBuilder.DefaultMaxBlocksPerSite, SiteProfileBuilder.DefaultMaxBlocks)));
    }
}
