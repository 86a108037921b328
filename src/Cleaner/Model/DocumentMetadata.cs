namespace Cleaner;

/// <summary>What a page says about itself: title, byline, date, site, language, canonical address, description.</summary>
public sealed record DocumentMetadata
{
    /// <summary>No metadata.</summary>
    public static DocumentMetadata Empty { get; } = new();

    /// <summary>The article's title.</summary>
    public string? Title { get; init; }

    /// <summary>The author line.</summary>
    public string? Byline { get; init; }

    /// <summary>When the article was published, as the page gives it.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>The site's name.</summary>
    public string? SiteName { get; init; }

    /// <summary>The page's language code.</summary>
    public string? Language { get; init; }

    /// <summary>The canonical address of the page.</summary>
    public Uri? CanonicalUrl { get; init; }

    /// <summary>The page's summary of itself (OpenGraph, Twitter or named <c>description</c> meta tags): on news pages often the standfirst.</summary>
    public string? Description { get; init; }
}
