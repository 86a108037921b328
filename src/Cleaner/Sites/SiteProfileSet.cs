using System.Collections;

namespace Cleaner.Sites;

/// <summary>
/// The profiles of many sites, by site: what <see cref="SiteProfileBuilder.Build"/> makes, what a
/// profile file holds. Immutable and thread-safe. Sets merge (<see cref="Merge(IEnumerable{SiteProfileSet})"/>:
/// pages and counts add up, so building is a map-reduce), and save to and load from a compact
/// binary file with a version header and a checksum.
/// </summary>
public sealed class SiteProfileSet : IReadOnlyCollection<SiteProfile>
{
    private readonly SiteProfile[] _profiles;
    private readonly Dictionary<string, SiteProfile> _bySite;

    /// <summary>Creates a set from profiles of distinct sites.</summary>
    internal SiteProfileSet(IEnumerable<SiteProfile> profiles)
    {
        _profiles = [.. profiles.OrderBy(p => p.Site, StringComparer.Ordinal)];
        _bySite = new Dictionary<string, SiteProfile>(_profiles.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var profile in _profiles)
        {
            if (!_bySite.TryAdd(profile.Site, profile))
            {
                throw new InvalidDataException($"the site '{profile.Site}' is in the set twice");
            }
        }
    }

    /// <summary>A set with no site.</summary>
    public static SiteProfileSet Empty { get; } = new([]);

    /// <summary>The number of sites.</summary>
    public int Count => _profiles.Length;

    /// <summary>The number of pages of all sites.</summary>
    public long Pages => _profiles.Sum(p => (long)p.Pages);

    /// <summary>The profile of a site (compared without regard to case), or null when the set has none.</summary>
    /// <param name="site">The site, as the profiles were built with it (see <see cref="SiteOf(Uri)"/>).</param>
    public SiteProfile? Find(string site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return _bySite.GetValueOrDefault(site);
    }

    /// <summary>
    /// The site of a page's address as the command line names sites: its host in lower case, without
    /// a leading <c>www.</c>; null for an address without a host.
    /// </summary>
    /// <param name="url">The page's address.</param>
    public static string? SiteOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Host.Length == 0)
        {
            return null;
        }

        var host = url.IdnHost.ToLowerInvariant().TrimEnd('.');
        return host.StartsWith("www.", StringComparison.Ordinal) && host.Length > 4 ? host[4..] : host;
    }

    /// <summary>
    /// Adds sets up: a site in several sets gets the sum of their pages and of each block's counts
    /// (the same profile as building from all their pages at once, while no cap was reached).
    /// </summary>
    /// <param name="sets">The sets to merge.</param>
    public static SiteProfileSet Merge(IEnumerable<SiteProfileSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var bySite = new Dictionary<string, SiteProfile>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in sets)
        {
            ArgumentNullException.ThrowIfNull(set);
            foreach (var profile in set._profiles)
            {
                bySite[profile.Site] = bySite.TryGetValue(profile.Site, out var seen) ? SiteProfile.Merge(seen, profile) : profile;
            }
        }

        return new SiteProfileSet(bySite.Values);
    }

    /// <summary>Writes the set to a stream in the profile file format (see <see cref="Load(Stream)"/>).</summary>
    /// <param name="stream">A writable stream; it is not closed.</param>
    public void Save(Stream stream) => SiteProfileFile.Write(this, stream);

    /// <summary>Writes the set to a file, through a temporary file renamed at the end (an interrupted save leaves no partial file).</summary>
    /// <param name="path">The file to write; it is replaced if it exists.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var file = File.Create(temp))
            {
                Save(file);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Reads a set from a stream written by <see cref="Save(Stream)"/>, to its end.</summary>
    /// <param name="stream">A readable stream; it is not closed.</param>
    /// <exception cref="InvalidDataException">The stream is not a profile file, is of a newer version, is truncated or corrupt (the message says which).</exception>
    public static SiteProfileSet Load(Stream stream) => SiteProfileFile.Read(stream);

    /// <summary>Reads a set from a file written by <see cref="Save(string)"/>.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InvalidDataException">The file is not a profile file, is of a newer version, is truncated or corrupt (the message says which).</exception>
    public static SiteProfileSet Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = File.OpenRead(path);
        return Load(file);
    }

    /// <summary>Whether two sets hold the same sites with the same pages and counts (the samples aside).</summary>
    internal bool SameCounts(SiteProfileSet other) =>
        Count == other.Count && _profiles.Zip(other._profiles).All(p => p.First.SameCounts(p.Second));

    /// <inheritdoc />
    public IEnumerator<SiteProfile> GetEnumerator() => ((IEnumerable<SiteProfile>)_profiles).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
