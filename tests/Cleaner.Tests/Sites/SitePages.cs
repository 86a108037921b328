namespace Cleaner.Tests.Sites;

/// <summary>Generated pages of made-up sites: the same chrome on every page, and each page's own article.</summary>
internal static class SitePages
{
    private static readonly string[] Words =
    [
        "river", "council", "budget", "teacher", "harvest", "engine", "market", "village", "storm", "library",
        "doctor", "bridge", "festival", "garden", "station", "museum", "harbour", "forest", "factory", "school",
        "election", "mountain", "painter", "season", "island", "kitchen", "railway", "orchestra", "vineyard", "lighthouse",
    ];

    /// <summary>The chrome lines of a site, in page order: head lines, then tail lines.</summary>
    public static (string[] Head, string[] Tail) Chrome(string site) =>
    (
        [$"{site.ToUpperInvariant()} DAILY", "Home | World | Business | Sport | Culture", "Le journal qui vous parle de votre ville depuis 1921", "Search"],
        [
            $"This article is reprinted with permission from {site}, where it first appeared; all reuse of it needs the written consent of its editors and of the author.",
            "Zum Newsletter anmelden",
            "Contact us", "Jobs at the paper", $"© 2012 {site}",
        ]
    );

    /// <summary>One page's own article: a headline and paragraphs of prose no other page holds.</summary>
    public static string[] Article(int seed)
    {
        var random = new Random(seed);
        string Word() => Words[random.Next(Words.Length)];
        var lines = new List<string> { $"The {Word()} of {Word()} story number {seed} takes a new turn" };
        for (int p = 0; p < 4; p++)
        {
            var words = Enumerable.Range(0, 28).Select(i => i % 7 == 0 ? "the" : Word());
            lines.Add($"Page {seed} paragraph {p}: " + string.Join(' ', words) + ", and that is what the people of the town said about it.");
        }

        return [.. lines];
    }

    /// <summary>A whole page as plain text: chrome, then the article, then chrome (digits in the chrome change from page to page).</summary>
    public static string Page(string site, int seed)
    {
        var (head, tail) = Chrome(site);
        return string.Join("\n", head.Append($"{seed % 28 + 1} comments").Concat(Article(seed)).Concat(tail));
    }
}
