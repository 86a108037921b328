namespace Cleaner.Filters;

/// <summary>Settings of the <see cref="RepeatFilter"/>; change them with <c>with</c> or <see cref="TextCleanerBuilder.Configure{TOptions}(Func{TOptions, TOptions})"/>.</summary>
public readonly record struct RepeatOptions
{
    /// <summary>Creates the default settings.</summary>
    public RepeatOptions()
    {
    }

    /// <summary>How many times a line must stand in the document to be chrome (at least 2). Default 3.</summary>
    public int MinRepeats { get; init; } = 3;

    /// <summary>The longest line, in characters, that is judged. Default 80.</summary>
    public int MaxLength { get; init; } = 80;
}

/// <summary>
/// Removes short lines that stand three times or more in one document: a share bar under every item
/// ("Whatsapp Facebook Pint Baixar"), "Reply" and "Report" under every comment, a label repeated in
/// every teaser. The reason says how often the line repeats. Repeated sentences (a refrain, the same
/// answer given by several people) are prose and stay.
/// </summary>
public sealed class RepeatFilter : IBlockFilter, IConfigurableFilter<RepeatOptions>
{
    /// <summary>Creates the filter with the default settings.</summary>
    public RepeatFilter()
        : this(new RepeatOptions())
    {
    }

    /// <summary>Creates the filter with the given settings.</summary>
    /// <param name="options">The settings.</param>
    public RepeatFilter(RepeatOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinRepeats, 2, nameof(options));
        Options = options;
    }

    /// <summary>The settings.</summary>
    public RepeatOptions Options { get; }

    /// <summary>How many times a line must stand in the document to be chrome (at least 2) (<see cref="RepeatOptions.MinRepeats"/>).</summary>
    private int MinRepeats => Options.MinRepeats;

    /// <summary>The longest line, in characters, that is judged (<see cref="RepeatOptions.MaxLength"/>).</summary>
    private int MaxLength => Options.MaxLength;

    /// <inheritdoc />
    public IConfigurableFilter<RepeatOptions> WithOptions(RepeatOptions options) => new RepeatFilter(options);

    /// <inheritdoc />
    public string Name => "repeats";

    /// <inheritdoc />
    public string Description => "Removes short lines that repeat three times or more in the document (share bars, reply links), not repeated sentences.";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blocks = document.Blocks;
        Dictionary<string, int>? counts = null;
        var keys = new string?[blocks.Count];
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            // In an article the extractor found on an HTML page, the page's own structure (share
            // and comment hints) judges repeated lines; figure labels and credits there are its text.
            if (block.Length > MaxLength || block == document.TitleBlock || block.IsKept || IsSentence(block)
                || (document.HasMainContent && block.InMainContent))
            {
                continue;
            }

            // One word repeated is as often a table cell or a line of code as chrome; single-word
            // prompts ("Share", "Reply") are the phrase lists' to judge.
            if (block.Features.WordCount < 2 && block.Features.CjkCount < 2)
            {
                continue;
            }

            // The line in lower case, with its runs of spaces made one and the punctuation around it dropped.
            var key = Text.TextCase.LineKey(block.Span.Trim(" \t\u00A0|•·-–—:>»«<*"));
            if (key.Length == 0)
            {
                continue;
            }

            counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
            keys[i] = key;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        if (counts is null)
        {
            return;
        }

        for (int i = 0; i < blocks.Count; i++)
        {
            if (keys[i] is { } key && counts[key] is var n && n >= MinRepeats && blocks[i].IsUndecided)
            {
                blocks[i].Remove($"repeated {n} times in the document");
            }
        }
    }

    /// <summary>A sentence of prose: it ends with sentence punctuation and has two words or more (a refrain, an answer).</summary>
    private static bool IsSentence(Block block)
    {
        var f = block.Features;
        return f.EndsWithTerminalPunctuation && (f.WordCount >= 2 || f.CjkCount >= 4);
    }
}
