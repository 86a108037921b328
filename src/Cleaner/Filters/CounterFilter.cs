using System.Buffers;
using Cleaner.Text;

namespace Cleaner.Filters;

/// <summary>Removes counters: "12 comments", "1.2K shares", "Views: 3,456", "Comments (4)".</summary>
public sealed class CounterFilter : LineFilter
{
    private static readonly WordSet Words = new(
    [
        "comment", "comments", "share", "shares", "shared", "view", "views", "like", "likes", "reply", "replies", "read", "reads",
        "retweet", "retweets", "tweet", "tweets", "vote", "votes", "point", "points", "follower", "followers", "reaction", "reactions",
        "response", "responses", "reader", "readers", "recommendation", "recommendations", "pin", "pins", "save", "saves", "star", "stars",
        "kommentar", "kommentare", "aufrufe", "leser", "commentaire", "commentaires", "vue", "vues", "partages",
        "comentario", "comentarios", "visitas", "vistas", "compartido", "times", "so", "far", "no", "total", "and",
    ]);

    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t\u00A0|•·()[]:/");

    /// <inheritdoc />
    public override string Name => "counters";

    /// <inheritdoc />
    public override string Description => "Removes comment, share, view and like counters.";

    /// <inheritdoc />
    protected override string? Judge(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return block.Features.WordCount <= 12 && IsCounter(block.Span) ? "a counter of comments, shares or views" : null;
    }

    internal static bool IsCounter(ReadOnlySpan<char> text)
    {
        bool number = false, word = false;
        var rest = text;
        Span<char> lower = stackalloc char[24];
        while (Tokens.Next(ref rest, Separators, out var raw))
        {
            var token = raw.Trim(".,;-'\"");
            if (token.Length == 0)
            {
                continue;
            }

            if (IsCount(token))
            {
                number = true;
                continue;
            }

            if (token.Length > lower.Length)
            {
                return false;
            }

            int n = TextCase.ToLower(token, lower);
            if (!Words.Contains(lower[..n]))
            {
                return false;
            }

            word |= lower[..n] is not ("times" or "so" or "far" or "no" or "total" or "and");
        }

        return number && word;
    }

    /// <summary>1, 1,234, 1.2K, 3M, 12k.</summary>
    private static bool IsCount(ReadOnlySpan<char> token)
    {
        if (token.Length > 0 && token[^1] is 'k' or 'K' or 'm' or 'M')
        {
            token = token[..^1];
        }

        if (token.Length == 0 || !char.IsAsciiDigit(token[0]))
        {
            return false;
        }

        foreach (char c in token)
        {
            if (!char.IsAsciiDigit(c) && c is not ',' and not '.')
            {
                return false;
            }
        }

        return true;
    }
}
