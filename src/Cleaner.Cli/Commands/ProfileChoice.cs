using System.CommandLine;
using Cleaner.Sites;

namespace Cleaner.Cli.Commands;

/// <summary>
/// <c>--profiles FILE</c> and <c>--site NAME</c> of <c>clean</c> and <c>explain</c>: clean with the profile of
/// one site from a profile file (see <c>cleaner profile build</c>), so that a person can see what the
/// site's other pages remove from a page and why.
/// </summary>
internal sealed class ProfileChoice
{
    private readonly Option<string?> _profiles = new("--profiles")
    {
        Description = "Clean with a site's profile from this file (see 'cleaner profile build'): its blocks found on most of the site's pages go, with the count as the reason.",
        HelpName = "file",
    };

    private readonly Option<string?> _site = new("--site")
    {
        Description = "With --profiles: the site whose profile to use (as 'cleaner profile show' lists them); default: the host of --url, or the file's one site.",
        HelpName = "name",
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_profiles);
        command.Options.Add(_site);
    }

    /// <summary>
    /// The cleaner with the chosen site's profile, or the cleaner as it is without <c>--profiles</c>.
    /// </summary>
    /// <param name="result">The parsed command line.</param>
    /// <param name="cleaner">The cleaner the other options describe.</param>
    /// <param name="url">The page's address (<c>--url</c>), whose host names the site when <c>--site</c> does not.</param>
    /// <exception cref="CliException">--site without --profiles, an unreadable or corrupt file, or no such site.</exception>
    public TextCleaner Apply(ParseResult result, TextCleaner cleaner, Uri? url)
    {
        var path = result.GetValue(_profiles);
        var site = result.GetValue(_site);
        if (path is null)
        {
            return site is null ? cleaner : throw new CliException("--site names a site of --profiles; give --profiles FILE too");
        }

        var profiles = ProfileCommand.Load(path);
        site ??= url is null ? null : SiteProfileSet.SiteOf(url);
        if (site is null)
        {
            return profiles.Count == 1
                ? cleaner.WithSiteProfile(profiles.Single())
                : throw new CliException($"{path} holds the profiles of {profiles.Count:N0} sites; name one with --site");
        }

        return profiles.Find(site) is { } profile
            ? cleaner.WithSiteProfile(profile)
            : throw new CliException($"{site}: no such site in {path}{(profiles.Count <= 5 && profiles.Count > 0 ? $" (it holds {string.Join(", ", profiles.Select(p => p.Site))})" : string.Empty)}");
    }
}
