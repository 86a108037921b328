using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Cleaner.Html;

/// <summary>
/// Decides whether SmartReader, which cannot be interrupted, may run on a page: only when the page's
/// size and shape keep it fast. Its time grows faster than the page on many children of one
/// element (thousands of links in one paragraph, of line breaks, of sibling items), on many of the
/// elements it looks up by name over the whole article (form controls, frames, images: it reads its
/// lists of them by index, and each read walks the tree again) and on very large pages; real pages
/// stay well below the bounds here (over the 1,095 pages of the dev sets: at most 10,477 elements,
/// 3,711 children of one element, 4.8 million for looked-up elements times elements, and 0.5
/// million characters of text). A page past a bound is judged by the filters alone, and the reason
/// is noted in the result. Shapes no bound foresees are stopped by the time limit, which
/// <see cref="MainContent"/> keeps while SmartReader runs.
/// </summary>
internal static class ExtractorGate
{
    /// <summary>The most elements a page may hold for the extractor to run.</summary>
    public const int MaxElements = 30_000;

    /// <summary>The most children with content (elements that hold something, or runs of text) one element may hold for the extractor to run.</summary>
    public const int MaxChildren = 5_000;

    /// <summary>
    /// The most for the elements SmartReader looks up by name times all the elements: 23,000 text
    /// fields alone took it 64 s (540 million), 8,800 of them 11 s; real pages reach 4.8 million.
    /// </summary>
    public const long MaxLookedUpTimesElements = 16_000_000;

    /// <summary>The most characters of text (outside scripts and styles) a page may hold for the extractor to run.</summary>
    public const int MaxTextLength = 1_000_000;

    /// <summary>The extractor is not started when less than this share of the time limit is left.</summary>
    public const double MinTimeLeft = 0.2;

    /// <summary>Why the extractor must not run on this page, or null when it may.</summary>
    public static string? WhySkip(IHtmlDocument dom)
    {
        var deadline = Deadline.Current;
        if (deadline is not null)
        {
            deadline.Begin("finding the article");
            if (deadline.Limit is { } limit && deadline.Remaining < limit * MinTimeLeft)
            {
                return Noted(deadline, $"the extractor was not run: less than {MinTimeLeft:P0} of the time limit was left");
            }
        }

        if (dom.DocumentElement is not { } root)
        {
            return null;
        }

        long elements = 0, text = 0, lookedUp = 0;
        int maxChildren = 0;

        foreach (var node in DomOrder.Descendants(root, Enters))
        {
            deadline?.Tick();
            if (node is IElement element)
            {
                elements++;
                lookedUp += IsLookedUp(element) ? 1 : 0;
                if (element.HasChildNodes && Enters(element))
                {
                    maxChildren = Math.Max(maxChildren, ChildrenWithContent(element.ChildNodes));
                }
            }
            else if (node is IText t)
            {
                text += t.Length;
            }
        }

        string? why = elements > MaxElements ? $"the page holds {elements:N0} elements, more than the extractor is run on ({MaxElements:N0})"
            : maxChildren > MaxChildren ? $"an element of the page holds {maxChildren:N0} children with content, more than the extractor is run on ({MaxChildren:N0})"
            : text > MaxTextLength ? $"the page holds {text:N0} characters of text, more than the extractor is run on ({MaxTextLength:N0})"
            : lookedUp * elements > MaxLookedUpTimesElements ? $"the page holds {lookedUp:N0} form controls, frames, images, rules, links and metas among {elements:N0} elements, more than the extractor is run on ({MaxLookedUpTimesElements:N0} for the two multiplied)"
            : null;
        return why is null ? null : Noted(deadline, why);
    }

    /// <summary>
    /// How many of an element's children hold something: elements with content, or text nodes that
    /// are not only white space (empty elements, such as the links a parser closes one after another,
    /// cost the extractor nothing); each kind counted apart, the larger count returned.
    /// </summary>
    private static int ChildrenWithContent(INodeList children)
    {
        int elements = 0, texts = 0;
        for (int i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IElement { HasChildNodes: true })
            {
                elements++;
            }
            else if (child is IText text && !string.IsNullOrWhiteSpace(text.Data))
            {
                texts++;
            }
        }

        return Math.Max(elements, texts);
    }

    /// <summary>
    /// Whether SmartReader looks the element up by its name over the whole article (to clean it out,
    /// or to fix lazy images), through a list that it reads by index.
    /// </summary>
    private static bool IsLookedUp(IElement element) =>
        element.LocalName is "input" or "select" or "textarea" or "button" or "iframe" or "embed" or "object" or "img" or "hr" or "link" or "meta";

    /// <summary>Whether the walk goes into an element: not into scripts and styles, whose text the extractor does not read.</summary>
    private static bool Enters(IElement element) => element.LocalName is not ("script" or "style");

    private static string Noted(Deadline? deadline, string why)
    {
        deadline?.Notes.Add(why);
        return why;
    }
}
