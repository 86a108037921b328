using System.Collections.Frozen;
using System.Text;

namespace Cleaner;

/// <summary>A removed block: its text, the filter that removed it and why.</summary>
/// <param name="Index">The block's position in the document.</param>
/// <param name="Text">The block's text.</param>
/// <param name="Filter">The name of the filter that removed it.</param>
/// <param name="Reason">The filter's reason.</param>
public sealed record Removal(int Index, string Text, string Filter, string Reason);

/// <summary>The outcome of cleaning one document.</summary>
public sealed class CleanResult
{
    internal CleanResult(Document document, CleanStatus status = CleanStatus.Cleaned, string? diagnostic = null)
    {
        Status = status;
        Diagnostic = diagnostic;
        Document = document;
        var removed = new List<Removal>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = new StringBuilder(document.Source.Length / 2);
        string separator = document.UsesBlankLines ? "\n\n" : "\n";
        var title = document.TitleBlock;
        Title = document.Metadata.Title ?? title?.Text;
        foreach (var block in document.Blocks)
        {
            if (block.IsRemoved)
            {
                removed.Add(new Removal(block.Index, block.Text, block.Filter!, block.Reason!));
                counts[block.Filter!] = counts.GetValueOrDefault(block.Filter!) + 1;
                continue;
            }

            if (block == title && !document.Options.IncludeTitle)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(separator);
            }

            text.Append(block.Span);
        }

        Text = status == CleanStatus.Cleaned ? text.ToString() : document.Source;
        Removed = removed;
        RemovedByFilter = counts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A result that hands the input back untouched, with the reason.</summary>
    internal static CleanResult Untouched(string source, CleanerOptions options, PhraseBook phrases, CleanStatus status, string diagnostic) =>
        new(Document.Unsplit(source, options, phrases), status, diagnostic);

    /// <summary>Whether the text was cleaned, or why it came back untouched.</summary>
    public CleanStatus Status { get; }

    /// <summary>Why the text came back untouched (null when it was cleaned).</summary>
    public string? Diagnostic { get; }

    /// <summary>The cleaned text: the title (unless switched off) and the kept blocks, one per line.</summary>
    public string Text { get; }

    /// <summary>The title, when one was found.</summary>
    public string? Title { get; }

    /// <summary>Metadata found in the page (HTML); empty for plain text.</summary>
    public DocumentMetadata Metadata => Document.Metadata;

    /// <summary>The language the features used (two-letter code), or null when unknown.</summary>
    public string? Language => Document.Language;

    /// <summary>Every block with its verdict, in reading order.</summary>
    public IReadOnlyList<Block> Blocks => Document.Blocks;

    /// <summary>The removed blocks with the filter and reason of each.</summary>
    public IReadOnlyList<Removal> Removed { get; }

    /// <summary>How many blocks each filter removed.</summary>
    public IReadOnlyDictionary<string, int> RemovedByFilter { get; }

    /// <summary>The document that was cleaned.</summary>
    public Document Document { get; }

    /// <summary>
    /// The kept text as Markdown: the title and headings as <c>#</c> headings, list items as
    /// <c>- </c> items, quotes as <c>&gt; </c>, table rows as <c>| … |</c>, preformatted lines in a
    /// fenced block, and paragraphs separated by blank lines. Plain text comes out as paragraphs.
    /// </summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var markdown = new StringBuilder(Text.Length + 64);
        var title = Document.TitleBlock;
        BlockKind previous = BlockKind.Text;
        bool first = true;
        foreach (var block in Document.Blocks)
        {
            if (block.IsRemoved || (block == title && !Document.Options.IncludeTitle))
            {
                continue;
            }

            var kind = block == title ? BlockKind.Heading : block.Kind;
            bool tight = !first && kind == previous && kind is BlockKind.ListItem or BlockKind.TableCell or BlockKind.Preformatted or BlockKind.Quote;
            if (!first && previous == BlockKind.Preformatted && kind != BlockKind.Preformatted)
            {
                markdown.Append("\n```");
            }

            if (!first)
            {
                markdown.Append(tight ? "\n" : "\n\n");
            }

            switch (kind)
            {
                case BlockKind.Heading:
                    int level = block == title ? 1 : Math.Clamp(block.HeadingLevel == 0 ? 2 : block.HeadingLevel, 1, 6);
                    markdown.Append('#', level).Append(' ').Append(block.Span);
                    break;
                case BlockKind.ListItem:
                    markdown.Append("- ").Append(block.Span);
                    break;
                case BlockKind.Quote:
                    markdown.Append("> ").Append(block.Span);
                    break;
                case BlockKind.TableCell:
                    markdown.Append("| ").Append(block.Span).Append(" |");
                    break;
                case BlockKind.Preformatted:
                    if (!tight)
                    {
                        markdown.Append("```\n");
                    }

                    markdown.Append(block.Span);
                    break;
                default:
                    AppendParagraph(markdown, block.Span);
                    break;
            }

            previous = kind;
            first = false;
        }

        if (previous == BlockKind.Preformatted && !first)
        {
            markdown.Append("\n```");
        }

        return markdown.ToString();
    }

    /// <summary>Appends a paragraph, escaping a start that Markdown would read as syntax.</summary>
    private static void AppendParagraph(StringBuilder markdown, ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] is '#' or '-' or '*' or '+' or '>' or '|')
        {
            markdown.Append('\\');
        }
        else if (text.Length > 0 && char.IsAsciiDigit(text[0]) && StartsNumberedItem(text))
        {
            int dot = text.IndexOfAny('.', ')');
            markdown.Append(text[..dot]).Append('\\').Append(text[dot..]);
            return;
        }

        markdown.Append(text);
    }

    private static bool StartsNumberedItem(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i < text.Length - 1 && text[i] is '.' or ')' && text[i + 1] == ' ';
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
