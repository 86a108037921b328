namespace Cleaner;

/// <summary>
/// One unit of text that filters judge: a line or paragraph of plain text, or a block element of an
/// HTML page. A block is a range into <see cref="Document.Source"/>; its features are computed once
/// when the document is built.
/// </summary>
public sealed class Block
{
    private readonly Document _document;
    private string? _text;

    internal Block(Document document, int index, int start, int length, in BlockFeatures features, ulong phraseCandidates, BlockKind kind = BlockKind.Text)
    {
        PhraseCandidates = phraseCandidates;
        _document = document;
        Index = index;
        Start = start;
        Length = length;
        Features = features;
        Kind = kind;
    }

    /// <summary>The position of the block in <see cref="Document.Blocks"/>.</summary>
    public int Index { get; }

    /// <summary>The offset of the block's first character in <see cref="Document.Source"/>.</summary>
    public int Start { get; }

    /// <summary>The number of characters of the block in <see cref="Document.Source"/>.</summary>
    public int Length { get; }

    /// <summary>The block's characters, without copying them.</summary>
    public ReadOnlySpan<char> Span => _document.Source.AsSpan(Start, Length);

    /// <summary>The block's text as a string (created on first use, then cached).</summary>
    public string Text => _text ??= _document.Source.Substring(Start, Length);

    /// <summary>The document the block belongs to.</summary>
    public Document Document => _document;

    /// <summary>Counts and shares computed once from the block's text.</summary>
    public BlockFeatures Features { get; }

    /// <summary>
    /// The features of the paragraph the block belongs to: the same as <see cref="Features"/>, except
    /// for hard-wrapped text, where a sentence runs on over several lines (a line that does not end a
    /// sentence, followed by one that starts in lower case), and the lines are judged together.
    /// </summary>
    public BlockFeatures ParagraphFeatures => _paragraph < 0 ? Features : _document.JoinedParagraphs[_paragraph];

    /// <summary>The block's paragraph in <see cref="Document.JoinedParagraphs"/>, or -1 for a block that is its own paragraph (most: a block keeps no second copy of its features).</summary>
    private int _paragraph = -1;

    /// <summary>The block's paragraph in <see cref="Document.JoinedParagraphs"/>, or -1 for a block that is its own paragraph.</summary>
    internal int ParagraphIndex => _paragraph;

    /// <summary>Makes the block a line of the paragraph <paramref name="paragraph"/> of <see cref="Document.JoinedParagraphs"/>.</summary>
    internal void JoinParagraph(int paragraph) => _paragraph = paragraph;

    /// <summary>What kind of element the block came from (always <see cref="BlockKind.Text"/> for plain text).</summary>
    public BlockKind Kind { get; }

    /// <summary>The heading level 1-6 for <see cref="BlockKind.Heading"/> blocks of HTML, otherwise 0.</summary>
    public int HeadingLevel { get; internal set; }

    /// <summary>The share of the block's characters that sit inside links (HTML only; 0 for plain text).</summary>
    public double LinkDensity { get; internal set; }

    /// <summary>Hints taken from the class and id attributes of the block and its ancestors (HTML only).</summary>
    public BlockHints Hints { get; internal set; }

    /// <summary>Whether the block lies inside the main content that the extractor found (HTML only; true for text).</summary>
    public bool InMainContent { get; internal set; } = true;

    /// <summary>Whether an empty line precedes the block in the source (plain text only).</summary>
    public bool BlankLineBefore { get; internal set; }

    /// <summary>
    /// A bit for each phrase set of the document's book (a list's anywhere or whole-line phrases)
    /// that may match the block because its key is there; found with the features, shared by every
    /// phrase filter.
    /// </summary>
    internal ulong PhraseCandidates { get; }

    /// <summary>The verdict filters have given so far.</summary>
    public Verdict Verdict { get; private set; }

    /// <summary>The name of the filter that gave the verdict, or null while undecided (stamped by the pipeline).</summary>
    public string? Filter => JudgedBy?.Name;

    /// <summary>The filter that gave the verdict, or null while undecided.</summary>
    internal IBlockFilter? JudgedBy { get; private set; }

    /// <summary>Whether a filter with any of these traits gave the verdict.</summary>
    internal bool JudgedByA(FilterTraits traits) => JudgedBy is { } filter && (filter.Traits & traits) != 0;

    /// <summary>The reason the filter gave, or null while undecided.</summary>
    public string? Reason { get; private set; }

