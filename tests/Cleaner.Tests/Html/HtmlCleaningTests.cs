namespace Cleaner.Tests.Html;

/// <summary>The HTML path end to end: the article stays, the chrome goes, the title comes once on top.</summary>
public class HtmlCleaningTests
{
    [Test]
    public void Article_is_kept_and_site_chrome_is_removed()
    {
        var result = TextCleaner.Default.CleanHtml(TestPages.Page());
        foreach (var paragraph in TestPages.Paragraphs)
        {
            Assert.That(result.Text, Does.Contain(paragraph));
        }

        Assert.That(result.Text, Does.Not.Contain("Sport"));
        Assert.That(result.Text, Does.Not.Contain("Storm closes the harbour road"));
        Assert.That(result.Text, Does.Not.Contain("All rights reserved"));
        Assert.That(result.Document.IsHtml, Is.True);
    }

    [Test]
    public void Title_appears_once_at_the_top()
    {
        var result = TextCleaner.Default.CleanHtml(TestPages.Page());
        var lines = result.Text.Split('\n');
        Assert.That(lines[0], Is.EqualTo(TestPages.Headline));
        Assert.That(lines.Count(l => l.Contains(TestPages.Headline, StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(result.Title, Is.EqualTo(TestPages.Headline));
    }

    [Test]
    public void Blocks_carry_their_kind_heading_level_and_link_density()
    {
        var result = TextCleaner.Default.CleanHtml(TestPages.Page("<h2>What happens next</h2><ul><li>A public hearing in May.</li><li>A final design in June.</li></ul>"));
        var heading = result.Blocks.Single(b => b.Text == "What happens next");
        Assert.That(heading.Kind, Is.EqualTo(BlockKind.Heading));
        Assert.That(heading.HeadingLevel, Is.EqualTo(2));
        Assert.That(result.Blocks.Single(b => b.Text == "A public hearing in May.").Kind, Is.EqualTo(BlockKind.ListItem));
        var menu = result.Blocks.Single(b => b.Text == "Sport");
        Assert.That(menu.LinkDensity, Is.EqualTo(1.0));
        Assert.That(menu.Hints.HasFlag(BlockHints.Navigation), Is.True);
        Assert.That(menu.InMainContent, Is.False);
        Assert.That(result.Blocks.Single(b => b.Text == TestPages.Paragraphs[0]).InMainContent, Is.True);
    }

    [Test]
    public void Markdown_has_headings_list_items_and_paragraphs()
    {
        var result = TextCleaner.Default.CleanHtml(TestPages.Page("<h2>What happens next</h2><ul><li>A public hearing in May.</li><li>A final design in June.</li></ul>"));
        var markdown = result.ToMarkdown();
        Assert.That(markdown, Does.StartWith($"# {TestPages.Headline}\n\n{TestPages.Paragraphs[0]}\n\n{TestPages.Paragraphs[1]}\n\n"));
        Assert.That(markdown, Does.Contain("\n\n## What happens next\n\n- A public hearing in May.\n- A final design in June.\n\n"));
        Assert.That(markdown, Does.EndWith(TestPages.Paragraphs[3]));
    }

    [Test]
    public void Markdown_of_plain_text_is_paragraphs()
    {
        var result = TextCleaner.Default.Clean(string.Join("\n", TestPages.Paragraphs));
        Assert.That(result.ToMarkdown(), Is.EqualTo(string.Join("\n\n", TestPages.Paragraphs)));
    }

    [Test]
    public void Stream_and_byte_overloads_give_the_same_text()
    {
        var html = TestPages.Page();
        var bytes = System.Text.Encoding.UTF8.GetBytes(html);
        var expected = TextCleaner.Default.CleanHtml(html).Text;
        Assert.That(TextCleaner.Default.CleanHtml(bytes).Text, Is.EqualTo(expected));
        using var stream = new MemoryStream(bytes);
        Assert.That(TextCleaner.Default.CleanHtml(stream).Text, Is.EqualTo(expected));
        using var unseekable = new BufferedStream(new MemoryStream(bytes));
        Assert.That(TextCleaner.Default.CleanHtml(unseekable).Text, Is.EqualTo(expected));
    }

    [Test]
    public void Cleaning_pages_in_parallel_gives_the_same_result_as_one_at_a_time()
    {
        var pages = Enumerable.Range(0, 16).Select(i => TestPages.Page($"<p>Paragraph number {i} of this article says something about the library and the plans for it.</p>")).ToArray();
        var expected = pages.Select(p => TextCleaner.Default.CleanHtml(p).Text).ToArray();
        var actual = new string[pages.Length];
        Parallel.For(0, pages.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => actual[i] = TextCleaner.Default.CleanHtml(pages[i]).Text);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("<html>")]
    [TestCase("just some text without any markup at all")]
    [TestCase("<html><body><p>")]
    [TestCase("<table><tr><td>a</td><td>b</td></tr></table>")]
    [TestCase("<pre>line one\nline two\n\nline four</pre>")]
    public void Odd_pages_clean_without_an_exception(string html)
    {
        var result = TextCleaner.Default.CleanHtml(html);
        Assert.That(result.Text, Is.Not.Null);
    }

    [Test]
    public void Deeply_nested_markup_does_not_overflow_the_stack()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 20_000)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", 20_000));
        var result = TextCleaner.Default.CleanHtml(html);
        Assert.That(result.Blocks.Any(b => b.Text == "deep text"), Is.True);
    }

    [Test]
    public void Binary_garbage_cleans_without_an_exception()
    {
        var random = new Random(7);
        var bytes = new byte[50_000];
        random.NextBytes(bytes);
        Assert.That(TextCleaner.Default.CleanHtml(bytes).Text, Is.Not.Null);
    }

    [Test]
    public void Hidden_elements_scripts_and_styles_are_not_text()
    {
        var result = TextCleaner.Default.CleanHtml(TestPages.Page(
            "<div style=\"display: none\">Hidden teaser text</div><script>var tracking = 1;</script><style>p { color: red }</style><p hidden>Hidden paragraph</p>"));
        Assert.That(result.Blocks.Select(b => b.Text), Has.None.Contains("Hidden"));
        Assert.That(result.Blocks.Select(b => b.Text), Has.None.Contains("tracking"));
        Assert.That(result.Blocks.Select(b => b.Text), Has.None.Contains("color"));
    }

    /// <summary>A modal hidden from assistive technology; the labels of form controls (a player's settings).</summary>
    [TestCase("<div role=\"dialog\" aria-hidden=\"true\"><p>Hidden modal window</p></div><span aria-hidden=\"false\">Shown note</span>", "Hidden modal")]
    [TestCase("<div class=\"settings\"><label>Font Size</label><select><option>50%</option></select></div><span>Shown note</span>", "Font Size")]
    [TestCase("<div class=\"settings\"><label><input type=\"checkbox\"> Text Edge Style</label></div><span>Shown note</span>", "Edge Style")]
    public void Text_that_is_not_read_as_the_page_is_not_text(string markup, string unread)
    {
        var texts = TextCleaner.Default.CleanHtml(TestPages.Page(markup)).Blocks.Select(b => b.Text).ToList();
        Assert.That(texts, Has.None.Contains(unread));
        Assert.That(texts, Has.Some.Contains("Shown note"));
    }

    [Test]
    public void Table_rows_are_lines_with_their_cells()
    {
        var result = TextCleaner.Default.CleanHtml(TestPages.Page("<table><tr><th>Year</th><th>Visitors</th></tr><tr><td>2023</td><td>41,000</td></tr></table>"));
        var row = result.Blocks.Single(b => b.Text.StartsWith("2023", StringComparison.Ordinal));
        Assert.That(row.Text, Is.EqualTo("2023 | 41,000"));
        Assert.That(row.Kind, Is.EqualTo(BlockKind.TableCell));
    }
}
