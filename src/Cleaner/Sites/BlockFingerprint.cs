using System.Buffers;
using Cleaner.Text;

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
        char[]? rented = null;
        Span<char> folded = text.Length <= 512 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        int length = Fold(text, folded);
        ulong hash = Offset;
        foreach (char c in folded[..length])
        {
            hash = (hash ^ c) * Prime;
        }

        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        // 0 means "no text"; a real hash of 0 becomes 1 (one value in 2^64 is lost, nothing else).
        return length == 0 ? 0 : hash == 0 ? 1 : hash;
    }

    /// <summary>The normalised text of a block, cut at <paramref name="maxLength"/> characters (an ellipsis marks the cut).</summary>
    public static string Normalize(ReadOnlySpan<char> text, int maxLength)
    {
        var folded = new char[text.Length];
        int length = Fold(text, folded);
        return length <= maxLength ? new string(folded, 0, length) : string.Concat(folded.AsSpan(0, maxLength - 1), "\u2026");
    }

    /// <summary>Writes the normalised text into <paramref name="output"/> (at least as long as the text) and returns its length.</summary>
    private static int Fold(ReadOnlySpan<char> text, Span<char> output)
    {
        int n = 0;
        bool space = false, digit = false;
        foreach (char raw in text)
        {
            if (char.IsWhiteSpace(raw))
            {
                space = n > 0;
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
                output[n++] = ' ';
                space = false;
            }

            output[n++] = isDigit ? '0' : raw < 0x80 ? TextCase.LowerAscii(raw) : char.ToLowerInvariant(raw);
            digit = isDigit;
        }

        return n;
    }
}
