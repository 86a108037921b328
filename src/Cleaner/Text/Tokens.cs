using System.Buffers;

namespace Cleaner.Text;

/// <summary>Allocation-free splitting of a span on a set of separator characters.</summary>
internal static class Tokens
{
    /// <summary>Takes the next non-empty token from <paramref name="rest"/>; false when none is left.</summary>
    /// <param name="rest">The text still to split; advanced past the token.</param>
    /// <param name="separators">The separators, as <see cref="SearchValues{T}"/> made once (a plain span of many characters is searched far more slowly).</param>
    /// <param name="token">The token.</param>
    public static bool Next(ref ReadOnlySpan<char> rest, SearchValues<char> separators, out ReadOnlySpan<char> token)
    {
        while (rest.Length > 0)
        {
            int end = rest.IndexOfAny(separators);
            if (end < 0)
            {
                token = rest;
                rest = default;
                return true;
            }

            token = rest[..end];
            rest = rest[(end + 1)..];
            if (token.Length > 0)
            {
                return true;
            }
        }

        token = default;
        return false;
    }

    /// <summary>The number of words of a text whose words are separated by single spaces (metadata, once normalised).</summary>
    public static int CountWords(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The text with every run of white space made one space, and none at either end.</summary>
    public static string CollapseWhiteSpace(string text) =>
        IsCollapsed(text) ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether a text has no white space but single spaces between words (collapsing it gives the same text).</summary>
    private static bool IsCollapsed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }
}
