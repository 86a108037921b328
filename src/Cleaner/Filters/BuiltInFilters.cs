namespace Cleaner.Filters;

/// <summary>The built-in filters in their default order.</summary>
public static class BuiltInFilters
{
    /// <summary>
    /// Creates the default pipeline, in this order: dom-hints (HTML only), urls, dates, social, calls-to-action,
    /// photo-credits, analytics, cookies, legal, notices, counters, repeats, copies, contact, site-boilerplate (with a site profile), main-content (HTML only), navigation, related, comments, teasers, post, title, masthead, tags,
    /// head-tail, context, and the final stage, rescue. Specific chrome goes first, with precise reasons; the title is protected
    /// before the zone rules run; the context classifier judges what is left; the rescue brings prose
    /// back when the statistical filters would leave little or none.
    /// </summary>
    public static IReadOnlyList<IBlockFilter> CreateDefault() =>
    [
        new DomHintsFilter(),
        new UrlFilter(),
        new DateFilter(),
        new SocialFilter(),
        new CallToActionFilter(),
        new PhotoCreditFilter(),
        new AnalyticsFilter(),
        new CookieFilter(),
        new LegalFilter(),
        new NoticeFilter(),
        new CounterFilter(),
        new RepeatFilter(),
        new CopyFilter(),
        new ContactFilter(),
        new SiteBoilerplateFilter(),
        new MainContentFilter(),
        new NavigationFilter(),
        new RelatedFilter(),
        new CommentFilter(),
        new TeaserFilter(),
        new PostFilter(),
        new TitleFilter(),
        new MastheadFilter(),
        new TagFilter(),
        new HeadTailFilter(),
        new ContextFilter(),
        new RescueFilter(),
    ];
}
