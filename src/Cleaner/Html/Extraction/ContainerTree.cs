using AngleSharp.Dom;

namespace Cleaner.Html.Extraction;

/// <summary>
/// The elements that hold the blocks (containers: every element but inline ones such as a, span or
/// em), each with its parent container and the range of blocks it holds. Built from the element
/// that holds the first text node of each block (as the walker numbered it), walking up its
/// ancestry until an element already seen: every element is visited once, so the time is linear in
/// the size of the page. Parents come before their children.
/// </summary>
internal sealed class ContainerTree
{
    /// <summary>A container.</summary>
    /// <param name="Element">The element.</param>
    /// <param name="Parent">The index of the parent container, or -1.</param>
    /// <param name="Hints">The element's own class and id hints (without the comment hint inside a live blog, see <see cref="InLive"/>).</param>
    /// <param name="ContentLike">Whether its tag, class or id says article, content, post or story.</param>
    internal sealed record Node(IElement Element, int Parent, BlockHints Hints, bool ContentLike)
    {
        /// <summary>
        /// Whether the element is a paragraph-level one (p, li, a heading, pre, dt, dd, a caption): as
        /// in Readability, its text scores its parent, and it is not a candidate for the article's root.
        /// </summary>
        public bool IsLeaf { get; } = Element.LocalName is "p" or "li" or "dt" or "dd" or "pre" or "figcaption" or "caption"
            or "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

        /// <summary>Whether the element or one of its ancestors is marked as chrome (comments, menus, share...).</summary>
        public bool InChrome { get; set; }

        /// <summary>
        /// Whether the element or one of its ancestors names a live blog (<see cref="ClassHints.IsLive"/>):
        /// then its comment hint is dropped (the entries of a live blog, not reader comments).
        /// </summary>
        public bool InLive { get; init; }

        /// <summary>The first block inside.</summary>
        public int First { get; set; } = int.MaxValue;

        /// <summary>One past the last block inside.</summary>
        public int End { get; set; } = -1;

        /// <summary>The tag with its id or first class, for reasons ("div.sidebar", "section#comments").</summary>
        public string Describe() => ContainerTree.Describe(Element);
    }

    /// <summary>An element's tag with its id or first class, for reasons ("div.sidebar", "section#comments").</summary>
    public static string Describe(AngleSharp.Dom.IElement element)
    {
        string name = element.LocalName;
        if (element.Id is { Length: > 0 } id)
        {
            return $"{name}#{Cut(id)}";
        }

        if (element.ClassName is { Length: > 0 } classes)
        {
            var first = classes.AsSpan().Trim();
            int space = first.IndexOfAny(' ', '\t', '\n');
            return $"{name}.{Cut(space < 0 ? first : first[..space])}";
        }

        return name;

        static string Cut(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : s[..40].ToString();
    }

    private ContainerTree(List<Node> nodes, int[] blockNode)
    {
        Nodes = nodes;
        BlockNode = blockNode;
    }

    /// <summary>The containers, parents before children.</summary>
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>For each block, the index of the innermost container that holds it, or -1.</summary>
    public int[] BlockNode { get; }

    /// <summary>Builds the tree of the containers of the first <paramref name="n"/> blocks.</summary>
    /// <param name="n">How many blocks the page has.</param>
    /// <param name="ancestry">The elements the walker numbered, and the one holding each block's first text node.</param>
    public static ContainerTree Build(int n, ElementAncestry ancestry)
    {
        var elements = ancestry.Elements;
        var parents = ancestry.Parents;
        var blockElements = ancestry.BlockElements;

        // For every element seen, the container it stands for (itself, or for an inline element its nearest container).
        var seen = Seen(elements.Count);
        var nodes = new List<Node>(elements.Count); // at most one container per element
        var blockNode = new int[n];
        var path = new List<int>();
        for (int i = 0; i < n; i++)
        {
            blockNode[i] = -1;
            if (i >= blockElements.Count || blockElements[i] < 0)
            {
                continue;
            }

            path.Clear();
            int found = -1;
            for (int e = blockElements[i]; e >= 0; e = parents[e])
            {
                if (seen[e] != Unseen)
                {
                    found = seen[e];
                    break;
                }

                path.Add(e);
            }

            int current = found;
            for (int j = path.Count - 1; j >= 0; j--)
            {
                var element = elements[path[j]];
                string name = element.LocalName;
                if (!IsInline(name))
                {
                    var (classes, id) = DomAttributes.ClassAndId(element);
                    var hints = ClassHints.Of(name, classes, id, out bool live);
                    live |= current >= 0 && nodes[current].InLive;
                    var node = new Node(element, current, live ? hints & ~BlockHints.Comment : hints, ClassHints.IsContentLike(name, classes, id)) { InLive = live };
                    node.InChrome = (current >= 0 && nodes[current].InChrome)
                        || ((node.Hints & ChromeHints) != 0 && !node.ContentLike && name is not ("body" or "html" or "main" or "article"));
                    nodes.Add(node);
                    current = nodes.Count - 1;
                }

                seen[path[j]] = current;
            }

            blockNode[i] = current;
            if (current >= 0)
            {
                var node = nodes[current];
                node.First = Math.Min(node.First, i);
                node.End = Math.Max(node.End, i + 1);
            }
        }

        for (int k = nodes.Count - 1; k > 0; k--)
        {
            var node = nodes[k];
            if (node.Parent >= 0 && node.End >= 0)
            {
                var parent = nodes[node.Parent];
                parent.First = Math.Min(parent.First, node.First);
                parent.End = Math.Max(parent.End, node.End);
            }
        }

        return new ContainerTree(nodes, blockNode);
    }

    /// <summary>Marks an element not seen yet (-1 stands for an element with no container).</summary>
    private const int Unseen = int.MinValue;

    /// <summary>This thread's array of seen elements, kept between pages so that it is not made anew for each (unless it grew large).</summary>
    [ThreadStatic]
    private static int[]? t_seen;

    private const int MaxKeptElements = 1 << 16;

    /// <summary>An array for <paramref name="count"/> elements, each marked <see cref="Unseen"/>: this thread's kept one when it is large enough.</summary>
    private static int[] Seen(int count)
    {
        var seen = t_seen;
        if (seen is null || seen.Length < count)
        {
            seen = new int[Math.Max(count, 256)];
            if (count <= MaxKeptElements)
            {
                t_seen = seen;
            }
        }

        Array.Fill(seen, Unseen, 0, count);
        return seen;
    }

    /// <summary>For each container, whether it is <paramref name="node"/> or one of its ancestors.</summary>
    public bool[] Ancestry(int node)
    {
        var contains = new bool[Nodes.Count];
        for (int k = node; k >= 0; k = Nodes[k].Parent)
        {
            contains[k] = true;
        }

        return contains;
    }

    /// <summary>The hints that mark an element as chrome.</summary>
    internal const BlockHints ChromeHints = BlockHints.Social | BlockHints.Related | BlockHints.Newsletter | BlockHints.Promo
        | BlockHints.Ad | BlockHints.Comment | BlockHints.Navigation;

    /// <summary>Elements that lay out inside a line: they hold words, not blocks.</summary>
    private static bool IsInline(string name) => name is "a" or "span" or "b" or "i" or "em" or "strong" or "font" or "small" or "big"
        or "u" or "s" or "strike" or "sub" or "sup" or "abbr" or "acronym" or "cite" or "code" or "q" or "time" or "mark" or "label"
        or "nobr" or "tt" or "var" or "kbd" or "samp" or "ins" or "del" or "bdi" or "bdo" or "dfn" or "data" or "output" or "math"
        or "ruby" or "rt" or "rp";
}
