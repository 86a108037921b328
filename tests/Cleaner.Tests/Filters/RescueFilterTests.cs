using Cleaner.Filters;

namespace Cleaner.Tests.Filters;

public class RescueFilterTests
{
    [Test]
    public void A_short_note_made_of_sentences_comes_back_whole()
    {
        var result = TextCleaner.Default.Clean("Short note: meeting moved to Friday.\nPlease bring the slides.\n");
        Assert.That(result.Text, Does.Contain("Short note: meeting moved to Friday."));
        Assert.That(result.Text, Does.Contain("Please bring the slides."));
    }

    [Test]
    public void A_short_italian_note_comes_back_whole() =>
        KeepsEveryLine("Ciao a tutti.\nLa riunione è spostata a venerdì.\nPortate le slide, per favore.");

    /// <summary>Cleans the text and checks that every line of it is in the result.</summary>
    internal static void KeepsEveryLine(string text)
    {
        var result = TextCleaner.Default.Clean(text);
        foreach (var line in text.Split('\n'))
        {
            Assert.That(result.Text, Does.Contain(line));
        }
    }

    [Test]
    public void The_rescue_says_why()
    {
        // Two short lines, neither a ten-word sentence: the context filter drops both (a note whose
        // first line is a ten-word sentence is kept by the context filter itself, with no rescue).
        var result = TextCleaner.Default.Clean("Short note: the meeting has moved to Friday.\nPlease bring the slides and the budget.\n");
        var rescued = result.Blocks.Where(b => b.Filter == "rescue").ToList();
        Assert.That(rescued, Is.Not.Empty);
        Assert.That(rescued.Select(b => b.Reason), Has.All.Contains("short input made of sentences"));
        Assert.That(rescued.Select(b => b.IsKept), Has.All.True);
    }

    [Test]
    public void Specific_chrome_is_not_rescued()
    {
        var result = TextCleaner.Default.Clean("Like Us on Facebook\nShort note: meeting moved to Friday.\nPlease bring the slides.");
        Assert.That(result.Text, Does.Not.Contain("Facebook"));
        Assert.That(result.Text, Does.Contain("Please bring the slides."));
    }

    [Test]
    public void The_article_comes_back_when_only_a_small_part_of_the_prose_would_be_left()
    {
        // A page of menu lines, one article of short paragraphs among them, and a blurb: the context
        // filter judges the paragraphs by their neighbours, which are all chrome.
        var lines = new List<string> { "Home", "News", "Sport", "Weather", "About" };
        string[] article =
        [
            "Not exactly a cool technology, but a cool product of nature was found in the orchard at dawn this morning.",
            "As a mycologist, I generally get calls about humans eating mushrooms, and this one is bigger than a car tire.",
            "The mushroom was photographed, measured and left where it was, so that the orchard keeps it until it rots.",
        ];
        lines.Add("Cool Technology");
        lines.AddRange(article);
        lines.AddRange(["Posted by John at 3:00 AM", "Labels: nature", "Archive", "Contact", "Links", "Older posts"]);
        var cleaner = TextCleaner.Default;
        var result = cleaner.Clean(string.Join("\n", lines));
        foreach (var paragraph in article)
        {
            Assert.That(result.Text, Does.Contain(paragraph));
        }

        Assert.That(result.Text, Does.Not.Contain("Older posts"));
    }

    [Test]
    public void Without_the_rescue_a_short_note_can_be_lost()
    {
        var cleaner = TextCleaner.CreateBuilder().Remove<RescueFilter>().Build();
        var result = cleaner.Clean("Short note: meeting moved to Friday.\nPlease bring the slides.\n");
        Assert.That(result.Text, Does.Not.Contain("Please bring the slides."));
    }

    [Test]
    public void Is_the_last_stage_and_user_filters_run_before_it()
    {
        var cleaner = TextCleaner.CreateBuilder().Add(new PredicateFilter("drop-all", _ => true)).Build();
        Assert.That(cleaner.Filters[^1], Is.InstanceOf<RescueFilter>());
        Assert.That(cleaner.Filters[^2].Name, Is.EqualTo("drop-all"));
    }
}

public class TinyInputRescueTests
{
    [TestCase("Test Case 1\nTest Case 2")]
    [TestCase("abc\ndef\nghi")]
    [TestCase("Prova uno\nProva due")]
    public void An_input_of_a_dozen_words_comes_back_whole(string text) => RescueFilterTests.KeepsEveryLine(text);

    [Test]
    public void A_longer_input_of_menu_lines_does_not_come_back()
    {
        var result = TextCleaner.Default.Clean("Home\nNews\nSport\nWeather\nAbout us\nContact\nArchive\nSearch\nLogin\nRegister\nPrivacy\nTerms\nHelp\nJobs");
        Assert.That(result.Text, Does.Not.Contain("Weather"));
    }
}
