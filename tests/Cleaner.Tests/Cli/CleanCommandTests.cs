using System.Text;
using System.Text.Json;

namespace Cleaner.Tests.Cli;

public class CleanCommandTests : CliTestKit
{
    private static string Cleaned(string text) => TextCleaner.Default.Clean(text).Text;

    [Test]
    public void A_file_is_printed_cleaned()
    {
        var run = Run("clean", TestPaths.Sample);
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Err, Is.Empty);
        Assert.That(run.Out, Is.EqualTo(Cleaned(SampleText) + "\n"));
        Assert.That(run.Out, Does.Not.Contain("Like Us on Facebook"));
    }

    [Test]
    public void Standard_input_goes_to_standard_output()
    {
        var run = RunWithInput(SampleText, "clean", "-");
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Is.EqualTo(Cleaned(SampleText) + "\n"));
    }

    [Test]
    public void A_directory_is_cleaned_recursively_into_out_keeping_relative_paths()
    {
        WriteFile("in/a.txt", SampleText);
        WriteFile("in/sub/deeper/b.txt", Article);
        WriteFile("in/notes.md", "not an input");
        var run = Run("clean", TempPath("in"), "--out", TempPath("out"));
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        Assert.That(File.ReadAllText(TempPath("out/a.txt")), Is.EqualTo(Cleaned(SampleText) + "\n"));
        Assert.That(File.ReadAllText(TempPath("out/sub/deeper/b.txt")), Is.EqualTo(Cleaned(Article) + "\n"));
        var written = Directory.GetFiles(TempPath("out"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(TempPath("out"), f).Replace('\\', '/'));
        Assert.That(written, Is.EquivalentTo(new[] { "a.txt", "sub/deeper/b.txt" }), "one .txt per input, no temporary files left");
    }

    [Test]
    public void Html_files_in_a_directory_are_inputs_cleaned_as_html()
    {
        WriteFile("in/a.txt", SampleText);
        WriteFile("in/sub/page.htm", MinimalHtml);
        var run = Run("clean", TempPath("in"), "--out", TempPath("out"));
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        Assert.That(File.Exists(TempPath("out/a.txt")));
        Assert.That(File.ReadAllText(TempPath("out/sub/page.txt")), Is.EqualTo(TextCleaner.Default.CleanHtml(Encoding.UTF8.GetBytes(MinimalHtml)).Text + "\n"));
    }

    [Test]
    public void A_single_file_with_out_is_written_under_its_name()
    {
        var run = Run("clean", TestPaths.Sample, "-o", TempPath("out"));
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Is.Empty);
        Assert.That(File.ReadAllText(TempPath("out/china-topix-xi-cyberattacks.txt")), Is.EqualTo(Cleaned(SampleText) + "\n"));
    }

    [Test]
    public void A_directory_without_out_is_a_usage_error()
    {
        WriteFile("in/a.txt", SampleText);
        var run = Run("clean", TempPath("in"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrLines, Has.Length.EqualTo(1));
        Assert.That(run.Err, Does.StartWith("cleaner: ").And.Contain("--out"));
    }

    [Test]
    public void A_missing_file_fails_on_one_line_and_the_other_inputs_are_cleaned()
    {
        var missing = TempPath("missing.txt");
        var run = Run("clean", missing, TestPaths.Sample);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Err, Is.EqualTo($"cleaner: {missing}: no such file or directory\n"));
        Assert.That(run.Out, Is.EqualTo("\0" + Cleaned(SampleText) + "\n\0"), "an empty record for the missing file, then the sample's");
    }

    [Test]
    public void Two_inputs_with_the_same_output_name_are_both_errors_and_nothing_is_written()
    {
        var first = WriteFile("one/a.txt", SampleText);
        var second = WriteFile("two/a.txt", Article);
        var run = Run("clean", first, second, "--out", TempPath("out"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrLines, Has.Length.EqualTo(2));
        Assert.That(run.ErrLines[0], Does.StartWith($"cleaner: {first}: not written: its output").And.EndWith(second));
        Assert.That(run.ErrLines[1], Does.StartWith($"cleaner: {second}: not written: its output").And.EndWith(first));
        Assert.That(File.Exists(TempPath("out/a.txt")), Is.False);
    }

    [Test]
    public void Cleaning_a_directory_into_itself_never_overwrites_an_input()
    {
        var input = WriteFile("in/a.txt", SampleText);
        var run = Run("clean", TempPath("in"), "--out", TempPath("in"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Err, Does.Contain("overwrite the input"));
        Assert.That(File.ReadAllText(input), Is.EqualTo(SampleText));
    }

    [Test]
    public void An_output_directory_inside_the_input_is_not_read_as_input()
    {
        WriteFile("in/a.txt", SampleText);
        Assert.That(Run("clean", TempPath("in"), "--out", TempPath("in/out")).ExitCode, Is.Zero);
        var again = Run("clean", TempPath("in"), "--out", TempPath("in/out"));
        Assert.That(again.ExitCode, Is.Zero, again.Err);
        Assert.That(Directory.GetFiles(TempPath("in"), "*", SearchOption.AllDirectories), Has.Length.EqualTo(2));
    }

    [Test]
    public void Json_carries_text_title_language_metadata_and_removals_with_filter_and_reason()
    {
        var run = Run("clean", "--format", "json", TestPaths.Sample);
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out.TrimEnd('\n'), Does.Not.Contain('\n'), "one object per line");
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        var expected = TextCleaner.Default.Clean(SampleText);
        Assert.That(root.GetProperty("text").GetString(), Is.EqualTo(expected.Text));
        Assert.That(root.GetProperty("title").GetString(), Is.EqualTo(expected.Title));
        Assert.That(root.GetProperty("language").GetString(), Is.EqualTo("en"));
        Assert.That(root.GetProperty("source").GetString(), Is.EqualTo(TestPaths.Sample));
        Assert.That(root.GetProperty("metadata").ValueKind, Is.EqualTo(JsonValueKind.Object));
        var removed = root.GetProperty("removed").EnumerateArray().ToList();
        Assert.That(removed, Has.Count.EqualTo(7));
        var social = removed.Single(r => r.GetProperty("filter").GetString() == "social");
        Assert.That(social.GetProperty("text").GetString(), Is.EqualTo("Like Us on Facebook"));
        Assert.That(social.GetProperty("reason").GetString(), Does.Contain("social"));
    }

    [Test]
    public void Json_lines_for_several_inputs_and_json_files_under_out()
    {
        var run = Run("clean", "-f", "json", TestPaths.Sample, TestPaths.Sample);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("title").GetString()), Is.All.StartWith("China is Ready"));

        Assert.That(Run("clean", "--format", "json", TestPaths.Sample, "--out", TempPath("out")).ExitCode, Is.Zero);
        using var written = JsonDocument.Parse(File.ReadAllText(TempPath("out/china-topix-xi-cyberattacks.json")));
        Assert.That(written.RootElement.GetProperty("removed").GetArrayLength(), Is.EqualTo(7));
    }

    [Test]
    public void Markdown_has_the_title_as_a_heading_and_the_blocks_as_paragraphs()
    {
        var run = Run("clean", "--format", "markdown", TestPaths.Sample);
        Assert.That(run.ExitCode, Is.Zero);
        var paragraphs = run.Out.TrimEnd('\n').Split("\n\n");
        Assert.That(paragraphs[0], Is.EqualTo("# China is Ready to Open High-Level Dialogue With United States on Fighting Cyberattacks: President Xi"));
        Assert.That(paragraphs, Has.Length.EqualTo(10));
        Assert.That(paragraphs[1], Does.StartWith("President Xi Jinping on Tuesday told"));
        Assert.That(Run("clean", "--format", "markdown", TestPaths.Sample, "--out", TempPath("out")).ExitCode, Is.Zero);
        Assert.That(File.ReadAllText(TempPath("out/china-topix-xi-cyberattacks.md")), Is.EqualTo(run.Out));
    }

    [Test]
    public void Markdown_escapes_paragraphs_that_would_read_as_markup()
    {
        var input = WriteFile("list.txt", Article.Replace("Work is expected", "# Work is expected", StringComparison.Ordinal));
        var run = Run("clean", "--format", "markdown", "--focus", "recall", input);
        Assert.That(run.Out, Does.Contain("\n\\# Work is expected"));
    }

    [Test]
    public void An_unknown_format_is_a_usage_error()
    {
        var run = Run("clean", "--format", "xml", TestPaths.Sample);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrLines, Has.Length.EqualTo(1));
        Assert.That(run.Err, Does.StartWith("cleaner: ").And.Contain("xml"));
    }

    [TestCase("precision", Focus.Precision)]
    [TestCase("balanced", Focus.Balanced)]
    [TestCase("recall", Focus.Recall)]
    public void Focus_sets_the_cleaners_focus(string name, Focus focus)
    {
        var input = WriteFile("article.txt", Article);
        var run = Run("clean", "--focus", name, input);
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Is.EqualTo(TextCleaner.CreateBuilder().WithFocus(focus).Build().Clean(Article).Text + "\n"));
    }

    [Test]
    public void Precision_removes_more_than_recall()
    {
        var input = WriteFile("article.txt", Article);
        var precision = Run("clean", "--focus", "precision", input).Out;
        var recall = Run("clean", "--focus", "recall", input).Out;
        Assert.That(precision.Length, Is.LessThan(recall.Length));
        Assert.That(Run("clean", "--focus", "maximum", input).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Without_switches_filters_off_by_name()
    {
        var run = Run("clean", "--without", "social,tags", TestPaths.Sample);
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Is.EqualTo(TextCleaner.CreateBuilder().Remove("social").Remove("tags").Build().Clean(SampleText).Text + "\n"));
        Assert.That(run.Out, Does.Contain("Like Us on Facebook"));
        Assert.That(Run("clean", "--without", "social", "--without", "tags", TestPaths.Sample).Out, Is.EqualTo(run.Out));
    }

    [Test]
    public void An_unknown_filter_is_a_usage_error_listing_the_known_names()
    {
        var run = Run("clean", "--without", "social,sharing", TestPaths.Sample);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Out, Is.Empty);
        Assert.That(run.ErrLines, Has.Length.EqualTo(1));
        Assert.That(run.Err, Does.StartWith("cleaner: unknown filter 'sharing'; known filters: dom-hints, urls, dates, social,"));
        Assert.That(run.Err, Does.Contain("context"));
    }

    [Test]
    public void Phrases_from_a_file_extend_the_lists()
    {
        var text = Article.Replace("Council meeting schedule", "Weather and traffic updates for the region\nSuivez le guide", StringComparison.Ordinal);
        var input = WriteFile("article.txt", text);
        var phrases = WriteFile("phrases.txt", "# extra French prompts\n\nsocial: =suivez le guide\nsocial: partagez cet article\n");
        var before = Run("explain", "--focus", "recall", input).Out;
        Assert.That(before, Does.Contain("KEEP  -").And.Contain("Suivez le guide"));
        var run = Run("explain", "--focus", "recall", "--phrases", phrases, input);
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        Assert.That(run.Out.Split('\n').Single(l => l.Contains("Suivez le guide", StringComparison.Ordinal)), Does.StartWith("DROP  social"));
        var cleaned = Run("clean", "--focus", "recall", "--phrases", phrases, input);
        Assert.That(cleaned.Out, Does.Not.Contain("Suivez le guide"));
    }

    [TestCase("socials: =suivez le guide", "unknown phrase list 'socials'; known lists: analytics,")]
    [TestCase("suivez le guide", "expected 'list: phrase'")]
    [TestCase("social:", "expected 'list: phrase'")]
    public void A_bad_phrase_file_is_a_usage_error_naming_the_line(string line, string message)
    {
        var phrases = WriteFile("phrases.txt", "# comment\n" + line + "\n");
        var run = Run("clean", "--phrases", phrases, TestPaths.Sample);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Err, Does.StartWith($"cleaner: {phrases}:2: {message}"));
    }

    [Test]
    public void A_missing_phrase_file_is_a_usage_error()
    {
        var run = Run("clean", "--phrases", TempPath("none.txt"), TestPaths.Sample);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Err, Is.EqualTo($"cleaner: {TempPath("none.txt")}: no such phrase file\n"));
    }

    [Test]
    public void An_unknown_option_gives_one_line_and_exit_code_2()
    {
        var run = Run("clean", "--fast", TestPaths.Sample);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrLines, Has.Length.EqualTo(1));
        Assert.That(run.Err, Does.StartWith("cleaner: ").And.Contain("--fast"));
    }
}
