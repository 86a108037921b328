using System.Globalization;

namespace Cleaner.Filters;

/// <summary>
/// Removes the blocks that stand on most pages of the page's site: the site's chrome, whatever its
/// words or language (a tagline, a reprint notice written as prose, a menu). Needs the site's profile,
/// given per call with <see cref="TextCleaner.WithSiteProfile(Sites.SiteProfile?)"/>; without one it
/// does nothing. A block goes when the profile finds it (normalised: case, digits and white space
/// folded) on at least <see cref="MinPages"/> pages and at least <see cref="MinShare"/> of the site's
/// pages; the reason says how many: "on 37 of 40 pages of example.com". The title, blocks an
/// earlier filter kept, and lines without a letter or digit are judged as without a profile.
/// </summary>
public sealed class SiteBoilerplateFilter : IBlockFilter
{
    /// <summary>The default of <see cref="MinShare"/>.</summary>
    public const double DefaultMinShare = 0.5;

    /// <summary>The default of <see cref="MinPages"/>.</summary>
    public const int DefaultMinPages = 3;

    /// <summary>Creates the filter with its thresholds.</summary>
    /// <param name="minShare">The least share of the site's pages a block must stand on to go (above 0, at most 1).</param>
    /// <param name="minPages">The least number of pages a block must stand on to go (at least 2); a site with fewer pages is left alone.</param>
    public SiteBoilerplateFilter(double minShare = DefaultMinShare, int minPages = DefaultMinPages)
    {
        if (!(minShare > 0 && minShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minShare), minShare, "the share must be above 0 and at most 1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minPages, 2);
        MinShare = minShare;
        MinPages = minPages;
    }

    /// <inheritdoc />
    public string Name => "site-boilerplate";

    /// <inheritdoc />
    public string Description => "Removes blocks that stand on most pages of the page's site (needs a site profile).";

    /// <summary>The least share of the site's pages a block must stand on to go.</summary>
    public double MinShare { get; }

    /// <summary>The least number of the site's pages a block must stand on to go.</summary>
    public int MinPages { get; }

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.SiteProfile is not { } profile || profile.Pages < MinPages)
        {
            return;
        }

        int needed = Math.Max(MinPages, (int)Math.Ceiling(MinShare * profile.Pages - 1e-9));
        foreach (var block in document.Blocks)
        {
            // A line without a letter or digit (a rule, a separator) says nothing either way: it is
            // left to the other filters, for whom it may part blocks of prose.
            if (!block.IsUndecided || block == document.TitleBlock || block.Features.LetterCount + block.Features.DigitCount == 0)
            {
                continue;
            }

            int pages = profile.PagesWith(block.Span);
            if (pages >= needed)
            {
                block.Remove(string.Create(CultureInfo.InvariantCulture, $"on {pages} of {profile.Pages} pages of {profile.Site}"));
            }
        }
    }
}
