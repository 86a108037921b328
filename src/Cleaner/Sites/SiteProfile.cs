namespace Cleaner.Sites;

/// <summary>
/// What the pages of one site have in common: for each normalised block (case, digits and white space
/// folded), the number of the site's pages it stands on, each page counted once, and the number of
/// pages seen. Made by <see cref="SiteProfileBuilder"/>; immutable and thread-safe, so one profile
/// serves any number of concurrent cleanings. Pass it per call with
/// <see cref="TextCleaner.WithSiteProfile(SiteProfile?)"/>; the <c>site-boilerplate</c> filter uses it.
/// </summary>
public sealed class SiteProfile
{
    /// <summary>The most frequent blocks whose text a profile keeps, for people to read.</summary>
    internal const int MaxSamples = 32;

    /// <summary>The longest sample text kept, in characters.</summary>
    internal const int MaxSampleLength = 200;

    /// <summary>The most article containers a profile keeps (the most frequent).</summary>
    internal const int MaxContainers = 8;

    private readonly ulong[] _keys;
    private readonly int[] _counts;

    /// <summary>Creates a profile from fingerprints sorted ascending, without duplicates, each with a count of 1 to <paramref name="pages"/>.</summary>
    internal SiteProfile(string site, int pages, ulong[] keys, int[] counts, SiteBlock[] samples, ulong[] sampleKeys, SiteContainer[]? containers = null)
    {
        Site = site;
        Pages = pages;
        _keys = keys;
        _counts = counts;
        MostFrequent = samples;
        SampleKeys = sampleKeys;
        Containers = containers ?? [];
    }

    /// <summary>The site, as given to the builder (for the command line: the host of the page's address, without <c>www.</c>).</summary>
    public string Site { get; }

    /// <summary>The number of pages of the site that went into the profile.</summary>
    public int Pages { get; }

    /// <summary>The number of distinct blocks (fingerprints) the profile holds.</summary>
    public int Count => _keys.Length;

    /// <summary>
    /// The site's most frequent blocks (up to 32, most pages first) in their normalised form (lower
    /// case, digits as 0, cut at 200 characters), for people to read: the filter goes by fingerprints.
    /// </summary>
    public IReadOnlyList<SiteBlock> MostFrequent { get; }

    /// <summary>
    /// The elements that held the article on the site's pages where the native extractor was sure of
    /// its choice (up to 8, most pages first), as a signature: the tag with its id or first class,
    /// digits folded to 0 (<c>div.post-body</c>, <c>div#post-0</c>). On a page of the site where the
    /// extractor's own choice is weak, the site's usual container is preferred.
    /// </summary>
    public IReadOnlyList<SiteContainer> Containers { get; }

    /// <summary>The fingerprints of <see cref="MostFrequent"/>, in the same order.</summary>
    internal ulong[] SampleKeys { get; }

    /// <summary>The fingerprints, sorted ascending.</summary>
    internal ReadOnlySpan<ulong> Keys => _keys;

    /// <summary>The number of pages of each fingerprint of <see cref="Keys"/>.</summary>
    internal ReadOnlySpan<int> Counts => _counts;

    /// <summary>The number of the site's pages on which a block with this text stands (normalised as the profile's blocks are), 0 when none.</summary>
    /// <param name="block">A block's text.</param>
    public int PagesWith(ReadOnlySpan<char> block) => PagesWith(BlockFingerprint.Of(block));

    /// <summary>The number of pages of a fingerprint, 0 when the profile does not hold it.</summary>
    internal int PagesWith(ulong fingerprint)
    {
        if (fingerprint == 0)
        {
            return 0;
        }

        int at = Array.BinarySearch(_keys, fingerprint);
        return at >= 0 ? _counts[at] : 0;
    }

    /// <summary>Whether two profiles hold the same site, pages, fingerprints and counts (the samples aside).</summary>
    internal bool SameCounts(SiteProfile other) =>
        Site == other.Site && Pages == other.Pages && Keys.SequenceEqual(other.Keys) && Counts.SequenceEqual(other.Counts)
        && Containers.SequenceEqual(other.Containers);

