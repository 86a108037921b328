using AngleSharp.Dom;

namespace Cleaner.Html;

/// <summary>
/// Attribute look-ups by a lower-case name in one pass over an element's attributes. AngleSharp's
/// <c>GetAttribute</c> and <c>HasAttribute</c> lower-case the name on every call before the same
/// ordinal comparison of qualified names; the block walk asks for several names on thousands of
/// elements, so the names here are given in lower case once and for all.
/// </summary>
internal static class DomAttributes
{
    /// <summary>The value of the attribute named <paramref name="name"/> (lower case), or null.</summary>
    public static string? Get(IElement element, string name)
    {
        var attributes = element.Attributes;
        for (int i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal))
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>Whether the element has an attribute named <paramref name="name"/> (lower case).</summary>
    public static bool Has(IElement element, string name) => Get(element, name) is not null;

    /// <summary>The element's <c>class</c> and <c>id</c> attributes (null when absent), in one pass.</summary>
    public static (string? Classes, string? Id) ClassAndId(IElement element)
    {
        string? classes = null, id = null;
        var attributes = element.Attributes;
        for (int i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            switch (attribute.Name)
            {
                case "class":
                    classes ??= attribute.Value;
                    break;
                case "id":
                    id ??= attribute.Value;
                    break;
            }
        }

        return (classes, id);
    }
}
