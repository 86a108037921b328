using System.Globalization;

namespace Cleaner.Html.Extraction;

/// <summary>What the native extractor chose, and how sure it is.</summary>
/// <param name="InArticle">For each block, whether it belongs to the article; null when no article was found.</param>
/// <param name="Reasons">For each block left out, why (a person can check the figures); null entries for blocks in the article.</param>
/// <param name="Weakness">Why the choice is weak (the first sign that holds), or null when it is sound.</param>
/// <param name="Failure">Why there is no article, or null.</param>
/// <param name="Container">The element that holds the article ("div.article-body"), or null.</param>
internal sealed record NativeResult(bool[]? InArticle, string?[] Reasons, string? Weakness, string? Failure, string? Container = null)
{
    /// <summary>Whether the choice is weak for being a very short article (see <see cref="NativeExtractor.VeryShortSign"/>).</summary>
    public bool IsVeryShort => Weakness?.StartsWith(NativeExtractor.VeryShortSign, StringComparison.Ordinal) == true;
}

/// <summary>
/// Cleaner's own main-content extractor. One pass over the blocks and their element ancestry, no
/// change to the DOM and no second parse:
/// <list type="number">
/// <item>Each block gets a content value (the characters of prose outside links; a share of that for
/// text that is not prose, such as list items and data rows) and a chrome value (characters in
/// links, or in elements marked share, related, ad, comment, navigation...). A block whose text the
/// page's JSON-LD <c>articleBody</c> holds counts double. A slideshow (numbered slides, "3/50")
/// counts as chrome when the page has prose besides it.</item>
/// <item>Each element (container) adds up the values of the blocks it holds; its score is content
/// minus a share of chrome, raised a little when its class or tag says article or content.</item>
/// <item>The best-scoring container is the article's root (or the ancestor that holds three
/// containers that score nearly as well: an article of several tables or sections). Its edges are added: the lead between the
/// headline and the root (with its sections' headings; any three lines or fewer there, a byline or a price), and siblings of the root that read as content (a paragraph of prose, a
/// section that scores well: an FAQ, a table, a note under a figure).</item>
/// <item>Chrome inside the root (an element whose chrome outweighs its content: a teaser list, an
/// author box, a share prompt, a form) is left out, and so are the labels of a chart drawn with text.</item>
/// <item>The other parts of an article that its layout splits into sections of the same make (the
/// root's tag and class, at its depth, under the headline) join it.</item>
/// <item>Comments that follow the post flat, under a heading that opens them ("Comments"), are cut
/// from the article.</item>
/// </list>
/// Every block left out gets its reason with the figures. The choice is called weak (and
/// <see cref="ContentExtractor.Auto"/> then asks SmartReader) when a disjoint container scores close
/// to the root, when the article is very short (unless it holds all of the page's prose and is not
/// tiny), when it is mostly links, or when it holds little of the page's prose.
/// With the profile of the page's site, the blocks the site repeats on most of its pages count as
/// chrome (a blogger's profile box is not the article, nor the page's prose), and the reader can ask
/// for the site's usual article container as the root when the page's own choice is weak. A very
/// short article is not weak then on a page with no prose outside chrome and the site's repeated
/// blocks (a picture post with its one line): it is the whole post.
/// </summary>
internal static class NativeExtractor
{
    /// <summary>How much a character of chrome (links, marked chrome) costs a container, against one of content.</summary>
    internal const double ChromeCost = 0.5;

    /// <summary>The factor on the score of a container whose tag, class or id says article, content or post.</summary>
    internal const double ContentHintBonus = 1.25;

    /// <summary>The share of a non-prose block's text (list items, rows, short lines) that counts as content.</summary>
    internal const double NonProseShare = 0.3;

    /// <summary>A disjoint container scoring at least this share of the root's score is a close runner-up.</summary>
    internal const double RunnerUpShare = 0.7;

    /// <summary>An article with less content than this (characters) is very short.</summary>
    internal const int ShortArticle = 250;

    /// <summary>
    /// A very short article with at least this much content (characters) is sound when it holds all
    /// of the page's prose: the page is short.
    /// </summary>
    internal const int ShortWholeArticle = 100;

    /// <summary>An article whose link characters exceed this share of its text is mostly links.</summary>
    internal const double MostlyLinks = 0.5;

    /// <summary>How the weakness of a very short article begins (see <see cref="NativeResult.Weakness"/>).</summary>
    internal const string VeryShortSign = "very short article";

    /// <summary>An article holding less than this share of the page's prose holds little of it.</summary>
    internal const double LittleProse = 0.5;

    private const BlockHints ChromeHints = ContainerTree.ChromeHints;

