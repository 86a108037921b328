using System.Runtime.InteropServices;

namespace Cleaner.Text;

/// <summary>Lower-casing of short words on the hot path, with the result of <see cref="MemoryExtensions.ToLowerInvariant"/>.</summary>
internal static class TextCase
{
    /// <summary>An ASCII capital in lower case; every other character as it is.</summary>
    public static char LowerAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;

    /// <summary>
    /// Lower-cases <paramref name="source"/> into <paramref name="destination"/> (at least as long) as
    /// <see cref="MemoryExtensions.ToLowerInvariant"/> does; ASCII words, the usual case, take a
    /// plain loop instead of the culture machinery, which costs more than the word itself.
    /// </summary>
    /// <returns>The number of characters written (the source length).</returns>
    public static int ToLower(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (source.Length > destination.Length)
        {
            return source.ToLowerInvariant(destination);
        }

        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c >= 0x80)
            {
                return source.ToLowerInvariant(destination);
            }

            destination[i] = LowerAscii(c);
        }

        return source.Length;
    }

    /// <summary>A line as a key: in lower case (invariant), with each run of white space made one space and none at either end.</summary>
    public static string LineKey(ReadOnlySpan<char> text)
    {
        // The key is never longer than the line: a space stands for at least one white-space character.
        var buffer = text.Length < 512 ? stackalloc char[text.Length + 1] : new char[text.Length + 1];
        int position = 0;
        bool space = false;
        int n = Fold(text.TrimStart(), ref position, ref space, buffer);
        return new string(buffer[..n]);
    }

    /// <summary>Whether two lines have the same <see cref="LineKey"/>, without making either key.</summary>
    public static bool SameLine(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // Both keys are folded a piece at a time; equal keys give equal pieces (see LineHash).
        Span<char> x = stackalloc char[128];
        Span<char> y = stackalloc char[128];
        ReadOnlySpan<char> restA = a.TrimStart(), restB = b.TrimStart();
        int positionA = 0, positionB = 0;
        bool spaceA = false, spaceB = false;
        while (positionA < restA.Length || positionB < restB.Length)
        {
            int n = Fold(restA, ref positionA, ref spaceA, x);
            int m = Fold(restB, ref positionB, ref spaceB, y);
            if (!x[..n].SequenceEqual(y[..m]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash of a line's <see cref="LineKey"/> and the key's length, without making the key (the hash is this process's own).</summary>
    public static int LineHash(ReadOnlySpan<char> text, out int length)
    {
        // The key is folded a piece at a time into a buffer and hashed a piece at a time; the pieces
        // end where the key's characters reach the buffer's end, so equal keys are hashed alike.
        var hash = default(HashCode);
        Span<char> buffer = stackalloc char[256];
        var rest = text.TrimStart();
        int position = 0;
        bool space = false;
        length = 0;
        while (position < rest.Length)
        {
            int n = Fold(rest, ref position, ref space, buffer);
            hash.AddBytes(MemoryMarshal.AsBytes(buffer[..n]));
            length += n;
        }

        return hash.ToHashCode();
    }

    /// <summary>
    /// Writes the key of <paramref name="text"/> (which starts with no white space) from
    /// <paramref name="position"/> on into <paramref name="destination"/> (lower case, each run of
    /// white space one space, none at the end), until the text ends or the destination has room for
    /// fewer than two characters; <paramref name="space"/> carries a run of white space not yet written from one call to the next.
    /// </summary>
    /// <returns>The number of characters written.</returns>
    private static int Fold(ReadOnlySpan<char> text, ref int position, ref bool space, Span<char> destination)
    {
        int n = 0, i = position;
        while (i < text.Length && n < destination.Length - 1)
        {
            char x = text[i++];
            if (char.IsWhiteSpace(x))
            {
                space = true;
                continue;
            }

            if (space)
            {
                space = false;
                destination[n++] = ' ';
            }

            destination[n++] = x < 0x80 ? LowerAscii(x) : char.ToLowerInvariant(x);
        }

        position = i;
        return n;
    }
}
