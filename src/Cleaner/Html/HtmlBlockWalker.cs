using System.Text;
using AngleSharp.Dom;

namespace Cleaner.Html;

/// <summary>A block found in the DOM, before it becomes a <see cref="Block"/>.</summary>
/// <param name="Start">Offset of the block in the rendered text.</param>
/// <param name="Length">Length of the block in the rendered text.</param>
/// <param name="Kind">The element kind.</param>
/// <param name="HeadingLevel">1-6 for headings, otherwise 0.</param>
/// <param name="LinkChars">Non-space characters inside links.</param>
/// <param name="TextChars">Non-space characters.</param>
internal readonly record struct RawBlock(int Start, int Length, BlockKind Kind, int HeadingLevel, int LinkChars, int TextChars);

/// <summary>An element with class or id hints and the blocks it spans.</summary>
/// <param name="Hints">The element's own hints.</param>
/// <param name="FirstBlock">The first block inside the element.</param>
/// <param name="EndBlock">One past the last block inside the element.</param>
/// <param name="Live">Whether the element's class or id names a live blog (see <see cref="ClassHints.IsLive"/>).</param>
internal readonly record struct HintedRange(BlockHints Hints, int FirstBlock, int EndBlock, bool Live = false);

/// <summary>A text node that went into blocks.</summary>
/// <param name="Node">The text node.</param>
/// <param name="First">The first block it went into.</param>
/// <param name="Count">How many blocks it went into (several only inside pre).</param>
internal readonly record struct TextRange(INode Node, int First, int Count);

/// <summary>
/// The elements the walker went into, numbered in the order it entered them (the root's ancestors
/// first), each with the number of its parent: the element ancestry of every block, without a map
/// keyed by nodes (the first use of a node's identity hash costs more than the whole walk of it).
/// </summary>
internal sealed class ElementAncestry
{
    /// <summary>The elements, parents before their children.</summary>
    public List<IElement> Elements { get; } = [];

    /// <summary>For each element, the number of its parent element, or -1.</summary>
    public List<int> Parents { get; } = [];

    /// <summary>For each block, the number of the element that holds its first text node.</summary>
    public List<int> BlockElements { get; } = [];

    /// <summary>Numbers an element whose parent has number <paramref name="parent"/> (or -1).</summary>
    internal int Add(IElement element, int parent)
    {
        Elements.Add(element);
        Parents.Add(parent);
        return Elements.Count - 1;
    }

    internal void Clear()
    {
        Elements.Clear();
        Parents.Clear();
        BlockElements.Clear();
    }

    internal void CopyFrom(ElementAncestry other)
    {
        Clear();
        Elements.AddRange(other.Elements);
        Parents.AddRange(other.Parents);
        BlockElements.AddRange(other.BlockElements);
    }
}

/// <summary>
/// Renders the body of an HTML document as text, one block per paragraph, heading, list item, table
/// row, caption, quote or preformatted line (as a browser lays them out), and records for each block
/// its kind, link share and element ancestry, and for each text node the blocks it went into (so
/// that blocks can be found again after SmartReader has moved the nodes around). Elements that never
/// show text (scripts, styles, form controls, hidden elements) are skipped. The walk is iterative,
/// so deep nesting cannot overflow the stack. The DOM is not changed.
/// </summary>
internal sealed class HtmlBlockWalker
{
    private const string CellSeparator = " | ";

    private readonly StringBuilder _text = new();
    private readonly List<RawBlock> _blocks = [];
    private readonly List<HintedRange> _hinted = [];
    private readonly List<Frame> _frames = [];
    private readonly List<TextRange> _texts = [];
    private readonly ElementAncestry _ancestry = new();
    private readonly Dictionary<INode, (int First, int Count)> _textBlocks = new(ReferenceEqualityComparer.Instance);
    private bool _textBlocksBuilt;
    private readonly List<(INode Node, int Element)> _runNodes = [];
    private int _runStart;
    private int _runLinkChars;
    private int _runChars;
    private bool _runHasLetterOrDigit;
    private bool _pendingSpace;
    private bool _readHidden;
    private int _hiddenSkipped;
    private int _linkDepth;
    private int _preDepth;
    private int _mathDepth;

    /// <summary>
    /// A walker of this thread, kept between pages so that its buffers (the text, the lists, the
    /// map of text nodes) are not made anew for every page; one that grew past
    /// <see cref="MaxKeptChars"/> or <see cref="MaxKeptNodes"/> is not kept.
    /// </summary>
    [ThreadStatic]
    private static HtmlBlockWalker? t_spare;

