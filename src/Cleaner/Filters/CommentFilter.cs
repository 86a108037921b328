using System.Text.RegularExpressions;
using Cleaner.Text;

namespace Cleaner.Filters;

/// <summary>Settings of the <see cref="CommentFilter"/>; change them with <c>with</c> or <see cref="TextCleanerBuilder.Configure{TOptions}(Func{TOptions, TOptions})"/>.</summary>
public readonly record struct CommentOptions
{
    /// <summary>Creates the default settings.</summary>
    public CommentOptions()
    {
    }

    /// <summary>How many comment headers after the body make a comment section. Default 3.</summary>
    public int MinHeaders { get; init; } = 3;
}

/// <summary>
/// Removes the comment section after the article: everything from the first line that opens one
/// ("Leave a Reply", "21 comments", "Comments", "Post a comment") or from the first of several comment
/// headers (a name over a timestamp, "Jane says:", "by jdoe (1234) writes:") to the end of the page.
/// The cut is made only after the body has started, so a "Comments" link in the menu changes nothing.
/// On an HTML page whose article the extractor found, the blocks of the article are
/// <see cref="MainContentFilter"/>'s: it leaves out a comment section inside the article from a marker
/// that this filter finds (<see cref="ArticleCut"/>).
/// </summary>
public sealed partial class CommentFilter : IBlockFilter, IConfigurableFilter<CommentOptions>
{
    /// <summary>Creates the filter with the default settings.</summary>
    public CommentFilter()
        : this(new CommentOptions())
    {
    }

    /// <summary>Creates the filter with the given settings.</summary>
    /// <param name="options">The settings.</param>
    public CommentFilter(CommentOptions options) => Options = options;

    /// <summary>The settings.</summary>
    public CommentOptions Options { get; }

    /// <summary>How many comment headers after the body make a comment section (<see cref="CommentOptions.MinHeaders"/>).</summary>
    private int MinHeaders => Options.MinHeaders;

    /// <inheritdoc />
    public IConfigurableFilter<CommentOptions> WithOptions(CommentOptions options) => new CommentFilter(options);

    /// <inheritdoc />
    public string Name => "comments";

