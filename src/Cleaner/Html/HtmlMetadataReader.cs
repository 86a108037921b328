using System.Globalization;
using System.Text.Json;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Cleaner.Text;

namespace Cleaner.Html;

/// <summary>
/// Reads what a page says about itself, best source first: JSON-LD (schema.org Article types),
/// OpenGraph and article:* properties, named meta tags, <c>&lt;title&gt;</c>,
/// <c>&lt;link rel=canonical&gt;</c> and <c>&lt;html lang&gt;</c>. Runs before the main-content
/// extractor, which removes scripts.
/// </summary>
internal static class HtmlMetadataReader
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " / ", " · ", " : "];

    private static readonly string[] DateNames =
    [
        "article:published_time", "datepublished", "og:published_time", "published_time", "date", "pubdate", "publishdate",
        "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date",
        "parsely-pub-date", "citation_publication_date", "citation_date", "article.published", "originalpublicationdate",
    ];

    /// <summary>
    /// Reads the metadata of a parsed page, every title the page gives (best first) to find the
    /// headline block by, and the article's text as its JSON-LD gives it (<c>articleBody</c>), or null.
    /// </summary>
    public static (DocumentMetadata Metadata, IReadOnlyList<string> Titles, string? ArticleBody) Read(IHtmlDocument dom, Uri? url) =>
        Read(dom, url, Elements.Find(dom, null, null));

    /// <summary>
    /// Reads the metadata of a parsed page from its elements, found beforehand (see
    /// <see cref="Elements.Find"/>, which can leave the walk of the body to the block walker).
    /// </summary>
    /// <param name="dom">The parsed page.</param>
    /// <param name="url">The page's address, when known.</param>
    /// <param name="found">The metadata's elements.</param>
    /// <param name="headings">The texts of the page's headings, to confirm a part of its <c>&lt;title&gt;</c> by (see <see cref="HeadingTitle"/>), or null.</param>
    public static (DocumentMetadata Metadata, IReadOnlyList<string> Titles, string? ArticleBody) Read(IHtmlDocument dom, Uri? url, Elements found, IEnumerable<string>? headings = null)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in found.Metas)
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
            var content = element.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(content))
            {
                meta.TryAdd(key.Trim(), Tokens.CollapseWhiteSpace(content));
            }
        }

        var ld = ReadJsonLd(found.Scripts);
        string? siteName = ld.SiteName ?? ld.WebsiteName ?? Get(meta, "og:site_name") ?? Get(meta, "application-name") ?? Get(meta, "twitter:site")?.TrimStart('@');
        var pageTitle = dom.Title is { } t ? Tokens.CollapseWhiteSpace(t) : null;
        var titles = new List<string>();
        foreach (var candidate in (string?[])[ld.Title, Get(meta, "og:title"), Get(meta, "twitter:title"), Get(meta, "dc.title"), Get(meta, "title")])
        {
            if (candidate is not null)
            {
                titles.Add(StripSiteName(candidate, siteName));
            }
        }

        var hostKey = HostKey(url, found.Canonical?.GetAttribute("href") ?? Get(meta, "og:url"));
        if (CleanTitle(pageTitle, siteName, hostKey) is { } cleaned)
        {
            // A longer run of the title's parts that a heading of the page shows is the title.
            titles.Add(headings is not null && HeadingTitle(pageTitle, headings, siteName, hostKey) is { } shown
                && Tokens.CountWords(shown) >= Tokens.CountWords(cleaned) ? shown : cleaned);
        }

        string? title = titles.Count > 0 ? titles[0] : null;

        string? byline = ld.Byline ?? Get(meta, "author") ?? Get(meta, "article:author") ?? Get(meta, "dc.creator") ?? Get(meta, "byl") ?? Get(meta, "parsely-author") ?? Get(meta, "sailthru.author");
        if (byline is not null && (byline.StartsWith("http", StringComparison.OrdinalIgnoreCase) || byline.Length > 200))
        {
            byline = null; // article:author is often a profile address
        }

        DateTimeOffset? published = ld.Published;
        foreach (var name in DateNames)
        {
            if (published is not null)
            {
                break;
            }

            published = ParseDate(Get(meta, name));
        }

        published ??= ParseDate(found.Time is { } time
            ? time.GetAttribute("datetime") ?? time.GetAttribute("content") ?? time.TextContent
            : null);

        string? language = dom.DocumentElement.GetAttribute("lang") ?? dom.DocumentElement.GetAttribute("xml:lang");
        language = string.IsNullOrWhiteSpace(language) ? Get(meta, "content-language") ?? Get(meta, "og:locale") ?? ld.Language : language.Trim();

        Uri? canonical = null;
        var href = found.Canonical?.GetAttribute("href") ?? Get(meta, "og:url");
        if (!string.IsNullOrWhiteSpace(href) && (url is null ? Uri.TryCreate(href.Trim(), UriKind.Absolute, out canonical) : Uri.TryCreate(url, href.Trim(), out canonical)))
        {
            // A canonical address is a web address: on Unix "/story" parses as an absolute file:// URI.
            canonical = canonical.IsAbsoluteUri && (canonical.Scheme == Uri.UriSchemeHttp || canonical.Scheme == Uri.UriSchemeHttps) ? canonical : null;
        }

        var metadata = new DocumentMetadata
        {
            Title = title,
            Byline = byline,
            Published = published,
            SiteName = siteName,
            Language = NormalizeLanguage(language),
            CanonicalUrl = canonical,
            Description = Get(meta, "og:description") ?? Get(meta, "description") ?? Get(meta, "twitter:description") ?? Get(meta, "dc.description"),
        };
        return (metadata, titles, ld.ArticleBody);
    }

    /// <summary>The page title without the site's name around it: the longest part between separators.</summary>
    public static string? CleanTitle(string? title, string? siteName, string? hostKey = null)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        title = StripSiteName(title, siteName);
        if (hostKey is not null && title.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon
            && SpellsHost(title[..colon], hostKey) && Tokens.CountWords(title[(colon + 2)..]) >= 1)
        {
            // "Schneier on Security: New SSL Vulnerability" on schneier.com: a colon after the site's
            // name is a separator, though a colon in a headline is not. The name must spell the whole
            // key ("Freelance Freedom 284: ..." on freelanceswitch.com is a series, not the site).
            title = title[(colon + 2)..].Trim();
        }

        foreach (var separator in TitleSeparators)
        {
            if (!title.Contains(separator, StringComparison.Ordinal))
            {
                continue;
            }

            var parts = title.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (hostKey is not null && parts.Length >= 2 && parts.Count(p => NamesHost(p, hostKey)) == 1)
            {
                // The part that spells the site's address is the site's name ("nook — Paulo Coelho's
                // Blog" on paulocoelhoblog.com): the rest is the title, however short.
                return string.Join(separator, parts.Where(p => !NamesHost(p, hostKey)));
            }

            var best = parts.MaxBy(Tokens.CountWords)!;
            // Keep the whole title when the longest part is a short fragment (a title with a dash in it).
            return Tokens.CountWords(best) >= 3 ? best : title;
        }

        return title;
    }

    /// <summary>The separators of a title's parts for <see cref="HeadingTitle"/>: a colon too, since a heading confirms the split.</summary>
    private static readonly string[] HeadingSeparators = [.. TitleSeparators, ": "];

    /// <summary>The most parts of a title between separators that <see cref="HeadingTitle"/> looks at.</summary>
    private const int MaxTitleParts = 12;

    /// <summary>The longest <c>&lt;title&gt;</c> (characters) that <see cref="HeadingTitle"/> looks at: its runs are substrings.</summary>
    private const int MaxHeadingTitle = 1000;

    /// <summary>
    /// The part of the page's <c>&lt;title&gt;</c> that one of its headings shows word for word: the
    /// longest run of the title's parts between separators (here a colon counts as one) that equals
    /// the text of a heading block, ignoring case and spaces, when it has two words or more; null
    /// when no heading shows one. "Amazon Web Services Blog: The AWS Report - John Smiley Discusses
    /// RDS Provisioned IOPS" over a post whose heading is "The AWS Report - John Smiley Discusses RDS
    /// Provisioned IOPS" gives that heading, where the longest part between dashes gave the blog's
    /// name with the show's. The page's own heading settles what the separators alone cannot.
    /// </summary>
    /// <param name="pageTitle">The text of the page's <c>&lt;title&gt;</c>, or null.</param>
    /// <param name="headings">The texts of the page's headings.</param>
    /// <param name="siteName">The site's name, which is never the title, or null.</param>
    /// <param name="hostKey">The key of the page's host (see <see cref="HostKey"/>): a run that spells it is the site's name, not the title.</param>
    internal static string? HeadingTitle(string? pageTitle, IEnumerable<string> headings, string? siteName = null, string? hostKey = null)
    {
        if (string.IsNullOrWhiteSpace(pageTitle))
        {
            return null;
        }

        var title = Tokens.CollapseWhiteSpace(pageTitle);
        if (title.Length > MaxHeadingTitle)
        {
            return null; // no headline is that long; and a hostile title's runs would be as many long strings
        }

        var starts = new List<int> { 0 };
        var ends = new List<int>();
        for (int at = 0; at < title.Length && starts.Count < MaxTitleParts; at++)
        {
            foreach (var separator in HeadingSeparators)
            {
                if (string.CompareOrdinal(title, at, separator, 0, separator.Length) == 0)
                {
                    ends.Add(at);
                    starts.Add(at + separator.Length);
                    at += separator.Length - 1;
                    break;
                }
            }
        }

        ends.Add(title.Length);
        if (starts.Count < 2)
        {
            return null; // one part: nothing to choose
        }

        var shown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var heading in headings)
        {
            if (heading.Length <= title.Length)
            {
                shown.Add(Tokens.CollapseWhiteSpace(heading).Trim());
            }
        }

        string? best = null;
        for (int first = 0; first < starts.Count; first++)
        {
            for (int last = first; last < ends.Count; last++)
            {
                var run = title[starts[first]..ends[last]].Trim();
                if ((best is null || run.Length > best.Length) && Tokens.CountWords(run) >= 2 && shown.Contains(run)
                    && !string.Equals(run, siteName, StringComparison.OrdinalIgnoreCase) && (hostKey is null || !NamesHost(run, hostKey)))
                {
                    best = run;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The longest label of the page's host (its address, or the canonical one the page names)
    /// without the last (the top-level domain), in lower case: "paulocoelhoblog" for
    /// www.paulocoelhoblog.com; null when there is none of 4 letters or more.
    /// </summary>
    private static string? HostKey(Uri? url, string? canonical)
    {
        string? host = url is { IsAbsoluteUri: true } ? url.Host
            : canonical is not null && Uri.TryCreate(canonical.Trim(), UriKind.Absolute, out var address) && address.Scheme is "http" or "https" ? address.Host
            : null;
        if (string.IsNullOrEmpty(host))
        {
            return null;
        }

        var labels = host.ToLowerInvariant().Split('.');
        var key = labels.Take(Math.Max(1, labels.Length - 1)).Where(l => l is not ("www" or "co" or "com" or "org" or "net")).MaxBy(l => l.Length);
        return key is { Length: >= 4 } ? key : null;
    }

    /// <summary>
    /// Whether a part of a title spells the site's host key: its letters and digits, in lower case,
    /// hold the key or begin as it does for six characters or more ("Paulo Coelho's Blog" and
    /// "paulocoelhoblog", "Web Ink Now" and "webinknow", "Schneier on Security" and "schneier").
    /// </summary>
    internal static bool NamesHost(string part, string hostKey)
    {
        var folded = FoldForHost(part);
        if (folded.Length < 4)
        {
            return false;
        }

        int prefix = 0;
        while (prefix < folded.Length && prefix < hostKey.Length && folded[prefix] == hostKey[prefix])
        {
            prefix++;
        }

        return Spells(folded, hostKey) || prefix >= Math.Min(6, hostKey.Length);
    }

    /// <summary>
    /// Whether a part of a title spells the whole host key, or the key holds all of it (six letters
    /// at least): stricter than <see cref="NamesHost"/>, for a colon, which headlines use too.
    /// </summary>
    internal static bool SpellsHost(string part, string hostKey) => Spells(FoldForHost(part), hostKey);

    /// <summary>Whether folded letters hold the host key, or the key holds them (six at least).</summary>
    private static bool Spells(string folded, string hostKey) =>
        folded.Contains(hostKey, StringComparison.Ordinal) || (folded.Length >= 6 && hostKey.Contains(folded, StringComparison.Ordinal));

    /// <summary>A title part's letters and digits in lower case, as a host key is spelled.</summary>
    private static string FoldForHost(string part) => new([.. part.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static string StripSiteName(string title, string? siteName)
    {
        if (string.IsNullOrWhiteSpace(siteName) || title.Length <= siteName.Length + 3)
        {
            return title;
        }

        foreach (var separator in TitleSeparators)
        {
            if (title.EndsWith(separator + siteName, StringComparison.OrdinalIgnoreCase))
            {
                return title[..^(separator.Length + siteName.Length)].Trim();
            }

            if (title.StartsWith(siteName + separator, StringComparison.OrdinalIgnoreCase))
            {
                return title[(siteName.Length + separator.Length)..].Trim();
            }
        }

        return title;
    }

    private static string? Get(Dictionary<string, string> meta, string key) => meta.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static string? NormalizeLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        language = language.Trim().Replace('_', '-');
        return language.Length > 35 ? null : language;
    }

    internal static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value))
        {
            return value;
        }

        // "2024-04-25T19:21:18+0000": a zone without a colon.
        if (text.Length > 5 && text[^5] is '+' or '-' && int.TryParse(text.AsSpan(text.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            var fixedZone = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
            if (DateTimeOffset.TryParse(fixedZone, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
            {
                return value;
            }
        }

        return null;
    }

    private static LinkedData ReadJsonLd(List<IElement> scripts)
    {
        var found = new LinkedData();
        foreach (var script in scripts)
        {
            if (!script.GetAttribute("type")!.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                Visit(json.RootElement, found, 0);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // Broken JSON-LD is common; the other sources still count. A string that cannot be
                // decoded (a lone surrogate escape such as "\ud800") throws InvalidOperationException
                // when it is read: the rest of that script is dropped, never the page.
            }
        }

        return found;
    }

    private static void Visit(JsonElement element, LinkedData found, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Visit(item, found, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("@graph", out var graph))
        {
            Visit(graph, found, depth + 1);
        }

        var type = TypeOf(element);
        if (type is null)
        {
            return;
        }

        if (IsArticleType(type))
        {
            found.Title ??= String(element, "headline") ?? String(element, "name");
            found.Byline ??= Names(element, "author") ?? Names(element, "creator");
            found.Published ??= ParseDate(String(element, "datePublished") ?? String(element, "dateCreated"));
            found.Language ??= String(element, "inLanguage");
            found.ArticleBody ??= String(element, "articleBody");
            if (element.TryGetProperty("publisher", out var publisher))
            {
                found.SiteName ??= Names(publisher, null);
            }
        }
        else if (type is "WebSite" or "Organization" or "NewsMediaOrganization")
        {
            found.WebsiteName ??= String(element, "name");
        }

    }

    private static bool IsArticleType(string type) =>
        type.EndsWith("Article", StringComparison.Ordinal) || type is "BlogPosting" or "LiveBlogPosting" or "Report" or "Review" or "Recipe" or "HowTo";

    private static string? TypeOf(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return null;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString();
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            string? first = null;
            foreach (var item in type.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { } s)
                {
                    if (IsArticleType(s))
                    {
                        return s;
                    }

                    first ??= s;
                }
            }

            return first;
        }

        return null;
    }

    private static string? String(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : Tokens.CollapseWhiteSpace(System.Net.WebUtility.HtmlDecode(text));
    }

    /// <summary>The names of a person or organisation value (a string, an object with a name, or an array of them).</summary>
    private static string? Names(JsonElement element, string? property)
    {
        var value = element;
        if (property is not null && !element.TryGetProperty(property, out value))
        {
            return null;
        }

        var names = new List<string>();
        Collect(value, names);
        return names.Count == 0 ? null : string.Join(", ", names.Distinct(StringComparer.OrdinalIgnoreCase));

        static void Collect(JsonElement value, List<string> names)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String when value.GetString() is { Length: > 0 } s && !s.StartsWith("http", StringComparison.OrdinalIgnoreCase):
                    names.Add(Tokens.CollapseWhiteSpace(s));
                    break;
                case JsonValueKind.Object when String(value, "name") is { } name:
                    names.Add(name);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        Collect(item, names);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The elements the metadata is read from, found in one walk of the document in document order
    /// (the same elements as the selectors <c>meta</c>, <c>script[type]</c>, the first of
    /// <c>link[rel~=canonical]</c> and the first of <c>time[pubdate], time[itemprop=datePublished],
    /// [itemprop=datePublished]</c>; a selector is matched only on elements that can match it).
    /// The block walker finds them in the body as it walks it (<see cref="Visit"/> on every element
    /// it meets, <see cref="VisitDescendants"/> under those it does not go into), so that the body,
    /// most of the page, is walked once.
    /// </summary>
    internal sealed class Elements
    {
        /// <summary>The selectors, parsed once (as <see cref="IElement.Matches"/> would parse them on every call).</summary>
        private static readonly ISelector CanonicalSelector = Parse("link[rel~=canonical]");

        private static readonly ISelector TimeSelector = Parse("time[pubdate], time[itemprop=datePublished], [itemprop=datePublished]");

        private static ISelector Parse(string selector) =>
            new CssSelectorParser().ParseSelector(selector) ?? throw new InvalidOperationException($"the selector '{selector}' does not parse");

        public List<IElement> Metas { get; } = [];

        public List<IElement> Scripts { get; } = [];

        public IElement? Canonical { get; private set; }

        public IElement? Time { get; private set; }

        /// <summary>
        /// Finds the elements in document order. When <paramref name="walkRoot"/> is given, its
        /// subtree is not walked here: <paramref name="walk"/> is called where it stands in the
        /// document, and must visit that subtree in document order (the root first).
        /// </summary>
        public static Elements Find(IHtmlDocument dom, IElement? walkRoot, Action<Elements>? walk)
        {
            var found = new Elements();
            if (dom.DocumentElement is not { } root)
            {
                return found;
            }

            bool walked = false;
            if (ReferenceEquals(root, walkRoot))
            {
                walk!(found);
                return found;
            }

            found.Visit(root);
            found.VisitAround(root, walkRoot, walk, ref walked);
            if (walkRoot is not null && !walked)
            {
                walk!(found); // a root outside the document's tree
            }

            return found;
        }

        /// <summary>Visits the descendants of <paramref name="parent"/> in document order.</summary>
        public void VisitDescendants(INode parent)
        {
            bool walked = false;
            VisitAround(parent, null, null, ref walked);
        }

        /// <summary>Visits the descendants of <paramref name="parent"/> in document order, but hands the subtree of <paramref name="walkRoot"/> to <paramref name="walk"/>.</summary>
        private void VisitAround(INode parent, IElement? walkRoot, Action<Elements>? walk, ref bool walked)
        {
            foreach (var node in DomOrder.Descendants(parent, element => !ReferenceEquals(element, walkRoot)))
            {
                if (node is not IElement element)
                {
                    continue;
                }

                if (ReferenceEquals(element, walkRoot))
                {
                    walk!(this);
                    walked = true;
                    continue;
                }

                Visit(element);
            }
        }

        /// <summary>Takes the element when the metadata is read from it (its descendants are not looked at).</summary>
        public void Visit(IElement element)
        {
            string name = element.LocalName;
            if (name.Equals("meta", StringComparison.OrdinalIgnoreCase))
            {
                Metas.Add(element);
            }
            else if (name.Equals("script", StringComparison.OrdinalIgnoreCase))
            {
                if (DomAttributes.Has(element, "type"))
                {
                    Scripts.Add(element);
                }
            }
            else if (Canonical is null && name.Equals("link", StringComparison.OrdinalIgnoreCase) && CanonicalSelector.Match(element, element))
            {
                Canonical = element;
            }

            if (Time is null && (name.Equals("time", StringComparison.OrdinalIgnoreCase) || DomAttributes.Has(element, "itemprop"))
                && TimeSelector.Match(element, element))
            {
                Time = element;
            }
        }
    }

    private sealed class LinkedData
    {
        public string? Title { get; set; }

        public string? Byline { get; set; }

        public DateTimeOffset? Published { get; set; }

        public string? SiteName { get; set; }

        public string? WebsiteName { get; set; }

        public string? Language { get; set; }

        public string? ArticleBody { get; set; }
    }
}
