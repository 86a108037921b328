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
        if (base.Judge(block) is { } judged)
        {
            return judged;
        }

        if (block.Features.WordCount > FocusTable.PhraseWords(block.Document.Options.Focus, 40))
        {
            return null;
        }

        return StartingPhrase(block) is { } marker ? $"{What}: starts with \"{marker}\""
            : TypedCopyright(block.Span) is { } typed ? $"{What}: starts with \"{typed}\""
            : null;
    }

    /// <summary>
    /// The "(c) 2012" that opens a line, the copyright sign typed as a letter in brackets before a
    /// year (19xx or 20xx), or null. Without the year, "(c)" is as often the third item of a list.
    /// </summary>
    internal static string? TypedCopyright(ReadOnlySpan<char> text)
    {
        var line = text.TrimStart(" \t\u00A0");
        if (line.Length < 7 || line[0] != '(' || (line[1] | 0x20) != 'c' || line[2] != ')')
        {
            return null;
        }

        var rest = line[3..];
        var year = rest.TrimStart(" \u00A0");
        if (year.Length < 4 || !(year.StartsWith("19", StringComparison.Ordinal) || year.StartsWith("20", StringComparison.Ordinal))
            || !char.IsAsciiDigit(year[2]) || !char.IsAsciiDigit(year[3]) || (year.Length > 4 && char.IsAsciiDigit(year[4])))
        {
            return null;
        }

        return line[..(3 + rest.Length - year.Length + 4)].ToString();
    }
}
