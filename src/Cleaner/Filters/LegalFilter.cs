namespace Cleaner.Filters;

/// <summary>Removes copyright and legal lines: "© 2024 ...", "All rights reserved", "Terms of use", "Privacy policy".</summary>
public sealed class LegalFilter() : PhraseFilter("legal", "legal", "a copyright or legal line", maxWords: 25)
{
    /// <inheritdoc />
    public override string Description => "Removes copyright and legal lines: (c) notices, All rights reserved, Terms of use, Privacy policy.";

    /// <inheritdoc />
    protected override double MinCoverage => 0.3;

    /// <inheritdoc />
    protected override string? Judge(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);

        // A line that opens with a copyright notice is legal text even when it is a full sentence.
        return base.Judge(block)
            ?? (block.Features.WordCount <= FocusTable.PhraseWords(block.Document.Options.Focus, 40) && StartingPhrase(block) is { } marker
                ? $"{What}: starts with \"{marker}\""
                : null);
    }
}