    /// <inheritdoc />
    public string Description => "Removes the comment section after the article.";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!FocusTable.CutsComments(document.Options.Focus) || FindCut(document, article: false, MinHeaders) is not { } found)
        {
            return;
        }

        var blocks = document.Blocks;
        for (int i = found.Cut; i < blocks.Count; i++)
        {
            blocks[i].Remove(found.Why);
        }
    }

    /// <summary>
    /// On an HTML page whose article the extractor found, where a comment section inside that article
    /// starts: the index of a marker ("Leave a Reply", "4 Responses to ...") that follows the
    /// article's prose (the marker itself inside the article or not), or null. The article's
    /// container often holds the comment section, a comment form and what the site puts under it;
    /// the main-content filter leaves the article's blocks from there out. Only markers count here,
    /// not runs of comment headers: inside an extractor's article a run of dated lines is as often a
    /// list of trackbacks or related posts as a thread. Null when the focus keeps comments.
    /// </summary>
    /// <param name="document">A document whose blocks carry the extractor's article.</param>
    internal static int? ArticleCut(Document document) =>
        document.IsHtml && document.HasMainContent && FocusTable.CutsComments(document.Options.Focus)
            ? FindCut(document, article: true, minHeaders: 0)?.Cut
            : null;

    /// <summary>
    /// Where the comment section starts, and why, or null. With <paramref name="article"/>, the page
    /// is the extractor's article: only its blocks count as prose, and only markers after its prose
    /// has started open a section.
    /// </summary>
    private static (int Cut, string Why)? FindCut(Document document, bool article, int minHeaders)
    {
        bool Inside(Block block) => !article || block.InMainContent;
        var blocks = document.Blocks;
        int bodyStart = Zones.BodyStart(document);
        if (bodyStart >= blocks.Count)
        {
            return null;
        }

        // A comment section follows the article: a marker counts only once a good part of the article
        // lies before it (half the densest run of prose, or 150 words), so a "Comments" link in a
        // toolbar above the article does not.
        var main = Zones.MainRun(document, within: article ? Inside : null);
        if (main.Start < 0)
        {
            return null;
        }

        var markers = document.Phrases["comments"];
        int firstHeader = -1, headerCount = 0;
        int needed = Math.Min(main.Words / 2, 150);
        int proseBefore = 0;
        // A marker above the first prose counts too when comment headers follow it: a short post (a
        // title, a byline, a line) over a long thread, where the thread would otherwise pass for
        // the article and the post be dropped as a short line among boilerplate (not in an article
        // the extractor found, which says where the post is).
        for (int i = 1; i < blocks.Count; i++)
        {
            var previous = blocks[i - 1];
            if (Zones.IsProse(document, previous) && Inside(previous))
            {
                proseBefore += previous.Features.WordCount;
            }

            var block = blocks[i];
            bool beforeBody = proseBefore == 0;
            if (block.IsKept)
            {
                continue;
            }

            if (block.Features.WordCount <= 12 && (markers.Coverage(block) >= 1 || (block.Features.WordCount <= 8 && OpensWithCount(block) && CountOpener().IsMatch(block.Span))))
            {
                // Comment headers right below the marker confirm it even after a short article; an
                // article's byline below it shows that the marker was a tab over the article.
                bool headerFollows = HeaderFollows(blocks, i);
                if (beforeBody && (article || !headerFollows))
                {
                    continue;
                }

                if (!headerFollows && BylineFollows(blocks, i))
                {
                    continue;
                }

                if (proseBefore >= needed || headerFollows)
                {
                    return (i, $"in the comment section that starts at \"{block.Text}\"");
                }

                continue;
            }

            if (!article && proseBefore >= needed && IsCommentHeader(block))
            {
                if (headerCount++ == 0)
                {
                    firstHeader = i;
                }

                if (headerCount >= minHeaders)
                {
                    return (firstHeader, $"in the comment section: {headerCount} or more comment headers from \"{blocks[firstHeader].Text}\"");
                }
            }
        }

        return null;
    }

    private static bool HeaderFollows(IReadOnlyList<Block> blocks, int marker)
    {
        // Two headers close below the marker: one could be a headline over a dateline.
        int found = 0;
        for (int k = marker + 1; k < blocks.Count && k <= marker + 12; k++)
        {
            // A dateline the date filter took ("Updated July 23, 2012, 10:49 p.m. ET") is no header.
            if (!blocks[k].JudgedByA(FilterTraits.Dates) && IsCommentHeader(blocks[k]) && ++found == 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A byline ("By Jane Doe", "BY JANE DOE") within eight blocks below the marker.</summary>
    private static bool BylineFollows(IReadOnlyList<Block> blocks, int marker)
    {
        for (int k = marker + 1; k < blocks.Count && k <= marker + 8; k++)
        {
            var f = blocks[k].Features;
            var span = blocks[k].Span;
            if (f.WordCount is >= 3 and <= 6 && f.SentenceMarks == 0 && f.DigitCount == 0
                && span.StartsWith("by ", StringComparison.OrdinalIgnoreCase) && char.IsUpper(span[3]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A cheap necessary condition for <see cref="CountOpener"/>: the block's first letter or digit is a digit.</summary>
    private static bool OpensWithCount(Block block)
    {
        if (block.Features.DigitCount == 0)
        {
            return false;
        }

        foreach (char c in block.Span)
        {
            if (char.IsLetterOrDigit(c))
            {
                return char.IsDigit(c);
            }
        }

        return false;
    }

    /// <summary>A line that opens with a count of comments: "69 comments… read them below", "12 Responses to “…”".</summary>
    [GeneratedRegex(@"^\W*\d[\d,]*(?:\.\d+)?[kK]?\s*(?:comments?|responses?|replies|thoughts|kommentare|kommentar|commentaires?|comentarios?|respuestas?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CountOpener();

    /// <summary>"Jane says:", "Jane said...", "by jdoe (1234) writes:", "Jane Doe November 1, 2012 at 8:29 am", or a name line over a timestamp line.</summary>
    internal static bool IsCommentHeader(Block block)
    {
        var f = block.Features;
        if (f.WordCount is 0 or > 14)
        {
            return false;
        }

        var span = block.Span.TrimEnd();
        if (span.Length > 0 && span[^1] == ':' && (span.EndsWith("says:", StringComparison.OrdinalIgnoreCase)
            || span.EndsWith("writes:", StringComparison.OrdinalIgnoreCase)
            || span.EndsWith("schreibt:", StringComparison.OrdinalIgnoreCase)
            || span.EndsWith("dice:", StringComparison.OrdinalIgnoreCase)
            || span.EndsWith("dijo:", StringComparison.OrdinalIgnoreCase)
            || span.EndsWith("écrit :", StringComparison.OrdinalIgnoreCase)
            || span.EndsWith("écrit:", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (span.Contains(" writes: on ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Blogger's "Jane said..." (or with an ellipsis character).
        if (f.WordCount <= 6 && (span.EndsWith(" said...", StringComparison.OrdinalIgnoreCase) || span.EndsWith(" said\u2026", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // A name (one to four words) followed by a timestamp on the same line, or by a bare date over a comment.
        if (f.DigitCount > 0 && !f.EndsWithTerminalPunctuation)
        {
            var rest = span;
            for (int words = 0; words < 4; words++)
            {
                int space = rest.IndexOf(' ');
                if (space < 0)
                {
                    break;
                }

                rest = rest[(space + 1)..].TrimStart();
                if (Dates.IsDateLine(rest) && Dates.HasCalendarDate(rest) && (ContainsTime(rest) || IsNameOverComment(span, rest, block.Next)))
                {
                    return true;
                }
            }
        }

        // A short name line directly over a timestamp line.
        // (A line in capitals over a dateline is a section label, not a name.)
        return block.Next is { } next && f.WordCount <= 4 && f.SentenceMarks == 0 && f.DigitCount == 0 && !(f.UpperShare >= 0.8 && f.LetterCount >= 4)
            && next.Features.WordCount <= 10 && ContainsTime(next.Span) && Dates.IsDateLine(next.Span) && Dates.HasCalendarDate(next.Span);
    }

    /// <summary>
    /// A name and a bare date ("Jermaine 07 Nov 12") is a header when the name is only a name (letters,
    /// not a byline with "By" or "Posted") and a comment of prose follows it, not another dated line.
    /// </summary>
    private static bool IsNameOverComment(ReadOnlySpan<char> span, ReadOnlySpan<char> date, Block? next)
    {
        // The date names a day ("07 Nov 12", not a running head's "December 2014"), and the whole
        // line is not a date itself ("March 25, 2015").
        var name = span[..^date.Length].Trim();
        if (NumberGroups(date) < 2 || Dates.IsDateLine(span) || name.Length == 0 || name.StartsWith("by ", StringComparison.OrdinalIgnoreCase) || name.StartsWith("posted", StringComparison.OrdinalIgnoreCase)
            || !char.IsLetter(name[0]))
        {
            return false;
        }

        // Only a name: an embedded post's attribution ("Jane (@jane) October 30, 2012") is no header.
        foreach (char c in name)
        {
            if (!(char.IsLetter(c) || c is ' ' or '-' or ',' or '.' or '\'' or '\u2019' or '_'))
            {
                return false;
            }
        }

        return next is { } comment && comment.Features.SentenceMarks > 0 && comment.Features.WordCount >= 3 && !Dates.IsDateLine(comment.Span);
    }

    private static int NumberGroups(ReadOnlySpan<char> text)
    {
        int groups = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1])))
            {
                groups++;
            }
        }

        return groups;
    }

    private static bool ContainsTime(ReadOnlySpan<char> text)
    {
        int colon = text.IndexOf(':');
        while (colon > 0 && colon + 1 < text.Length)
        {
            if (char.IsAsciiDigit(text[colon - 1]) && char.IsAsciiDigit(text[colon + 1]))
            {
                return true;
            }

            int next = text[(colon + 1)..].IndexOf(':');
            colon = next < 0 ? -1 : colon + 1 + next;
        }

        return text.Contains(" ago", StringComparison.OrdinalIgnoreCase);
    }
}
