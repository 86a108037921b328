namespace Cleaner.Tests;

/// <summary>The scraped article that started the project: every chrome line goes, every sentence stays.</summary>
public class SampleTests
{
    private static CleanResult Clean() => TextCleaner.Default.Clean(File.ReadAllText(TestPaths.Sample));

    [Test]
    public void Sample_cleans_to_its_title_and_nine_body_paragraphs()
    {
        var result = Clean();
        var paragraphs = result.Text.Split("\n\n");
        Assert.That(paragraphs, Has.Length.EqualTo(10));
        Assert.That(paragraphs[0], Is.EqualTo("China is Ready to Open High-Level Dialogue With United States on Fighting Cyberattacks: President Xi"));
        Assert.That(result.Title, Is.EqualTo(paragraphs[0]));
        Assert.That(paragraphs[1], Does.StartWith("President Xi Jinping on Tuesday told"));
        Assert.That(paragraphs[^1], Is.EqualTo("According to Xi, China is attempting to make the South China Sea open and vibrant. He said China is not seeking a showdown with any nation."));

        // Every line of the output is a line of the input, and every body sentence survives.
        var source = File.ReadAllLines(TestPaths.Sample);
        Assert.That(paragraphs, Is.SubsetOf(source));
        Assert.That(result.Text, Does.Contain("\"China will never close its open door to the outside world,\" he said"));
    }

    [TestCase("CHINA TOPIX", "masthead", "capitals")]
    [TestCase("04/25/2024 07:21:18 pm", "dates", "date or time")]
    [TestCase("Make CT Your Homepage", "calls-to-action", "call to action")]
    [TestCase("President Xi United States", "tags", "tag or keyword")]
    [TestCase("(Photo : REUTERS/Jason Redmond ) Chinese President Xi Jinping", "photo-credits", "photo credit")]
    [TestCase("Like Us on Facebook", "social", "social")]
    [TestCase("Real Time Analytics", "analytics", "analytics")]
    public void Each_chrome_line_is_removed_by_its_filter_with_a_reason(string lineStart, string filter, string reasonPart)
    {
        var result = Clean();
        var removal = result.Removed.SingleOrDefault(r => r.Text.StartsWith(lineStart, StringComparison.Ordinal));
        Assert.That(removal, Is.Not.Null, $"'{lineStart}' was not removed");
        Assert.That(removal!.Filter, Is.EqualTo(filter));
        Assert.That(removal.Reason, Does.Contain(reasonPart));
    }

    [Test]
    public void Exactly_the_seven_chrome_lines_are_removed()
    {
        var result = Clean();
        Assert.That(result.Removed, Has.Count.EqualTo(7));
        Assert.That(result.RemovedByFilter.Values.Sum(), Is.EqualTo(7));
    }
}
