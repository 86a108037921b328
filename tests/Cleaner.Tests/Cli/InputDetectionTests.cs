using System.Text;
using Cleaner.Cli.Inputs;

namespace Cleaner.Tests.Cli;

public class InputDetectionTests : CliTestKit
{
    private static InputKind Detect(string content, string? name, InputKind requested = InputKind.Auto) =>
        InputDetector.Detect(Encoding.UTF8.GetBytes(content), name, requested);

    [TestCase("page.html")]
    [TestCase("page.HTM")]
    [TestCase("dir/page.htm")]
    public void Html_extensions_are_html_whatever_the_content(string name) =>
        Assert.That(Detect("just a line of text", name), Is.EqualTo(InputKind.Html));

    [Test]
    public void Txt_files_are_text_even_when_they_mention_tags() =>
        Assert.That(Detect("<p>a paragraph marker in scraped text</p>", "page.txt"), Is.EqualTo(InputKind.Text));

    [TestCase("<!DOCTYPE html>\n<html><body>x</body></html>")]
    [TestCase("\uFEFF  <!doctype HTML><title>x</title>")]
    [TestCase("<html lang=\"en\"><head></head></html>")]
    [TestCase("<div>menu</div>\n<body class=\"article\">text")]
    [TestCase("Some heading\n<p>First paragraph.</p>")]
    [TestCase("<p class=\"lead\">First paragraph.")]
    public void Content_that_looks_like_html_is_html_without_an_extension(string content)
    {
        Assert.That(Detect(content, null), Is.EqualTo(InputKind.Html), "standard input");
        Assert.That(Detect(content, "page.md"), Is.EqualTo(InputKind.Html), "another extension");
    }

    [TestCase("CHINA TOPIX\nA line of text.\nAnother line.")]
    [TestCase("Code samples:\n<pre>x < y</pre>\n<paragraph> is not a tag we know")]
    [TestCase("<bodyguard> and <pin> are not tags we look for")]
    public void Plain_text_is_text(string content) =>
        Assert.That(Detect(content, null), Is.EqualTo(InputKind.Text));

    [Test]
    public void Only_the_first_kilobyte_is_sniffed()
    {
        var late = new string('x', 1100) + "\n<p>late paragraph</p>";
        Assert.That(Detect(late, null), Is.EqualTo(InputKind.Text));
        Assert.That(Detect("<p>" + late, null), Is.EqualTo(InputKind.Html));
    }

    [Test]
    public void Html_and_text_options_override_detection()
    {
        Assert.That(Detect("plain words", "page.txt", InputKind.Html), Is.EqualTo(InputKind.Html));
        Assert.That(Detect("<!doctype html><p>x</p>", "page.html", InputKind.Text), Is.EqualTo(InputKind.Text));
    }

    [Test]
    public void Html_inputs_are_cleaned_as_html_beside_text_inputs()
    {
        var html = WriteFile("in/page.html", MinimalHtml);
        var text = WriteFile("in/sample.txt", SampleText);
        var run = Run("clean", html, text);
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        Assert.That(run.Out, Is.EqualTo(HtmlText(MinimalHtml) + "\n\0" + TextCleaner.Default.Clean(SampleText).Text + "\n\0"));
        Assert.That(run.Out, Does.Not.Contain("<p>"));
    }

    [Test]
    public void Standard_input_is_sniffed_and_the_options_decide_over_it()
    {
        Assert.That(RunWithInput(MinimalHtml, "clean", "-").Out, Is.EqualTo(HtmlText(MinimalHtml) + "\n"));
        Assert.That(RunWithInput(MinimalHtml, "clean", "--text", "-").Out, Is.EqualTo(TextCleaner.Default.Clean(MinimalHtml).Text + "\n"));
        var forced = RunWithInput(SampleText, "clean", "--html", "-");
        Assert.That(forced.ExitCode, Is.Zero, forced.Err);
        Assert.That(forced.Out, Is.EqualTo(HtmlText(SampleText) + "\n"));
    }

    [Test]
    public void Html_and_text_together_are_a_usage_error()
    {
        var run = Run("clean", "--html", "--text", WriteFile("a.txt", "x"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrLines, Is.EqualTo(new[] { "cleaner: --html and --text exclude each other" }));
    }

    private static string HtmlText(string html) => TextCleaner.Default.CleanHtml(Encoding.UTF8.GetBytes(html)).Text;
}
