namespace Cleaner;

/// <summary>
/// Cleans scraped text: splits it into blocks, runs the filters in order, and returns the kept text
/// with the reason for every removal. A cleaner is immutable and thread-safe; build one with
/// <see cref="TextCleanerBuilder"/> and reuse it, or use <see cref="Default"/>.
/// </summary>
public sealed partial class TextCleaner
{
    private static readonly Lazy<TextCleaner> DefaultCleaner = new(() => new TextCleanerBuilder().Build());

    internal TextCleaner(IReadOnlyList<IBlockFilter> filters, CleanerOptions options, PhraseBook phrases)
    {
        Filters = filters;
        Options = options;
        Phrases = phrases;
    }

    /// <summary>A cleaner with the built-in filters in their default order and default options.</summary>
    public static TextCleaner Default => DefaultCleaner.Value;

    /// <summary>The filters in the order they run.</summary>
    public IReadOnlyList<IBlockFilter> Filters { get; }

    /// <summary>The settings the filters see.</summary>
    public CleanerOptions Options { get; }

    /// <summary>The phrase lists the filters use.</summary>
    public PhraseBook Phrases { get; }

    /// <summary>Starts a builder with the built-in filters in their default order.</summary>
    public static TextCleanerBuilder CreateBuilder() => new();

    /// <summary>Cleans plain text, one block per non-empty line.</summary>
    /// <param name="text">The scraped text.</param>
    /// <returns>The cleaned text, the title and every removal with its reason.</returns>
    public CleanResult Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = Document.FromText(text, Options, Phrases);
        Run(document);
        return new CleanResult(document);
    }

    internal void Run(Document document)
    {
        foreach (var filter in Filters)
        {
            filter.Apply(document);
        }
    }
}
