using AngleSharp.Html.Parser;
using Cleaner.Html;

namespace Cleaner.Tests.Html;

/// <summary>
/// The walker's text and counts: white space collapses to single spaces (words and the single
/// spaces between them are appended as one run, longer white space as one pending space), link and
/// text characters leave the spaces out, and only elements that hold blocks report their hints.
/// </summary>
public class HtmlBlockWalkerTests
{
    private static readonly HtmlParser Parser = new();

    private static HtmlBlockWalker Walk(string body)
    {
        var dom = Parser.ParseDocument($"<html><body>{body}</body></html>");
        var walker = new HtmlBlockWalker();
        walker.Walk(dom.Body!);
        return walker;
    }

    private static string[] Lines(HtmlBlockWalker walker) =>
        [.. walker.Blocks.Select(b => walker.Text.Substring(b.Start, b.Length))];

    [TestCase("<p>one two three</p>", "one two three")]
    [TestCase("<p>  one   two\n\tthree  </p>", "one two three")]
    [TestCase("<p>one <b>two</b> three</p>", "one two three")]
    [TestCase("<p>one<b> two </b>three</p>", "one two three")]
    [TestCase("<p>one<b>two</b>three</p>", "onetwothree")]
    [TestCase("<p>a b c d e</p>", "a b c d e")]
    [TestCase("<p>one\u00A0two \u00A0 three</p>", "one two three")]
    [TestCase("<p>hy\u00ADphen\u00AD ated</p>", "hyphen ated")]
    [TestCase("<p>\u00AD\u00ADsoft</p>", "soft")]
    [TestCase("<p>zero\u200Bwidth and\uFEFF bom</p>", "zero width and bom")]
    [TestCase("<p> </p><p> x y </p>", "x y")]
    public void White_space_collapses_to_single_spaces(string body, string expected)
    {
        Assert.That(Lines(Walk(body)), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Preformatted_text_keeps_its_lines_and_collapses_within_them()
    {
        Assert.That(Lines(Walk("<pre>let  a = 1;\n\n  let b = a  +\u00AD 2;\nreturn b;</pre>")), Is.EqualTo(new[] { "let a = 1;", "let b = a + 2;", "return b;" }));
    }

    [Test]
    public void Text_and_link_characters_leave_out_white_space()
    {
        var walker = Walk("<p>ab cd  <a href=\"/x\">ef gh\n ij</a> kl</p>");
        Assert.That(Lines(walker), Is.EqualTo(new[] { "ab cd ef gh ij kl" }));
        Assert.That(walker.Blocks[0].TextChars, Is.EqualTo(12));
        Assert.That(walker.Blocks[0].LinkChars, Is.EqualTo(6));
    }

    [Test]
    public void Only_elements_that_hold_blocks_report_their_hints()
    {
        var walker = Walk("<div class=\"share\"><img src=\"x.png\"></div><div class=\"menu\"><ul><li>Home</li><li>News</li></ul></div><p class=\"byline\">By A. Writer</p>");
        Assert.That(walker.Hinted, Is.EqualTo(new[]
        {
            new HintedRange(BlockHints.Navigation, 0, 2),
            new HintedRange(BlockHints.Byline, 2, 3),
        }));
    }
}
