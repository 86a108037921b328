using AngleSharp.Dom;

namespace Cleaner.Html.Extraction;

/// <summary>
/// The elements that hold the blocks (containers: every element but inline ones such as a, span or
/// em), each with its parent container and the range of blocks it holds. Built from the text node
/// of each block, walking up its ancestry until an element already seen: every element is visited
/// once, so the time is linear in the size of the page. Parents come before their children.
/// </summary>
internal sealed class ContainerTree
{
    /// <summary>A container.</summary>
    /// <param name="Element">The element.</param>
    /// <param name="Parent">The index of the parent container, or -1.</param>
    /// <param name="Hints">The element's own class and id hints.</param>
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

    /// <summary>Builds the tree of the containers of <paramref name="blocks"/>.</summary>
    public static ContainerTree Build(IReadOnlyList<Block> blocks, IReadOnlyDictionary<INode, (int First, int Count)> textBlocks)
    {
        int n = blocks.Count;
        var firstNode = new INode?[n];
        foreach (var (node, range) in textBlocks)
        {
            for (int i = range.First; i < range.First + range.Count && i < n; i++)
            {
                firstNode[i] ??= node;
            }
        }

        // Every element seen, with the container it stands for (itself, or for an inline element its nearest container).
        var seen = t_seen ?? new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        t_seen = null;
        try
        {
            return Build(blocks.Count, firstNode, seen);
        }
        finally
        {
            // Kept for the thread's next page (emptied: no element stays referenced), unless it grew large.
            bool keep = seen.Count <= MaxKeptElements;
            seen.Clear();
            if (keep)
            {
                t_seen = seen;
            }
        }
    }

    /// <summary>The map of seen elements of this thread, kept between pages so that it is not made anew for each.</summary>
    [ThreadStatic]
    private static Dictionary<IElement, int>? t_seen;

    private const int MaxKeptElements = 1 << 16;

    private static ContainerTree Build(int n, INode?[] firstNode, Dictionary<IElement, int> seen)
    {
        var nodes = new List<Node>();
        var blockNode = new int[n];
        var path = new List<IElement>();
        for (int i = 0; i < n; i++)
        {
            blockNode[i] = -1;
            if (firstNode[i] is not { } text)
            {
                continue;
            }

            path.Clear();
            int found = -1;
            for (var element = text.ParentElement; element is not null; element = element.ParentElement)
            {
                if (seen.TryGetValue(element, out int known))
                {
                    found = known;
                    break;
                }

                path.Add(element);
            }

            int current = found;
            for (int j = path.Count - 1; j >= 0; j--)
            {
                var element = path[j];
                string name = element.LocalName;
                if (!IsInline(name))
                {
                    string? classes = element.ClassName, id = element.Id; // each an attribute look-up
                    var node = new Node(element, current, ClassHints.Of(name, classes, id), ClassHints.IsContentLike(name, classes, id));
                    node.InChrome = (current >= 0 && nodes[current].InChrome)
                        || ((node.Hints & ChromeHints) != 0 && !node.ContentLike && name is not ("body" or "html" or "main" or "article"));
                    nodes.Add(node);
                    current = nodes.Count - 1;
                }

                seen[element] = current;
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
