using AngleSharp.Dom;

namespace Cleaner.Html;

/// <summary>Walks a DOM without recursion, so that no nesting depth can overflow the stack.</summary>
internal static class DomOrder
{
    /// <summary>
    /// The nodes under <paramref name="parent"/> in document order; the children of an element are
    /// visited only when <paramref name="enter"/> says so (after the element itself). Children are
    /// taken by index: <c>NextSibling</c> searches the parent's list, quadratic in the number of children.
    /// </summary>
    public static IEnumerable<INode> Descendants(INode parent, Func<IElement, bool> enter)
    {
        var path = new List<(INodeList Children, int Next)> { (parent.ChildNodes, 0) };
        while (path.Count > 0)
        {
            var (children, next) = path[^1];
            if (next >= children.Length)
            {
                path.RemoveAt(path.Count - 1);
                continue;
            }

            path[^1] = (children, next + 1);
            var node = children[next];
            yield return node;
            if (node is IElement element && element.HasChildNodes && enter(element))
            {
                path.Add((element.ChildNodes, 0));
            }
        }
    }
}