    /// <summary>True once a filter has removed the block.</summary>
    public bool IsRemoved => Verdict == Verdict.Remove;

    /// <summary>True once a filter has protected the block.</summary>
    public bool IsKept => Verdict == Verdict.Keep;

    /// <summary>True while no filter has judged the block.</summary>
    public bool IsUndecided => Verdict == Verdict.Undecided;

    /// <summary>The block before this one, or null for the first.</summary>
    public Block? Previous => Index > 0 ? _document.Blocks[Index - 1] : null;

    /// <summary>The block after this one, or null for the last.</summary>
    public Block? Next => Index + 1 < _document.Blocks.Count ? _document.Blocks[Index + 1] : null;

    /// <summary>
    /// Removes the block unless an earlier filter already judged it (the first verdict stands; a keep
    /// protects the block). The pipeline stamps the verdict with the filter that is running.
    /// </summary>
    /// <param name="reason">Why, in words a person understands.</param>
    /// <returns>True if this call removed the block.</returns>
    /// <exception cref="InvalidOperationException">No filter of a cleaner is running (the document was already cleaned).</exception>
    public bool Remove(string reason) => Judge(Verdict.Remove, reason);

    /// <summary>
    /// Protects the block against removal by later filters, unless an earlier filter already judged it.
    /// The pipeline stamps the verdict with the filter that is running.
    /// </summary>
    /// <param name="reason">Why, in words a person understands.</param>
    /// <returns>True if this call protected the block.</returns>
    /// <exception cref="InvalidOperationException">No filter of a cleaner is running (the document was already cleaned).</exception>
    public bool Keep(string reason) => Judge(Verdict.Keep, reason);

    /// <summary>
    /// Overrides a removal (the one exception to "the first verdict stands"): used only by the final
    /// stage when the page would otherwise lose its article.
    /// </summary>
    internal void Rescue(string reason)
    {
        Verdict = Verdict.Undecided;
        Judge(Verdict.Keep, reason);
    }

    private bool Judge(Verdict verdict, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var filter = _document.RunningFilter
            ?? throw new InvalidOperationException("Only a filter that a cleaner runs can judge a block: the pipeline stamps each verdict with its filter.");
        if (Verdict != Verdict.Undecided)
        {
            return false;
        }

        Verdict = verdict;
        JudgedBy = filter;
        Reason = reason;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Verdict switch
    {
        Verdict.Remove => $"DROP [{Filter}] {Text}",
        Verdict.Keep => $"KEEP [{Filter}] {Text}",
        _ => $"KEEP {Text}",
    };
}

/// <summary>The verdict on a block.</summary>
public enum Verdict
{
    /// <summary>No filter has judged the block; it is kept.</summary>
    Undecided,

    /// <summary>A filter protected the block; it is kept.</summary>
    Keep,

    /// <summary>A filter removed the block.</summary>
    Remove,
}

/// <summary>The element a block came from.</summary>
public enum BlockKind
{
    /// <summary>A line or paragraph of plain text.</summary>
    Text,

    /// <summary>An HTML paragraph or other generic block.</summary>
    Paragraph,

    /// <summary>An HTML heading (h1-h6).</summary>
    Heading,

    /// <summary>An HTML list item.</summary>
    ListItem,

    /// <summary>An HTML table row or cell.</summary>
    TableCell,

    /// <summary>An HTML figure caption.</summary>
    Caption,

    /// <summary>An HTML block quote.</summary>
    Quote,

    /// <summary>Preformatted HTML text (pre, code).</summary>
    Preformatted,
}

/// <summary>Hints taken from class and id attributes of an HTML block and its ancestors.</summary>
[Flags]
public enum BlockHints
{
    /// <summary>No hint.</summary>
    None = 0,

    /// <summary>share, social, sharing.</summary>
    Social = 1,

    /// <summary>related, more-stories, recommended.</summary>
    Related = 2,

    /// <summary>newsletter, subscribe, signup.</summary>
    Newsletter = 4,

    /// <summary>promo, sponsor.</summary>
    Promo = 8,

    /// <summary>ad, advert, banner.</summary>
    Ad = 16,

    /// <summary>comment, reply, discussion.</summary>
    Comment = 32,

    /// <summary>byline, author.</summary>
    Byline = 64,

    /// <summary>caption, credit, figcaption.</summary>
    Caption = 128,

    /// <summary>nav, menu, breadcrumb, footer, header.</summary>
    Navigation = 256,
}
