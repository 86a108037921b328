namespace Cleaner.Sites;

/// <summary>
/// Builds the profiles of many sites from their pages: plain text, HTML, or results already cleaned.
/// Each page's blocks are normalised and fingerprinted (see <see cref="SiteProfile"/>), each counted
/// once per page. Adding is thread-safe (the fingerprints are made outside the lock), so pages can be
/// added from several workers; <see cref="Build"/> freezes what was added into an immutable set.
/// </summary>
/// <remarks>
/// Memory is bounded: a site holds at most <see cref="MaxBlocksPerSite"/> fingerprints and all sites
/// together at most <see cref="MaxBlocks"/> (a site counts as <see cref="SiteCost"/> fingerprints of
/// its own). Past a cap the rarest fingerprints go first: every fingerprint on at most t pages, with t
/// the smallest count that brings the site (or the whole) down to three quarters of its cap; a site
/// left with no fingerprint is forgotten. Chrome stands on many pages and survives; a pruned block
/// seen again starts counting anew, so its count can only be low, never high. A fingerprint costs
/// about 50 bytes at most, so the default caps keep the builder under about 150 MB.
/// </remarks>
public sealed class SiteProfileBuilder
{
    /// <summary>The default of <see cref="MaxBlocksPerSite"/>.</summary>
    public const int DefaultMaxBlocksPerSite = 200_000;

    /// <summary>The default of <see cref="MaxBlocks"/>.</summary>
    public const int DefaultMaxBlocks = 2_000_000;

    /// <summary>What a site costs against <see cref="MaxBlocks"/>, in fingerprints, besides its own fingerprints.</summary>
    public const int SiteCost = 8;

    private readonly Dictionary<string, SiteCounts> _sites = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _sync = new();
    private long _total;

