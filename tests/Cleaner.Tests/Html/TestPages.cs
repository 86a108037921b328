using System.Text;

namespace Cleaner.Tests.Html;

/// <summary>Builds small news pages for the HTML tests: site chrome around an article.</summary>
internal static class TestPages
{
    public const string Headline = "City Council Approves the New Riverside Library Plan";

    public static readonly string[] Paragraphs =
    [
        "The city council voted on Tuesday evening to approve the long debated plan for a new library on the riverside, ending a discussion that had lasted for more than three years.",
        "Supporters of the plan said that the building would give the growing neighbourhoods in the east of the city a place to study, to meet and to borrow books close to their homes.",
        "The library will be built on the site of an old warehouse, and the architects have promised that the design will keep the brick walls that many residents have come to love.",
        "Construction is expected to begin next spring, and the council hopes that the first readers will be able to walk through the doors before the end of the following year.",
    ];

    /// <summary>A page with a menu, the article (with the given extra markup inside it), a sidebar and a footer.</summary>
    public static string Page(string insideArticle = "", string head = "", string afterArticle = "", string lang = "en")
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{Headline} - The Daily Example</title>{head}</head><body>");
        html.Append("<header class=\"site-header\"><div class=\"logo\"><a href=\"/\">The Daily Example</a></div>");
        html.Append("<nav class=\"main-nav\"><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li><li><a href=\"/culture\">Culture</a></li><li><a href=\"/opinion\">Opinion</a></li></ul></nav></header>");
        html.Append("<main><article class=\"story\">");
        html.Append($"<h1>{Headline}</h1>");
        html.Append($"<p>{Paragraphs[0]}</p><p>{Paragraphs[1]}</p>");
        html.Append(insideArticle);
        html.Append($"<p>{Paragraphs[2]}</p><p>{Paragraphs[3]}</p>");
        html.Append("</article>").Append(afterArticle).Append("</main>");
        html.Append("<aside class=\"sidebar\"><h3>Most read</h3><ul><li><a href=\"/a\">Storm closes the harbour road</a></li><li><a href=\"/b\">Mayor opens the winter market</a></li><li><a href=\"/c\">Schools prepare for the new term</a></li></ul></aside>");
        html.Append("<footer class=\"site-footer\"><p>© 2024 The Daily Example. All rights reserved.</p><p><a href=\"/privacy\">Privacy policy</a> | <a href=\"/terms\">Terms of use</a></p></footer>");
        html.Append("</body></html>");
        return html.ToString();
    }
}
