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
    private IReadOnlyList<Removal>? _removed;
    private IReadOnlyDictionary<string, int>? _removedByFilter;

    internal CleanResult(Document document, CleanStatus status = CleanStatus.Cleaned, string? diagnostic = null)
    {
        Status = status;
        Diagnostic = diagnostic;
        Document = document;
        var title = document.TitleBlock;
        Title = document.Metadata.Title ?? title?.Text;
        Text = status == CleanStatus.Cleaned ? KeptText(document) : document.Source;
    }

    /// <summary>
    /// Which extractor decided the article of an HTML page: <see cref="ContentExtractor.Native"/> or
    /// <see cref="ContentExtractor.SmartReader"/>; null for plain text, and for a page where no
    /// extractor's article was used (then the filters judged the whole page).
    /// </summary>
    public ContentExtractor? ExtractedBy => Document.ExtractedBy;

    /// <summary>
    /// The element that holds the article the extractor chose, as its tag with its id or first class
    /// (for example <c>div.article-body</c>); null when <see cref="ExtractedBy"/> is null.
    /// </summary>
    public string? ArticleContainer => Document.ArticleContainer;

    /// <summary>
    /// Why the article of an HTML page is not simply the native extractor's sound choice, for a
    /// person to check; null when it is (and for plain text). Under <see cref="ContentExtractor.Auto"/>
    /// it is the sign that made the native choice weak and sent the page to SmartReader
    /// (<c>very short article: 312 characters of content</c>), followed, when SmartReader's opinion
    /// was not taken, by why (<c>; SmartReader: it found no article</c>). When no extractor's article
    /// was used (<see cref="ExtractedBy"/> is null), it says why none was.
    /// </summary>
    public string? ExtractorNote => Document.ExtractorNote ?? Document.MainContentNote;

    /// <summary>The title (unless switched off) and the kept blocks, one per line (or paragraph).</summary>
    private static string KeptText(Document document)
    {
        var title = document.TitleBlock;
        bool skipTitle = !document.Options.IncludeTitle;
        int separator = document.UsesBlankLines ? 2 : 1;
        int length = 0;
        foreach (var block in document.Blocks)
        {
            if (!block.IsRemoved && !(skipTitle && block == title))
            {
                length += (length > 0 ? separator : 0) + block.Length;
            }
        }

        return string.Create(length, (document, skipTitle, separator), static (chars, state) =>
        {
            var (document, skipTitle, separator) = state;
            var title = document.TitleBlock;
            int at = 0;
            foreach (var block in document.Blocks)
            {
                if (block.IsRemoved || (skipTitle && block == title))
                {
                    continue;
                }

                if (at > 0)
                {
                    chars.Slice(at, separator).Fill('\n');
                    at += separator;
                }

                block.Span.CopyTo(chars[at..]);
                at += block.Length;
            }
        });
    }

    /// <summary>A result that hands the input back untouched, with the reason.</summary>
    internal static CleanResult Untouched(string source, CleanerOptions options, PhraseBook phrases, CleanStatus status, string diagnostic) =>
        new(Document.Unsplit(source, options, phrases), status, diagnostic);

    /// <summary>Whether the text was cleaned, or why it came back untouched.</summary>
    public CleanStatus Status { get; }

    /// <summary>
    /// Why the text came back untouched, with the phase a call that ran out of time stopped in; for a
    /// cleaned page, what was cut or skipped to keep it within its limits (tags dropped before
    /// parsing, the extractor not run, and why). Null when the text was cleaned in full.
    /// </summary>
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

    /// <summary>
    /// The removed blocks with the filter and reason of each (made on first use from the verdicts,
    /// which are final once the filters have run).
    /// </summary>
    public IReadOnlyList<Removal> Removed => _removed ??= Removals(Document);

    /// <summary>How many blocks each filter removed (counted from <see cref="Removed"/> on first use).</summary>
    public IReadOnlyDictionary<string, int> RemovedByFilter => _removedByFilter ??= CountByFilter(Removed);

    /// <summary>The document that was cleaned; its verdicts are final (a block can be judged only while a cleaner runs its filters).</summary>
    public Document Document { get; }

    private static Removal[] Removals(Document document)
    {
        var removed = new List<Removal>();
        foreach (var block in document.Blocks)
        {
            if (block.IsRemoved)
            {
                removed.Add(new Removal(block.Index, block.Text, block.Filter!, block.Reason!));
            }
        }

        return [.. removed];
    }

    private static Dictionary<string, int> CountByFilter(IReadOnlyList<Removal> removed)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var removal in removed)
        {
            counts[removal.Filter] = counts.GetValueOrDefault(removal.Filter) + 1;
        }

        return counts;
    }

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
