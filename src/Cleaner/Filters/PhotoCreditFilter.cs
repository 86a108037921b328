namespace Cleaner.Filters;

/// <summary>
/// Removes photo credits and captions: blocks that start with a credit marker ("(Photo : REUTERS/...)",
/// "Image:", "Credit:") whatever their length, and short blocks that carry one ("Getty Images",
/// "File photo").
/// </summary>
public sealed class PhotoCreditFilter() : PhraseFilter("photo-credits", "photo-credits", "a photo credit or caption", maxWords: 15)
{
    /// <inheritdoc />
    public override string Description => "Removes photo credits and captions (Photo:, Image:, Credit:, Getty Images, Reuters/...).";

    /// <inheritdoc />
    protected override string? Judge(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var list = block.Document.Phrases[List];

        // A credit marker at the very start makes the whole block a caption, however long it is.
        if (StartingPhrase(block) is { } marker)
        {
            return $"{What}: starts with \"{marker}\"";
        }

        var f = block.Features;
        if (f.WordCount <= Focused(block.Document.Options.Focus, MaxWords) && !f.EndsWithTerminalPunctuation && list.IsMatch(block))
        {
            return $"{What}: \"{list.FirstMatch(block)}\"";
        }

        return null;
    }
}
