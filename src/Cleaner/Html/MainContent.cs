using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Cleaner.Text;
using SmartReader;

namespace Cleaner.Html;

/// <summary>What the main-content extractor found.</summary>
/// <param name="Content">The article element, or null when none was found.</param>
/// <param name="Article">SmartReader's article (for its metadata), or null when it failed.</param>
/// <param name="Failure">Why there is no article, or null.</param>
internal sealed record MainContentResult(IElement? Content, Article? Article, string? Failure);

/// <summary>
/// Runs SmartReader (a port of Mozilla's Readability) on the already-parsed document, and maps the
/// article it returns back onto the blocks. SmartReader changes the DOM, so this runs after the
/// blocks were read. Only per-instance settings of the reader are used; its process-wide settings
/// (<c>Article.Serializer</c>, <c>Article.Converter</c>, <c>Article.LanguageIdentification</c>) are
/// left alone, so cleaning stays thread-safe.
/// </summary>
internal static class MainContent
{
    private const string LocalAddress = "https://localhost/";

    /// <summary>
    /// The deepest nesting the extractor is run on. Its time grows with depth times size (20 s for
    /// 10,000 nested list items, which the parser caps at 511 levels), while real pages stay far
    /// below this (at most 37 levels over the 1,140 corpus and evaluation pages). Deeper pages are
    /// judged by the filters alone.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// Tests only: runs in place of SmartReader's <see cref="Reader.GetArticle()"/> in the calls made on
    /// this async flow (to show what a page where SmartReader throws comes to). Null in production.
    /// </summary>
    internal static readonly AsyncLocal<Func<Reader, Article>?> RunOverride = new();

    /// <summary>Runs the extractor; never throws for a bad page.</summary>
    public static MainContentResult Find(IHtmlDocument dom, Uri? url)
    {
        if (ExtractorGate.WhySkip(dom) is { } skip)
        {
            return new MainContentResult(null, null, skip);
        }

        DropScriptFallbacks(dom);
        IElement? content = null;
        var reader = new Reader(url is { IsAbsoluteUri: true } ? url.AbsoluteUri : LocalAddress, dom)
        {
            ContinueIfNotReadable = true,
            Debug = false,
        };
        reader.AddCustomOperationEnd(element => content = element);
        var run = RunOverride.Value ?? (r => r.GetArticle());
        var deadline = Deadline.Current;
        var (article, error) = deadline?.Limit is { } limit
            ? Watched(dom, () => run(reader), deadline.Remaining!.Value - (limit * ExtractorGate.MinTimeLeft), deadline)
            : deadline?.Cancellation.CanBeCanceled == true ? Watched(dom, () => run(reader), Timeout.InfiniteTimeSpan, deadline)
            : Inline(() => run(reader));
        if (error is not null)
        {
            return new MainContentResult(null, null, error);
        }

        return content is null
            ? new MainContentResult(null, article, "the extractor found no article")
            : new MainContentResult(content, article, null);
    }

    /// <summary>Runs SmartReader on this thread (no time limit, nothing to cancel).</summary>
    private static (Article? Article, string? Error) Inline(Func<Article> run)
    {
        try
        {
            return (run(), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, Failed(e));
        }
    }

