using System.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cleaner.Html;

/// <summary>
/// A linear pass over a page's markup, before the parser sees it, that bounds what makes the HTML
/// tree construction super-linear: open formatting elements (the parser's list of them is walked for
/// every new one), nesting depth (scope checks walk the stack of open elements), child elements per
/// element, elements in all, and attributes per element (each new attribute is compared with the
/// ones before it). Tags past a bound are dropped and their text kept; real pages stay far below
/// every bound and come back as the same string, unchanged.
/// </summary>
/// <remarks>
/// The pass tokenizes as the HTML standard does (tags, attributes with quoted and bare values,
/// comments, raw text of scripts and styles) and keeps a model of the parser's stack of open
/// elements: the end tags that close elements implicitly (a new paragraph closes an open one, a new
/// list item the previous item, a cell the previous cell) and the list of active formatting elements
/// with its limit of three identical entries. The model errs on the shallow side, so that it never
/// cuts a page the parser would handle quickly.
/// </remarks>
internal sealed class HtmlBounds
{
    private readonly string _html;
    private readonly CleanerOptions _options;
    private readonly Deadline? _deadline;
    private readonly List<Frame> _stack = [];
    private readonly List<Formatting> _formatting = [];

    /// <summary>The names of this pass's tags, each once (so that a name's reference stands for the name).</summary>
    private readonly Dictionary<string, TagName> _tagNames = new(StringComparer.Ordinal);

    /// <summary>For each tag name (by <see cref="TagName.Id"/>), how many elements of that name are open.</summary>
    private int[] _open = new int[64];

    /// <summary>For each tag name (by <see cref="TagName.Id"/>), how many of its start tags were dropped whose end tags are still to come.</summary>
    private int[] _dropped = new int[64];

    private readonly TagName _table, _template;
    private StringBuilder? _out;
    private int _copied;
    private int _elements;
    private int _foreign;
    private int _formattingCount;
    private int _cutElements, _cutDepth, _cutChildren, _cutFormatting, _cutAttributes;

    private HtmlBounds(string html, CleanerOptions options, Deadline? deadline)
    {
        _html = html;
        _options = options;
        _deadline = deadline;
        _table = Intern("table");
        _template = Intern("template");
        _stack.Add(new Frame(Intern("#root"), 0, -1, -1, -1, -1, -1, -1));
    }

    /// <summary>
    /// Bounds a page: returns it unchanged (the same string) when it stays within every bound,
    /// otherwise the page without the tags past a bound, and a note that says what was cut.
    /// </summary>
    public static string Apply(string html, CleanerOptions options, Deadline? deadline, out string? note)
    {
        var bounds = new HtmlBounds(html, options, deadline);
        bounds.Run();
        note = bounds.Note();
        return bounds.Result();
    }

