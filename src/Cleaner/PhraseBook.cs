using System.Collections.Frozen;
using System.Reflection;
using Cleaner.Text;

namespace Cleaner;

/// <summary>
/// The phrase lists a cleaner's filters use, by name. The built-in lists (social, calls-to-action,
/// analytics, cookies, legal, navigation, related, photo-credits, tags) are embedded resources in
/// English, German, French and Spanish; <see cref="TextCleanerBuilder.AddPhrases(string, IEnumerable{string})"/>
/// extends them or adds new ones.
/// </summary>
public sealed class PhraseBook
{
    private static readonly Lazy<FrozenDictionary<string, string[]>> BuiltInPhrases = new(LoadBuiltIn);
    private static readonly PhraseList EmptyList = new("empty", []);
    private static readonly Lazy<PhraseBook> BuiltInBook = new(() => Build(new Dictionary<string, List<string>>()));
    private readonly FrozenDictionary<string, PhraseList> _lists;

    /// <summary>The key words and symbols of every list's phrases, each with the bits of the phrase sets that hold it.</summary>
    private readonly PhraseKeys _keys;

    /// <summary>The bits of the phrase sets that must always be searched (a phrase without a key).</summary>
    private readonly ulong _always;

    private PhraseBook(FrozenDictionary<string, PhraseList> lists)
    {
        _lists = lists;
        var words = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var symbols = new Dictionary<char, ulong>();
        int bit = 0;
        foreach (var (_, list) in lists.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            foreach (var set in (ReadOnlySpan<PhraseSet?>)[list.Anywhere, list.WholeLine])
            {
                if (set is null || bit == 64)
                {
                    continue; // nothing to find, or past the 64 bits: the set scans the block itself
                }

                ulong mask = 1UL << bit;
                set.Slot = (this, bit++);
                if (set.KeyWords is null || set.KeySymbols is null)
                {
                    _always |= mask;
                    continue;
                }

                foreach (var word in set.KeyWords)
                {
                    words[word] = words.GetValueOrDefault(word) | mask;
                }

                foreach (var symbol in set.KeySymbols)
                {
                    symbols[symbol] = symbols.GetValueOrDefault(symbol) | mask;
                }
            }
        }

        _keys = new PhraseKeys(words, symbols);
    }

    /// <summary>The key words and symbols of every list, looked up by the features pass (<see cref="TextStats.Compute(ReadOnlySpan{char}, StopWords?, PhraseKeys?, out ulong)"/>).</summary>
    internal PhraseKeys Keys => _keys;

    /// <summary>
    /// The bits of the phrase sets (each list's anywhere and whole-line phrases) that may match the
    /// text (see <see cref="Block.PhraseCandidates"/>), from the masks of the key words the features
    /// pass found in it.
    /// </summary>
    internal ulong Candidates(ReadOnlySpan<char> text, ulong wordKeys) => _always | wordKeys | _keys.ScanSymbols(text);

    /// <summary>The names of the built-in lists.</summary>
    public static IReadOnlyCollection<string> BuiltInNames => BuiltInPhrases.Value.Keys;

    /// <summary>The names of the lists in this book.</summary>
    public IReadOnlyCollection<string> Names => _lists.Keys;

    /// <summary>The list of that name, or an empty list when there is none.</summary>
    /// <param name="name">The list's name.</param>
    public PhraseList this[string name] => _lists.TryGetValue(name, out var list) ? list : EmptyList;

    /// <summary>The phrases of a built-in list as written in its resource.</summary>
    /// <param name="name">The list's name.</param>
    public static IReadOnlyList<string> BuiltIn(string name) =>
        BuiltInPhrases.Value.TryGetValue(name, out var phrases) ? phrases : [];

    /// <summary>The book for a cleaner: the built-in lists, shared by every cleaner without extra phrases (its lists are immutable), or a new book with them added.</summary>
    internal static PhraseBook Create(IReadOnlyDictionary<string, List<string>> extra) =>
        extra.Count == 0 ? BuiltInBook.Value : Build(extra);

    private static PhraseBook Build(IReadOnlyDictionary<string, List<string>> extra)
    {
        var lists = new Dictionary<string, PhraseList>(StringComparer.Ordinal);
        foreach (var (name, phrases) in BuiltInPhrases.Value)
        {
            extra.TryGetValue(name, out var more);
            lists[name] = more is null ? new PhraseList(name, phrases, compileNow: false) : new PhraseList(name, phrases.Concat(more));
        }

        foreach (var (name, phrases) in extra)
        {
            if (!lists.ContainsKey(name))
            {
                lists[name] = new PhraseList(name, phrases);
            }
        }

        return new PhraseBook(lists.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static FrozenDictionary<string, string[]> LoadBuiltIn()
    {
        const string prefix = "Cleaner.Resources.phrases.";
        var assembly = typeof(PhraseBook).Assembly;
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(prefix, StringComparison.Ordinal) && resource.EndsWith(".txt", StringComparison.Ordinal))
            {
                var name = resource[prefix.Length..^4];
                result[name] = Resources.ReadLines(assembly, resource).ToArray();
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

internal static class Resources
{
    public static IEnumerable<string> ReadLines(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                lines.Add(trimmed);
            }
        }

        return lines;
    }
}
