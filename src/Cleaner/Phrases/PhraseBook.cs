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
    private static readonly Lazy<PhraseBook> BuiltInBook = new(() => new PhraseBook(new Dictionary<string, List<string>>()));
    private readonly FrozenDictionary<string, PhraseList> _lists;

    /// <summary>The key words and symbols of every list's phrases, each with the bits of the phrase sets that hold it.</summary>
    private readonly PhraseKeys _keys;

    /// <summary>The bits of the phrase sets that must always be searched (a phrase without a key).</summary>
    private readonly ulong _always;

    /// <summary>
    /// Builds the lists: the built-in ones, extended by <paramref name="extra"/>, and the new lists of
    /// <paramref name="extra"/>. In the order of their names, each list's phrase sets (anywhere, then
    /// whole-line) take the next bits of <see cref="Block.PhraseCandidates"/>, once, here; sets past
    /// the 64th bit scan the block themselves.
    /// </summary>
    private PhraseBook(IReadOnlyDictionary<string, List<string>> extra)
    {
        var names = BuiltInPhrases.Value.Keys.Concat(extra.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var lists = new Dictionary<string, PhraseList>(StringComparer.Ordinal);
        var words = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var symbols = new Dictionary<char, ulong>();
        int bit = 0;
        foreach (var name in names)
        {
            BuiltInPhrases.Value.TryGetValue(name, out var builtIn);
            extra.TryGetValue(name, out var more);
            var list = new PhraseList(name, (builtIn ?? []).Concat(more ?? []), builtIn: more is null, this, bit);
            lists[name] = list;
            foreach (var set in (ReadOnlySpan<PhraseSet?>)[list.Anywhere, list.WholeLine])
            {
                if (set is null || set.Bit >= 64)
                {
                    continue; // nothing to find, or past the 64 bits: the set scans the block itself
                }

                ulong mask = 1UL << set.Bit;
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

            bit += list.Bits;
        }

        _lists = lists.ToFrozenDictionary(StringComparer.Ordinal);
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

    /// <summary>The list of that name.</summary>
    /// <param name="name">The list's name.</param>
    /// <exception cref="KeyNotFoundException">The book has no list of that name (the message names the lists it has).</exception>
    public PhraseList this[string name] => _lists.TryGetValue(name, out var list)
        ? list
        : throw new KeyNotFoundException($"There is no phrase list '{name}'; the lists are: {string.Join(", ", _lists.Keys.Order(StringComparer.Ordinal))}. Add phrases to a new list with TextCleanerBuilder.AddPhrases.");

    /// <summary>The phrases of a built-in list as written in its resource.</summary>
    /// <param name="name">The list's name.</param>
    /// <exception cref="KeyNotFoundException">There is no built-in list of that name.</exception>
    public static IReadOnlyList<string> BuiltIn(string name) =>
        BuiltInPhrases.Value.TryGetValue(name, out var phrases)
            ? phrases
            : throw new KeyNotFoundException($"There is no built-in phrase list '{name}'; the built-in lists are: {string.Join(", ", BuiltInNames.Order(StringComparer.Ordinal))}.");

    /// <summary>The book for a cleaner: the built-in lists, shared by every cleaner without extra phrases (its lists are immutable), or a new book with them added.</summary>
    /// <exception cref="PhraseLimitException">A list passes one of the limits of <see cref="PhraseList"/>.</exception>
    internal static PhraseBook Create(IReadOnlyDictionary<string, List<string>> extra) =>
        extra.Count == 0 ? BuiltInBook.Value : new PhraseBook(extra);

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
