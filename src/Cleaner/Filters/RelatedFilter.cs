namespace Cleaner.Filters;

/// <summary>Settings of the <see cref="RelatedFilter"/>; change them with <c>with</c> or <see cref="TextCleanerBuilder.Configure{TOptions}(Func{TOptions, TOptions})"/>.</summary>
public readonly record struct RelatedOptions
{
    /// <summary>Creates the default settings.</summary>
    public RelatedOptions()
    {
    }

    /// <summary>How many lines after a heading may belong to its list. Default 15.</summary>
    public int MaxListLength { get; init; } = 15;
}

/// <summary>
/// Removes "Read more", "Related articles", "Most popular" headings and the list of other stories
/// that follows them (the headline-like lines up to the next paragraph of prose).
/// </summary>
public sealed class RelatedFilter : PhraseFilter, IConfigurableFilter<RelatedOptions>
{
    /// <summary>Creates the filter with the default settings.</summary>
    public RelatedFilter()
        : this(new RelatedOptions())
    {
    }

    /// <summary>Creates the filter with the given settings.</summary>
    /// <param name="options">The settings.</param>
    public RelatedFilter(RelatedOptions options)
        : base("related", "related", "a heading of links to other stories", maxWords: 6) => Options = options;

    /// <summary>The settings.</summary>
    public RelatedOptions Options { get; }

    /// <summary>How many lines after a heading may belong to its list (<see cref="RelatedOptions.MaxListLength"/>).</summary>
    private int MaxListLength => Options.MaxListLength;

    /// <inheritdoc />
    public IConfigurableFilter<RelatedOptions> WithOptions(RelatedOptions options) => new RelatedFilter(options);

    /// <inheritdoc />
    public override string Description => "Removes 'Read more' / 'Related' headings and the lists of other stories under them.";

    /// <inheritdoc />
    public override void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blocks = document.Blocks;
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (!block.IsUndecided || Judge(block) is not { } reason)
            {
                continue;
            }

            block.Remove(reason);
            if (document.Phrases[List].Coverage(block) < 1)
            {
                continue; // "Read more: <headline>" names one story, not a list.
            }

            var heading = block.Text.Trim();
            int end = Math.Min(blocks.Count, i + 1 + MaxListLength);
            for (int k = i + 1; k < end; k++)
            {
                var item = blocks[k];
                if (item.IsKept || item.ParagraphFeatures.LooksLikeProse || item.Kind == BlockKind.Heading)
                {
                    break;
                }

                item.Remove($"in the list under \"{heading}\"");
            }
        }
    }
}