    /// <summary>
    /// Runs SmartReader on a thread of its own and waits for it at most <paramref name="budget"/>
    /// (the time limit less the share kept for the filters), or until the caller cancels: SmartReader
    /// cannot be interrupted, and on shapes of markup no gate foresees its time grows faster than the
    /// page. A run that outlives the wait is left to finish on its own thread (noted in the call's
    /// diagnostic), and the page is then SmartReader's alone: it is not released
    /// (<see cref="InUse"/>), and its article is not read.
    /// </summary>
    private static (Article? Article, string? Error) Watched(IHtmlDocument dom, Func<Article> run, TimeSpan budget, Deadline deadline)
    {
        var done = new TaskCompletionSource<Article>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (Running)
        {
            Running.Add(dom);
        }

        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(run());
            }
            catch (Exception e)
            {
                // Seen by the caller when it still waits; otherwise nobody needs the failure of a run given up on.
                done.SetException(e);
            }
            finally
            {
                lock (Running)
                {
                    Running.Remove(dom);
                }
            }
        })
        { IsBackground = true, Name = "Cleaner SmartReader" };
        thread.Start();
        try
        {
            if (!done.Task.Wait(budget > TimeSpan.Zero || budget == Timeout.InfiniteTimeSpan ? budget : TimeSpan.Zero, deadline.Cancellation))
            {
                var why = string.Create(CultureInfo.InvariantCulture, $"the extractor did not finish within {budget.TotalSeconds:0.#} s (the time limit less the share kept for the filters) and was left to finish on its own");
                deadline.Notes.Add(why);
                return (null, why);
            }
        }
        catch (AggregateException e) when (e.InnerException is { } inner && inner is not OutOfMemoryException)
        {
            return (null, Failed(inner));
        }

        return (done.Task.Result, null);
    }

    private static string Failed(Exception e) => $"the extractor failed ({e.GetType().Name})";

    /// <summary>The pages that a SmartReader run given up on still reads and changes.</summary>
    private static readonly HashSet<IHtmlDocument> Running = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Whether a SmartReader run that was given up on still reads and changes this page: then the
    /// page must not be released or disposed under it.
    /// </summary>
    internal static bool InUse(IHtmlDocument dom)
    {
        lock (Running)
        {
            return Running.Contains(dom);
        }
    }

    /// <summary>
    /// Removes the <c>&lt;noscript&gt;</c> elements that SmartReader would only remove later: all but
    /// those that hold a single image (which it moves in place of a placeholder image before them), as
    /// Readability does (it removes every <c>&lt;noscript&gt;</c> right after that step). SmartReader
    /// serialises and parses each one again to look for its image, and nested ones (an unclosed
    /// <c>&lt;noscript&gt;</c> repeated) hold the rest of the page each: 53 s on a hostile page of 160 KB,
    /// 3 s on one of 10 KB. The blocks were read before; the DOM is SmartReader's to change.
    /// </summary>
    internal static void DropScriptFallbacks(IHtmlDocument dom)
    {
        if (dom.DocumentElement is not { } root)
        {
            return;
        }

        // A dropped element's inside is not walked.
        var drop = new List<IElement>();
        foreach (var node in DomOrder.Descendants(root, element => element.LocalName != "noscript"))
        {
            if (node is IElement { LocalName: "noscript" } noscript && !HoldsSingleImage(noscript))
            {
                drop.Add(noscript);
            }
        }

        foreach (var element in drop)
        {
            element.Remove();
        }
    }

    /// <summary>Readability's single image: an image, or one element and no text down to an image.</summary>
    private static bool HoldsSingleImage(IElement noscript)
    {
        if (!string.IsNullOrWhiteSpace(noscript.TextContent))
        {
            return false; // then no element on the way down holds text either
        }

        for (var element = noscript; ;)
        {
            if (element.LocalName == "img")
            {
                return true;
            }

            if (element.ChildElementCount != 1)
            {
                return false;
            }

            element = element.FirstElementChild!;
        }
    }

    /// <summary>
    /// Marks which blocks the article holds, by the identity of the text nodes the extractor moved
    /// into it: a block is in the article when at least half of its letters are. The extractor
    /// re-parses the page when it retries with looser settings, and then the nodes are new: when
    /// the text nodes explain less than half of the article, the blocks are aligned with the
    /// article's text instead.
    /// </summary>
    public static bool[] Map(IElement content, IReadOnlyDictionary<INode, (int First, int Count)> textBlocks, IReadOnlyList<Block> blocks)
    {
        var found = new int[blocks.Count];
        long matched = 0, total = 0;
        foreach (var text in content.Descendants<IText>())
        {
            int n = TextStats.CountLettersAndDigits(text.Data);
            total += n;
            if (n > 0 && textBlocks.TryGetValue(text, out var range))
            {
                matched += n;
                if (range.Count == 1)
                {
                    found[range.First] += n;
                    continue;
                }

                // A preformatted node spans several lines: each line is there.
                for (int i = range.First; i < range.First + range.Count; i++)
                {
                    found[i] += TextStats.CountLettersAndDigits(blocks[i].Span);
                }
            }
        }

        var inArticle = new bool[blocks.Count];
        if (matched * 2 >= total)
        {
            for (int i = 0; i < blocks.Count; i++)
            {
                inArticle[i] = found[i] > 0 && found[i] * 2 >= TextStats.CountLettersAndDigits(blocks[i].Span);
            }

            return inArticle;
        }

        Align(Key(content.TextContent, int.MaxValue), blocks, inArticle);
        return inArticle;
    }

    /// <summary>
    /// Walks the blocks in order along the article's letters: a block is in the article when its
    /// letters come next (short blocks must follow closely, so that a menu word found inside some
    /// later word cannot pull the alignment ahead); long blocks may skip ahead, and match by their
    /// head or tail when the extractor removed part of them.
    /// </summary>
    private static void Align(string article, IReadOnlyList<Block> blocks, bool[] inArticle)
    {
        const int Slack = 3, Long = 40, Part = 24;
        int p = 0;
        for (int i = 0; i < blocks.Count && p < article.Length; i++)
        {
            var key = Key(blocks[i].Span, int.MaxValue);
            if (key.Length == 0)
            {
                continue;
            }

            int at = article.IndexOf(key, p, StringComparison.Ordinal);
            if (at >= 0 && at - p <= Slack)
            {
                inArticle[i] = true;
                p = at + key.Length;
                continue;
            }

            if (key.Length < Long)
            {
                continue;
            }

            // Long blocks may skip ahead, whole or (when the extractor cut part of them) by head or tail.
            int end;
            if (at >= 0)
            {
                end = at + key.Length;
            }
            else
            {
                int head = article.IndexOf(key[..Part], p, StringComparison.Ordinal);
                int tail = article.IndexOf(key[^Part..], head >= 0 ? head : p, StringComparison.Ordinal);
                if (head < 0 && tail < 0)
                {
                    continue;
                }

                at = head >= 0 ? head : tail;
                end = tail >= 0 && (head < 0 || tail - head < key.Length * 2) ? tail + Part : head + Part;
            }

            if (at - p > Slack && LaterBlockFits(article, blocks, i, p, at))
            {
                continue;
            }

            inArticle[i] = true;
            p = end;
        }
    }

    /// <summary>
    /// Whether one of the next blocks is found in the article between <paramref name="from"/> and
    /// <paramref name="to"/>: then a block found at <paramref name="to"/> is a repeat (a headline
    /// echoed in the last sentence, a pull quote), and jumping there would skip real text.
    /// </summary>
    private static bool LaterBlockFits(string article, IReadOnlyList<Block> blocks, int index, int from, int to)
    {
        for (int j = index + 1; j < blocks.Count && j <= index + 8; j++)
        {
            var next = Key(blocks[j].Span, 24);
            if (next.Length >= 12)
            {
                int at = article.IndexOf(next, from, StringComparison.Ordinal);
                if (at >= 0 && at < to)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The letters and digits of a text, lower-cased, at most <paramref name="max"/> of them.</summary>
    public static string Key(ReadOnlySpan<char> text, int max)
    {
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        int n = 0;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
                if (n == max)
                {
                    break;
                }
            }
        }

        return new string(buffer[..n]);
    }
}