    private const int MaxKeptChars = 1 << 20;

    private const int MaxKeptNodes = 1 << 16;

    /// <summary>A walker with nothing read: this thread's spare one when it has one.</summary>
    public static HtmlBlockWalker Rent()
    {
        var walker = t_spare ?? new HtmlBlockWalker();
        t_spare = null;
        return walker;
    }

    /// <summary>Gives the walker back when the page is read: it forgets the page (no node stays referenced) and may serve the next one.</summary>
    public void Return()
    {
        bool keep = _text.Capacity <= MaxKeptChars && _texts.Count <= MaxKeptNodes && _ancestry.Elements.Count <= MaxKeptNodes;
        Reset();
        _readHidden = false;
        if (keep)
        {
            t_spare = this;
        }
    }

    private enum Role : byte
    {
        Inline,
        Block,
        Break,
        Skip,
    }

    /// <summary>The rendered text: blocks separated by a line feed.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>The blocks in reading order.</summary>
    public IReadOnlyList<RawBlock> Blocks => _blocks;

    /// <summary>How deep the walked elements nest below the root (skipped elements not counted).</summary>
    public int MaxDepth { get; private set; }

    /// <summary>Elements with hints, with the range of blocks each spans.</summary>
    public IReadOnlyList<HintedRange> Hinted => _hinted;

    /// <summary>The text nodes that went into blocks, in reading order, with the blocks each went into.</summary>
    public IReadOnlyList<TextRange> Texts => _texts;

    /// <summary>The elements walked into, and the one that holds each block's first text node.</summary>
    public ElementAncestry Ancestry => _ancestry;

    /// <summary>
    /// The blocks each text node went into (by index in <see cref="Blocks"/>; several only inside
    /// pre), by the node's identity. Made on first use: only SmartReader's article is mapped by it.
    /// </summary>
    public IReadOnlyDictionary<INode, (int First, int Count)> TextBlocks
    {
        get
        {
            if (!_textBlocksBuilt)
            {
                _textBlocks.EnsureCapacity(_texts.Count);
                foreach (var text in _texts)
                {
                    _textBlocks.Add(text.Node, (text.First, text.Count));
                }

                _textBlocksBuilt = true;
            }

            return _textBlocks;
        }
    }

    /// <summary>
    /// Walks the subtree of <paramref name="root"/> (normally the body). When the visible text holds
    /// no paragraph of some length but hidden elements (<c>display:none</c>, <c>hidden</c>) were
    /// skipped, the page may keep its only copy of the article there (shown by a script): the walk is
    /// made again reading them, and kept when it finds such a paragraph.
    /// </summary>
    /// <param name="root">The element to walk (normally the body).</param>
    /// <param name="metadata">
    /// When given, every element of the subtree (the skipped ones and their descendants too) is
    /// handed to it in document order, in the first walk: the page's metadata is found in the
    /// same walk.
    /// </param>
    public void Walk(IElement root, HtmlMetadataReader.Elements? metadata = null)
    {
        WalkOnce(root, metadata);
        if (_hiddenSkipped == 0 || HasParagraph())
        {
            return;
        }

        var (text, blocks, hinted, texts, depth) = (Text, _blocks.ToArray(), _hinted.ToArray(), _texts.ToArray(), MaxDepth);
        var ancestry = new ElementAncestry();
        ancestry.CopyFrom(_ancestry);
        Reset();
        _readHidden = true;
        WalkOnce(root);
        if (HasParagraph())
        {
            return;
        }

        Reset();
        (Text, MaxDepth) = (text, depth);
        _blocks.AddRange(blocks);
        _hinted.AddRange(hinted);
        _texts.AddRange(texts);
        _ancestry.CopyFrom(ancestry);
    }

    /// <summary>The fewest characters outside links a block needs to count as a paragraph of the article.</summary>
    private const int ParagraphChars = 80;

    private bool HasParagraph()
    {
        foreach (var block in _blocks)
        {
            if (block.TextChars - block.LinkChars >= ParagraphChars)
            {
                return true;
            }
        }

        return false;
    }

    private void Reset()
    {
        _text.Clear();
        _blocks.Clear();
        _hinted.Clear();
        _frames.Clear();
        _texts.Clear();
        _ancestry.Clear();
        _textBlocks.Clear();
        _textBlocksBuilt = false;
        _runNodes.Clear();
        (_runStart, _runLinkChars, _runChars, _runHasLetterOrDigit, _pendingSpace) = (0, 0, 0, false, false);
        (_linkDepth, _preDepth, _mathDepth, _hiddenSkipped, MaxDepth) = (0, 0, 0, 0, 0);
        Text = string.Empty;
    }

