using System.Text.RegularExpressions;

namespace Cleaner.Filters;

/// <summary>Removes lines that are only a web address or an e-mail address.</summary>
public sealed partial class UrlFilter : LineFilter
{
    /// <inheritdoc />
    public override string Name => "urls";

    /// <inheritdoc />
    public override string Description => "Removes lines that are only a URL or e-mail address.";

    /// <inheritdoc />
    protected override string? Judge(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Features.WordCount > 40)
        {
            return null;
        }

        return MayBeAddress(block.Span) && UrlOnly().IsMatch(block.Span) ? "a line that is only an address" : null;
    }

    /// <summary>
    /// A cheap necessary condition for <see cref="UrlOnly"/>: every form of address holds a dot or a
    /// colon, and none holds white space, while only white space and non-word characters may stand
    /// around it; so no white space lies between the line's first and last letter or digit.
    /// </summary>
    private static bool MayBeAddress(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny('.', ':') < 0)
        {
            return false;
        }

        int first = 0, last = text.Length - 1;
        while (first <= last && !char.IsLetterOrDigit(text[first]))
        {
            first++;
        }

        while (last > first && !char.IsLetterOrDigit(text[last]))
        {
            last--;
        }

        for (int i = first; i < last; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^[\s\W]*(?:(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|de|fr|es|io|info|gov|edu)(?:/\S*)?)[\s\W]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex UrlOnly();
}
