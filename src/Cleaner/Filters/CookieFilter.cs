namespace Cleaner.Filters;

/// <summary>Removes cookie and consent notices: "This site uses cookies", "Accept all", "By continuing to browse".</summary>
public sealed class CookieFilter() : PhraseFilter("cookies", "cookies", "a cookie or consent notice", maxWords: 60)
{
    /// <inheritdoc />
    public override string Description => "Removes cookie and consent notices.";

    /// <inheritdoc />
    protected override string? Judge(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);

        // A consent notice is a sentence or two; an article about cookies goes on for longer.
        return block.Features.WordCount > FocusTable.PhraseWords(block.Document.Options.Focus, 60) * 2 ? null : JudgeNotice(block);
    }

    private string? JudgeNotice(Block block)
    {
        // Only a block short enough to go is searched.
        var list = block.Document.Phrases[List];
        return block.Features.WordCount <= FocusTable.PhraseWords(block.Document.Options.Focus, MaxWords) && list.IsMatch(block)
            ? $"{What}: \"{list.FirstMatch(block)}\""
            : null;
    }
}
