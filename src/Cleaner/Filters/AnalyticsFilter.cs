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
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '{' or '}' or ';' or '=' or '(' or ')' or '<' or '>' or '[' or ']' or '$' or '|' or '&')
            {
                code += IsCodeMark(text, i) ? 1 : 0;
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

    /// <summary>
    /// Whether the mark at <paramref name="at"/> counts as code. Marks that prose and tables use do
    /// not: a bar between spaces (a table's cells, a menu's items: "Yes | 164 | 81%"), a dollar before
    /// a figure ("$199"), a footnote's brackets ("[6]", "[n 3]", "[edit]": at most 6 letters, digits or
    /// spaces inside), a parenthesis opened after a space or at the start ("(75th)", "(Unknown)": a
    /// call opens right after its name) and one closed before a space, the end or a comma (a call
    /// closes before ';', ')', '.', '{').
    /// </summary>
    private static bool IsCodeMark(ReadOnlySpan<char> text, int at)
    {
        char c = text[at];
        char before = at > 0 ? text[at - 1] : ' ';
        char after = at + 1 < text.Length ? text[at + 1] : ' ';
        return c switch
        {
            '|' => !(char.IsWhiteSpace(before) && char.IsWhiteSpace(after)),
            '$' => !char.IsDigit(after),
            '[' => !Footnote(text[(at + 1)..]),
            ']' => !ClosesFootnote(text, at),
            '(' => !char.IsWhiteSpace(before) && before is not ('"' or '\'' or '[' or '(' or '“' or '‘'),
            ')' => !(char.IsWhiteSpace(after) || after is ',' or ':' or '"' or '\'' or '”' or '’' || at + 1 == text.Length),
            _ => true,
        };

        // A footnote's closing bracket: its opening one at most 7 characters before (looked for there
        // only, so that a line of many closing brackets is read in linear time).
        static bool ClosesFootnote(ReadOnlySpan<char> text, int at)
        {
            int from = Math.Max(0, at - 7);
            int open = text[from..at].LastIndexOf('[');
            return open >= 0 && Footnote(text[(from + open + 1)..]);
        }

        // The text inside a bracket up to its other side, read from the bracket: a footnote when short.
        static bool Footnote(ReadOnlySpan<char> rest)
        {
            for (int i = 0; i < rest.Length && i <= 6; i++)
            {
                if (rest[i] is ']' or '[')
                {
                    return i > 0;
                }

                if (!char.IsLetterOrDigit(rest[i]) && rest[i] != ' ')
                {
                    return false;
                }
            }

            return false;
        }
    }
}
