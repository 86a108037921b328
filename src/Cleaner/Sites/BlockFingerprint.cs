namespace Cleaner.Sites;

/// <summary>
/// The fingerprint of a block: a 64-bit FNV-1a hash of its normalised text, stable across machines,
/// runs and .NET versions (it is stored in profile files). Normalising folds case (invariant lower
/// case), folds every run of digits to one <c>0</c> ("12 comments" and "3 comments" meet), and folds
/// every run of white space to one space, trimmed at both ends.
/// </summary>
internal static class BlockFingerprint
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The fingerprint of a block's text, or 0 when it holds nothing but white space.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        ulong hash = Offset;
        bool any = false, space = false, digit = false;
        foreach (char raw in text)
        {
            if (char.IsWhiteSpace(raw))
            {
                space = any;
                digit = false;
                continue;
            }

            bool isDigit = char.IsDigit(raw);
            if (isDigit && digit && !space)
            {
                continue; // the rest of a run of digits
            }

            if (space)
            {
                hash = (hash ^ ' ') * Prime;
                space = false;
            }

            char c = isDigit ? '0' : raw < 0x80 ? (raw is >= 'A' and <= 'Z' ? (char)(raw | 0x20) : raw) : char.ToLowerInvariant(raw);
            hash = (hash ^ c) * Prime;
            digit = isDigit;
            any = true;
        }

        // 0 means "no text"; a real hash of 0 becomes 1 (one value in 2^64 is lost, nothing else).
        return !any ? 0 : hash == 0 ? 1 : hash;
    }
}