    private void WalkOnce(IElement root, HtmlMetadataReader.Elements? metadata = null)
    {
        var deadline = Deadline.Current;
        _frames.Add(new Frame(root, BlockKind.Paragraph, 0, _blocks.Count, SimpleRow: false));
        int rootId = AddWithAncestors(root);
        metadata?.Visit(root);
        // Children are read by index: a node's NextSibling searches its parent's list of children,
        // which makes a walk by siblings quadratic in the number of children of one element.
        var path = new List<(INode Parent, INodeList Children, int Next, int Id)> { (root, root.ChildNodes, 0, rootId) };
        while (path.Count > 0)
        {
            deadline?.Tick();
            var (parent, children, next, id) = path[^1];
            if (next >= children.Length)
            {
                path.RemoveAt(path.Count - 1);
                if (path.Count > 0)
                {
                    Exit(parent);
                }

                continue;
            }

            path[^1] = (parent, children, next + 1, id);
            var node = children[next];
            bool descend = Enter(node, id);
            if (metadata is not null && node is IElement element)
            {
                metadata.Visit(element);
                if (!descend && element.HasChildNodes)
                {
                    metadata.VisitDescendants(element);
                }
            }

            if (descend && node.HasChildNodes)
            {
                path.Add((node, node.ChildNodes, 0, _ancestry.Add((IElement)node, id)));
                MaxDepth = Math.Max(MaxDepth, path.Count);
            }
            else if (descend)
            {
                Exit(node);
            }
        }

        Flush();
        if (_text.Length > 0 && _text[^1] == '\n')
        {
            _text.Length--;
        }

        Text = _text.ToString();
    }

    /// <summary>Numbers the root's ancestors (outermost first), then the root; returns the root's number.</summary>
    private int AddWithAncestors(IElement root)
    {
        var chain = new List<IElement>();
        for (var element = root.ParentElement; element is not null; element = element.ParentElement)
        {
            chain.Add(element);
        }

        int parent = -1;
        for (int i = chain.Count - 1; i >= 0; i--)
        {
            parent = _ancestry.Add(chain[i], parent);
        }

        return _ancestry.Add(root, parent);
    }

    /// <summary>Enters a child of the element numbered <paramref name="parentId"/>; returns whether to walk its children.</summary>
    private bool Enter(INode node, int parentId)
    {
        if (node is IText text)
        {
            AppendText(text, parentId);
            return false;
        }

        if (node is not IElement element)
        {
            return false;
        }

        string name = element.LocalName;
        var role = RoleOf(name, element, _readHidden);
        if (role == Role.Block && name is "td" or "th" && _frames[^1].SimpleRow)
        {
            role = Role.Inline; // a cell of a row that reads as one line
        }

        switch (role)
        {
            case Role.Skip:
                _hiddenSkipped += !_readHidden && element.HasChildNodes && IsHidden(element) ? 1 : 0;
                return false;
            case Role.Break:
                Flush();
                return false;
            case Role.Inline:
                if (name == "math" || _mathDepth > 0)
                {
                    // MathML tokens (mi, mo, mn) read as separate symbols.
                    _mathDepth++;
                    _pendingSpace = _text.Length > _runStart;
                }

                if (name == "a" && DomAttributes.Has(element, "href"))
                {
                    _linkDepth++;
                }
                else if (name is "td" or "th" && _frames[^1].SimpleRow)
                {
                    if (_text.Length > _runStart)
                    {
                        _text.Append(CellSeparator);
                    }

                    _pendingSpace = false;
                }

                return true;
            default:
                Flush();
                var parent = _frames[^1];
                var (kind, level) = KindOf(name, parent);
                bool simpleRow = name == "tr" && IsSimpleRow(element);
                _frames.Add(new Frame(element, simpleRow ? BlockKind.TableCell : kind, level, _blocks.Count, simpleRow));
                if (name == "pre")
                {
                    _preDepth++;
                }

                return true;
        }
    }

    private void Exit(INode node)
    {
        var element = (IElement)node;
        string name = element.LocalName;
        var frame = _frames[^1];
        if (frame.Element != element)
        {
            if (_mathDepth > 0)
            {
                _mathDepth--;
                _pendingSpace = _text.Length > _runStart;
            }

            if (name == "a" && _linkDepth > 0 && DomAttributes.Has(element, "href"))
            {
                _linkDepth--;
            }

            return;
        }

        Flush();
        _frames.RemoveAt(_frames.Count - 1);
        if (name == "pre")
        {
            _preDepth--;
        }

        // The hints of an element that holds no block would go unused: they are read only for those that do.
        if (_blocks.Count > frame.FirstBlock && DomAttributes.ClassAndId(element) is var (classes, id)
            && ClassHints.Of(name, classes, id, out bool live) is var hints && (hints != BlockHints.None || live))
        {
            _hinted.Add(new HintedRange(hints, frame.FirstBlock, _blocks.Count, live));
        }
    }

