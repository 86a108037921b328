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
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        int n = 0;
        var folded = new FoldedLine(text);
        while (folded.Next(out char c))
        {
            buffer[n++] = c;
        }

        return new string(buffer[..n]);
    }

    /// <summary>Whether two lines have the same <see cref="LineKey"/>, without making either key.</summary>
    public static bool SameLine(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var x = new FoldedLine(a);
        var y = new FoldedLine(b);
        while (true)
        {
            bool more = x.Next(out char c);
            if (more != y.Next(out char d) || c != d)
            {
                return false;
            }

            if (!more)
            {
                return true;
            }
        }
    }

    /// <summary>A hash of a line's <see cref="LineKey"/> and the key's length, without making the key (the hash is this process's own).</summary>
    public static int LineHash(ReadOnlySpan<char> text, out int length)
    {
        var hash = default(HashCode);
        length = 0;
        var folded = new FoldedLine(text);
        while (folded.Next(out char c))
        {
            hash.Add(c);
            length++;
        }

        return hash.ToHashCode();
    }

    /// <summary>The characters of a line's key, one at a time: lower case, white space runs as one space, none at the ends.</summary>
    private ref struct FoldedLine(ReadOnlySpan<char> text)
    {
        private ReadOnlySpan<char> _rest = text.Trim();
        private bool _space;

        public bool Next(out char c)
        {
            while (_rest.Length > 0)
            {
                char x = _rest[0];
                if (char.IsWhiteSpace(x))
                {
                    _space = true;
                    _rest = _rest[1..];
                    continue;
                }

                if (_space)
                {
                    _space = false;
                    c = ' ';
                    return true;
                }

                _rest = _rest[1..];
                c = char.ToLowerInvariant(x);
                return true;
            }

            c = '\0';
            return false;
        }
    }
}
