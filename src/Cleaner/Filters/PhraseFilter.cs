namespace Cleaner.Filters;

/// <summary>
/// A filter driven by a phrase list: a block goes when the list's phrases cover most of it, or when
/// it carries one of them and is short and not a sentence of prose. Subclass it, or create one for a
/// list of your own with <see cref="PhraseFilter(string, string, string, int)"/>.
/// </summary>
public class PhraseFilter : LineFilter
{
    /// <summary>Creates a filter for a phrase list.</summary>
    /// <param name="name">The filter's kebab-case name.</param>
    /// <param name="list">The name of the phrase list in <see cref="Document.Phrases"/>.</param>
    /// <param name="what">What the phrases are, for reasons: "a social-media prompt".</param>
    /// <param name="maxWords">Blocks of up to this many words go when they carry a phrase (balanced focus; precision adds 4, recall takes 3 away).</param>
    public PhraseFilter(string name, string list, string what, int maxWords = 10)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(list);
        Name = name;
        List = list;
        What = what;
        MaxWords = maxWords;
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override string Description => $"Removes lines that are {What} (phrase list '{List}').";

    /// <summary>The name of the phrase list.</summary>
    public string List { get; }

    /// <summary>What the phrases are, for reasons.</summary>
    public string What { get; }

    /// <summary>Blocks of up to this many words go when they carry a phrase (balanced focus).</summary>
    public int MaxWords { get; }

    /// <summary>The share of a block's letters the phrases must cover for it to go whatever its length.</summary>
    protected virtual double MinCoverage => 0.6;

    /// <inheritdoc />
    protected override string? Judge(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var list = block.Document.Phrases[List];
        var f = block.Features;
        int maxWords = FocusTable.PhraseWords(block.Document.Options.Focus, MaxWords);

        // A block can go only when it is short, or when phrases cover most of it; a block of more
        // than four times the longest phrase is prose for this list and is not searched at all.
        if (f.WordCount > maxWords && f.WordCount > 4 * list.LongestPhraseWords)
        {
            return null;
        }

        var (coverage, first) = list.Measure(block);
        if (coverage <= 0)
        {
            return null;
        }

        if (coverage >= MinCoverage || (f.WordCount <= maxWords && !block.ParagraphFeatures.LooksLikeProse))
        {
            return $"{What}: \"{block.Span[first]}\"";
        }

        return null;
    }

    /// <summary>The phrase the block starts with (brackets and spaces aside), or null.</summary>
    /// <param name="block">The block.</param>
    protected string? StartingPhrase(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var span = block.Span.TrimStart("([{ \t\u00A0");
        if (span.Length == 0)
        {
            return null;
        }

        int start = block.Span.Length - span.Length;
        return block.Document.Phrases[List].FirstMatch(block, start, Math.Min(span.Length, 24)) is { } marker && span.StartsWith(marker, StringComparison.OrdinalIgnoreCase)
            ? marker
            : null;
    }
}
