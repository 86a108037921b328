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
        text = text.Trim();
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        int n = 0;
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                buffer[n++] = ' ';
                space = false;
            }

            buffer[n++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..n]);
    }
}