    /// <summary>Whether a character does not show as itself: white space, a control, a soft hyphen, a zero-width space or a byte order mark.</summary>
    private static bool IsUnshown(char c) =>
        c <= ' ' || (c >= '\u007F' && (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u00AD' or '\u200B' or '\uFEFF'));

    /// <summary>
    /// The length of the run at the start of <paramref name="text"/> that is appended as it stands:
    /// characters that show as themselves, and single spaces between two of them (which collapse to
    /// themselves); -1 when that is the whole text. <paramref name="spaces"/> counts those spaces.
    /// </summary>
    private static int ShownRun(ReadOnlySpan<char> text, out int spaces)
    {
        spaces = 0;
        int i = 0;
        while (true)
        {
            // Printable ASCII other than the space shows as itself: skip it in vectors, and look
            // only at the characters between such stretches.
            int stretch = text[i..].IndexOfAnyExceptInRange('!', '~');
            if (stretch < 0)
            {
                return -1;
            }

            i += stretch;
            char c = text[i];
            if (!IsUnshown(c))
            {
                i++;
            }
            else if (c == ' ' && i > 0 && i + 1 < text.Length && !IsUnshown(text[i + 1]))
            {
                spaces++;
                i += 2;
            }
            else
            {
                return i;
            }

            if (i >= text.Length)
            {
                return -1;
            }
        }
    }

    /// <summary>
    /// Appends a text node's characters, whitespace collapsed (kept line by line inside pre). Words
    /// with single spaces between them are appended as one run (<see cref="ShownRun"/>).
    /// </summary>
    private void AppendText(IText node, int parentId)
    {
        bool inLink = _linkDepth > 0;
        bool added = false;
        var data = node.Data.AsSpan();
        while (!data.IsEmpty)
        {
            int end = ShownRun(data, out int spaces);
            var run = end < 0 ? data : data[..end];
            if (!run.IsEmpty)
            {
                if (_pendingSpace)
                {
                    _text.Append(' ');
                    _pendingSpace = false;
                }

                _text.Append(run);
                if (!added)
                {
                    _runNodes.Add((node, parentId));
                    added = true;
                }

                _runChars += run.Length - spaces;
                _runHasLetterOrDigit = _runHasLetterOrDigit || HasLetterOrDigit(run);
                if (inLink)
                {
                    _runLinkChars += run.Length - spaces;
                }
            }

            if (end < 0)
            {
                break;
            }

            if (_preDepth > 0)
            {
                char c = data[end];
                data = data[(end + 1)..];
                if (c == '\n')
                {
                    Flush();
                    added = false;
                }
                else if (c != '\u00AD')
                {
                    _pendingSpace = _text.Length > _runStart;
                }

                continue;
            }

            // Outside pre, the characters up to the next that shows collapse into one pending space
            // (a soft hyphen only shows where a browser breaks the word, so it makes none).
            int next = end;
            bool space = false;
            while (next < data.Length && IsUnshown(data[next]))
            {
                space |= data[next] != '\u00AD';
                next++;
            }

            if (space)
            {
                _pendingSpace = _text.Length > _runStart;
            }

            data = data[next..];
        }
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> run)
    {
        foreach (char c in run)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Ends the current run of inline text and makes it a block when it holds a letter or digit
    /// (noted as the text was appended: reading the builder back by index would walk its chunks on
    /// every character).
    /// </summary>
    private void Flush()
    {
        int length = _text.Length - _runStart;
        if (length > 0 && _runHasLetterOrDigit)
        {
            // A row's separator may trail when its last cells were empty.
            while (length >= CellSeparator.Length && EndsWithSeparator(_runStart + length))
            {
                length -= CellSeparator.Length;
            }

            _text.Length = _runStart + length;
            var frame = _frames[^1];
            foreach (var (node, _) in _runNodes)
            {
                // A node in several blocks (a line of pre each) is the last of one run and the first of the next.
                if (_texts.Count > 0 && _texts[^1] is var last && ReferenceEquals(last.Node, node))
                {
                    _texts[^1] = last with { Count = _blocks.Count - last.First + 1 };
                }
                else
                {
                    _texts.Add(new TextRange(node, _blocks.Count, 1));
                }
            }

            _ancestry.BlockElements.Add(_runNodes[0].Element);

            _blocks.Add(new RawBlock(_runStart, length, frame.Kind, frame.Level, _runLinkChars, _runChars));
            _text.Append('\n');
        }
        else
        {
            _text.Length = _runStart;
        }

        _runNodes.Clear();
        _runStart = _text.Length;
        _runChars = 0;
        _runLinkChars = 0;
        _runHasLetterOrDigit = false;
        _pendingSpace = false;
    }

    private bool EndsWithSeparator(int end)
    {
        for (int i = 0; i < CellSeparator.Length; i++)
        {
            if (_text[end - CellSeparator.Length + i] != CellSeparator[i])
            {
                return false;
            }
        }

        return true;
    }

    private static (BlockKind Kind, int Level) KindOf(string name, in Frame parent)
    {
        switch (name)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                return (BlockKind.Heading, name[1] - '0');
            case "li" or "dt" or "dd":
                return (BlockKind.ListItem, 0);
            case "blockquote":
                return (BlockKind.Quote, 0);
            case "pre":
                return (BlockKind.Preformatted, 0);
            case "figcaption" or "caption":
                return (BlockKind.Caption, 0);
            case "td" or "th" or "table" or "tbody" or "thead" or "tfoot" or "tr":
                return (BlockKind.Paragraph, 0); // layout cells do not make their paragraphs table cells
            default:
                return parent.Kind == BlockKind.TableCell ? (BlockKind.Paragraph, 0) : (parent.Kind, parent.Level);
        }
    }

    /// <summary>A row whose cells hold only inline content: it reads as one line.</summary>
    private static bool IsSimpleRow(IElement row)
    {
        foreach (var cell in row.Children)
        {
            if (cell.LocalName is not ("td" or "th"))
            {
                return false;
            }

            foreach (var inner in cell.Descendants<IElement>())
            {
                if (RoleOf(inner.LocalName, inner, readHidden: false) is Role.Block or Role.Break)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static Role RoleOf(string name, IElement element, bool readHidden)
    {
        var role = name switch
        {
            "script" or "style" or "noscript" or "template" or "iframe" or "svg" or "head" or "select" or "option"
                or "textarea" or "input" or "button" or "object" or "embed" or "canvas" or "video" or "audio" or "map"
                or "datalist" or "meta" or "link" or "title" or "img" or "picture" or "source" or "track" or "param"
                or "rt" or "rp" or "label" => Role.Skip, // ruby annotations (readings) and form controls' labels are not part of the running text
            "br" or "hr" => Role.Break,
            "p" or "div" or "section" or "article" or "main" or "header" or "footer" or "nav" or "aside" or "address"
                or "blockquote" or "center" or "dd" or "dl" or "dt" or "details" or "summary" or "dialog" or "fieldset"
                or "legend" or "figure" or "figcaption" or "form" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
                or "hgroup" or "li" or "ol" or "ul" or "menu" or "dir" or "pre" or "table" or "thead" or "tbody"
                or "tfoot" or "tr" or "td" or "th" or "caption" or "body" or "html" or "frameset" or "noframes"
                or "listing" or "plaintext" or "xmp" => Role.Block,
            _ => Role.Inline,
        };

        if (role != Role.Skip && !readHidden && IsHidden(element))
        {
            return Role.Skip;
        }

        return role;
    }

    private static bool IsHidden(IElement element)
    {
        // One pass over the attributes (most elements have none) instead of a look-up by name for each.
        var attributes = element.Attributes;
        for (int i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            switch (attribute.Name)
            {
                case "hidden":
                    return true;
                case "aria-hidden" when attribute.Value.AsSpan().Trim().Equals("true", StringComparison.OrdinalIgnoreCase):
                    return true;
                case "style" when HasDeclaration(attribute.Value, "display", "none") || HasDeclaration(attribute.Value, "visibility", "hidden"):
                    return true;
            }
        }

        return false;
    }

    private static bool HasDeclaration(string style, string property, string value)
    {
        var rest = style.AsSpan();
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf(';');
            var declaration = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            int colon = declaration.IndexOf(':');
            if (colon > 0
                && declaration[..colon].Trim().Equals(property, StringComparison.OrdinalIgnoreCase)
                && declaration[(colon + 1)..].Trim().StartsWith(value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Frame(IElement Element, BlockKind Kind, int Level, int FirstBlock, bool SimpleRow);
}
