using Cleaner.Sites;

namespace Cleaner;

public sealed partial class TextCleaner
{
    /// <summary>The site profile this cleaner's <c>site-boilerplate</c> filter uses, or null (see <see cref="WithSiteProfile(SiteProfile?)"/>).</summary>
    public SiteProfile? SiteProfile { get; private init; }

    /// <summary>
    /// The same cleaner (filters, options, phrases) with a site profile for the page about to be
    /// cleaned: <c>cleaner.WithSiteProfile(profiles.Find(site)).Clean(text)</c>. The
    /// <c>site-boilerplate</c> filter then removes the blocks that stand on most of the site's pages.
    /// Cheap (one small object), so one cleaner serves many sites, a profile per call; null gives a
    /// cleaner without a profile, which cleans exactly as one never given a profile.
    /// </summary>
    /// <param name="profile">The profile of the page's site, or null.</param>
    /// <returns>A cleaner that uses the profile; this cleaner is unchanged.</returns>
    public TextCleaner WithSiteProfile(SiteProfile? profile) =>
        ReferenceEquals(profile, SiteProfile) ? this : new TextCleaner(Filters, Options, Phrases) { SiteProfile = profile };

    /// <summary>The blocks of an HTML page as <see cref="CleanHtml(string, Uri?)"/> makes them, before any filter runs.</summary>
    internal static Document BlocksOfHtml(string html, Uri? url)
    {
        var cleaner = Default;
        if (html.Length > cleaner.Options.MaxInputLength)
        {
            return Document.Unsplit(html, cleaner.Options, cleaner.Phrases);
        }

        var dom = Parser.ParseDocument(html);
        try
        {
            return Html.HtmlReader.Read(dom, url, cleaner.Options, cleaner.Phrases);
        }
        finally
        {
            Release(dom);
        }
    }
}
