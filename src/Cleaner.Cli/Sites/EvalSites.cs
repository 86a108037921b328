using Cleaner.Cli.Inputs;
using Cleaner.Sites;

namespace Cleaner.Cli.Sites;

/// <summary>
/// Site profiles for <c>cleaner eval --sites FILE</c>: the file gives each page's site
/// (<c>id&lt;TAB&gt;site</c>, empty when unknown); each site's profile is built from that site's input
/// pages of the set (never from the gold), and each page is cleaned with its site's profile.
/// </summary>
internal static class EvalSites
{
    private static readonly TextCleaner BlocksOnly = TextCleaner.CreateBuilder().Clear().Build();

    /// <summary>The profile of each page's site (null for a page without a site), built from the inputs of <paramref name="ids"/>.</summary>
    /// <exception cref="ProfileFileException">The sites file cannot be read.</exception>
    public static Func<string, SiteProfile?> Build(string sitesFile, string inputDir, IReadOnlyList<string> ids, InputKind kind)
    {
        var siteOf = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines(sitesFile))
            {
                var parts = line.Split('\t');
                if (parts.Length >= 2 && parts[0].Trim().Length > 0 && parts[1].Trim().Length > 0)
                {
                    siteOf[parts[0].Trim()] = parts[1].Trim();
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProfileFileException($"{sitesFile}: cannot read the sites: {e.Message}");
        }

        var builder = new SiteProfileBuilder();
        Parallel.ForEach(ids, id =>
        {
            if (!siteOf.TryGetValue(id, out var site)
                || InputFiles.Extensions.Select(e => Path.Combine(inputDir, id + e)).FirstOrDefault(File.Exists) is not { } path)
            {
                return;
            }

            try
            {
                builder.Add(site, InputCleaner.Clean(BlocksOnly, InputCleaner.Read(path, InputCleaner.MaxBytes(BlocksOnly)), path, kind));
            }
            catch (InputException)
            {
                // The page fails when it is cleaned too, and is reported then.
            }
        });
        var profiles = builder.Build();
        return id => siteOf.TryGetValue(id, out var site) ? profiles.Find(site) : null;
    }
}