    /// <summary>Adds up two profiles of the same site: pages and the counts of each fingerprint.</summary>
    internal static SiteProfile Merge(SiteProfile a, SiteProfile b)
    {
        var keys = new List<ulong>(Math.Max(a._keys.Length, b._keys.Length));
        var counts = new List<int>(keys.Capacity);
        int i = 0, j = 0;
        while (i < a._keys.Length || j < b._keys.Length)
        {
            if (j >= b._keys.Length || (i < a._keys.Length && a._keys[i] < b._keys[j]))
            {
                keys.Add(a._keys[i]);
                counts.Add(a._counts[i++]);
            }
            else if (i >= a._keys.Length || b._keys[j] < a._keys[i])
            {
                keys.Add(b._keys[j]);
                counts.Add(b._counts[j++]);
            }
            else
            {
                keys.Add(a._keys[i]);
                counts.Add(a._counts[i++] + b._counts[j++]);
            }
        }

        var containers = a.Containers.Concat(b.Containers).GroupBy(c => c.Element, StringComparer.Ordinal)
            .Select(g => new SiteContainer(g.Key, g.Sum(c => c.Pages)));
        var merged = new SiteProfile(a.Site, a.Pages + b.Pages, [.. keys], [.. counts], [], [], TopContainers(containers));
        var texts = new Dictionary<ulong, string>();
        foreach (var p in new[] { a, b })
        {
            for (int k = 0; k < p.SampleKeys.Length; k++)
            {
                texts.TryAdd(p.SampleKeys[k], p.MostFrequent[k].Text);
            }
        }

        return merged.WithSamples(texts);
    }

    /// <summary>This profile with the samples of the given texts that are among its most frequent blocks.</summary>
    internal SiteProfile WithSamples(IReadOnlyDictionary<ulong, string> texts)
    {
        var chosen = texts
            .Select(t => (Key: t.Key, Text: t.Value, Pages: PagesWith(t.Key)))
            .Where(t => t.Pages > 0)
            .OrderByDescending(t => t.Pages).ThenBy(t => t.Key)
            .Take(MaxSamples)
            .ToArray();
        return new SiteProfile(Site, Pages, _keys, _counts,
            [.. chosen.Select(c => new SiteBlock(c.Text, c.Pages))], [.. chosen.Select(c => c.Key)], [.. Containers]);
    }

    /// <summary>The <see cref="MaxContainers"/> containers on the most pages, most pages first (ties by signature).</summary>
    internal static SiteContainer[] TopContainers(IEnumerable<SiteContainer> containers) =>
        [.. containers.OrderByDescending(c => c.Pages).ThenBy(c => c.Element, StringComparer.Ordinal).Take(MaxContainers)];

    /// <summary>
    /// The site's usual article container: the one that held the article on at least half of the
    /// site's pages and on at least <paramref name="minPages"/> of them; null when there is none.
    /// </summary>
    /// <param name="minPages">The least number of pages.</param>
    internal SiteContainer? UsualContainer(int minPages) =>
        Containers.Count > 0 && Containers[0] is var top && top.Pages >= minPages && top.Pages * 2 >= Pages ? top : null;

    /// <inheritdoc />
    public override string ToString() => $"{Site}: {Pages:N0} pages, {Count:N0} blocks";
}

/// <summary>An element that held the article on some of a site's pages, with the number of those pages.</summary>
/// <param name="Element">The element's signature: its tag with its id or first class, each run of digits as 0 (<c>div.post-body</c>, <c>article#post-0</c>).</param>
/// <param name="Pages">The number of the site's pages on which the native extractor, sure of its choice, found the article in it.</param>
public readonly record struct SiteContainer(string Element, int Pages)
{
    /// <summary>
    /// The signature of an element as <see cref="Html.Extraction.ContainerTree.Describe"/> names it
    /// ("div#post-7207" gives "div#post-0"); null for an element named by its tag alone (too common
    /// to tell a site's article apart).
    /// </summary>
    internal static string? Signature(string? described)
    {
        if (described is null || described.AsSpan().IndexOfAny('.', '#') < 0)
        {
            return null;
        }

        var folded = new System.Text.StringBuilder(described.Length);
        for (int i = 0; i < described.Length; i++)
        {
            if (char.IsAsciiDigit(described[i]))
            {
                if (i == 0 || !char.IsAsciiDigit(described[i - 1]))
                {
                    folded.Append('0');
                }
            }
            else
            {
                folded.Append(described[i]);
            }
        }

        return folded.ToString();
    }
}

/// <summary>A block of a site's pages, with the number of pages it stands on.</summary>
/// <param name="Text">The block's normalised text: lower case, each run of digits as 0, white space folded (cut at 200 characters).</param>
/// <param name="Pages">The number of the site's pages it stands on.</param>
public readonly record struct SiteBlock(string Text, int Pages);