    private void Run()
    {
        var html = _html;
        int pos = 0;
        while (pos < html.Length)
        {
            int lt = html.IndexOf('<', pos);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                return;
            }

            _deadline?.Tick();
            if (_formatting.Count > 0 && _formatting[^1] is { Name: not null, Open: false } && !html.AsSpan(pos, lt - pos).IsWhiteSpace())
            {
                Reconstruct(); // text opens again what was closed
            }

            char c = html[lt + 1];
            if (char.IsAsciiLetter(c))
            {
                pos = StartTag(lt);
            }
            else if (c == '/')
            {
                if (lt + 2 < html.Length && char.IsAsciiLetter(html[lt + 2]))
                {
                    pos = EndTag(lt);
                }
                else
                {
                    pos = lt + 2 < html.Length && html[lt + 2] == '>' ? lt + 3 : After('>', lt + 2);
                }
            }
            else if (c == '!')
            {
                pos = string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0 ? CommentEnd(lt + 4) : After('>', lt + 2);
            }
            else if (c == '?')
            {
                pos = After('>', lt + 2);
            }
            else
            {
                pos = lt + 1;
            }
        }
    }

    /// <summary>The position after the next <paramref name="c"/>, or the end of the page.</summary>
    private int After(char c, int from)
    {
        int at = _html.IndexOf(c, from);
        return at < 0 ? _html.Length : at + 1;
    }

    private int CommentEnd(int from)
    {
        var html = _html;
        if (from < html.Length && html[from] == '>')
        {
            return from + 1; // <!-->
        }

        if (from + 1 < html.Length && html[from] == '-' && html[from + 1] == '>')
        {
            return from + 2; // <!--->
        }

        int end = html.IndexOf("-->", from, StringComparison.Ordinal);
        return end < 0 ? html.Length : end + 3;
    }

    /// <summary>The tokenizer's white space (space, tab, line feed, carriage return, form feed), as bits by code.</summary>
    private const ulong SpaceBits = (1UL << ' ') | (1UL << '\t') | (1UL << '\n') | (1UL << '\r') | (1UL << '\f');

    // Called for nearly every character of every tag: one comparison and one bit test, always inlined.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) => c <= ' ' && ((SpaceBits >> c) & 1) != 0;

    /// <summary>A tag's name (lower case) and its attributes, as the tokenizer reads them.</summary>
    /// <param name="Name">The tag name in lower case.</param>
    /// <param name="End">The position after the tag's <c>&gt;</c> (the page's length when the page ends inside the tag).</param>
    /// <param name="Close">The position of the tag's <c>&gt;</c>, or of the <c>/</c> of <c>/&gt;</c>.</param>
    /// <param name="Attributes">How many attributes the tag has.</param>
    /// <param name="KeptEnd">The position after the last attribute that is kept (when there are too many).</param>
    /// <param name="AttributesStart">Where the attributes start.</param>
    /// <param name="SelfClosing">Whether the tag ends with <c>/&gt;</c>.</param>
    private readonly record struct Tag(TagName Name, int End, int Close, int Attributes, int KeptEnd, int AttributesStart, bool SelfClosing);

    private Tag ReadTag(int nameStart)
    {
        var html = _html;
        int i = nameStart;
        while (i < html.Length && !IsSpace(html[i]) && html[i] != '/' && html[i] != '>')
        {
            i++;
        }

        var name = Name(html.AsSpan(nameStart, i - nameStart));
        int attributesStart = i, attributes = 0, keptEnd = i;
        bool slash = false;
        while (i < html.Length)
        {
            char c = html[i];
            if (IsSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/')
            {
                slash = true;
                i++;
                continue;
            }

            if (c == '>')
            {
                return new Tag(name, i + 1, slash && html[i - 1] == '/' ? i - 1 : i, attributes, keptEnd, attributesStart, slash && html[i - 1] == '/');
            }

            slash = false;
            i++; // the first character of a name may be anything, even '='
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>' or '='))
            {
                i++;
            }

            int j = i;
            while (j < html.Length && IsSpace(html[j]))
            {
                j++;
            }

            if (j < html.Length && html[j] == '=')
            {
                j++;
                while (j < html.Length && IsSpace(html[j]))
                {
                    j++;
                }

                if (j < html.Length && html[j] is '"' or '\'')
                {
                    int close = html.IndexOf(html[j], j + 1);
                    i = close < 0 ? html.Length : close + 1;
                }
                else
                {
                    i = j;
                    while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }
                }
            }

            attributes++;
            if (attributes <= _options.MaxAttributes)
            {
                keptEnd = i;
            }
        }

        return new Tag(name, html.Length, html.Length, attributes, keptEnd, attributesStart, false);
    }

    /// <summary>Tag names seen in this pass, by a hash of their letters: a repeated name costs no allocation.</summary>
    private readonly TagName?[] _names = new TagName?[256];

    private TagName Name(ReadOnlySpan<char> name)
    {
        int hash = name.Length;
        foreach (char c in name)
        {
            hash = (hash * 31) + (c | 0x20);
        }

        ref TagName? slot = ref _names[hash & 255];
        if (slot is not null && name.Equals(slot.Name, StringComparison.OrdinalIgnoreCase))
        {
            return slot;
        }

        return slot = Intern(LowerName(name));
    }

    /// <summary>The pass's one <see cref="TagName"/> for a name (in lower case), made on its first use.</summary>
    private TagName Intern(string name)
    {
        if (_tagNames.TryGetValue(name, out var known))
        {
            return known;
        }

        var made = new TagName(name, _tagNames.Count);
        _tagNames.Add(name, made);
        if (made.Id >= _open.Length)
        {
            Array.Resize(ref _open, _open.Length * 2);
            Array.Resize(ref _dropped, _dropped.Length * 2);
        }

        return made;
    }

    private static string LowerName(ReadOnlySpan<char> name)
    {
        foreach (char c in name)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return string.Create(name.Length, name.ToString(), static (chars, s) => s.AsSpan().ToLowerInvariant(chars));
            }
        }

        return name.ToString();
    }

    private int StartTag(int lt)
    {
        var tag = ReadTag(lt + 1);
        if (tag.End >= _html.Length && (tag.Close >= _html.Length))
        {
            return _html.Length; // the page ends inside the tag: the tokenizer drops it
        }

        var name = tag.Name;
        if (name.Has(TagFlags.Structure) || IgnoredOutsideTables(name))
        {
            return tag.End;
        }

        bool raw = _foreign == 0 && name.Has(TagFlags.RawText);
        if (name.Has(TagFlags.Plaintext))
        {
            return _html.Length;
        }

        bool foreign = _foreign > 0 && ForeignRoot() >= 0;
        bool brokeOut = false;
        if (foreign && (name.Has(TagFlags.BreaksForeign) || (name.Has(TagFlags.Font) && HasFontAttribute(tag))))
        {
            // An HTML tag inside svg or math closes the foreign elements and is read as HTML.
            for (int at = ForeignRoot(); at >= 1; at = ForeignRoot())
            {
                PopTo(at);
            }

            foreign = false;
            brokeOut = true;
        }

        if (!foreign)
        {
            CloseImplied(name);
            if (!name.Has(TagFlags.Special) || name.Has(TagFlags.AppletMarqueeObject))
            {
                Reconstruct();
            }
        }

        bool isVoid = name.Has(TagFlags.Void) || (tag.SelfClosing && (_foreign > 0 || name.Has(TagFlags.Foreign))) || raw;
        bool formatting = !foreign && name.Has(TagFlags.Formatting);
        int depth = _stack.Count - 1;
        var top = _stack[^1];
        ref int cut = ref _cutElements;
        bool drop = true;
        if (_elements >= _options.MaxElements)
        {
            cut = ref _cutElements;
        }
        else if (top.Children >= _options.MaxChildElements)
        {
            cut = ref _cutChildren;
        }
        else if (!isVoid && depth >= _options.MaxNestingDepth)
        {
            cut = ref _cutDepth;
        }
        else if (formatting && _formattingCount >= _options.MaxOpenFormattingElements && !IsNoahsArkDuplicate(tag))
        {
            cut = ref _cutFormatting;
        }
        else
        {
            drop = false;
        }

        int end = raw ? RawTextEnd(name.Name, tag.End) : tag.End;
        if (drop)
        {
            cut++;
            if (raw)
            {
                end = end < _html.Length ? After('>', end) : end; // the whole element: its text never shows
            }
            else if (!isVoid)
            {
                _dropped[name.Id]++;
            }

            Cut(lt, end);
            if (brokeOut)
            {
                // The model has left the svg or math for this tag: without it the parser would stay
                // inside, and every tag after would nest there unseen by the bounds (the model and the
                // parser part ways for good). An image (an HTML tag that leaves foreign content, holds
                // nothing and shows no text) ends the foreign content in the parser too.
                _out!.Append(BreakOutTag);
            }

            return end;
        }

        _elements++;
        CollectionsMarshal.AsSpan(_stack)[^1].Children++;
        if (tag.Attributes > _options.MaxAttributes)
        {
            _cutAttributes += tag.Attributes - _options.MaxAttributes;
            Cut(tag.KeptEnd, tag.Close);
        }

        if (!isVoid)
        {
            Push(name);
            if (formatting)
            {
                AddFormatting(tag);
            }
            else if (name.Has(TagFlags.Marker))
            {
                _formatting.Add(default);
            }
        }

        return end;
    }

    /// <summary>Where the raw text of a script, style, textarea, title (and the like) ends: at its end tag.</summary>
    private int RawTextEnd(string name, int from)
    {
        var html = _html;
        int pos = from;
        while (true)
        {
            int at = html.IndexOf("</", pos, StringComparison.Ordinal);
            if (at < 0)
            {
                return html.Length;
            }

            int after = at + 2 + name.Length;
            if (after <= html.Length
                && html.AsSpan(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == html.Length || IsSpace(html[after]) || html[after] is '/' or '>'))
            {
                return at;
            }

            pos = at + 2;
        }
    }

    private int EndTag(int lt)
    {
        var tag = ReadTag(lt + 2);
        var name = tag.Name;
        if (name.Has(TagFlags.Structure) || IgnoredOutsideTables(name))
        {
            return tag.End;
        }

        if (_dropped[name.Id] > 0)
        {
            _dropped[name.Id]--;
            Cut(lt, tag.End);
            return tag.End;
        }

        if (name.Has(TagFlags.Formatting) && RemoveFormatting(name) && _open[name.Id] > 0)
        {
            Adopt(name);
            return tag.End;
        }

        if (name.Has(TagFlags.Form) && _open[name.Id] > 0)
        {
            // The parser closes the form element alone: what was opened inside it stays open.
            int form = _stack.Count - 1;
            while (_stack[form].Name != name)
            {
                form--;
            }

            RemoveFrames(form, form + 1);
            return tag.End;
        }

        if (_open[name.Id] > 0)
        {
            while (_stack.Count > 1)
            {
                var popped = Pop();
                if (popped == name)
                {
                    break;
                }
            }
        }

        return tag.End;
    }

    /// <summary>Closes what the parser closes before a start tag: an open paragraph before a block, the previous list item, cell, row or option, a heading before a heading.</summary>
    private void CloseImplied(TagName name)
    {
        var top = _stack[^1];
        if (name.Has(TagFlags.ClosesParagraph) && top.Paragraph >= 0)
        {
            PopTo(top.Paragraph);
            top = _stack[^1];
        }

        // A new item closes the open item, definition, row, cell or table section it stands in.
        var flags = name.Flags;
        int open = (flags & TagFlags.ListItem) != 0 ? top.ListItem
            : (flags & TagFlags.Definition) != 0 ? top.Definition
            : (flags & TagFlags.Row) != 0 ? top.Row
            : (flags & TagFlags.Cell) != 0 ? top.Cell
            : (flags & TagFlags.Section) != 0 ? top.Section
            : -1;
        if (open >= 0)
        {
            PopTo(open);
        }
        else if (((flags & TagFlags.OptionLike) != 0 && top.Name.Has(TagFlags.Option)) || ((flags & TagFlags.Heading) != 0 && top.Name.Has(TagFlags.Heading)))
        {
            Pop();
        }
        else if ((flags & TagFlags.LinkLike) != 0 && RemoveFormatting(name) && _open[name.Id] > 0)
        {
            // A new link while one is open closes it (the adoption agency).
            Adopt(name);
        }
    }

    /// <summary>
    /// The adoption agency, as far as the stack goes: the topmost open <paramref name="name"/> is
    /// closed. When a special element (a div, a list, a paragraph...) was opened inside it, that
    /// element (the furthest block) stays open with everything above it, moved out of the formatting
    /// element; the elements between the two are closed (the parser closes them, or reopens clones of
    /// the formatting ones inside the block: the model errs on the shallow side). Without one, the
    /// formatting element and everything above it are closed. So "&lt;a href=x&gt;y&lt;div&gt;"
    /// repeated nests one div deeper each time, in the model as in the parser, and meets the depth
    /// bound instead of a parser that moves ever more children of its deepest element on every link.
    /// </summary>
    private void Adopt(TagName name)
    {
        int at = _stack.Count - 1;
        while (at >= 1 && _stack[at].Name != name)
        {
            at--;
        }

        if (at < 1)
        {
            return;
        }

        int block = at + 1;
        while (block < _stack.Count && !_stack[block].Name.Has(TagFlags.Special))
        {
            block++;
        }

        if (block == _stack.Count)
        {
            PopTo(at);
            return;
        }

        RemoveFrames(at, block);
    }

    /// <summary>
    /// Closes the open elements from <paramref name="from"/> up to (not including) <paramref name="to"/>
    /// and keeps those above open: pops down and opens them again, so that their positions of the
    /// nearest paragraph, item, row, cell... are found anew.
    /// </summary>
    private void RemoveFrames(int from, int to)
    {
        var kept = _stack.GetRange(to, _stack.Count - to);
        PopTo(from);
        foreach (var frame in kept)
        {
            Push(frame.Name);
            CollectionsMarshal.AsSpan(_stack)[^1].Children = frame.Children;
            if (frame.Name.Has(TagFlags.Marker))
            {
                _formatting.Add(default);
            }
            else if (frame.Name.Has(TagFlags.Formatting))
            {
                MarkOpen(frame.Name, true);
            }
        }
    }

    private void Push(TagName name)
    {
        var parent = _stack[^1];
        int index = _stack.Count;
        var flags = name.Flags;
        bool special = (flags & TagFlags.ScopesItems) != 0;
        bool table = (flags & TagFlags.TableOrTemplate) != 0;
        _stack.Add(new Frame(
            name,
            0,
            (flags & TagFlags.Paragraph) != 0 ? index : (flags & TagFlags.ButtonScope) != 0 ? -1 : parent.Paragraph,
            (flags & TagFlags.ListItem) != 0 ? index : special ? -1 : parent.ListItem,
            (flags & TagFlags.Definition) != 0 ? index : special ? -1 : parent.Definition,
            (flags & TagFlags.Row) != 0 ? index : table ? -1 : parent.Row,
            (flags & TagFlags.Cell) != 0 ? index : table || (flags & TagFlags.Row) != 0 ? -1 : parent.Cell,
            (flags & TagFlags.Section) != 0 ? index : table ? -1 : parent.Section));
        _open[name.Id]++;
        if ((flags & TagFlags.Foreign) != 0)
        {
            _foreign++;
        }
    }

    private void PopTo(int index)
    {
        while (_stack.Count > index && _stack.Count > 1)
        {
            Pop();
        }
    }

    private TagName Pop()
    {
        var frame = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        var name = frame.Name;
        _open[name.Id]--;
        if (name.Has(TagFlags.Foreign))
        {
            _foreign--;
        }

        if (name.Has(TagFlags.Formatting))
        {
            MarkOpen(name, false);
        }

        if (name.Has(TagFlags.Marker))
        {
            // Closing a cell, caption or object clears the formatting opened inside it.
            for (int i = _formatting.Count - 1; i >= 0; i--)
            {
                bool marker = _formatting[i].Name is null;
                _formattingCount -= marker ? 0 : 1;
                _formatting.RemoveAt(i);
                if (marker)
                {
                    break;
                }
            }
        }

        return frame.Name;
    }

    /// <summary>An entry of the list of active formatting elements (a marker when the name is null).</summary>
    /// <param name="Name">The element's name, or null for a marker.</param>
    /// <param name="AttributesStart">Where its tag's attributes start.</param>
    /// <param name="AttributesLength">How long they are.</param>
    /// <param name="Open">Whether the element is open (on the stack): one closed by something else stays in the list and is opened again before the next text or inline tag.</param>
    private readonly record struct Formatting(TagName? Name, int AttributesStart, int AttributesLength, bool Open = true);

    private void AddFormatting(Tag tag)
    {
        // The parser keeps at most three identical entries (same name and attributes) after the last
        // marker. The search looks at the last entries only, so that it stays linear when the bound is
        // raised: a page with that many open formatting elements is past any reasonable bound anyway.
        int same = 0, earliest = -1;
        for (int i = _formatting.Count - 1; i >= Math.Max(0, _formatting.Count - SearchWindow) && _formatting[i].Name is { } name; i--)
        {
            if (name == tag.Name && SameAttributes(_formatting[i], tag))
            {
                same++;
                earliest = i;
            }
        }

        if (same >= 3)
        {
            _formatting.RemoveAt(earliest);
            _formattingCount--;
        }

        _formatting.Add(new Formatting(tag.Name, tag.AttributesStart, tag.Close - tag.AttributesStart));
        _formattingCount++;
    }

    private bool IsNoahsArkDuplicate(Tag tag)
    {
        int same = 0;
        for (int i = _formatting.Count - 1; i >= Math.Max(0, _formatting.Count - SearchWindow) && _formatting[i].Name is { } name; i--)
        {
            same += name == tag.Name && SameAttributes(_formatting[i], tag) ? 1 : 0;
        }

        return same >= 3;
    }

    private bool SameAttributes(Formatting entry, Tag tag) =>
        _html.AsSpan(entry.AttributesStart, entry.AttributesLength).Trim().SequenceEqual(_html.AsSpan(tag.AttributesStart, tag.Close - tag.AttributesStart).Trim());

    /// <summary>How far back the list of formatting elements is searched.</summary>
    private const int SearchWindow = 32;

    /// <summary>Marks the last entry of that name that is <paramref name="open"/>'s opposite (among the last entries) as open or closed.</summary>
    private void MarkOpen(TagName name, bool open)
    {
        for (int i = _formatting.Count - 1; i >= Math.Max(0, _formatting.Count - SearchWindow) && _formatting[i].Name is { } entry; i--)
        {
            if (entry == name && _formatting[i].Open != open)
            {
                _formatting[i] = _formatting[i] with { Open = open };
                return;
            }
        }
    }

    /// <summary>
    /// Opens again the formatting elements that something else closed while they stayed in the
    /// list (the parser does so before text and before an inline tag): "&lt;s&gt;&lt;a href=x&gt;"
    /// repeated closes each s with the link before it, and the parser opens it again, one deeper
    /// each time. Not in foreign content (svg, math).
    /// </summary>
    private void Reconstruct()
    {
        if (_foreign > 0 || _formatting.Count == 0 || _formatting[^1].Name is null || _formatting[^1].Open)
        {
            return;
        }

        int first = _formatting.Count - 1;
        while (first > 0 && first > _formatting.Count - SearchWindow && _formatting[first - 1].Name is not null && !_formatting[first - 1].Open)
        {
            first--;
        }

        for (int i = first; i < _formatting.Count; i++)
        {
            if (_formatting[i].Name is { } name && !_formatting[i].Open)
            {
                Push(name);
                _formatting[i] = _formatting[i] with { Open = true };
            }
        }
    }

    /// <summary>Removes the last entry of that name after the last marker (among the last entries); false when there is none.</summary>
    private bool RemoveFormatting(TagName name)
    {
        for (int i = _formatting.Count - 1; i >= Math.Max(0, _formatting.Count - SearchWindow) && _formatting[i].Name is { } entry; i--)
        {
            if (entry == name)
            {
                _formatting.RemoveAt(i);
                _formattingCount--;
                return true;
            }
        }

        return false;
    }

    /// <summary>Put in place of a dropped tag that left svg or math (see <see cref="StartTag"/>).</summary>
    private const string BreakOutTag = "<img>";

    private void Cut(int start, int end)
    {
        _out ??= new StringBuilder(_html.Length);
        _out.Append(_html, _copied, start - _copied);
        _copied = end;
    }

    private string Result()
    {
        if (_out is null)
        {
            return _html;
        }

        _out.Append(_html, _copied, _html.Length - _copied);
        return _out.ToString();
    }

    private string? Note()
    {
        if (_out is null)
        {
            return null;
        }

        var parts = new List<string>();
        Add(_cutDepth, $"nested deeper than {_options.MaxNestingDepth:N0} (CleanerOptions.MaxNestingDepth)");
        Add(_cutFormatting, $"formatting tags past {_options.MaxOpenFormattingElements:N0} open ones (CleanerOptions.MaxOpenFormattingElements)");
        Add(_cutChildren, $"elements past {_options.MaxChildElements:N0} children of one element (CleanerOptions.MaxChildElements)");
        Add(_cutElements, $"elements past {_options.MaxElements:N0} in all (CleanerOptions.MaxElements)");
        if (_cutAttributes > 0)
        {
            parts.Add($"{_cutAttributes:N0} attributes past {_options.MaxAttributes:N0} on one element (CleanerOptions.MaxAttributes)");
        }

        return "the page was bounded before parsing, text kept: dropped " + string.Join("; ", parts);

        void Add(int count, string what)
        {
            if (count > 0)
            {
                parts.Add($"{count:N0} tags of elements {what}");
            }
        }
    }

    /// <summary>
    /// Where the svg or math element that the current element belongs to stands on the stack, or -1
    /// when the current element is HTML: the nearest svg or math comes before any element whose
    /// content is HTML again (foreignObject, desc and title in svg; mi, mo, mn, ms, mtext and
    /// annotation-xml in math). Walks the stack down to it (bounded by the depth).
    /// </summary>
    private int ForeignRoot()
    {
        for (int i = _stack.Count - 1; i >= 1; i--)
        {
            var name = _stack[i].Name;
            if (name.Has(TagFlags.Foreign))
            {
                return i;
            }

            if (name.Has(TagFlags.HtmlIntegration))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The HTML tags that end foreign content when they start inside it (and font with a color, face or size).</summary>
    private static bool BreaksOutOfForeignContent(string name) => name is "b" or "big" or "blockquote" or "body" or "br" or "center"
        or "code" or "dd" or "div" or "dl" or "dt" or "em" or "embed" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "head"
        or "hr" or "i" or "img" or "li" or "listing" or "menu" or "meta" or "nobr" or "ol" or "p" or "pre" or "ruby" or "s"
        or "small" or "span" or "strong" or "strike" or "sub" or "sup" or "table" or "tt" or "u" or "ul" or "var";

    /// <summary>Whether a font tag names a color, face or size (then it ends foreign content; a bare font does not).</summary>
    private bool HasFontAttribute(Tag tag)
    {
        var attributes = _html.AsSpan(tag.AttributesStart, Math.Max(0, tag.Close - tag.AttributesStart));
        return attributes.Contains("color", StringComparison.OrdinalIgnoreCase) || attributes.Contains("face", StringComparison.OrdinalIgnoreCase)
            || attributes.Contains("size", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether the parser ignores this tag here: the parts of a table (a cell, a row, a section, a
    /// caption, a column) outside any table or template, and a frameset in a body, are ignored, so
    /// that what they would close stays open ("&lt;div&gt;x&lt;tbody&gt;" repeated nests its divs).
    /// </summary>
    private bool IgnoredOutsideTables(TagName name) =>
        name.Has(TagFlags.TablePart) && _foreign == 0 && _open[_table.Id] == 0 && _open[_template.Id] == 0;

    /// <summary>Whether a name is one of the parts of a table that the parser ignores outside a table (or a frameset).</summary>
    private static bool IsTablePart(string name) =>
        name is "td" or "th" or "tr" or "tbody" or "thead" or "tfoot" or "caption" or "col" or "colgroup" or "frameset";

    private static bool IsVoid(string name) => name is "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input"
        or "keygen" or "link" or "meta" or "param" or "source" or "track" or "wbr" or "frame" or "basefont" or "bgsound" or "image";

    private static bool IsRawText(string name) => name is "script" or "style" or "textarea" or "title" or "xmp" or "iframe" or "noembed" or "noframes";

    private static bool IsFormatting(string name) => name is "a" or "b" or "big" or "code" or "em" or "font" or "i" or "nobr"
        or "s" or "small" or "strike" or "strong" or "tt" or "u";

    private static bool IsMarker(string name) => name is "td" or "th" or "caption" or "applet" or "object" or "marquee" or "template";

    private static bool BoundsButtonScope(string name) => name is "applet" or "caption" or "table" or "td" or "th" or "marquee"
        or "object" or "template" or "button" or "svg" or "math" or "select";

    private static bool ClosesParagraph(string name) => name is "address" or "article" or "aside" or "blockquote" or "center"
        or "details" or "dialog" or "dir" or "div" or "dl" or "fieldset" or "figcaption" or "figure" or "footer" or "form"
        or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "header" or "hgroup" or "hr" or "main" or "menu" or "nav" or "ol"
        or "p" or "pre" or "listing" or "search" or "section" or "summary" or "table" or "ul" or "li" or "dd" or "dt" or "xmp";

    private static bool IsSpecial(string name) => name is "address" or "applet" or "article" or "aside" or "blockquote" or "body"
        or "button" or "caption" or "center" or "colgroup" or "dd" or "details" or "dir" or "div" or "dl" or "dt" or "fieldset"
        or "figcaption" or "figure" or "footer" or "form" or "frameset" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
        or "header" or "hgroup" or "html" or "li" or "listing" or "main" or "marquee" or "menu" or "nav" or "noscript"
        or "object" or "ol" or "p" or "pre" or "search" or "section" or "select" or "summary" or "table" or "tbody" or "td"
        or "template" or "tfoot" or "th" or "thead" or "tr" or "ul";

    /// <summary>
    /// An open element of the model, with the positions (in the stack) of the nearest open element
    /// that a new paragraph, list item, definition, row, cell or table section would close (-1: none).
    /// </summary>
    private record struct Frame(TagName Name, int Children, int Paragraph, int ListItem, int Definition, int Row, int Cell, int Section);

    /// <summary>What the model needs to know of a tag name, read once per name from the name's tests below.</summary>
    [Flags]
    private enum TagFlags
    {
        None = 0,

        /// <summary>html, head or body: their tags change nothing here.</summary>
        Structure = 1 << 0,
        TablePart = 1 << 1,
        RawText = 1 << 2,
        Plaintext = 1 << 3,
        BreaksForeign = 1 << 4,
        Font = 1 << 5,
        Special = 1 << 6,
        AppletMarqueeObject = 1 << 7,
        Void = 1 << 8,
        Foreign = 1 << 9,
        Formatting = 1 << 10,
        Marker = 1 << 11,
        ClosesParagraph = 1 << 12,
        Form = 1 << 13,
        ButtonScope = 1 << 14,

        /// <summary>Special and not address, div or p: a new one hides the list items and definitions below it from a new item.</summary>
        ScopesItems = 1 << 15,
        Paragraph = 1 << 16,
        ListItem = 1 << 17,
        Definition = 1 << 18,
        Row = 1 << 19,
        Cell = 1 << 20,
        Section = 1 << 21,
        TableOrTemplate = 1 << 22,

        /// <summary>option or optgroup (a new one closes an open option).</summary>
        OptionLike = 1 << 23,
        Option = 1 << 24,
        Heading = 1 << 25,

        /// <summary>a or nobr (a new one closes an open one).</summary>
        LinkLike = 1 << 26,
        HtmlIntegration = 1 << 27,
    }

    /// <summary>A tag name of the pass (in lower case), with its number in the pass and what the model needs to know of it.</summary>
    private sealed class TagName
    {
        public TagName(string name, int id)
        {
            Name = name;
            Id = id;
            Flags = FlagsOf(name);
        }

        public string Name { get; }

        /// <summary>The name's number in this pass: its index in the counts of open and dropped elements.</summary>
        public int Id { get; }

        public TagFlags Flags { get; }

        public bool Has(TagFlags flag) => (Flags & flag) != 0;

        public override string ToString() => Name;

        private static TagFlags FlagsOf(string name) =>
            Flag(name is "html" or "head" or "body", TagFlags.Structure)
            | Flag(IsTablePart(name), TagFlags.TablePart)
            | Flag(IsRawText(name), TagFlags.RawText)
            | Flag(name == "plaintext", TagFlags.Plaintext)
            | Flag(BreaksOutOfForeignContent(name), TagFlags.BreaksForeign)
            | Flag(name == "font", TagFlags.Font)
            | Flag(IsSpecial(name), TagFlags.Special)
            | Flag(name is "applet" or "marquee" or "object", TagFlags.AppletMarqueeObject)
            | Flag(IsVoid(name), TagFlags.Void)
            | Flag(name is "svg" or "math", TagFlags.Foreign)
            | Flag(IsFormatting(name), TagFlags.Formatting)
            | Flag(IsMarker(name), TagFlags.Marker)
            | Flag(ClosesParagraph(name), TagFlags.ClosesParagraph)
            | Flag(name == "form", TagFlags.Form)
            | Flag(BoundsButtonScope(name), TagFlags.ButtonScope)
            | Flag(IsSpecial(name) && name is not ("address" or "div" or "p"), TagFlags.ScopesItems)
            | Flag(name == "p", TagFlags.Paragraph)
            | Flag(name == "li", TagFlags.ListItem)
            | Flag(name is "dd" or "dt", TagFlags.Definition)
            | Flag(name == "tr", TagFlags.Row)
            | Flag(name is "td" or "th", TagFlags.Cell)
            | Flag(name is "thead" or "tbody" or "tfoot", TagFlags.Section)
            | Flag(name is "table" or "template", TagFlags.TableOrTemplate)
            | Flag(name is "option" or "optgroup", TagFlags.OptionLike)
            | Flag(name == "option", TagFlags.Option)
            | Flag(name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6", TagFlags.Heading)
            | Flag(name is "a" or "nobr", TagFlags.LinkLike)
            | Flag(name is "foreignobject" or "desc" or "title" or "mi" or "mo" or "mn" or "ms" or "mtext" or "annotation-xml", TagFlags.HtmlIntegration);

        private static TagFlags Flag(bool on, TagFlags flag) => on ? flag : TagFlags.None;
    }
}
