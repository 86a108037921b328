namespace Cleaner.Html;

/// <summary>
/// Reads <see cref="BlockHints"/> from an element's tag, class and id: words that sites use for
/// sharing widgets, related stories, newsletters, promotions, ads, comments, bylines, captions and
/// navigation. Matching works on the lower-cased class tokens, without allocating.
/// </summary>
internal static class ClassHints
{
    // Substrings that mark a class or id token; a token holds one of them anywhere.
    private static readonly (string Word, BlockHints Hint)[] Contained =
    [
        ("share", BlockHints.Social),
        ("sharing", BlockHints.Social),
        ("social", BlockHints.Social),
        ("sociable", BlockHints.Social),
        ("addthis", BlockHints.Social),
        ("related", BlockHints.Related),
        ("recommend", BlockHints.Related),
        ("morestories", BlockHints.Related),
        ("more-stories", BlockHints.Related),
        ("more_stories", BlockHints.Related),
        ("outbrain", BlockHints.Related),
        ("taboola", BlockHints.Related),
        ("newsletter", BlockHints.Newsletter),
        ("subscri", BlockHints.Newsletter),
        ("signup", BlockHints.Newsletter),
        ("sign-up", BlockHints.Newsletter),
        ("promo", BlockHints.Promo),
        ("sponsor", BlockHints.Promo),
        ("advert", BlockHints.Ad),
        ("adsense", BlockHints.Ad),
        ("adsbygoogle", BlockHints.Ad),
        ("comment", BlockHints.Comment),
        ("disqus", BlockHints.Comment),
        ("byline", BlockHints.Byline),
        ("author", BlockHints.Byline),
        ("dateline", BlockHints.Byline),
        ("caption", BlockHints.Caption),
        ("credit", BlockHints.Caption),
        ("breadcrumb", BlockHints.Navigation),
        ("navbar", BlockHints.Navigation),
        ("navigation", BlockHints.Navigation),
        ("menu", BlockHints.Navigation),
        ("footer", BlockHints.Navigation),
        ("sidebar", BlockHints.Navigation),
        ("pagination", BlockHints.Navigation),
    ];

#if NET9_0_OR_GREATER
    // All the words of Contained at once: most tokens hold none of them, and one vectorised search
    // says so instead of one search per word.
    private static readonly System.Buffers.SearchValues<string> AnyContained =
        System.Buffers.SearchValues.Create([.. Contained.Select(c => c.Word)], StringComparison.Ordinal);
#endif

    // Words that must be a whole part of a token (between '-', '_' or the ends): short words that
    // would otherwise match inside longer ones ("ad" in "header", "nav" in "canvas").
    private static readonly (string Word, BlockHints Hint)[] Whole =
    [
        ("ad", BlockHints.Ad),
        ("ads", BlockHints.Ad),
        ("adslot", BlockHints.Ad),
        ("adunit", BlockHints.Ad),
        ("dfp", BlockHints.Ad),
        ("nav", BlockHints.Navigation),
        ("follow", BlockHints.Social),
    ];

    // Content-management systems put the post's tags and categories into its classes
    // ("tag-social-media", "category-comment"): those say what the post is about, not what the
    // element is.
    private static readonly string[] IgnoredPrefixes = ["tag-", "tag_", "category-", "category_", "cat-", "has-", "no-", "with-", "topic-", "section-", "post-format"];

    /// <summary>The hints of one element (its tag, class and id; not its ancestors).</summary>
    public static BlockHints Of(string localName, string? className, string? id) => Of(localName, className, id, out _);

