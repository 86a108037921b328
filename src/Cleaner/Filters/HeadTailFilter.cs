namespace Cleaner.Filters;

/// <summary>Settings of the <see cref="HeadTailFilter"/>; change them with <c>with</c> or <see cref="TextCleanerBuilder.Configure{TOptions}(Func{TOptions, TOptions})"/>.</summary>
public readonly record struct HeadTailOptions
{
    /// <summary>Creates the default settings.</summary>
    public HeadTailOptions()
    {
    }

    /// <summary>Lines of up to this many words that are not sentences go (balanced focus). Default 12.</summary>
    public int MaxWords { get; init; } = 12;
}

/// <summary>
/// Removes short lines that are not sentences from the head of the page (before the body's first
/// paragraph of prose, the title aside) and from its tail (after the last one), in the manner of
/// the C4 and Gopher line rules.
/// </summary>
public sealed class HeadTailFilter : IBlockFilter, IConfigurableFilter<HeadTailOptions>
{
    /// <summary>Creates the filter with the default settings.</summary>
    public HeadTailFilter()
        : this(new HeadTailOptions())
    {
    }

    /// <summary>Creates the filter with the given settings.</summary>
    /// <param name="options">The settings.</param>
    public HeadTailFilter(HeadTailOptions options) => Options = options;

    /// <summary>The settings.</summary>
    public HeadTailOptions Options { get; }

    /// <summary>Lines of up to this many words that are not sentences go (balanced focus) (<see cref="HeadTailOptions.MaxWords"/>).</summary>
    private int MaxWords => Options.MaxWords;

    /// <inheritdoc />
    public IConfigurableFilter<HeadTailOptions> WithOptions(HeadTailOptions options) => new HeadTailFilter(options);

    /// <inheritdoc />
    public string Name => "head-tail";

    /// <inheritdoc />
    public FilterTraits Traits => FilterTraits.Statistical;

    /// <inheritdoc />
    public string Description => "Removes short non-sentence lines before the body and after it.";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // The head ends at the title when there is one: what lies between the title and the first
        // paragraph (a standfirst, a list, a byline) is left to the context filter.
        int bodyStart = Zones.BodyStart(document);
        if (document.TitleBlock is { } title && title.Index < bodyStart)
        {
            bodyStart = title.Index;
        }

        int bodyEnd = Zones.BodyEnd(document);
        if (bodyEnd < 0)
        {
            return; // no prose at all: leave the judgement to the context filter.
        }

        int maxWords = FocusTable.ZoneWords(document.Options.Focus, MaxWords);
        foreach (var block in document.Blocks)
        {
            if (!block.IsUndecided || (block.Index >= bodyStart && block.Index <= bodyEnd))
            {
                continue;
            }

            var f = block.ParagraphFeatures;
            if (f.WordCount <= maxWords && !f.LooksLikeProse && !(f.EndsWithTerminalPunctuation && f.WordCount >= 6))
            {
                block.Remove(block.Index < bodyStart
                    ? "a short non-sentence line before the body"
                    : "a short non-sentence line after the body");
            }
        }
    }
}