    /// <summary>Chooses the article among <paramref name="blocks"/> (whose hints are set).</summary>
    /// <param name="blocks">The blocks of the page, with features, link density and hints.</param>
    /// <param name="ancestry">The element ancestry of the blocks (from the walker).</param>
    /// <param name="titleBlock">The index of the block that shows the page's headline, or -1.</param>
    /// <param name="articleBody">The article's text as the page's JSON-LD gives it (<c>articleBody</c>), or null.</param>
    /// <param name="siteChrome">For each block, whether the site repeats it on most of its pages (from the site's profile), or null: such blocks count as chrome.</param>
    /// <param name="preferred">The site's usual article container, to take as the root when the page has it with content; null to choose by the scores alone.</param>
    public static NativeResult Extract(IReadOnlyList<Block> blocks, ElementAncestry ancestry, int titleBlock, string? articleBody = null,
        bool[]? siteChrome = null, Preferred? preferred = null)
    {
        int n = blocks.Count;
        var reasons = new string?[n];
        if (n == 0)
        {
            return new NativeResult(null, reasons, null, "the page has no text");
        }

        var tree = ContainerTree.Build(n, ancestry);
        var nodes = tree.Nodes;
        var scratch = Scratch.Current;
        var good = scratch.Doubles(0, n);
        var bad = scratch.Doubles(1, n);
        double pageProse = 0;
        var chromeBlock = scratch.Bools(0, n);
        var inBody = ArticleBodyMatch(blocks, articleBody);
        var sections = OpenedSections(blocks, nodes, titleBlock);
        var slides = Slideshows(blocks, tree, scratch.Ints(1, nodes.Count), scratch.Bools(3, nodes.Count));
        var teasers = ScoredExcerpts(blocks, tree, titleBlock, scratch.Bools(5, n)); // read in this loop only: the excerpts below reuse its array
        for (int i = 0; i < n; i++)
        {
            chromeBlock[i] = (blocks[i].Hints & ChromeHints) != 0 || (tree.BlockNode[i] >= 0 && (nodes[tree.BlockNode[i]].InChrome || slides[tree.BlockNode[i]]))
                || (siteChrome is not null && siteChrome[i]);
            (good[i], bad[i]) = chromeBlock[i] ? (0, 0) : Value(blocks[i]);
            if (teasers[i])
            {
                good[i] = 0; // another story's excerpt, in a column of teasers
            }

            if (inBody is not null && inBody[i] && !chromeBlock[i])
            {
                // The page's own metadata says this text is the article's: full credit, and more.
                good[i] = blocks[i].Length * (1 - blocks[i].LinkDensity) * ArticleBodyCredit;
            }
            if (CountsAsProse(blocks[i]))
            {
                pageProse += good[i];
            }
        }

        // Add the values up the tree: children have higher indices than their parents.
        var sumGood = scratch.Doubles(2, nodes.Count);
        var sumBad = scratch.Doubles(3, nodes.Count);
        var sumLinks = scratch.Doubles(4, nodes.Count);
        var sumText = scratch.Doubles(5, nodes.Count);
        for (int i = 0; i < n; i++)
        {
            int at = tree.BlockNode[i];
            if (at >= 0)
            {
                sumGood[at] += good[i];
                sumBad[at] += bad[i];
                sumLinks[at] += chromeBlock[i] ? 0 : blocks[i].Length * blocks[i].LinkDensity;
                sumText[at] += chromeBlock[i] ? 0 : blocks[i].Length;
            }
        }

        for (int k = nodes.Count - 1; k > 0; k--)
        {
            int parent = nodes[k].Parent;
            if (parent >= 0)
            {
                sumGood[parent] += sumGood[k];
                sumBad[parent] += sumBad[k];
                sumLinks[parent] += sumLinks[k];
                sumText[parent] += sumText[k];
            }
        }

        // Each block's content counts fully for its own container and its parent, and less for
        // those above (as Readability's scores spread): the root is where prose concentrates, not
        // the outermost element that holds it all.
        var near = scratch.Doubles(6, nodes.Count);
        for (int i = 0; i < n; i++)
        {
            if (good[i] <= 0)
            {
                continue;
            }

            int at = tree.BlockNode[i];
            if (at >= 0 && nodes[at].IsLeaf)
            {
                near[at] += good[i]; // its own score, for the siblings; the spread starts at its parent
                at = nodes[at].Parent;
            }

            for (int level = 0; at >= 0 && level < 5; level++, at = nodes[at].Parent)
            {
                near[at] += good[i] / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }

        // The prose of the page before each block, to place the containers against the headline.
        var proseBefore = scratch.Doubles(7, n + 1);
        for (int i = 0; i < n; i++)
        {
            proseBefore[i + 1] = proseBefore[i] + (IsProse(blocks[i]) ? good[i] : 0);
        }

        var score = scratch.Doubles(8, nodes.Count);
        var unplaced = scratch.Doubles(9, nodes.Count); // the score before the headline places it, for the siblings of the root
        var placed = scratch.Strings(0, nodes.Count);
        int root = -1;
        for (int k = 0; k < nodes.Count; k++)
        {
            double chrome = sumText[k] > 0 ? Math.Min(1, sumBad[k] / sumText[k]) : 0;
            score[k] = near[k] * (1 - chrome);
            if ((nodes[k].Hints & ChromeHints) != 0)
            {
                score[k] = 0; // a comment section or a menu is never the article
            }
            else if (nodes[k].ContentLike)
            {
                score[k] *= ContentHintBonus;
            }

            unplaced[k] = score[k];
            if (titleBlock >= 0 && Misplaced(nodes[k], titleBlock, proseBefore, sumGood[k]) is { } why)
            {
                score[k] *= MisplacedShare;
                placed[k] = why;
            }

            // Paragraph-level elements are candidates only when nothing else is.
            bool better = root < 0 || (nodes[k].IsLeaf == nodes[root].IsLeaf ? score[k] > score[root] : nodes[root].IsLeaf);
            if (sumGood[k] > 0 && better)
            {
                root = k;
            }
        }

        root = SharedAncestor(nodes, unplaced, root);

        // An element above the root that scores higher (its prose spread over several children) is the root.
        while (root >= 0 && nodes[root].Parent is >= 0 and var up && score[up] > score[root])
        {
            root = up;
        }

        // A table's body is not an article without the table's head and caption: the column names
        // of a data table (a list article's films, years and descriptions) belong with its rows.
        if (root >= 0 && nodes[root].Element.LocalName is "tbody" or "thead" or "tfoot"
            && nodes[root].Parent is >= 0 and var table && nodes[table].Element.LocalName == "table")
        {
            root = table;
        }

        string? siteWhy = null;
        bool dataSheet = false;
        if (DataSheet(blocks, tree, titleBlock, root, sumGood, chromeBlock) is >= 0 and var sheet)
        {
            dataSheet = true; // its own evidence: the short text it passes over would also be SmartReader's choice
            // The old root (a box of other news beside it) neither stays the article nor joins it as a sibling.
            var above = tree.Ancestry(sheet);
            for (int at = root; at >= 0 && !above[at]; at = nodes[at].Parent)
            {
                unplaced[at] = 0;
            }

            for (int i = nodes[root].First; i < nodes[root].End; i++)
            {
                pageProse -= CountsAsProse(blocks[i]) ? good[i] : 0; // nor is its text prose the article missed
            }

            (root, siteWhy) = (sheet, "the headline's section: a data sheet");
        }

        if (preferred is not null && PreferredRoot(nodes, sumGood, preferred.Element) is >= 0 and var usual)
        {
            (root, siteWhy) = (usual, preferred.Reason);
        }
        else if (preferred is not null)
        {
            return new NativeResult(null, reasons, null, string.Create(CultureInfo.InvariantCulture, $"the page has no {preferred.Element} with content"));
        }

        if (root < 0 || score[root] <= 0)
        {
            return new NativeResult(null, reasons, null, "no element of the page holds prose");
        }

        var inArticle = new bool[n];
        var rootNode = nodes[root];
        var contains = tree.Ancestry(root); // true for the root and its ancestors
        var excluded = scratch.Strings(1, nodes.Count);
        var inside = scratch.Bools(1, nodes.Count);
        var spared = scratch.Bools(2, nodes.Count);
        var charts = ChartTallies.Count(blocks, tree, rootNode, scratch);
        inside[root] = true;
        for (int k = root + 1; k < nodes.Count; k++)
        {
            int parent = nodes[k].Parent;
            if (parent < 0 || !inside[parent])
            {
                continue;
            }

            inside[k] = true;
            if (excluded[parent] is { } inherited)
            {
                excluded[k] = inherited;
                continue;
            }

            // Chrome inside the article: an element whose chrome outweighs its content, unless it
            // holds most of the article (a page that is a list of links keeps its list).
            if (spared[parent])
            {
                spared[k] = true;
                continue;
            }

            if (slides[k] && !slides[parent])
            {
                excluded[k] = string.Create(CultureInfo.InvariantCulture, $"a slideshow inside the article: its element {nodes[k].Describe()} holds numbered slides (\"1/12\", \"2 of 12\")");
                continue;
            }

            if (charts.Labels(k, tree) is { } labels)
            {
                excluded[k] = string.Create(CultureInfo.InvariantCulture, $"a chart inside the article: its element {nodes[k].Describe()} holds {labels} short labels, most of them figures, and no sentence");
                continue;
            }

            if (sections is not null && sections.TryGetValue(k, out var section))
            {
                excluded[k] = section;
                continue;
            }

            if (MarkedChrome(nodes[k], blocks) is { } marked)
            {
                excluded[k] = string.Create(CultureInfo.InvariantCulture, $"chrome inside the article: its element {nodes[k].Describe()} is marked {marked}");
                continue;
            }

            double plain = sumText[k] - sumLinks[k];
            bool linky = sumLinks[k] > 2 * plain && sumLinks[k] >= 60;
            if (linky && sumText[k] * 2 >= sumText[root])
            {
                spared[k] = true; // the article is this list: neither it nor its items are chrome
                continue;
            }

            if (linky && !LinkItemOfTextList(nodes, k, sumLinks, sumText))
            {
                excluded[k] = string.Create(CultureInfo.InvariantCulture, $"chrome inside the article: its element {nodes[k].Describe()} holds {sumLinks[k]:F0} characters of links against {plain:F0} of other text");
            }
        }

        var repeats = Repeats(blocks);
        for (int i = rootNode.First; i < rootNode.End; i++)
        {
            int at = tree.BlockNode[i];
            if (at >= 0 && inside[at])
            {
                if (excluded[at] is { } reason)
                {
                    reasons[i] = reason;
                }
                else if (repeats[i] >= MinRepeats)
                {
                    reasons[i] = string.Create(CultureInfo.InvariantCulture, $"a line that repeats {repeats[i]} times on the page (template text, not the article's)");
                }
                else if (CutShortTeaser(blocks[i]))
                {
                    reasons[i] = "a teaser inside the article: an excerpt cut short (\"…\") that ends in a link to the whole";
                }
                else
                {
                    inArticle[i] = true;
                }
            }
        }

        var excerpts = TeaserExcerpts(blocks, rootNode.First, rootNode.End, titleBlock, scratch.Bools(5, n));
        AddEdges(blocks, tree, root, unplaced, sumGood, good, titleBlock, inArticle, excerpts);
        AddParts(blocks, tree, root, sumGood, titleBlock, inArticle);
        AddQuestions(blocks, tree, inArticle, excerpts, scratch.Ints(1, n + 1));
        pageProse -= CutComments(blocks, rootNode, good, inArticle, reasons); // comments are no prose the article might have missed
        for (int i = 0; i < n; i++)
        {
            // Nor are the excerpts of other stories.
            pageProse -= excerpts[i] && !inArticle[i] && CountsAsProse(blocks[i]) ? good[i] : 0;
        }

        // Reasons for the blocks outside: the score of the branch they sit in.
        var branch = scratch.Ints(0, nodes.Count);
        var branchReason = scratch.Strings(2, nodes.Count);
        var directReason = scratch.Strings(3, nodes.Count + 1); // by container + 1 (0: the page)
        for (int k = 0; k < nodes.Count; k++)
        {
            int parent = nodes[k].Parent;
            branch[k] = contains[k] ? -1 : parent >= 0 && !contains[parent] ? branch[parent] : k;
        }

        foreach (var (k, why) in sections ?? [])
        {
            for (int i = nodes[k].First; i < nodes[k].End; i++)
            {
                if (!inArticle[i] && reasons[i] is null)
                {
                    reasons[i] = why;
                }
            }
        }

        string container = rootNode.Describe();
        string rootName = siteWhy is null ? container : string.Create(CultureInfo.InvariantCulture, $"{container} ({siteWhy})");
        for (int i = 0; i < n; i++)
        {
            if (inArticle[i] || reasons[i] is not null)
            {
                continue;
            }

            int at = tree.BlockNode[i];
            int b = at >= 0 ? branch[at] : -1;
            if (b < 0)
            {
                reasons[i] = directReason[at + 1] ??= string.Create(CultureInfo.InvariantCulture, $"outside the article: directly in {(at >= 0 ? nodes[at].Describe() : "the page")}, around the article {rootName} (scored {score[root]:F0})");
                continue;
            }

            reasons[i] = branchReason[b] ??= string.Create(CultureInfo.InvariantCulture, $"outside the article: its container {nodes[b].Describe()} scored {score[b]:F0}{(placed[b] is { } where ? $" (halved: {where})" : "")} against {score[root]:F0} for the article's {rootName}");
        }

        return new NativeResult(inArticle, reasons, dataSheet ? null : Weakness(blocks, nodes, contains, inside, score, root, inArticle, good, pageProse, siteChrome is not null), null, container);
    }

    /// <summary>The least rows of data under the headline for its section to be a data sheet (see <see cref="DataSheet"/>).</summary>
    internal const int MinDataRows = 5;

    /// <summary>The most content a root elsewhere may hold for a data sheet under the headline to take its place.</summary>
    internal const int DataSheetRival = 1000;

    /// <summary>
    /// The section under the headline that is a data sheet, when the root stands after it, or -1: a
    /// product's or a device's page whose headline stands over a table or list of figures (at least
    /// <see cref="MinDataRows"/> rows or items that are neither prose nor links, half of the section's
    /// blocks after the headline), while the root is a short text after that section (less than
    /// <see cref="DataSheetRival"/> characters of content) that shares no word with the headline (a box
    /// of news in a side column, not the product's description, which names the product).
    /// </summary>
    private static int DataSheet(IReadOnlyList<Block> blocks, ContainerTree tree, int titleBlock, int root, double[] sumGood, bool[] chromeBlock)
    {
        if (titleBlock < 0 || root < 0 || sumGood[root] >= DataSheetRival)
        {
            return -1;
        }

        var nodes = tree.Nodes;
        var rootNode = nodes[root];
        if (rootNode.First <= titleBlock || tree.BlockNode[titleBlock] < 0)
        {
            return -1; // the root holds the headline, or stands before it
        }

        int rows = 0, end = titleBlock + 1;
        for (int at = tree.BlockNode[titleBlock]; at >= 0; at = nodes[at].Parent)
        {
            var node = nodes[at];
            if (node.End > rootNode.First)
            {
                return -1; // up to an element that holds the root too
            }

            for (; end < node.End; end++)
            {
                var block = blocks[end];
                rows += block.Kind is BlockKind.TableCell or BlockKind.ListItem && !chromeBlock[end] && block.LinkDensity < 0.5
                    && !block.Features.LooksLikeProse && block.Length >= 3 ? 1 : 0;
            }

            if (rows >= MinDataRows && rows * 2 >= node.End - titleBlock - 1)
            {
                return SharesWords(blocks, rootNode, blocks[titleBlock]) ? -1 : at;
            }
        }

        return -1;
    }

    /// <summary>Whether a container's text holds one of a headline's content words (see <see cref="Filters.TitleFilter.ContentWords"/>).</summary>
    private static bool SharesWords(IReadOnlyList<Block> blocks, ContainerTree.Node node, Block headline)
    {
        var stop = headline.Document.StopWords;
        var words = Filters.TitleFilter.ContentWords(headline.Span, stop);
        for (int i = node.First; i < node.End; i++)
        {
            if (Filters.TitleFilter.ContentWords(blocks[i].Span, stop).Overlaps(words))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many of the best containers besides the root are weighed against it by <see cref="SharedAncestor"/>.</summary>
    internal const int Alternatives = 4;

    /// <summary>A container besides the root scoring at least this share of the root's score is an alternative to it.</summary>
    internal const double AlternativeShare = 0.75;

    /// <summary>The least share of the root's score the ancestor that holds the alternatives must score to become the root (not the page around a short article and its sidebar's boxes).</summary>
    internal const double AncestorShare = 0.5;

    /// <summary>The least number of alternatives an ancestor of the root must hold to become the root.</summary>
    internal const int SharedAlternatives = 3;

    /// <summary>
    /// The root, or its nearest ancestor that holds at least <see cref="SharedAlternatives"/> of the
    /// containers that score nearly as well as it does (among the <see cref="Alternatives"/> best,
    /// before the headline places them): an article made of several tables, lists or sections of
    /// like weight is their common ancestor, not the first of them (as Readability decides). The
    /// nearest such ancestor must score at least <see cref="AncestorShare"/> of the root: far above
    /// the root, it is the page around a short article and the boxes beside it, and the root stays.
    /// </summary>
    private static int SharedAncestor(IReadOnlyList<ContainerTree.Node> nodes, double[] score, int root)
    {
        if (root < 0 || nodes[root].IsLeaf || score[root] <= 0)
        {
            return root;
        }

        Span<int> best = stackalloc int[Alternatives];
        best.Fill(-1);
        for (int k = 0; k < nodes.Count; k++)
        {
            if (k == root || nodes[k].IsLeaf || score[k] < score[root] * AlternativeShare || Within(nodes, k, root))
            {
                continue;
            }

            for (int j = 0; j < Alternatives; j++)
            {
                if (best[j] < 0 || score[k] > score[best[j]])
                {
                    for (int m = Alternatives - 1; m > j; m--)
                    {
                        best[m] = best[m - 1];
                    }

                    best[j] = k;
                    break;
                }
            }
        }

        if (best[SharedAlternatives - 1] < 0)
        {
            return root;
        }

        for (int up = nodes[root].Parent; up >= 0; up = nodes[up].Parent)
        {
            int held = 0;
            foreach (int k in best)
            {
                held += k >= 0 && k != up && Within(nodes, k, up) ? 1 : 0;
            }

            if (held >= SharedAlternatives)
            {
                return score[up] >= score[root] * AncestorShare ? up : root;
            }
        }

        return root;
    }

    /// <summary>Whether container <paramref name="node"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    private static bool Within(IReadOnlyList<ContainerTree.Node> nodes, int node, int ancestor)
    {
        for (int k = node; k >= 0 && k >= ancestor; k = nodes[k].Parent)
        {
            if (k == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The article container a page's site prefers: its signature (see <see cref="Sites.SiteContainer"/>) and why, for the reasons.</summary>
    /// <param name="Element">The signature: the tag with its id or first class, digits as 0.</param>
    /// <param name="Reason">Why ("the site's article container div.post-body, on 31 of 34 pages of example.com").</param>
    internal sealed record Preferred(string Element, string Reason);

    /// <summary>The container with the signature <paramref name="element"/> that holds the most content (at least <see cref="ShortWholeArticle"/>), outside chrome; -1 when none.</summary>
    private static int PreferredRoot(IReadOnlyList<ContainerTree.Node> nodes, double[] sumGood, string element)
    {
        int best = -1;
        for (int k = 0; k < nodes.Count; k++)
        {
            if (sumGood[k] >= ShortWholeArticle && !nodes[k].InChrome && (best < 0 || sumGood[k] > sumGood[best])
                && Sites.SiteContainer.Signature(nodes[k].Describe()) == element)
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>The least number of numbered slides ("1/12") that make an element a slideshow.</summary>
    internal const int MinSlides = 3;

    /// <summary>The least prose (characters) outside its slideshows a page must hold for a slideshow not to be its article.</summary>
    internal const int ProseBesideSlides = 1000;

    /// <summary>
    /// For each container, whether it is or lies in a slideshow: an element whose children hold
    /// at least <see cref="MinSlides"/> lines that open with a slide counter ("3/50", "3 of 50"),
    /// no child holding all of them (the list of the slides, not one slide nor a wrapper around
    /// the list). A gallery of pictures with their captions is not the article's text, even
    /// inside the article. Counted bottom-up: the counters an inner slideshow holds are not
    /// counted again for the elements around it.
    /// </summary>
    private static bool[] Slideshows(IReadOnlyList<Block> blocks, ContainerTree tree, int[] counters, bool[] slides)
    {
        var nodes = tree.Nodes;
        bool any = false;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (tree.BlockNode[i] >= 0 && SlideCounter(blocks[i].Span).Slide > 0)
            {
                counters[tree.BlockNode[i]]++;
                any = true;
            }
        }

        if (!any)
        {
            return slides;
        }

        var most = new int[nodes.Count]; // the most counters one child passed up
        for (int k = nodes.Count - 1; k >= 0; k--)
        {
            if (counters[k] >= MinSlides && most[k] < counters[k] && NumbersSlides(blocks, nodes[k].First, nodes[k].End))
            {
                slides[k] = true;
                counters[k] = 0; // claimed
            }

            int parent = nodes[k].Parent;
            if (parent >= 0)
            {
                counters[parent] += counters[k];
                most[parent] = Math.Max(most[parent], counters[k]);
            }
        }

        for (int k = 0; k < nodes.Count; k++)
        {
            slides[k] |= nodes[k].Parent >= 0 && slides[nodes[k].Parent];
        }

        // A page whose prose is its slideshow (a gallery with a few lines of introduction) keeps it.
        int prose = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            int at = tree.BlockNode[i];
            if (at >= 0 && !slides[at] && !nodes[at].InChrome && (blocks[i].Hints & ChromeHints) == 0 && IsProse(blocks[i]))
            {
                prose += blocks[i].Length;
            }
        }

        if (prose < ProseBesideSlides)
        {
            Array.Clear(slides, 0, nodes.Count);
        }

        return slides;
    }

    /// <summary>
    /// The slide counter a line opens with: "3/50" or "3 of 50" (1 to 3 digits each, the first from 1
    /// to the second, the second at least <see cref="MinSlides"/>: "1/2 cup" is no counter), followed
    /// by a space or nothing; (0, 0) when there is none.
    /// </summary>
    internal static (int Slide, int Of) SlideCounter(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        int at = Digits(text, 0, out int first);
        if (at == 0)
        {
            return default;
        }

        int next = at;
        while (next < text.Length && text[next] == ' ')
        {
            next++;
        }

        if (next < text.Length && text[next] == '/')
        {
            next++;
        }
        else if (next + 1 < text.Length && next > at && text[next] == 'o' && text[next + 1] == 'f')
        {
            next += 2;
        }
        else
        {
            return default;
        }

        while (next < text.Length && text[next] == ' ')
        {
            next++;
        }

        int end = Digits(text, next, out int second);
        bool counter = end > next && second >= MinSlides && first >= 1 && first <= second && (end == text.Length || char.IsWhiteSpace(text[end]));
        return counter ? (first, second) : default;

        static int Digits(ReadOnlySpan<char> s, int from, out int value)
        {
            value = 0;
            int i = from;
            while (i < s.Length && i - from < 4 && char.IsAsciiDigit(s[i]))
            {
                value = (value * 10) + (s[i] - '0');
                i++;
            }

            return i - from is >= 1 and <= 3 ? i : from;
        }
    }

    /// <summary>
    /// Whether the slide counters among <paramref name="blocks"/> from <paramref name="first"/> to
    /// <paramref name="end"/> number the slides of one show: at least <see cref="MinSlides"/>
    /// different slides out of the same total ("1/50", "2/50", "3/50"; not "1/3 cup" and "2/3 cup").
    /// </summary>
    private static bool NumbersSlides(IReadOnlyList<Block> blocks, int first, int end)
    {
        var seen = new HashSet<(int, int)>();
        var totals = new Dictionary<int, int>();
        for (int i = first; i < end; i++)
        {
            if (SlideCounter(blocks[i].Span) is (> 0, var of) counter && seen.Add(counter))
            {
                totals[of] = totals.GetValueOrDefault(of) + 1;
                if (totals[of] >= MinSlides)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The factor on the content of a block whose text the page's JSON-LD <c>articleBody</c> holds.</summary>
    internal const double ArticleBodyCredit = 2;

    /// <summary>The number of words in a shingle when blocks are matched against the JSON-LD <c>articleBody</c>.</summary>
    private const int BodyShingle = 4;

    /// <summary>
    /// For each block, whether its text stands in <paramref name="articleBody"/>: at least half of
    /// its runs of <see cref="BodyShingle"/> words (case ignored, punctuation skipped) are runs of
    /// the article body's. Null when there is no article body. Linear: the body's runs are hashed
    /// once into a set, and each block's are looked up.
    /// </summary>
    internal static bool[]? ArticleBodyMatch(IReadOnlyList<Block> blocks, string? articleBody)
    {
        if (string.IsNullOrWhiteSpace(articleBody))
        {
            return null;
        }

        var shingles = new HashSet<ulong>();
        Shingles(articleBody, shingles, null);
        if (shingles.Count == 0)
        {
            return null;
        }

        var matched = new bool[blocks.Count];
        for (int i = 0; i < blocks.Count; i++)
        {
            var (total, found) = Shingles(blocks[i].Span, null, shingles);
            matched[i] = total > 0 && found * 2 >= total;
        }

        return matched;
    }

    /// <summary>
    /// Hashes each run of <see cref="BodyShingle"/> words of <paramref name="text"/>: adds it to
    /// <paramref name="into"/>, or counts how many stand in <paramref name="lookUp"/>.
    /// </summary>
    private static (int Total, int Found) Shingles(ReadOnlySpan<char> text, HashSet<ulong>? into, HashSet<ulong>? lookUp)
    {
        Span<ulong> last = stackalloc ulong[BodyShingle];
        int words = 0, total = 0, found = 0;
        const ulong Basis = 14695981039346656037UL;
        ulong word = Basis;
        bool inWord = false;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                word = (word ^ char.ToLowerInvariant(c)) * 1099511628211UL; // FNV-1a
                inWord = true;
                continue;
            }

            if (!inWord)
            {
                continue;
            }

            last[words % BodyShingle] = word;
            words++;
            inWord = false;
            word = Basis;
            if (words >= BodyShingle)
            {
                ulong shingle = 17;
                for (int j = words - BodyShingle; j < words; j++)
                {
                    shingle = (shingle * 1000003UL) ^ last[j % BodyShingle];
                }

                total++;
                into?.Add(shingle);
                found += lookUp is not null && lookUp.Contains(shingle) ? 1 : 0;
            }
        }

        return (total, found);
    }

    /// <summary>The factor on the score of a container placed where an article does not stand (see <see cref="Misplaced"/>).</summary>
    internal const double MisplacedShare = 0.5;

    /// <summary>
    /// Why a container does not stand where the article of a page does, against its headline, or
    /// null: it ends before the headline (a teaser box at the top of the page), or more prose
    /// stands between the headline and it than it holds itself (a gallery, a footer or a comment
    /// under the article).
    /// </summary>
    private static string? Misplaced(ContainerTree.Node node, int titleBlock, double[] proseBefore, double content)
    {
        if (node.End <= titleBlock)
        {
            return "above the headline";
        }

        if (node.First > titleBlock + 1)
        {
            double between = proseBefore[node.First] - proseBefore[titleBlock + 1];
            if (between > content)
            {
                return string.Create(CultureInfo.InvariantCulture, $"below {between:F0} characters of prose after the headline");
            }
        }

        return null;
    }

    /// <summary>
    /// What an element inside the article is marked as by its own class, id or tag (comments,
    /// related, share..., and menus by their tag, nav or footer), or null. An element that says content too ("comment-body" aside, a tag
    /// such as article) is not chrome, nor is a long stretch of prose marked as page furniture
    /// (share, ad, menu): a section's class there describes its layout. Comments, related stories and
    /// promotions (a sponsored slideshow with long captions) are chrome however long their prose.
    /// </summary>
    private static string? MarkedChrome(ContainerTree.Node node, IReadOnlyList<Block> blocks)
    {
        var hints = node.Hints & ChromeHints;
        if (node.Element.LocalName is not ("nav" or "footer"))
        {
            hints &= ~BlockHints.Navigation; // "menu" in a class is too often a widget's attachment (a context menu on a formula)
        }

        if (hints == BlockHints.None || node.ContentLike || node.Element.LocalName is "body" or "html" or "main" or "article")
        {
            return null;
        }

        if ((hints & (BlockHints.Comment | BlockHints.Related | BlockHints.Promo)) == 0)
        {
            int chars = 0, prose = 0;
            for (int i = node.First; i < node.End; i++)
            {
                chars += blocks[i].Length;
                prose += blocks[i].Features.LooksLikeProse && blocks[i].LinkDensity < 0.3 ? blocks[i].Length : 0;
            }

            if (chars > 1000 && prose * 2 > chars)
            {
                return null;
            }
        }

        return (hints & BlockHints.Comment) != 0 ? "comments"
            : (hints & BlockHints.Related) != 0 ? "related"
            : (hints & BlockHints.Social) != 0 ? "share/social"
            : (hints & BlockHints.Newsletter) != 0 ? "newsletter/subscribe"
            : (hints & BlockHints.Promo) != 0 ? "promo/sponsor"
            : (hints & BlockHints.Ad) != 0 ? "ad"
            : "navigation/menu/footer";
    }

    /// <summary>
    /// What each container inside the article holds, added up once from its blocks, to tell the
    /// labels of a chart drawn with text (a graphic's axis ticks and values, laid over its picture):
    /// its lines of at most 4 words and those with a figure, and whether it holds prose, a table's
    /// cell or a list's item (a table's or a list's rows are data, not a chart's labels).
    /// </summary>
    private readonly struct ChartTallies
    {
        private readonly int[] _longer;
        private readonly int[] _figures;
        private readonly bool[] _data;

        private ChartTallies(int[] longer, int[] figures, bool[] data) => (_longer, _figures, _data) = (longer, figures, data);

        /// <summary>Adds up the blocks of the article's root into their containers and those above them.</summary>
        public static ChartTallies Count(IReadOnlyList<Block> blocks, ContainerTree tree, ContainerTree.Node root, Scratch scratch)
        {
            var nodes = tree.Nodes;
            var longer = scratch.Ints(2, nodes.Count);
            var figures = scratch.Ints(3, nodes.Count);
            var data = scratch.Bools(4, nodes.Count);
            for (int i = root.First; i < root.End; i++)
            {
                int at = tree.BlockNode[i];
                if (at < 0)
                {
                    continue;
                }

                var block = blocks[i];
                longer[at] += block.Features.WordCount > 4 ? 1 : 0;
                figures[at] += block.Span.IndexOfAnyInRange('0', '9') >= 0 ? 1 : 0;
                data[at] |= block.Features.LooksLikeProse || block.Kind is BlockKind.TableCell or BlockKind.ListItem;
            }

            // Children have higher indices than their parents. A cell or an item below a container
            // (not the container itself) makes it data.
            for (int k = nodes.Count - 1; k > 0; k--)
            {
                if (nodes[k].Parent is >= 0 and var parent)
                {
                    longer[parent] += longer[k];
                    figures[parent] += figures[k];
                    data[parent] |= data[k] || nodes[k].Element.LocalName is "td" or "th" or "li" or "dd" or "dt";
                }
            }

            return new ChartTallies(longer, figures, data);
        }

        /// <summary>
        /// The number of labels when container <paramref name="at"/> is a chart, or null: at least
        /// <see cref="MinChartLabels"/> lines and no prose, at least 4 in 5 of at most 4 words (the
        /// rest: the chart's titles), at least half with a figure in them; tables and lists are no charts.
        /// </summary>
        public int? Labels(int at, ContainerTree tree)
        {
            var node = tree.Nodes[at];
            int lines = node.End - node.First;
            if (node.IsLeaf || lines < MinChartLabels || _data[at] || node.Element.LocalName is "table" or "thead" or "tbody" or "tr" or "td" or "th" or "ul" or "ol" or "dl")
            {
                return null;
            }

            return _longer[at] * 5 <= lines && _figures[at] * 2 >= lines ? lines : null;
        }
    }

    /// <summary>
    /// Whether container <paramref name="k"/> is an item (li, dt, dd) of a list that reads as text:
    /// the list's links are at most <see cref="MostlyLinks"/> of its text. One item that is a link
    /// among items that are not (a change log's entry that links its bug, a note that links its
    /// source) is the list's text like its neighbours, not a box of links; a list of links is
    /// judged as a whole before its items are.
    /// </summary>
    private static bool LinkItemOfTextList(IReadOnlyList<ContainerTree.Node> nodes, int k, double[] sumLinks, double[] sumText) =>
        nodes[k].Element.LocalName is "li" or "dt" or "dd" && nodes[k].Parent is >= 0 and var list
        && nodes[list].Element.LocalName is "ul" or "ol" or "dl" && sumLinks[list] <= sumText[list] * MostlyLinks;

    /// <summary>The most words of the link that follows the cut of a teaser's excerpt ("Read more", "Continue reading →").</summary>
    internal const int TeaserLinkWords = 6;

    /// <summary>The least words of a teaser's excerpt before its cut.</summary>
    internal const int TeaserWords = 8;

    /// <summary>The most words of a teaser's excerpt before its cut: a teaser shows a line or two; a longer excerpt quotes a passage (a trackback, a source).</summary>
    internal const int MaxTeaserWords = 30;

    /// <summary>
    /// Whether a line is the excerpt of another story: <see cref="TeaserWords"/> to
    /// <see cref="MaxTeaserWords"/> words cut short by an ellipsis ("…" or "..."), and after the cut only its link (at most
    /// <see cref="TeaserLinkWords"/> words, all of the line's linked text): "As it turns… Read more".
    /// The article's own text is not cut short to send the reader elsewhere.
    /// </summary>
    internal static bool CutShortTeaser(Block block)
    {
        var text = block.Span.TrimEnd();
        int cut = text.LastIndexOf('…');
        int dots = text.LastIndexOf("...", StringComparison.Ordinal);
        int mark = Math.Max(cut, dots);
        if (mark < 0 || block.LinkDensity <= 0)
        {
            return false;
        }

        var before = text[..mark];
        var tail = text[(mark + (mark == cut ? 1 : 3))..].Trim();
        double links = block.Length * block.LinkDensity;
        return tail.Length > 0 && Math.Abs(tail.Length - links) <= 2 && Words(tail) <= TeaserLinkWords && Words(before) is >= TeaserWords and <= MaxTeaserWords;

        static int Words(ReadOnlySpan<char> s)
        {
            int words = 0;
            for (int i = 0; i < s.Length; i++)
            {
                words += !char.IsWhiteSpace(s[i]) && (i == 0 || char.IsWhiteSpace(s[i - 1])) ? 1 : 0;
            }

            return words;
        }
    }

    /// <summary>The least number of labels that make an element a chart (see <see cref="ChartTallies"/>).</summary>
    internal const int MinChartLabels = 8;

    /// <summary>A short line that stands this many times on the page is template text.</summary>
    internal const int MinRepeats = 3;

    /// <summary>
    /// For each short line (under 12 words, not prose, not a heading, not a figure's caption: figures
    /// may share one, and credits are the photo-credit filter's; nor a line of preformatted text: code
    /// repeats its keywords), how often its text stands on the page.
    /// </summary>
    private static int[] Repeats(IReadOnlyList<Block> blocks)
    {
        // Lines are grouped by their exact text: the hash (seeded per process) only finds the
        // candidate, and a different text under the same hash probes on, so that the counts (and
        // the article) never depend on the process.
        var first = new Dictionary<int, int>();
        var group = new int[blocks.Count];
        var counts = new int[blocks.Count];
        for (int i = 0; i < blocks.Count; i++)
        {
            group[i] = -1;
            var block = blocks[i];
            if (block.Features.WordCount >= 12 || block.Features.LooksLikeProse || block.Kind is BlockKind.Heading or BlockKind.Preformatted or BlockKind.Caption)
            {
                continue;
            }

            var span = block.Span;
            int key = string.GetHashCode(span);
            while (true)
            {
                if (!first.TryGetValue(key, out int j))
                {
                    first[key] = i;
                    group[i] = i;
                    break;
                }

                if (blocks[j].Span.SequenceEqual(span))
                {
                    group[i] = j;
                    break;
                }

                key = unchecked((key * 31) + 17);
            }

            counts[group[i]]++;
        }

        var repeats = new int[blocks.Count];
        for (int i = 0; i < blocks.Count; i++)
        {
            repeats[i] = group[i] < 0 ? 0 : counts[group[i]];
        }

        return repeats;
    }

    /// <summary>The content and chrome values of one block.</summary>
    internal static (double Good, double Bad) Value(Block block)
    {
        double chars = block.Length;
        double links = chars * block.LinkDensity;
        if ((block.Hints & ChromeHints) != 0)
        {
            return (0, 0); // marked chrome (comments, menus) is set aside, as Readability strips unlikely candidates
        }

        if (block.LinkDensity >= 0.5)
        {
            return (0, links);
        }

        if (IsProse(block))
        {
            // A copyright or terms notice is written in sentences but says nothing of the article.
            return IsLegal(block) ? (0, links) : (chars - links, links);
        }

        var f = block.Features;
        if (block.Kind == BlockKind.Heading || f.WordCount < 4)
        {
            return (0, links);
        }

        return ((chars - links) * NonProseShare, links);
    }

    /// <summary>A notice longer than this (words) is not taken for a legal one, whatever phrase it holds.</summary>
    internal const int MaxLegalWords = 100;

    /// <summary>
    /// Whether a block of prose is a copyright or terms notice: a phrase of the legal list in at most
    /// <see cref="MaxLegalWords"/> words, or at the start or the end of a longer notice (a list of
    /// trademarks that ends "All rights reserved.").
    /// </summary>
    private static bool IsLegal(Block block)
    {
        var legal = block.Document.Phrases["legal"];
        if (block.Features.WordCount <= MaxLegalWords)
        {
            return legal.IsMatch(block);
        }

        const int Edge = 80;
        return legal.FirstMatch(block, 0, Edge) is not null || legal.FirstMatch(block, block.Length - Edge, Edge) is not null;
    }

    /// <summary>Whether a block's content counts as the page's prose (not in comments or menus).</summary>
    private static bool CountsAsProse(Block block) => (block.Hints & (BlockHints.Comment | BlockHints.Navigation)) == 0 && IsProse(block);

    private static bool IsProse(Block block) => block.Features.LooksLikeProse && block.LinkDensity < 0.5;

    /// <summary>
    /// Adds the blocks around the root that belong to the article: the lead between the headline and
    /// the root (prose, captions and the headings of its sections; when no more than
    /// <see cref="MaxHeadLines"/> lines stand there, all that are not chrome: a byline, a dateline, a
    /// price), and siblings of the root that read as content.
    /// </summary>
    private static void AddEdges(IReadOnlyList<Block> blocks, ContainerTree tree, int root, double[] score, double[] sumGood, double[] good, int titleBlock, bool[] inArticle, bool[] excerpts)
    {
        var nodes = tree.Nodes;
        var rootNode = nodes[root];

        // The lead: between the headline and the root.
        if (titleBlock >= 0 && titleBlock < rootNode.First)
        {
            string? described = DescriptionKey(blocks[titleBlock].Document.Metadata);
            bool near = rootNode.First - titleBlock - 1 <= MaxHeadLines;
            for (int i = titleBlock + 1; i < rootNode.First; i++)
            {
                var block = blocks[i];
                if ((block.Hints & ChromeHints) == 0 && block.LinkDensity < 0.5
                    && (near || IsProse(block) || block.Kind == BlockKind.Caption || ReadsAsLead(block) || IsStandfirst(block, described)))
                {
                    inArticle[i] = true;
                }
            }

            // The headings of the lead's sections: a heading whose next block is part of the lead (not
            // the root's first block: a sidebar's heading may stand right above the article).
            for (int i = rootNode.First - 2; i > titleBlock; i--)
            {
                var block = blocks[i];
                if (block.Kind == BlockKind.Heading && inArticle[i + 1] && (block.Hints & ChromeHints) == 0 && block.LinkDensity < 0.5)
                {
                    inArticle[i] = true;
                }
            }
        }

        // Siblings of the root: other children of its parent, and blocks directly in the parent.
        int parent = rootNode.Parent;
        if (parent < 0)
        {
            return;
        }

        var parentNode = nodes[parent];
        double threshold = Math.Max(100, score[root] * 0.2);
        for (int i = parentNode.First; i < parentNode.End; i++)
        {
            if (i >= rootNode.First && i < rootNode.End)
            {
                continue;
            }

            int at = tree.BlockNode[i];
            int sibling = at;
            while (sibling >= 0 && nodes[sibling].Parent != parent && sibling != parent)
            {
                sibling = nodes[sibling].Parent;
            }

            var block = blocks[i];
            if ((block.Hints & ChromeHints) != 0 || block.LinkDensity >= 0.5 || (at >= 0 && nodes[at].InChrome))
            {
                continue;
            }

            bool direct = at == parent || (sibling >= 0 && nodes[sibling].IsLeaf);
            bool prose = direct && IsProse(block) && block.LinkDensity < 0.25 && block.Length > 80;
            bool strongSibling = sibling >= 0 && sibling != parent && score[sibling] >= threshold && good[i] > 0;
            if ((prose || strongSibling) && !excerpts[i])
            {
                inArticle[i] = true;
            }
        }

        // The headings of the sections the siblings after the root add (an FAQ after the body): a heading whose
        // next block joined the article, from the last block back so that a heading above a heading joins too.
        for (int i = parentNode.End - 2; i >= rootNode.End; i--)
        {
            var block = blocks[i];
            int at = tree.BlockNode[i];
            if (!inArticle[i] && block.Kind == BlockKind.Heading && inArticle[i + 1] && (block.Hints & ChromeHints) == 0 && block.LinkDensity < 0.5
                && !(at >= 0 && nodes[at].InChrome))
            {
                inArticle[i] = true;
            }
        }
    }

    /// <summary>The least questions, each answered in prose, that make a section after the article its FAQ.</summary>
    private const int MinAnsweredQuestions = 2;

    /// <summary>The most words of a question of an FAQ.</summary>
    private const int MaxQuestionWords = 25;

    /// <summary>
    /// Adds an FAQ that follows the article in a container of its own (a section beside the article's
    /// parent, which <see cref="AddEdges"/> does not reach): with nothing but chrome between it and the
    /// article's last block, the smallest container of the first block after the article that holds
    /// nothing of the article, is not marked as chrome, and holds at least
    /// <see cref="MinAnsweredQuestions"/> questions (lines that end with a question mark, not links)
    /// each answered by the prose right under it. Its blocks that are not chrome join the article.
    /// </summary>
    private static void AddQuestions(IReadOnlyList<Block> blocks, ContainerTree tree, bool[] inArticle, bool[] excerpts, int[] answeredBefore)
    {
        int last = Array.LastIndexOf(inArticle, true);
        var nodes = tree.Nodes;
        int first = -1;
        for (int i = last + 1; last >= 0 && i < blocks.Count; i++)
        {
            if (!IsChrome(i))
            {
                first = i;
                break;
            }
        }

        if (first < 0 || tree.BlockNode[first] < 0)
        {
            return;
        }

        // answeredBefore[i]: the answered questions among the blocks before i, so that a container's
        // count costs one subtraction, whatever the depth of the climb.
        answeredBefore[0] = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            bool answered = i + 1 < blocks.Count && IsQuestion(blocks[i]) && IsProse(blocks[i + 1]) && !IsQuestion(blocks[i + 1]) && !excerpts[i + 1];
            answeredBefore[i + 1] = answeredBefore[i] + (answered ? 1 : 0);
        }

        for (int k = tree.BlockNode[first]; k >= 0 && nodes[k].First > last; k = nodes[k].Parent)
        {
            var node = nodes[k];
            if (node.InChrome)
            {
                return;
            }

            // The last block of the container answers no question inside it.
            if (answeredBefore[node.End - 1] - answeredBefore[node.First] < MinAnsweredQuestions)
            {
                continue;
            }

            for (int i = node.First; i < node.End; i++)
            {
                inArticle[i] |= !IsChrome(i) && !excerpts[i];
            }

            return;
        }

        bool IsChrome(int i) => (blocks[i].Hints & ChromeHints) != 0 || blocks[i].LinkDensity >= 0.5 || (tree.BlockNode[i] is var at && at >= 0 && nodes[at].InChrome);
    }

    /// <summary>A question of an FAQ: a line of at most <see cref="MaxQuestionWords"/> words that ends with a question mark and is not a link.</summary>
    private static bool IsQuestion(Block block)
    {
        var span = block.Span.TrimEnd();
        return span.Length > 0 && span[^1] is '?' or '\uFF1F' && block.Features.WordCount <= MaxQuestionWords && block.LinkDensity < 0.5;
    }

    /// <summary>
    /// The teaser excerpts of the whole page (<see cref="TeaserExcerpts"/> with no root) whose
    /// smallest element that holds the excerpt and its headline holds no other prose. Such an
    /// excerpt is another story's, and scores no container: a column of teasers does not outweigh a
    /// short story. A round-up's items, under the article's own introduction, still score.
    /// </summary>
    private static bool[] ScoredExcerpts(IReadOnlyList<Block> blocks, ContainerTree tree, int titleBlock, bool[] excerpts)
    {
        TeaserExcerpts(blocks, 0, 0, titleBlock, excerpts);
        if (Array.IndexOf(excerpts, true, 0, blocks.Count) < 0)
        {
            return excerpts;
        }

        var candidates = excerpts.AsSpan(0, blocks.Count).ToArray();
        var nodes = tree.Nodes;
        Dictionary<int, bool>? ownProse = null; // by element: whether it holds prose besides teasers
        for (int i = 1; i < blocks.Count; i++)
        {
            if (!candidates[i])
            {
                continue;
            }

            // The smallest element that holds the headline too.
            int at = tree.BlockNode[i];
            while (at >= 0 && nodes[at].First > i - 1)
            {
                at = nodes[at].Parent;
            }

            ownProse ??= [];
            if (!ownProse.TryGetValue(at, out bool own))
            {
                int first = at >= 0 ? nodes[at].First : 0, end = at >= 0 ? nodes[at].End : blocks.Count;
                for (int k = first; k < end && !own; k++)
                {
                    own = !candidates[k] && blocks[k].Features.LooksLikeProse && blocks[k].LinkDensity < 0.5 && blocks[k].Length > 80;
                }

                ownProse[at] = own;
            }

            excerpts[i] = !own; // an element with prose of its own: the article's items
        }

        return excerpts;
    }

    /// <summary>The most words of a headline that links to another story (see <see cref="TeaserExcerpts"/>).</summary>
    internal const int TeaserHeadlineWords = 20;

    /// <summary>The most characters of a teaser's excerpt: a line or two (a longer text under a link is a story's own).</summary>
    internal const int MaxExcerpt = 300;

    /// <summary>
    /// For each block outside the root, whether it is the excerpt of another story: one block of text
    /// of at most <see cref="MaxExcerpt"/> characters right under a line that is wholly a link (the
    /// story's headline, at most <see cref="TeaserHeadlineWords"/> words), with the next block another such headline or no text
    /// at all, two or more in a row (headline, excerpt, headline, excerpt). A list of teasers beside a short article
    /// reads as prose, and is neither part of the article nor prose that the article missed. Inside
    /// the root the same shape is the article's own (a round-up of links with a line on each).
    /// </summary>
    private static bool[] TeaserExcerpts(IReadOnlyList<Block> blocks, int rootFirst, int rootEnd, int titleBlock, bool[] excerpts)
    {
        // The page's own headline may link to the page (a blog's post title): not another story's.
        // Its keys are made only when a link line is weighed.
        string? headline = null, title = null;
        bool keyed = false;
        int found = 0;
        for (int i = 1; i < blocks.Count; i++)
        {
            if (i >= rootFirst && i < rootEnd)
            {
                continue;
            }

            // The text's own tests first: the headline's asks for its letters against the title's.
            if (blocks[i].LinkDensity < 0.5 && blocks[i].Length <= MaxExcerpt && IsHeadlineLink(blocks[i - 1])
                && (i + 1 == blocks.Count || IsHeadlineLink(blocks[i + 1]) || !blocks[i + 1].Features.LooksLikeProse || (i + 1 >= rootFirst && i + 1 < rootEnd)))
            {
                excerpts[i] = true;
                found++;
            }
        }

        if (found < 2)
        {
            Array.Clear(excerpts, 0, blocks.Count);
            return excerpts;
        }

        // Teasers come in a row: an excerpt counts when another stands two blocks before or after it
        // (headline, excerpt, headline, excerpt). Candidates two and one blocks back are kept as they were.
        bool back2 = false, back1 = false;
        for (int i = 0; i < blocks.Count; i++)
        {
            bool candidate = excerpts[i];
            excerpts[i] = candidate && (back2 || (i + 2 < blocks.Count && excerpts[i + 2]));
            (back2, back1) = (back1, candidate);
        }

        return excerpts;

        bool IsHeadlineLink(Block block)
        {
            if (block.LinkDensity < 0.9 || block.Features.WordCount > TeaserHeadlineWords)
            {
                return false;
            }

            if (!keyed)
            {
                keyed = true;
                headline = titleBlock >= 0 ? Html.MainContent.Key(blocks[titleBlock].Span, int.MaxValue) : null;
                title = block.Document.Metadata.Title is { } t ? Html.MainContent.Key(t, int.MaxValue) : null;
            }

            var key = Html.MainContent.Key(block.Span, int.MaxValue);
            return key.Length == 0 || !(Same(key, headline) || Same(key, title));
        }

        static bool Same(string key, string? other) =>
            !string.IsNullOrEmpty(other) && (key == other || (key.Length >= 10 && other.Contains(key, StringComparison.Ordinal)));
    }

    /// <summary>The most lines between the headline and the root that join the article whatever they read as (a byline, a date, a price).</summary>
    internal const int MaxHeadLines = 3;

    /// <summary>The least words of a lead that is taken by its sentences alone (see <see cref="ReadsAsLead"/>).</summary>
    internal const int LeadWords = 20;

    /// <summary>
    /// Whether a block under the headline reads as the article's lead by its sentences alone: at
    /// least <see cref="LeadWords"/> words that end a sentence, with few links. Its place makes up for
    /// a stopword list that knows too few of its language's words for it to pass as prose.
    /// </summary>
    private static bool ReadsAsLead(Block block) =>
        block.Features.WordCount >= LeadWords && block.Features.EndsWithTerminalPunctuation && block.LinkDensity < 0.25;

    /// <summary>The least letters and digits of a standfirst that is taken because the page's description repeats it (see <see cref="IsStandfirst"/>).</summary>
    internal const int StandfirstLetters = 40;

    /// <summary>
    /// Whether a block under the headline is the standfirst that the page's description repeats: the
    /// same letters and digits, or one the start of the other when the shorter holds most of the
    /// longer (a description cut short with "…", a standfirst with a sentence more). A standfirst is
    /// often a sentence without its full stop, which passes neither as prose nor as a lead.
    /// </summary>
    /// <param name="block">A block between the headline and the article's root.</param>
    /// <param name="told">The letters and digits of the page's description (<see cref="DescriptionKey"/>), or null.</param>
    private static bool IsStandfirst(Block block, string? told)
    {
        if (told is null || block.Length < StandfirstLetters)
        {
            return false;
        }

        string own = Html.MainContent.Key(block.Span, int.MaxValue);
        var (shorter, longer) = own.Length <= told.Length ? (own, told) : (told, own);
        return shorter.Length >= StandfirstLetters && shorter.Length * 10 >= longer.Length * 6
            && longer.StartsWith(shorter.Length == longer.Length ? shorter : shorter[..^Math.Min(shorter.Length, 12)], StringComparison.Ordinal);
    }

    /// <summary>The lower-case letters and digits of the page's description, once per page; null when it is too short to name a standfirst.</summary>
    private static string? DescriptionKey(DocumentMetadata metadata) =>
        metadata.Description is { Length: >= StandfirstLetters } description ? Html.MainContent.Key(description, int.MaxValue) : null;

    /// <summary>How many levels up the root and another part of the article may meet.</summary>
    internal const int PartLevels = 3;

    /// <summary>The least content (characters) of another part of the article.</summary>
    internal const int PartContent = 100;

    /// <summary>
    /// Adds the other parts of an article that its layout splits into sections of the same make
    /// (a "section-inner" per section): elements with the root's tag and class, at the root's depth
    /// under an ancestor of the root at most <see cref="PartLevels"/> levels up, that hold content
    /// and start below the headline (a box of the same make above it, a welcome note, is no part).
    /// </summary>
    private static void AddParts(IReadOnlyList<Block> blocks, ContainerTree tree, int root, double[] sumGood, int titleBlock, bool[] inArticle)
    {
        var nodes = tree.Nodes;
        var rootNode = nodes[root];
        if (string.IsNullOrEmpty(rootNode.Element.ClassName))
        {
            return;
        }

        Span<int> up = stackalloc int[PartLevels + 1];
        up[0] = root;
        for (int j = 1; j <= PartLevels; j++)
        {
            up[j] = up[j - 1] >= 0 ? nodes[up[j - 1]].Parent : -1;
        }

        for (int k = 0; k < nodes.Count; k++)
        {
            var node = nodes[k];
            if (k == root || node.InChrome || sumGood[k] < PartContent || node.First <= titleBlock || node.Element.LocalName != rootNode.Element.LocalName
                || !string.Equals(node.Element.ClassName, rootNode.Element.ClassName, StringComparison.Ordinal))
            {
                continue;
            }

            int at = k;
            bool meets = false;
            for (int j = 1; j <= PartLevels && at >= 0 && !meets; j++)
            {
                at = nodes[at].Parent;
                meets = at >= 0 && at == up[j];
            }

            if (!meets)
            {
                continue;
            }

            for (int i = node.First; i < node.End; i++)
            {
                var block = blocks[i];
                int b = tree.BlockNode[i];
                if ((block.Hints & ChromeHints) == 0 && block.LinkDensity < 0.5 && !(b >= 0 && nodes[b].InChrome))
                {
                    inArticle[i] = true;
                }
            }
        }
    }

    /// <summary>The least content (characters) of the article above a comments heading for the heading to cut the article.</summary>
    internal const int ContentBeforeComments = 100;

    /// <summary>
    /// Leaves out the comments that follow the article flat, inside its own container or beside it
    /// as siblings that joined it as its edges: from a
    /// heading that opens a comment section ("Comments", "12 Responses", "Kommentare", "Post a
    /// comment": the whole line from the comments phrase list), under some of the article's
    /// content, to the end of the article. A later heading of the same or a higher level that does
    /// not open comments shows the heading to be a section of the article ("Discussion" over
    /// "Conclusion"), and nothing is cut.
    /// </summary>
    /// <returns>The content of the prose that was cut (it counts no longer as the page's prose).</returns>
    private static double CutComments(IReadOnlyList<Block> blocks, ContainerTree.Node rootNode, double[] good, bool[] inArticle, string?[] reasons)
    {
        int end = rootNode.End; // the article with its edges: siblings of the root after it join the article too
        for (int i = blocks.Count - 1; i >= end; i--)
        {
            if (inArticle[i])
            {
                end = i + 1;
                break;
            }
        }

        int marker = -1;
        double before = 0;
        for (int i = rootNode.First; i < end; i++)
        {
            var block = blocks[i];
            if (block.Kind == BlockKind.Heading && before >= ContentBeforeComments && OpensComments(block))
            {
                if (marker < 0)
                {
                    marker = i;
                }
            }
            else if (block.Kind == BlockKind.Heading && marker >= 0 && block.HeadingLevel <= blocks[marker].HeadingLevel)
            {
                return 0; // a section of the article after all
            }

            before += inArticle[i] ? good[i] : 0;
        }

        if (marker < 0)
        {
            return 0;
        }

        string reason = string.Create(CultureInfo.InvariantCulture, $"comments inside the article: under the heading \"{blocks[marker].Text}\" that opens them");
        double cut = 0;
        for (int i = marker; i < blocks.Count; i++)
        {
            if (inArticle[i])
            {
                inArticle[i] = false;
                reasons[i] = reason;
                cut += CountsAsProse(blocks[i]) ? good[i] : 0;
            }
        }

        return cut;
    }

    /// <summary>
    /// Marks as chrome the containers that a heading opening a comment section, a list of other
    /// stories, a call to action, a box about the author, share prompts, a cookie notice or tags
    /// starts, with what they hold ("Comments", "12 Responses", "Customer reviews (5)",
    /// "Kundenbewertungen"; "Related articles", "相关阅读"; "Newsletter"; "About the author", "Über
    /// den Autor"; "Cookie-Einstellungen": a heading that the comments, related, calls-to-action,
    /// author-boxes, social, cookies or tags phrases cover wholly). Readers' comments, a shop's
    /// reviews, a box of other stories, a newsletter form, an author's bio or a consent layer,
    /// marked by no class, neither win the article nor join it, nor count as prose it missed, and
    /// inside the article they are left out. A container that holds the headline, every block of
    /// the page, or a heading of the same or a higher level after the first (then the heading opens
    /// only a part of it) is not one.
    /// </summary>
    /// <returns>The innermost containers so marked, each with the reason for its blocks, or null when there is none.</returns>
    private static Dictionary<int, string>? OpenedSections(IReadOnlyList<Block> blocks, IReadOnlyList<ContainerTree.Node> nodes, int titleBlock)
    {
        // Children come after their parents: from the last back, the innermost container that a
        // heading opens claims it, so that a wrapper whose first block is a sidebar's heading is not
        // taken for the sidebar.
        Dictionary<int, string>? found = null;
        HashSet<int>? claimed = null;
        Dictionary<int, int>? peers = null;
        for (int k = nodes.Count - 1; k >= 0; k--)
        {
            var node = nodes[k];
            if (node.InChrome || node.IsLeaf || node.End - node.First < 2 || node.End - node.First >= blocks.Count
                || (titleBlock >= node.First && titleBlock < node.End) || (claimed is not null && claimed.Contains(node.First)))
            {
                continue;
            }

            var first = blocks[node.First];
            string? kind = first.Kind == BlockKind.Heading ? SectionKind(first) : null;
            if (kind is not null && NextPeerHeading(blocks, node.First, ref peers) >= node.End)
            {
                (found ??= [])[k] = string.Create(CultureInfo.InvariantCulture, $"{kind}: its element {node.Describe()} opens with the heading \"{first.Text}\"");
                (claimed ??= []).Add(node.First);
            }
        }

        if (found is not null)
        {
            for (int k = 0; k < nodes.Count; k++)
            {
                nodes[k].InChrome |= found.ContainsKey(k) || (nodes[k].Parent >= 0 && nodes[nodes[k].Parent].InChrome);
            }
        }

        return found;
    }

    /// <summary>
    /// The next heading of the same or a higher level after the heading at <paramref name="heading"/>
    /// (or the number of blocks): a container that holds it is more than the section the heading
    /// opens. Found once per heading (containers that share their first block ask again), so that the
    /// time stays linear: each search stops at the next such heading.
    /// </summary>
    private static int NextPeerHeading(IReadOnlyList<Block> blocks, int heading, ref Dictionary<int, int>? peers)
    {
        if (peers is not null && peers.TryGetValue(heading, out int known))
        {
            return known;
        }

        int level = blocks[heading].HeadingLevel, next = heading + 1;
        while (next < blocks.Count && !(blocks[next].Kind == BlockKind.Heading && blocks[next].HeadingLevel <= level))
        {
            next++;
        }

        (peers ??= [])[heading] = next;
        return next;
    }

    /// <summary>The phrase lists whose headings open a section of chrome, in the order they are tried, with what the section is, for reasons.</summary>
    private static readonly (string List, string Kind)[] SectionLists =
    [
        ("comments", "comments"), ("related", "other stories"), ("calls-to-action", "a call to action"),
        ("author-boxes", "about the author"), ("social", "share prompts"), ("cookies", "a cookie notice"), ("tags", "tags"),
    ];

    /// <summary>What the section that a heading opens is (see <see cref="SectionLists"/>), or null when the heading opens none.</summary>
    private static string? SectionKind(Block heading)
    {
        foreach (var (list, kind) in SectionLists)
        {
            if (IsWholly(heading, list))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Whether a heading of at most 12 words is covered wholly by a phrase list's phrases ("Related articles", "Newsletter", "Über den Autor").</summary>
    private static bool IsWholly(Block block, string list) =>
        block.Features.WordCount <= 12 && block.Document.Phrases[list].Coverage(block) >= 1;

    /// <summary>Whether a heading is, as a whole, a line that opens a comment section.</summary>
    private static bool OpensComments(Block block) => IsWholly(block, "comments");

    /// <summary>The first sign that the choice is weak, or null.</summary>
    private static string? Weakness(IReadOnlyList<Block> blocks, IReadOnlyList<ContainerTree.Node> nodes, bool[] contains, bool[] inside, double[] score, int root, bool[] inArticle, double[] good, double pageProse, bool sited)
    {
        double articleGood = 0, articleText = 0, articleLinks = 0, articleProse = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (!inArticle[i])
            {
                continue;
            }

            articleGood += good[i];
            articleText += blocks[i].Length;
            articleLinks += blocks[i].Length * blocks[i].LinkDensity;
            if (CountsAsProse(blocks[i]))
            {
                articleProse += good[i];
            }
        }

        var chosen = new int[blocks.Count + 1];
        for (int i = 0; i < blocks.Count; i++)
        {
            chosen[i + 1] = chosen[i] + (inArticle[i] ? 1 : 0);
        }

        double runnerUp = 0;
        int runner = -1;
        for (int k = 0; k < nodes.Count; k++)
        {
            if (!contains[k] && !inside[k] && !nodes[k].IsLeaf && nodes[k].End > nodes[k].First
                && chosen[nodes[k].End] == chosen[nodes[k].First] && score[k] > runnerUp)
            {
                runnerUp = score[k];
                runner = k;
            }
        }

        if (runner >= 0 && runnerUp >= score[root] * RunnerUpShare)
        {
            return string.Create(CultureInfo.InvariantCulture, $"close runner-up: {nodes[runner].Describe()} scored {runnerUp:F0} against {score[root]:F0}");
        }

        // A short article that holds all of the page's prose is a short page: there is no longer
        // article elsewhere for SmartReader to find.
        // With the site's profile, a page that has no prose at all outside chrome and the site's
        // repeated blocks is a short post (a picture with a line): its short article is all of it,
        // and SmartReader, who does not know the site's chrome, would only find chrome.
        bool wholePage = (articleGood >= ShortWholeArticle && pageProse > 0 && articleProse >= pageProse)
            || (sited && pageProse <= 0 && articleText > 0);
        if (articleGood < ShortArticle && !wholePage)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{VeryShortSign}: {articleGood:F0} characters of content");
        }

        if (articleLinks > articleText * MostlyLinks)
        {
            return string.Create(CultureInfo.InvariantCulture, $"mostly links: {articleLinks:F0} of {articleText:F0} characters");
        }

        if (articleProse < pageProse * LittleProse)
        {
            return string.Create(CultureInfo.InvariantCulture, $"little of the page's prose: {articleProse:F0} of {pageProse:F0} characters");
        }

        return null;
    }

    /// <summary>
    /// The extractor's working arrays (scores and sums per block and per element), kept per thread
    /// between pages so that each page does not allocate them anew. A page takes each array cleared
    /// up to the length it asks for, and uses no more of it; arrays grown past
    /// <see cref="MaxKept"/> entries are not kept. Nothing that leaves <see cref="Extract"/> is one
    /// of them.
    /// </summary>
    private sealed class Scratch
    {
        private const int MaxKept = 1 << 16;

        [ThreadStatic]
        private static Scratch? t_current;

        private readonly double[]?[] _doubles = new double[]?[10];
        private readonly bool[]?[] _bools = new bool[]?[6];
        private readonly string?[]?[] _strings = new string?[]?[4];
        private readonly int[]?[] _ints = new int[]?[4];

        public static Scratch Current => t_current ??= new Scratch();

        public double[] Doubles(int slot, int length) => Take(ref _doubles[slot], length);

        public bool[] Bools(int slot, int length) => Take(ref _bools[slot], length);

        public string?[] Strings(int slot, int length) => Take(ref _strings[slot], length);

        public int[] Ints(int slot, int length) => Take(ref _ints[slot], length);

        private static T[] Take<T>(ref T[]? kept, int length)
        {
            if (length > MaxKept)
            {
                return new T[length];
            }

            if (kept is null || kept.Length < length)
            {
                kept = new T[Math.Max(length, 256)];
                return kept;
            }

            Array.Clear(kept, 0, length);
            return kept;
        }
    }
}