    /// <summary>
    /// The hints of one element (its tag, class and id; not its ancestors), and whether its class or
    /// id names a live blog (as <see cref="IsLive"/> says), from one look-up of each value.
    /// </summary>
    public static BlockHints Of(string localName, string? className, string? id, out bool live)
    {
        live = false;
        var hints = localName switch
        {
            "nav" => BlockHints.Navigation,
            "footer" => BlockHints.Navigation,
            "figcaption" => BlockHints.Caption,
            _ => BlockHints.None,
        };

        if (!string.IsNullOrEmpty(className))
        {
            var cached = Cached(className);
            live = cached.Live;
            var classHints = cached.Tokens;
            if ((classHints & BlockHints.Byline) != 0 && NamesPost(className))
            {
                // The post's own element names its author among its classes ("entry-author-jdoe
                // entry-type-post entry"): whose post it is, not a byline or an author box.
                classHints &= ~BlockHints.Byline;
            }

            hints |= classHints;
        }

        // Generated ids that spell out a heading ("sharing-with-a-single-developer") name a
        // section of the text, not a widget.
        if (!string.IsNullOrEmpty(id))
        {
            var cached = Cached(id);
            live |= cached.Live;
            if (id.AsSpan().Count('-') + id.AsSpan().Count('_') < 3)
            {
                hints |= cached.Tokens;
            }
        }

        return hints;
    }

    // Words of class and id tokens that name the article's element ("article-body", "post-content", "entry").
    private static readonly string[] ContentWords = ["article", "content", "entry", "post", "story", "main", "body", "text", "blog"];

#if NET9_0_OR_GREATER
    private static readonly System.Buffers.SearchValues<string> AnyContentWord = System.Buffers.SearchValues.Create(ContentWords, StringComparison.Ordinal);
#endif

    /// <summary>
    /// Whether an element's tag (article, main), class or id says it holds the article or its
    /// content. A token that the chrome hints match is not one ("sidebar-content" is chrome).
    /// </summary>
    public static bool IsContentLike(string localName, string? className, string? id)
    {
        if (localName is "article" or "main")
        {
            return true;
        }

        return HasContentTokenCached(className) || HasContentTokenCached(id);
    }

    /// <summary>
    /// The hints of each class or id value seen lately on this thread: pages repeat the same values
    /// on many elements ("menu-item", "nav-link"), and the walker and the extractor read the same
    /// elements. The results are those of <see cref="OfTokens"/> and <see cref="HasContentToken"/>,
    /// pure functions of the value, so the cache changes no result; it is emptied when it grows
    /// past <see cref="CacheLimit"/> values.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, CachedValue>? t_cache;

    private const int CacheLimit = 4096;

    private struct CachedValue
    {
        public BlockHints Tokens;
        public bool Live;
        public sbyte HasContent; // 0: not computed yet, 1: no, 2: yes
    }

    private static ref CachedValue Cached(string value)
    {
        var cache = t_cache ??= new Dictionary<string, CachedValue>(StringComparer.Ordinal);
        if (cache.Count >= CacheLimit && !cache.ContainsKey(value))
        {
            cache.Clear();
        }

        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(cache, value, out bool exists);
        if (!exists)
        {
            entry.Tokens = OfTokens(value, out entry.Live);
        }

        return ref entry;
    }

    private static bool HasContentTokenCached(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        ref var entry = ref Cached(value);
        if (entry.HasContent == 0)
        {
            entry.HasContent = HasContentToken(value) ? (sbyte)2 : (sbyte)1;
        }

        return entry.HasContent == 2;
    }

