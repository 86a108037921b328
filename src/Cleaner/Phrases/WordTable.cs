using System.Numerics;

namespace Cleaner.Text;

/// <summary>
/// A read-only map from words to values, built for one look-up per word of every text. A word of
/// at most eight Latin-1 characters (most stopwords and phrase keys) is packed into one integer and
/// found in an open-addressing table without hashing its characters one by one; other words go to
/// a dictionary. Keys are compared ordinally, as stored. Cheap to build, so a filter may make one
/// per document.
/// </summary>
internal sealed class WordTable<TValue>
{
    private const int MaxPacked = 8;
    private readonly ulong[] _keys;
    private readonly TValue[] _values;
    private readonly int _shift;
    private readonly Dictionary<string, TValue>? _others;
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _othersLookup;
#endif

    /// <summary>Creates the table.</summary>
    public WordTable(IEnumerable<KeyValuePair<string, TValue>> words)
    {
        var packed = new List<(ulong Key, TValue Value)>();
        foreach (var (word, value) in words)
        {
            if (TryPack(word, out ulong key))
            {
                packed.Add((key, value));
            }
            else
            {
                (_others ??= new Dictionary<string, TValue>(StringComparer.Ordinal))[word] = value;
            }
        }

        int bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(1, packed.Count * 2 - 1)) + 1);
        _shift = 64 - bits;
        _keys = new ulong[1 << bits];
        _values = new TValue[1 << bits];
        foreach (var (key, value) in packed)
        {
            int slot = Slot(key);
            while (_keys[slot] != 0 && _keys[slot] != key)
            {
                slot = (slot + 1) & (_keys.Length - 1);
            }

            _keys[slot] = key;
            _values[slot] = value;
        }

#if NET9_0_OR_GREATER
        if (_others is not null)
        {
            _othersLookup = _others.GetAlternateLookup<ReadOnlySpan<char>>();
        }
#endif
    }

    /// <summary>Finds a word as stored (no case folding).</summary>
    public bool TryGetValue(ReadOnlySpan<char> word, out TValue value)
    {
        if (TryPack(word, out ulong key))
        {
            return TryGetPacked(key, out value!);
        }

        if (_others is null)
        {
            value = default!;
            return false;
        }

#if NET9_0_OR_GREATER
        return _othersLookup.TryGetValue(word, out value!);
#else
        return _others.TryGetValue(word.ToString(), out value!);
#endif
    }

    /// <summary>
    /// Finds a word lower-cased as <see cref="MemoryExtensions.ToLowerInvariant"/> would (the table
    /// holds lower-case words); ASCII words are folded while they are packed.
    /// </summary>
    public bool TryGetLowerCased(ReadOnlySpan<char> word, out TValue value)
    {
        if (word.Length <= MaxPacked)
        {
            ulong key = 0;
            int i = 0;
            for (; i < word.Length; i++)
            {
                char c = word[i];
                if (c is '\0' or >= '\u0080')
                {
                    break;
                }

                key = (key << 8) | (uint)(c is >= 'A' and <= 'Z' ? c | 0x20 : c);
            }

            if (i == word.Length)
            {
                return TryGetPacked(key, out value!);
            }
        }

        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        int n = TextCase.ToLower(word, lower);
        return TryGetValue(lower[..n], out value!);
    }

    private bool TryGetPacked(ulong key, out TValue value)
    {
        if (key != 0)
        {
            for (int slot = Slot(key); _keys[slot] != 0; slot = (slot + 1) & (_keys.Length - 1))
            {
                if (_keys[slot] == key)
                {
                    value = _values[slot];
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>Packs a word of one to eight Latin-1 characters into an integer (never 0: characters are not NUL).</summary>
    private static bool TryPack(ReadOnlySpan<char> word, out ulong key)
    {
        key = 0;
        if (word.Length is 0 or > MaxPacked)
        {
            return false;
        }

        foreach (char c in word)
        {
            if (c is '\0' or > '\u00FF')
            {
                return false;
            }

            key = (key << 8) | c;
        }

        return true;
    }
}