    /// <summary>Creates a builder with caps on the fingerprints it holds.</summary>
    /// <param name="maxBlocksPerSite">The most fingerprints one site holds (at least 16).</param>
    /// <param name="maxBlocks">The most fingerprints all sites hold together, site costs included (at least 64).</param>
    public SiteProfileBuilder(int maxBlocksPerSite = DefaultMaxBlocksPerSite, int maxBlocks = DefaultMaxBlocks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlocksPerSite, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlocks, 64);
        MaxBlocksPerSite = maxBlocksPerSite;
        MaxBlocks = maxBlocks;
    }

    /// <summary>The most fingerprints one site holds.</summary>
    public int MaxBlocksPerSite { get; }

    /// <summary>The most fingerprints all sites hold together (a site counts <see cref="SiteCost"/> besides its own).</summary>
    public int MaxBlocks { get; }

    /// <summary>The number of sites held now.</summary>
    public int Sites
    {
        get
        {
            lock (_sync)
            {
                return _sites.Count;
            }
        }
    }

    /// <summary>The fingerprints held now, site costs included (never more than <see cref="MaxBlocks"/> after an add returns).</summary>
    public long Blocks
    {
        get
        {
            lock (_sync)
            {
                return _total;
            }
        }
    }

    /// <summary>The number of times a cap made the builder forget its rarest fingerprints.</summary>
    public int Prunings { get; private set; }

    /// <summary>Adds a page of plain text: one block per non-empty line, trimmed, as <see cref="TextCleaner.Clean(string)"/> splits it.</summary>
    /// <param name="site">The page's site (for example <see cref="SiteProfileSet.SiteOf(Uri)"/>).</param>
    /// <param name="text">The page's text.</param>
    public void AddText(string site, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new List<Range>();
        var span = text.AsSpan();
        int pos = 0;
        while (pos < span.Length)
        {
            int end = span[pos..].IndexOfAny('\n', '\r');
            int lineEnd = end < 0 ? span.Length : pos + end;
            var line = span[pos..lineEnd];
            int lead = line.Length - line.TrimStart().Length;
            int length = line.Trim().Length;
            if (length > 0)
            {
                blocks.Add(new Range(pos + lead, pos + lead + length));
            }

            pos = lineEnd + 1;
        }

        AddPage(site, text, blocks);
    }

    /// <summary>Adds an HTML page: its blocks as <see cref="TextCleaner.CleanHtml(string, Uri?)"/> makes them.</summary>
    /// <param name="site">The page's site.</param>
    /// <param name="html">The page's markup.</param>
    /// <param name="url">The page's address, when known.</param>
    public void AddHtml(string site, string html, Uri? url = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = TextCleaner.BlocksOfHtml(html, url);
        Add(site, document);
    }

    /// <summary>Adds a page that was already cleaned: every block of the result, kept or removed.</summary>
    /// <param name="site">The page's site.</param>
    /// <param name="result">The result of cleaning the page (a result that came back untouched adds nothing).</param>
    public void Add(string site, CleanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Add(site, result.Document);
    }

    private void Add(string site, Document document) =>
        AddPage(site, document.Source, [.. document.Blocks.Select(b => new Range(b.Start, b.Start + b.Length))], SureContainer(document));

    /// <summary>
    /// The signature of the element that holds the page's article when the native extractor was sure
    /// of it (see <see cref="SiteProfile.Containers"/>), or null.
    /// </summary>
    private static string? SureContainer(Document document) =>
        document.ExtractedBy == ContentExtractor.Native && document.ExtractorNote is null ? SiteContainer.Signature(document.ArticleContainer) : null;

    /// <summary>Freezes what was added into an immutable set of profiles, one per site. The builder stays usable.</summary>
    public SiteProfileSet Build()
    {
        lock (_sync)
        {
            return new SiteProfileSet(_sites.Values.Select(s => s.Freeze()));
        }
    }

    /// <summary>Counts a page's distinct fingerprints for its site; a page with no text adds nothing.</summary>
    private void AddPage(string site, string source, List<Range> blocks, string? container = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(site);
        var seen = new Dictionary<ulong, Range>(blocks.Count);
        foreach (var range in blocks)
        {
            ulong key = BlockFingerprint.Of(source.AsSpan()[range]);
            if (key != 0)
            {
                seen.TryAdd(key, range);
            }
        }

        if (seen.Count == 0)
        {
            return;
        }

        lock (_sync)
        {
            if (!_sites.TryGetValue(site, out var counts))
            {
                _sites[site] = counts = new SiteCounts(site);
                _total += SiteCost;
            }

            int before = counts.Count;
            counts.AddPage(seen, source, container);
            _total += counts.Count - before;
            if (counts.Count > MaxBlocksPerSite)
            {
                _total -= counts.Count;
                counts.Prune(Threshold(counts.CountsOfKeys(), counts.Count, MaxBlocksPerSite * 3L / 4));
                _total += counts.Count;
                Prunings++;
                if (counts.Count == 0)
                {
                    _sites.Remove(site);
                    _total -= SiteCost;
                }
            }

            if (_total > MaxBlocks)
            {
                PruneAll();
            }
        }
    }

    /// <summary>Brings every site's fingerprints down until the whole is at three quarters of <see cref="MaxBlocks"/>.</summary>
    private void PruneAll()
    {
        long target = MaxBlocks * 3L / 4;
        while (_total > target && _sites.Count > 0)
        {
            long fingerprints = _total - (long)_sites.Count * SiteCost;
            int t = Threshold(_sites.Values.SelectMany(s => s.CountsOfKeys()), fingerprints, Math.Max(0, target - (long)_sites.Count * SiteCost));
            foreach (var counts in _sites.Values.ToList())
            {
                _total -= counts.Count;
                counts.Prune(t);
                _total += counts.Count;
                if (counts.Count == 0)
                {
                    _sites.Remove(counts.Site);
                    _total -= SiteCost;
                }
            }

            Prunings++;
        }
    }

    /// <summary>The smallest count t such that dropping every fingerprint on at most t pages leaves at most <paramref name="target"/> (at least 1).</summary>
    private static int Threshold(IEnumerable<int> counts, long total, long target)
    {
        var histogram = new SortedDictionary<int, long>();
        foreach (int c in counts)
        {
            histogram[c] = histogram.GetValueOrDefault(c) + 1;
        }

        long left = total;
        foreach (var (count, n) in histogram)
        {
            left -= n;
            if (left <= target)
            {
                return count;
            }
        }

        return histogram.Count > 0 ? histogram.Keys.Last() : 1;
    }

    /// <summary>One site's pages and fingerprint counts while building, with samples of its frequent blocks.</summary>
    private sealed class SiteCounts(string site)
    {
        private readonly Dictionary<ulong, int> _counts = [];
        private readonly Dictionary<ulong, string> _samples = [];
        private readonly Dictionary<string, int> _containers = new(StringComparer.Ordinal);
        private int _sampleFloor;

        public string Site { get; } = site;

        public int Pages { get; private set; }

        public int Count => _counts.Count;

        public IEnumerable<int> CountsOfKeys() => _counts.Values;

        public void AddPage(Dictionary<ulong, Range> page, string source, string? container)
        {
            Pages++;
            if (container is not null)
            {
                CountContainer(container);
            }

            foreach (var (key, range) in page)
            {
                ref int count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, key, out _);
                count++;
                if (count >= 2 && !_samples.ContainsKey(key))
                {
                    Sample(key, count, source.AsSpan()[range]);
                }
            }
        }

        /// <summary>Counts the page's article container; past <see cref="MaxContainers"/> signatures, the rarest (but this one) are forgotten.</summary>
        private void CountContainer(string container)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_containers, container, out _)++;
            if (_containers.Count > MaxContainers)
            {
                int rarest = _containers.Where(c => c.Key != container).Min(c => c.Value);
                foreach (var (key, count) in _containers)
                {
                    if (count == rarest && key != container)
                    {
                        _containers.Remove(key);
                    }
                }
            }
        }

        /// <summary>The most article container signatures a site holds while building.</summary>
        private const int MaxContainers = 64;

        /// <summary>Keeps the text of a frequent block, in the place of the least frequent sample when all places are taken.</summary>
        private void Sample(ulong key, int count, ReadOnlySpan<char> text)
        {
            if (_samples.Count >= SiteProfile.MaxSamples)
            {
                if (count <= _sampleFloor)
                {
                    return;
                }

                var (least, leastCount) = _samples.Keys.Select(k => (k, _counts.GetValueOrDefault(k))).MinBy(s => (s.Item2, s.k));
                _sampleFloor = leastCount;
                if (leastCount >= count)
                {
                    return;
                }

                _samples.Remove(least);
            }

            _samples[key] = BlockFingerprint.Normalize(text, SiteProfile.MaxSampleLength);
        }

        /// <summary>Forgets every fingerprint on at most <paramref name="threshold"/> pages.</summary>
        public void Prune(int threshold)
        {
            foreach (var (key, count) in _counts)
            {
                if (count <= threshold)
                {
                    _counts.Remove(key);
                    _samples.Remove(key);
                }
            }

            _counts.TrimExcess();
            _sampleFloor = 0;
        }

        public SiteProfile Freeze()
        {
            var keys = _counts.Keys.ToArray();
            var values = _counts.Values.ToArray();
            Array.Sort(keys, values);
            return new SiteProfile(Site, Pages, keys, values, [], [],
                SiteProfile.TopContainers(_containers.Select(c => new SiteContainer(c.Key, c.Value)))).WithSamples(_samples);
        }
    }
}
