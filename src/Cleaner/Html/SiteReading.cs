using Cleaner.Sites;

namespace Cleaner.Html;

/// <summary>
/// What the native extractor takes from the profile of the page's site: the blocks the site repeats
/// on most of its pages (those its <c>site-boilerplate</c> filter would remove; none when the filter
/// is switched off), which count as chrome when the page's elements are scored, and the site's usual
/// article container, preferred when the page's own choice is weak.
/// </summary>
/// <param name="Profile">The site's profile.</param>
/// <param name="Filter">The cleaner's <c>site-boilerplate</c> filter, or null when it is switched off.</param>
internal sealed record SiteReading(SiteProfile Profile, Filters.SiteBoilerplateFilter? Filter)
{
    /// <summary>The least number of a site's pages whose article stood in one container for it to be the site's usual one.</summary>
    internal const int MinContainerPages = 3;

    /// <summary>For each block, whether the site repeats it on most of its pages; null when the filter is off or the profile too small.</summary>
    public bool[]? Chrome(Document document) => Filter?.SiteChrome(document, Profile);

    /// <summary>The site's usual article container (on at least half of its pages and on at least <see cref="MinContainerPages"/>), or null.</summary>
    public SiteContainer? UsualContainer => Profile.UsualContainer(MinContainerPages);
}
