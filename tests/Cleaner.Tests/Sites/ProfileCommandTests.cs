using System.Text.Json;
using Cleaner.Sites;
using Cleaner.Tests.Cli;

namespace Cleaner.Tests.Sites;

public sealed class ProfileCommandTests : CliTestKit
{
    private static readonly string[] Sites = ["example.com", "news.example.org", "blog.example.net"];

    /// <summary>A JSONL crawl: pages of three sites (10, 7 and 4 pages), interleaved, plus a record without a URL.</summary>
    private string Crawl()
    {
        var lines = new List<string>();
        int id = 0;
        for (int round = 0; round < 10; round++)
        {
            for (int s = 0; s < Sites.Length; s++)
            {
                if (round < 10 - 3 * s)
                {
                    var url = $"https://{(s == 0 ? "www." : string.Empty)}{Sites[s]}/story/{id}";
                    lines.Add(JsonSerializer.Serialize(new { id, url, text = SitePages.Page(Sites[s], 1000 * s + round) }));
                    id++;
                }
            }
        }

        lines.Add(JsonSerializer.Serialize(new { id = "no-url", text = SitePages.Page("nowhere", 5) }));
        return WriteFile("crawl.jsonl", string.Join("\n", lines) + "\n");
    }

    [Test]
    public void Build_show_and_batch_with_profiles()
    {
        var crawl = Crawl();
        var build = Run("profile", "build", crawl, "--out", TempPath("profiles.bin"));
        Assert.That(build.ExitCode, Is.Zero, build.Err);
        Assert.That(build.ErrLines[^1], Does.StartWith("sites=3 pages=21 ").And.Contain("no-site=1"));

        var profiles = SiteProfileSet.Load(TempPath("profiles.bin"));
        Assert.That(profiles.Select(p => (p.Site, p.Pages)), Is.EquivalentTo(new[] { ("example.com", 10), ("news.example.org", 7), ("blog.example.net", 4) }));

        var show = Run("profile", "show", TempPath("profiles.bin"), "--top", "2");
        Assert.That(show.ExitCode, Is.Zero, show.Err);
        Assert.That(show.Out, Does.StartWith("3 sites, 21 pages, "));
        Assert.That(show.Out, Does.Contain("example.com\t10 pages\t"));
        Assert.That(show.Out, Does.Contain("    10/10  "));

        var batch = Run("batch", crawl, "--out", TempPath("clean.jsonl"), "--profiles", TempPath("profiles.bin"), "--reasons");
        Assert.That(batch.ExitCode, Is.Zero, batch.Err);
        var records = File.ReadAllLines(TempPath("clean.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var first = records[0];
        var tagline = SitePages.Chrome("example.com").Head[2];
        Assert.That(first.GetProperty("text").GetString(), Does.Not.Contain(tagline).And.Contain(SitePages.Article(0)[1]));
        Assert.That(first.GetProperty("removed").EnumerateArray().Select(r => (r.GetProperty("filter").GetString(), r.GetProperty("reason").GetString(), r.GetProperty("text").GetString())),
            Does.Contain(("site-boilerplate", "on 10 of 10 pages of example.com", tagline)));
        Assert.That(records[^1].GetProperty("removed").EnumerateArray().Select(r => r.GetProperty("filter").GetString()), Has.None.EqualTo("site-boilerplate"),
            "a record without a site is cleaned without a profile");

        var learnt = Run("batch", crawl, "--out", TempPath("learnt.jsonl"), "--learn-sites", "--reasons");
        Assert.That(learnt.ExitCode, Is.Zero, learnt.Err);
        Assert.That(learnt.Err, Does.Contain("learnt site profiles: sites=3 pages=21"));
        Assert.That(File.ReadAllText(TempPath("learnt.jsonl")), Is.EqualTo(File.ReadAllText(TempPath("clean.jsonl"))));

        var plain = Run("batch", crawl, "--out", TempPath("plain.jsonl"));
        var reprint = SitePages.Chrome("example.com").Tail[0];
        Assert.That(File.ReadAllText(TempPath("plain.jsonl")), Does.Contain(reprint));
        Assert.That(first.GetProperty("text").GetString(), Does.Not.Contain(reprint));
    }

    [Test]
    public void Shards_by_site_merge_to_the_profiles_of_one_run()
    {
        var crawl = Crawl();
        Assert.That(Run("profile", "build", crawl, "--out", TempPath("one.bin")).ExitCode, Is.Zero);
        var parts = new List<string>();
        for (int k = 0; k < 3; k++)
        {
            var part = TempPath($"part-{k}.bin");
            var run = Run("profile", "build", crawl, "--shard", $"{k}/3", "--shard-key", "site", "--out", part);
            Assert.That(run.ExitCode, Is.Zero, run.Err);
            Assert.That(run.ErrLines[^1], Does.Contain("other-shards="));
            parts.Add(part);
        }

        Assert.That(parts.Select(p => SiteProfileSet.Load(p).Count).Sum(), Is.EqualTo(3), "each site is in exactly one shard");
        var merge = Run(["profile", "merge", .. parts, "--out", TempPath("merged.bin")]);
        Assert.That(merge.ExitCode, Is.Zero, merge.Err);
        Assert.That(File.ReadAllBytes(TempPath("merged.bin")), Is.EqualTo(File.ReadAllBytes(TempPath("one.bin"))));

        // Sharded by record, a site is split over shards; merging still adds the counts up exactly.
        var byRecord = Enumerable.Range(0, 2).Select(k =>
        {
            var part = TempPath($"record-{k}.bin");
            Assert.That(Run("profile", "build", crawl, "--shard", $"{k}/2", "--shard-key", "record", "--out", part).ExitCode, Is.Zero);
            return SiteProfileSet.Load(part);
        }).ToList();
        Assert.That(SiteProfileSet.Merge(byRecord).SameCounts(SiteProfileSet.Load(TempPath("one.bin"))), Is.True);
    }

    [Test]
    public void Explain_and_clean_show_what_a_sites_profile_removes()
    {
        var crawl = Crawl();
        Assert.That(Run("profile", "build", crawl, "--out", TempPath("profiles.bin")).ExitCode, Is.Zero);
        var page = WriteFile("page.txt", SitePages.Page("example.com", 3));
        var tagline = SitePages.Chrome("example.com").Head[2];

        var explain = Run("explain", page, "--profiles", TempPath("profiles.bin"), "--site", "example.com");
        Assert.That(explain.ExitCode, Is.Zero, explain.Err);
        Assert.That(explain.Out.Split('\n'), Has.Some.Match($@"^DROP  site-boilerplate +{System.Text.RegularExpressions.Regex.Escape(tagline)}  \(on 10 of 10 pages of example.com\)$"));
        Assert.That(Run("explain", page).Out, Does.Not.Contain("site-boilerplate"), "without --profiles the page is judged alone");

        var clean = Run("clean", page, "--profiles", TempPath("profiles.bin"), "--url", "https://www.example.com/story/3");
        Assert.That(clean.ExitCode, Is.Zero, clean.Err);
        Assert.That(clean.Out, Does.Not.Contain(tagline).And.Contain(SitePages.Article(3)[1]), "--url names the site");
        Assert.That(Run("clean", page).Out, Does.Contain(SitePages.Chrome("example.com").Tail[0]));
        Assert.That(Run("clean", page, "--profiles", TempPath("profiles.bin")).ExitCode, Is.EqualTo(2), "three sites and no --site or --url: which one is not known");

        var several = Run("explain", page, "--profiles", TempPath("profiles.bin"));
        Assert.That(several.ExitCode, Is.EqualTo(2));
        Assert.That(several.Err, Does.Contain("holds the profiles of 3 sites; name one with --site"));
        var unknown = Run("explain", page, "--profiles", TempPath("profiles.bin"), "--site", "elsewhere.org");
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Err, Does.Contain("elsewhere.org: no such site in"));
        Assert.That(Run("explain", page, "--site", "example.com").Err, Does.Contain("give --profiles FILE too"));
        var bad = WriteFile("bad.bin", "CLEANER-PROFILES\u0001\u0000");
        Assert.That(Run("clean", page, "--profiles", bad).Err, Does.Contain("bad.bin: the profile file is truncated"));
    }

    [Test]
    public void A_bad_profile_file_or_option_is_a_usage_error()
    {
        var crawl = Crawl();
        var bad = WriteFile("bad.bin", "CLEANER-PROFILES\u0001\u0000");
        var batch = Run("batch", crawl, "--out", TempPath("clean.jsonl"), "--profiles", bad);
        Assert.That(batch.ExitCode, Is.EqualTo(2));
        Assert.That(batch.Err, Does.Contain("bad.bin: the profile file is truncated"));
        Assert.That(File.Exists(TempPath("clean.jsonl")), Is.False);

        Assert.That(Run("profile", "show", TempPath("missing.bin")).Err, Does.Contain("missing.bin: no such file"));
        Assert.That(Run("batch", crawl, "--learn-sites", "--profiles", bad).Err, Does.Contain("exclude each other"));
        Assert.That(RunWithInput(File.ReadAllText(crawl), "batch", "-", "--learn-sites").Err, Does.Contain("give files, not standard input"));
        Assert.That(Run("profile", "build", crawl, "--out", TempPath("x.bin"), "--shard-key", "page").ExitCode, Is.EqualTo(2));
        Assert.That(Run("profile", "build", crawl, "--out", TempPath("x.bin"), "--shard", "3/3").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void A_site_field_names_the_site()
    {
        var crawl = WriteFile("crawl.jsonl", string.Join("\n", Enumerable.Range(0, 4).Select(i =>
            JsonSerializer.Serialize(new { id = i, source = "Paper", text = SitePages.Page("paper", i) }))));
        var build = Run("profile", "build", crawl, "--site-field", "source", "--out", TempPath("p.bin"));
        Assert.That(build.ExitCode, Is.Zero, build.Err);
        Assert.That(SiteProfileSet.Load(TempPath("p.bin")).Single().Site, Is.EqualTo("paper"));
    }

    [Test]
    public void Eval_with_sites_builds_each_sites_profile_from_its_inputs()
    {
        var sites = new List<string>();
        for (int seed = 0; seed < 6; seed++)
        {
            WriteFile($"input/{seed}.txt", SitePages.Page("example.com", seed));
            WriteFile($"gold/{seed}.txt", string.Join("\n", SitePages.Article(seed).Skip(1)));
            sites.Add($"{seed}\t{(seed < 5 ? "example.com" : string.Empty)}");
        }

        var sitesFile = WriteFile("sites.tsv", string.Join("\n", sites) + "\n");
        var without = Run("eval", "--gold", TempPath("gold"), "--input", TempPath("input"), "--json");
        var with = Run("eval", "--gold", TempPath("gold"), "--input", TempPath("input"), "--sites", sitesFile, "--json");
        Assert.That(with.ExitCode, Is.Zero, with.Err);
        var before = JsonDocument.Parse(without.Out).RootElement.GetProperty("pages").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("precision").GetDouble());
        var after = JsonDocument.Parse(with.Out).RootElement.GetProperty("pages").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("precision").GetDouble());
        Assert.That(after["5"], Is.EqualTo(before["5"]), "a page without a site is cleaned as without profiles");
        Assert.That(Enumerable.Range(0, 5).Select(i => after[$"{i}"] - before[$"{i}"]), Has.All.GreaterThan(0));
        Assert.That(Run("eval", "--gold", TempPath("gold"), "--pred", TempPath("input"), "--sites", sitesFile).Err, Does.Contain("--sites needs --input"));
    }
}
