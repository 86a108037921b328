using Cleaner.Text;

namespace Cleaner;

/// <summary>
/// A text split into blocks, with the settings and phrase lists of the cleaner that cleans it. A
/// document is made for one cleaning and is not shared between threads.
/// </summary>
public sealed partial class Document
{
    private readonly List<Block> _blocks = [];
    private readonly List<BlockFeatures> _joinedParagraphs = [];

    internal Document(string source, CleanerOptions options, PhraseBook phrases, bool isHtml, string? languageHint = null)
    {
        Source = source;
        Options = options;
        Phrases = phrases;
        IsHtml = isHtml;
        StopWords = options.Language is { } code ? Languages.Get(code)
            : (languageHint is { Length: >= 2 } hint ? Languages.Get(hint[..2]) : null) ?? Languages.Detect(source);
        Language = StopWords?.Language ?? options.Language;
    }

    /// <summary>The text that the blocks are ranges of.</summary>
    public string Source { get; }

    /// <summary>The blocks in reading order.</summary>
    public IReadOnlyList<Block> Blocks => _blocks;

    /// <summary>The cleaner's settings.</summary>
    public CleanerOptions Options { get; }

    /// <summary>The cleaner's phrase lists.</summary>
    public PhraseBook Phrases { get; }

    /// <summary>Whether the document came from HTML.</summary>
    public bool IsHtml { get; }

    /// <summary>The language whose stopwords the features use (two-letter code), or null when unknown.</summary>
    public string? Language { get; }

    /// <summary>The block that holds the title, once a filter (or the HTML metadata) found it.</summary>
    public Block? TitleBlock { get; set; }

    /// <summary>The title from the page's metadata (HTML), when there is one.</summary>
    public string? MetadataTitle { get; internal set; }

    /// <summary>Metadata found in the page (HTML); empty for plain text.</summary>
    public DocumentMetadata Metadata { get; internal set; } = DocumentMetadata.Empty;

    /// <summary>The profile of the document's site that the cleaner was given (<see cref="TextCleaner.WithSiteProfile"/>), or null.</summary>
    public Sites.SiteProfile? SiteProfile { get; internal set; }

    internal StopWords? StopWords { get; }

    /// <summary>The filter the pipeline is running, which every verdict is stamped with; null outside a run.</summary>
    internal IBlockFilter? RunningFilter { get; set; }

    /// <summary>The features of the hard-wrapped paragraphs whose lines are judged together (see <see cref="Block.ParagraphFeatures"/>).</summary>
    internal IReadOnlyList<BlockFeatures> JoinedParagraphs => _joinedParagraphs;

    /// <summary>Whether the text's paragraphs were separated by empty lines.</summary>
    internal bool UsesBlankLines { get; set; }

    internal Block AddBlock(int start, int length, BlockKind kind = BlockKind.Text)
    {
        Deadline.Current?.Tick(); // building blocks stops when the call's time limit passes
        // The phrase keys are found in the same pass as the features.
        var span = Source.AsSpan(start, length);
        var features = TextStats.Compute(span, StopWords, Phrases.Keys, out ulong keys);
        var block = new Block(this, _blocks.Count, start, length, features, Phrases.Candidates(span, keys), kind);
        _blocks.Add(block);
        return block;
    }

    /// <summary>A document with no blocks, for input handed back untouched.</summary>
    internal static Document Unsplit(string text, CleanerOptions options, PhraseBook phrases) =>
        new(text, options, phrases, isHtml: false);

    /// <summary>Splits plain text into one block per non-empty line, trimmed, as ranges of the text.</summary>
    internal static Document FromText(string text, CleanerOptions options, PhraseBook phrases)
    {
        var document = new Document(text, options, phrases, isHtml: false);
        var span = text.AsSpan();
        int pos = 0;
        bool blankBefore = false;
        int blankSeparated = 0;
        while (pos < span.Length)
        {
            int end = span[pos..].IndexOfAny('\n', '\r');
            int lineEnd = end < 0 ? span.Length : pos + end;
            int next = lineEnd;
            if (next < span.Length)
            {
                next += span[next] == '\r' && next + 1 < span.Length && span[next + 1] == '\n' ? 2 : 1;
            }

            var line = span[pos..lineEnd];
            int lead = line.Length - line.TrimStart().Length;
            int length = line.Trim().Length;
            if (length == 0)
            {
                blankBefore = document._blocks.Count > 0;
            }
            else
            {
                var block = document.AddBlock(pos + lead, length);
                block.BlankLineBefore = blankBefore;
                if (blankBefore)
                {
                    blankSeparated++;
                }

                blankBefore = false;
            }

            pos = next;
        }

        document.UsesBlankLines = document._blocks.Count > 1 && blankSeparated * 2 >= document._blocks.Count - 1;
        document.JoinWrappedLines();
        return document;
    }

    /// <summary>Gives the lines of each hard-wrapped paragraph the features of the whole paragraph.</summary>
    private void JoinWrappedLines()
    {
        int start = 0;
        for (int i = 1; i <= _blocks.Count; i++)
        {
            if (i < _blocks.Count && ContinuesPrevious(_blocks[i - 1], _blocks[i]))
            {
                continue;
            }

            if (i - start > 1)
            {
                var combined = _blocks[start].Features;
                for (int k = start + 1; k < i; k++)
                {
                    combined = BlockFeatures.Combine(combined, _blocks[k].Features);
                }

                _joinedParagraphs.Add(combined);
                for (int k = start; k < i; k++)
                {
                    _blocks[k].JoinParagraph(_joinedParagraphs.Count - 1);
                }
            }

            start = i;
        }
    }

    /// <summary>A line that does not end a sentence, followed without a blank line by one that starts in lower case.</summary>
    private static bool ContinuesPrevious(Block previous, Block block)
    {
        if (block.BlankLineBefore || previous.Features.WordCount < 3 || block.Features.WordCount == 0)
        {
            return false;
        }

        var end = previous.Span[^1];
        if (end is '.' or '!' or '?' or ':' or '\u3002' || previous.Features.EndsWithTerminalPunctuation)
        {
            return false;
        }

        char first = block.Span[0];
        return char.IsLower(first) || (end is ',' or ';' or '-' && char.IsLetterOrDigit(first));
    }
}
