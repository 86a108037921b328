namespace Cleaner.Filters;

/// <summary>Settings of the <see cref="RescueFilter"/>; change them with <c>with</c> or <see cref="TextCleanerBuilder.Configure{TOptions}(Func{TOptions, TOptions})"/>.</summary>
public readonly record struct RescueOptions
{
    /// <summary>Creates the default settings.</summary>
    public RescueOptions()
    {
    }

    /// <summary>An input of up to this many words is short: its sentences all come back. Default 80.</summary>
    public int ShortInputWords { get; init; } = 80;

    /// <summary>The least share of prose the filters must keep (against the prose of the kept and the densest dropped run together) before that run comes back. Default 0.25.</summary>
    public double MinKeptShare { get; init; } = 0.25;
}

/// <summary>
/// The final stage, for text and HTML alike: the article is never lost to the statistical filters.
/// Only blocks that a filter with the trait <see cref="FilterTraits.Statistical"/> removed (context,
/// head-tail, navigation, tags, masthead) can come back, never specific chrome (social, legal,
/// notices, comments, links): <list type="bullet">
/// <item>a short input made of sentences comes back whole, and an input of a dozen words or fewer entirely;</item>
/// <item>when the filters left no prose, or only a small part of the input's prose, the densest run
/// of dropped prose comes back;</item>
/// <item>an HTML page never comes back with only its title: the blocks of six words or more come back.</item>
/// </list>
/// Each block that comes back is kept with the filter <c>rescue</c> and the reason.
/// </summary>
public sealed class RescueFilter : IBlockFilter, IConfigurableFilter<RescueOptions>
{
    private const BlockHints Chrome = BlockHints.Comment | BlockHints.Navigation | BlockHints.Social | BlockHints.Ad | BlockHints.Related;

    /// <summary>Creates the filter with the default settings.</summary>
    public RescueFilter()
        : this(new RescueOptions())
    {
    }

    /// <summary>Creates the filter with the given settings.</summary>
    /// <param name="options">The settings.</param>
    public RescueFilter(RescueOptions options) => Options = options;

    /// <summary>The settings.</summary>
    public RescueOptions Options { get; }

    /// <summary>An input of up to this many words is short: its sentences all come back (<see cref="RescueOptions.ShortInputWords"/>).</summary>
    private int ShortInputWords => Options.ShortInputWords;

    /// <summary>The least share of prose the filters must keep (against the prose of the kept and the densest dropped run together) before that run comes back (<see cref="RescueOptions.MinKeptShare"/>).</summary>
    private double MinKeptShare => Options.MinKeptShare;

    /// <inheritdoc />
    public IConfigurableFilter<RescueOptions> WithOptions(RescueOptions options) => new RescueFilter(options);

    /// <inheritdoc />
    public string Name => "rescue";

    /// <inheritdoc />
    public FilterTraits Traits => FilterTraits.FinalStage | FilterTraits.Protects;

    /// <inheritdoc />
    public string Description => "Final stage: brings back prose the statistical filters dropped when little or none of it would be left.";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blocks = document.Blocks;
        int totalWords = 0, keptProse = 0;
        bool anyKept = false;
        foreach (var block in blocks)
        {
            totalWords += block.Features.WordCount;
            if (!block.IsRemoved && block != document.TitleBlock)
            {
                anyKept = true;
                if (block.ParagraphFeatures.LooksLikeProse)
                {
                    keptProse += block.Features.WordCount;
                }
            }
        }

        // A short input made of sentences is a note, not a page: it comes back whole.
        if (totalWords <= ShortInputWords && !document.IsHtml)
        {
            foreach (var block in blocks)
            {
                // A tiny input (a dozen words) has no chrome to tell from its text: all of it comes back.
                if (IsCandidate(block) && (IsSentence(block) || totalWords <= 12))
                {
                    block.Rescue(totalWords <= 12
                        ? $"kept although {block.Filter} removed it: an input of {totalWords} words comes back whole"
                        : $"kept although {block.Filter} removed it: a short input made of sentences comes back whole");
                }
            }

            return;
        }

        // Only the title left of an HTML page: every block of some length comes back.
        if (!anyKept && document.IsHtml)
        {
            foreach (var block in blocks)
            {
                if (IsCandidate(block) && (block.Features.WordCount >= 6 || (block.Features.IsCjk && block.Features.CjkCount >= 15)))
                {
                    block.Rescue($"kept although {block.Filter} removed it: the page would be empty otherwise");
                }
            }

            return;
        }

        // Little prose kept: the densest run of dropped prose comes back when it outweighs it.
        var (start, end, words) = DroppedRun(document);
        if (start < 0 || keptProse >= MinKeptShare * (keptProse + words))
        {
            return;
        }

        string reason = keptProse == 0
            ? "kept although {0} removed it: no prose would be left otherwise"
            : $"kept although {{0}} removed it: the filters kept {keptProse} words of prose and dropped a run of {words}";
        for (int i = start; i <= end; i++)
        {
            var block = blocks[i];
            if (IsCandidate(block) && (block.ParagraphFeatures.LooksLikeProse || IsSentence(block)))
            {
                block.Rescue(string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, block.Filter));
            }
        }
    }

    /// <summary>A block removed by a statistical filter only, and not marked as chrome by the page.</summary>
    private static bool IsCandidate(Block block) =>
        block.IsRemoved && block.JudgedByA(FilterTraits.Statistical)
        && block.LinkDensity < 0.5 && (block.Hints & Chrome) == 0;

    /// <summary>A line of a few words that ends a sentence.</summary>
    private static bool IsSentence(Block block) =>
        block.ParagraphFeatures.EndsWithTerminalPunctuation && (block.Features.WordCount >= 3 || (block.Features.IsCjk && block.Features.CjkCount >= 6));

    /// <summary>
    /// The densest run of prose among the rescuable blocks: prose blocks with at most four other
    /// blocks between neighbours, the run with the most words. (-1, -1, 0) when there is none.
    /// </summary>
    private static (int Start, int End, int Words) DroppedRun(Document document)
    {
        var blocks = document.Blocks;
        (int Start, int End, int Words) best = (-1, -1, 0);
        int start = -1, last = -1, words = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (!IsCandidate(block) || !block.ParagraphFeatures.LooksLikeProse)
            {
                continue;
            }

            if (start >= 0 && i - last - 1 <= 4)
            {
                last = i;
                words += block.Features.WordCount;
            }
            else
            {
                start = last = i;
                words = block.Features.WordCount;
            }

            if (words > best.Words)
            {
                best = (start, last, words);
            }
        }

        return best;
    }
}