    private static bool HasContentToken(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        Span<char> lower = stackalloc char[64];
        int at = 0;
        while (NextToken(value, ref at, lower, out var word))
        {
#if NET9_0_OR_GREATER
            if (word.IndexOfAny(AnyContentWord) < 0)
            {
                continue; // no content word: nothing below can hold
            }
#endif

            if (OfToken(word, out _) != BlockHints.None)
            {
                continue;
            }

            foreach (var content in ContentWords)
            {
                if (word.Contains(content, StringComparison.Ordinal) && !IsIgnored(word))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Class tokens that name a post's own element, whole ("entry", "hentry", "type-post"), as blog software writes them.
    private static readonly string[] PostWords = ["entry", "hentry", "post", "type-post", "article", "story"];

    /// <summary>
    /// Whether a class names the element of a post: a token that is a word of <see cref="PostWords"/>,
    /// or "post-" and a number ("post-1234"). Tokens that only hold such a word ("post-meta",
    /// "text-12") do not.
    /// </summary>
    private static bool NamesPost(string className)
    {
        Span<char> lower = stackalloc char[64];
        int at = 0;
        while (NextToken(className, ref at, lower, out var word))
        {
            if (word.StartsWith("post-", StringComparison.Ordinal) && word.Length > 5 && char.IsAsciiDigit(word[5]))
            {
                return true;
            }

            foreach (var post in PostWords)
            {
                if (word.SequenceEqual(post))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsIgnored(ReadOnlySpan<char> token)
    {
        foreach (var prefix in IgnoredPrefixes)
        {
            if (token.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static BlockHints OfTokens(string value, out bool live)
    {
        var hints = BlockHints.None;
        live = false;
        Span<char> lower = stackalloc char[64];
        int at = 0;
        while (NextToken(value, ref at, lower, out var word))
        {
            hints |= OfToken(word, out bool tokenLive);
            live |= tokenLive;
        }

        return hints;
    }

    /// <summary>
    /// Whether an element's class or id names a live blog or ticker ("live-blog", "liveticker",
    /// "live"): news sites call the entries of a live blog comments ("comment-entry" inside it), and
    /// they are the page's text, so a comment hint inside such an element does not count
    /// (<see cref="HintScope"/>, <see cref="Extraction.ContainerTree"/>).
    /// </summary>
    public static bool IsLive(string? className, string? id) =>
        (!string.IsNullOrEmpty(className) && Cached(className).Live) || (!string.IsNullOrEmpty(id) && Cached(id).Live);

    /// <summary>A live blog's token: "ticker" or "liveblog" anywhere, or "live" as a whole part (between hyphens or underscores).</summary>
    private static bool IsLiveToken(ReadOnlySpan<char> token)
    {
        if (token.Contains("ticker", StringComparison.Ordinal) || token.Contains("liveblog", StringComparison.Ordinal))
        {
            return true;
        }

        var parts = token;
        while (!parts.IsEmpty)
        {
            int end = parts.IndexOfAny('-', '_');
            if ((end < 0 ? parts : parts[..end]).SequenceEqual("live"))
            {
                return true;
            }

            parts = end < 0 ? default : parts[(end + 1)..];
        }

        return false;
    }

    /// <summary>
    /// The next token of a class or id attribute from <paramref name="at"/>, lower-cased into
    /// <paramref name="buffer"/>; false when none is left. Tokens longer than the buffer are skipped.
    /// </summary>
    private static bool NextToken(string value, ref int at, Span<char> buffer, out ReadOnlySpan<char> word)
    {
        while (at < value.Length)
        {
            var rest = value.AsSpan(at);
            int start = rest.Length - rest.TrimStart().Length;
            int end = rest[start..].IndexOfAny(' ', '\t', '\n');
            int length = end < 0 ? rest.Length - start : end;
            var token = rest.Slice(start, length);
            at += start + length;
            if (!token.IsEmpty && token.Length <= buffer.Length)
            {
                word = buffer[..Cleaner.Text.TextCase.ToLower(token, buffer)];
                return true;
            }
        }

        word = default;
        return false;
    }

    private static BlockHints OfToken(ReadOnlySpan<char> token, out bool live)
    {
        live = IsLiveToken(token);
        if (IsIgnored(token))
        {
            return BlockHints.None;
        }

        var hints = BlockHints.None;
#if NET9_0_OR_GREATER
        if (token.IndexOfAny(AnyContained) >= 0)
#endif
        {
            foreach (var (word, hint) in Contained)
            {
                if (token.Contains(word, StringComparison.Ordinal))
                {
                    hints |= hint;
                }
            }
        }

        var parts = token;
        while (!parts.IsEmpty)
        {
            int end = parts.IndexOfAny('-', '_');
            var part = end < 0 ? parts : parts[..end];
            parts = end < 0 ? default : parts[(end + 1)..];
            foreach (var (word, hint) in Whole)
            {
                if (part.SequenceEqual(word))
                {
                    hints |= hint;
                }
            }
        }

        if ((hints & BlockHints.Comment) != 0 && (live || token.Contains("commentary", StringComparison.Ordinal)))
        {
            // An opinion piece, or a live blog's entry ("ticker-comment", "live-comment": news sites
            // call a live blog's entries comments, and they are the page's text), not reader comments.
            hints &= ~BlockHints.Comment;
        }

        return hints;
    }
}
