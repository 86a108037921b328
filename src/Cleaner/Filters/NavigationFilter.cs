namespace Cleaner.Filters;

/// <summary>Settings of the <see cref="NavigationFilter"/>; change them with <c>with</c> or <see cref="TextCleanerBuilder.Configure{TOptions}(Func{TOptions, TOptions})"/>.</summary>
public readonly record struct NavigationOptions
{
    /// <summary>Creates the default settings.</summary>
    public NavigationOptions()
    {
    }

    /// <summary>How many short lines in a row, outside the body, make a menu. Default 4.</summary>
    public int MinMenuRun { get; init; } = 4;
}

/// <summary>
/// Removes navigation: skip links, menu words ("Home", "Search", "Next"), breadcrumbs
/// ("Home » News » World") and, outside the body, runs of short menu lines.
/// </summary>
public sealed class NavigationFilter : PhraseFilter, IConfigurableFilter<NavigationOptions>
{
    /// <inheritdoc />
    public override FilterTraits Traits => FilterTraits.Statistical;

    /// <summary>Creates the filter with the default settings.</summary>
    public NavigationFilter()
        : this(new NavigationOptions())
    {
    }

    /// <summary>Creates the filter with the given settings.</summary>
    /// <param name="options">The settings.</param>
    public NavigationFilter(NavigationOptions options)
        : base("navigation", "navigation", "navigation", maxWords: 6) => Options = options;

    /// <summary>The settings.</summary>
    public NavigationOptions Options { get; }

    /// <summary>How many short lines in a row, outside the body, make a menu (<see cref="NavigationOptions.MinMenuRun"/>).</summary>
    private int MinMenuRun => Options.MinMenuRun;

    /// <inheritdoc />
    public IConfigurableFilter<NavigationOptions> WithOptions(NavigationOptions options) => new NavigationFilter(options);

    /// <inheritdoc />
    public override string Description => "Removes skip links, menu words, breadcrumbs and menus outside the body.";

    /// <inheritdoc />
    public override void Apply(Document document)
    {
        base.Apply(document);
        RemoveMenus(document);
    }

    /// <inheritdoc />
    protected override string? Judge(Block block) =>
        base.Judge(block) ?? (IsBreadcrumb(block) ? "a breadcrumb trail" : null);

    internal static bool IsBreadcrumb(Block block)
    {
        var f = block.Features;
        if (f.WordCount is < 2 or > 24 || f.EndsWithTerminalPunctuation)
        {
            return false;
        }

        var span = block.Span;
        int separators = 0, longest = 0, current = 0;
        bool inWord = false;
        foreach (char c in span)
        {
            if (c is '>' or '»' or '›' or '→' or '|' or '/' or '\\' or '·' or '•')
            {
                separators++;
                longest = Math.Max(longest, current);
                current = 0;
                inWord = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                current++;
            }
        }

        longest = Math.Max(longest, current);
        return separators >= 2 && longest <= 5 && separators * 4 >= f.WordCount - separators;
    }

    private void RemoveMenus(Document document)
    {
        var blocks = document.Blocks;
        int bodyStart = Zones.BodyStart(document);
        int bodyEnd = Zones.BodyEnd(document);
        int run = 0;
        for (int i = 0; i <= blocks.Count; i++)
        {
            bool menuLike = i < blocks.Count && (i < bodyStart || i > bodyEnd) && IsMenuItem(blocks[i]) && blocks[i] != document.TitleBlock;
            if (menuLike)
            {
                run++;
                continue;
            }

            if (run >= MinMenuRun)
            {
                var reason = $"part of a menu: {run} short lines in a row outside the body"; // one string for the run, not one per line
                for (int k = i - run; k < i; k++)
                {
                    blocks[k].Remove(reason);
                }
            }

            run = 0;
        }
    }

    private static bool IsMenuItem(Block block)
    {
        var f = block.Features;
        return !block.IsKept && f.WordCount <= 4 && !f.EndsWithTerminalPunctuation && f.ClauseMarks == 0;
    }
}
