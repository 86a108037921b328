using System.Text.RegularExpressions;

namespace Cleaner.Filters;

/// <summary>
/// Removes photo credits and captions: blocks that start with a credit marker ("(Photo : REUTERS/...)",
/// "Image:", "Credit:") whatever their length, short blocks that carry one ("Getty Images",
/// "File photo"), and captions that end with a credit ("… sought treatment Credit: EPA",
/// "… na Avenida da Liberdade Foto: Lusa", "… at the festival (AP Photo/Jane Doe)"); a caption that
/// closes its sentence before the credit is left alone.
/// </summary>
public sealed partial class PhotoCreditFilter() : PhraseFilter("photo-credits", "photo-credits", "a photo credit or caption", maxWords: 15)
{
    /// <inheritdoc />
    public override string Description => "Removes photo credits and captions (Photo:, Image:, Credit:, Getty Images, Reuters/...), and captions that end with a credit.";

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
        if (f.WordCount <= FocusTable.PhraseWords(block.Document.Options.Focus, MaxWords) && !f.EndsWithTerminalPunctuation && list.IsMatch(block))
        {
            return $"{What}: \"{list.FirstMatch(block)}\"";
        }

        // A caption that ends with its credit: a marker and a few words of names, no sentence after it.
        // (In an article the extractor found on an HTML page, captions are the article's text.)
        if (f.WordCount <= 80 && block.Length >= 12 && !(block.Document.HasMainContent && block.InMainContent)
            && TrailingCredit(block.Span) is { } credit)
        {
            return $"a caption that ends with a credit: \"{credit}\"";
        }

        return null;
    }

    /// <summary>The credit at the end of the text ("Credit: EPA", "Foto: dpa", "(AP Photo/Jane Doe)"), or null.</summary>
    internal static string? TrailingCredit(ReadOnlySpan<char> text)
    {
        var tail = text.Length > 90 ? text[^90..] : text;
        foreach (var match in TrailingCreditPattern().EnumerateMatches(tail))
        {
            // The credit follows some caption text (a bare marker line is judged above), names at
            // most seven words, and is not the end of a sentence ("… in the photo: a masterpiece.").
            var credit = tail.Slice(match.Index, match.Length).Trim();
            int words = 0;
            for (int i = 0; i < credit.Length; i++)
            {
                words += credit[i] != ' ' && (i == 0 || credit[i - 1] == ' ') ? 1 : 0;
            }

            // A caption whose last sentence is closed before the credit is a paragraph that ends
            // with one; a caption glued to its credit ("… sought treatment Credit: EPA") is chrome.
            int at = match.Index + (text.Length - tail.Length);
            var before = text[..at].TrimEnd();
            bool closed = before.Length > 0 && before[^1] is '.' or '!' or '?' or '"' or '\u201D';
            bool sentenceEnd = credit[^1] is '.' or '!' or '?';
            return at >= 8 && words <= 8 && !sentenceEnd && !closed ? credit.ToString() : null;
        }

        return null;
    }

    /// <summary>A credit marker, then one to six words of names or agencies (no sentence end) up to the end of the text.</summary>
    [GeneratedRegex(@"(?:\b(?:credit|credits|photo|photos|photograph|image|picture|foto|fotos|bild|crédit|crédito|créditos|fotografia|beeld|källa|kilde|zdroj|źródło|фото|kaynak)\s?:|\((?:ap|afp|epa|reuters|dpa|getty)?\s?(?:photo|foto|image)\b)[\s\w'’.&/|,@-]{2,60}\)?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TrailingCreditPattern();
}
