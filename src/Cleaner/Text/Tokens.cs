namespace Cleaner.Text;

/// <summary>Allocation-free splitting of a span on a set of separator characters.</summary>
internal static class Tokens
{
    /// <summary>Takes the next non-empty token from <paramref name="rest"/>; false when none is left.</summary>
    public static bool Next(ref ReadOnlySpan<char> rest, ReadOnlySpan<char> separators, out ReadOnlySpan<char> token)
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
}
