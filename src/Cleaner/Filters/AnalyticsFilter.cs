using System.Buffers;

namespace Cleaner.Filters;

/// <summary>
/// Removes analytics and tracking residue, advertising labels and script leftovers: "Real Time
/// Analytics", "Advertisement", lines of JavaScript or CSS.
/// </summary>
public sealed class AnalyticsFilter() : PhraseFilter("analytics", "analytics", "analytics, tracking or advertising residue", maxWords: 8)
{
    /// <inheritdoc />
    public override string Description => "Removes analytics and tracking residue, advertising labels and script or style leftovers.";

    /// <inheritdoc />
    protected override string? Judge(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return base.Judge(block) ?? (!IsHtmlHeading(block) && LooksLikeCode(block.Span) ? "script or style code left in the text" : null);
    }

    /// <summary>
    /// Whether the block is a heading of an HTML page (h1 to h6): a page shows its scripts and styles in
    /// no heading, so a heading that reads like code ("&lt;ul&gt; List of &lt;img&gt;", "“Thumper” ($20)") names its section.
    /// </summary>
    private static bool IsHtmlHeading(Block block) => block.Kind == BlockKind.Heading && block.Document.IsHtml;

    private static readonly SearchValues<char> CodeMarks = SearchValues.Create("{};=()<>[]$|&");

    /// <summary>
    /// Whether a line reads like JavaScript, CSS or markup rather than language: many code
    /// punctuation marks per word, or typical code constructs. A line with a mathematical symbol
    /// beyond ASCII (∑, ≤, −, ×) is a formula, not code, unless it carries TeX source too
    /// (<c>{\displaystyle ...}</c>: markup).
    /// </summary>
    internal static bool LooksLikeCode(ReadOnlySpan<char> text)
    {
        // Most lines hold fewer than three code marks: find that out with a vectorised search first.
        int marks = 0;
        for (var rest = text; marks < 3; marks++)
        {
            int at = rest.IndexOfAny(CodeMarks);
            if (at < 0)
            {
                return false;
            }

            rest = rest[(at + 1)..];
        }

        int code = 0, letters = 0, math = 0;
        foreach (char c in text)
        {
            if (c is '{' or '}' or ';' or '=' or '(' or ')' or '<' or '>' or '[' or ']' or '$' or '|' or '&')
            {
                code++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
            else if (c > '\u007f' && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.MathSymbol)
            {
                math++; // ∑, ≤, −, ×, ∂: a formula (MathML's text), not a script
            }
        }

        if (code < 3 || (math > 0 && !text.Contains('\\')))
        {
            return false;
        }

        bool construct = text.Contains("function(", StringComparison.Ordinal)
            || text.Contains("function (", StringComparison.Ordinal)
            || text.Contains("var ", StringComparison.Ordinal)
            || text.Contains("document.", StringComparison.Ordinal)
            || text.Contains("window.", StringComparison.Ordinal)
            || text.Contains("});", StringComparison.Ordinal)
            || text.Contains("</", StringComparison.Ordinal)
            || text.Contains("{display", StringComparison.OrdinalIgnoreCase)
            || text.Contains("px;", StringComparison.Ordinal);
        return construct ? code * 12 >= letters : code * 4 >= letters;
    }
}
