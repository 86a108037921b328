namespace Cleaner.Filters;

/// <summary>Settings of the <see cref="NoticeFilter"/>; change them with <c>with</c> or <see cref="TextCleanerBuilder.Configure{TOptions}(Func{TOptions, TOptions})"/>.</summary>
public readonly record struct NoticeOptions
{
    /// <summary>Creates the default settings.</summary>
    public NoticeOptions()
    {
    }

    /// <summary>Blocks of up to this many words that carry a notice phrase go; longer ones are article prose that quotes one. Default 150.</summary>
    public int MaxWords { get; init; } = 150;
}

/// <summary>
/// Removes boilerplate that is written as sentences, which the statistical filters would take for
/// article prose: reprint and syndication notices ("This copy is for your personal, non-commercial
/// use only…"), copyright statements inside prose ("… may not be published, broadcast, rewritten or
/// redistributed"), citation and retrieval lines ("Citation: … retrieved 18 November 2019 from
/// https://…"), blog-post and feed meta ("This entry was posted on…", "You can follow any responses
/// to this entry…") and forum or registration notices, in many languages (phrase list
/// <c>notices</c>). Running before the zone and context filters, it keeps such prose from being
/// taken for the body, so an article is never dropped in favour of a notice.
/// </summary>
public sealed class NoticeFilter : IBlockFilter, IConfigurableFilter<NoticeOptions>
{
    /// <summary>Creates the filter with the default settings.</summary>
    public NoticeFilter()
        : this(new NoticeOptions())
    {
    }

    /// <summary>Creates the filter with the given settings.</summary>
    /// <param name="options">The settings.</param>
    public NoticeFilter(NoticeOptions options) => Options = options;

    /// <summary>The settings.</summary>
    public NoticeOptions Options { get; }

    /// <summary>Blocks of up to this many words that carry a notice phrase go; longer ones are article prose that quotes one (<see cref="NoticeOptions.MaxWords"/>).</summary>
    private int MaxWords => Options.MaxWords;

    /// <inheritdoc />
    public IConfigurableFilter<NoticeOptions> WithOptions(NoticeOptions options) => new NoticeFilter(options);

    /// <inheritdoc />
    public string Name => "notices";

    /// <inheritdoc />
    public string Description => "Removes notices written as prose: reprint, copyright, citation, posting, feed and forum notices.";

    /// <inheritdoc />
    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var list = document.Phrases["notices"];
        foreach (var block in document.Blocks)
        {
            if (block.IsUndecided && block.Features.WordCount <= MaxWords && list.FirstMatch(block) is { } phrase)
            {
                block.Remove($"a notice, not article prose: \"{phrase}\"");
            }
        }
    }
}
