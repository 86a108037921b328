namespace Cleaner.Tests.Cli;

/// <summary>Issue 18 item 9: large user phrase lists work up to a stated limit, and beyond it the error is clear (never an abort).</summary>
public sealed class PhraseLimitTests : CliTestKit
{
    internal static string Phrases(int count, int wildcards, string list = "social") => string.Join('\n', Enumerable.Range(0, count).Select(i =>
        $"{list}: follow {Word(i)} {string.Concat(Enumerable.Repeat("* ", wildcards))}on {Word(i * 7 + 3)}"));

    internal static string Word(int i) => string.Concat(i.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)('a' + d - '0'))) + "x";

    [Test]
    public void Four_thousand_phrases_and_one_with_forty_wildcards_work_in_clean_and_batch()
    {
        // 4,000 phrases, and one phrase of forty '*' (each one to three words): the old single
        // pattern refused both (the .NET engine's automaton limit), and clean and batch aborted.
        var forty = "social: so many " + string.Concat(Enumerable.Repeat("* ", 40)) + "in the end";
        WriteFile("phrases.txt", Phrases(4000, 1) + "\n" + forty + "\n");
        var filler = string.Join(' ', Enumerable.Range(0, 60).Select(i => "w" + i));
        WriteFile("a.txt", Article + "\nfollow bcx all on bbx\nso many " + filler + " in the end\n");
        WriteFile("in.jsonl", "{\"text\":\"hello there\\nfollow bcx us on bbx\"}\n");
        var (code, output, err) = CliProcess.Bash("$CLEANER clean a.txt --phrases phrases.txt && $CLEANER batch in.jsonl --phrases phrases.txt --reasons", Temp, TimeSpan.FromMinutes(2));
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(output, Does.Contain("Riverside District").And.Not.Contain("follow bcx all").And.Not.Contain("so many w0"), "the user phrases removed their lines");
        Assert.That(output, Does.Contain("follow bcx us on bbx"), "batch gives the reason with the phrase");
    }

    [TestCase(101, "a phrase takes at most 100 '*' wildcards")]
    [TestCase(0, "a phrase takes at most 1,000 characters")]
    [TestCase(-1, "the list 'social' has more than 10,000 phrases that start with a '*'")]
    public void Beyond_the_limit_is_a_clear_usage_error(int wildcards, string message)
    {
        var lines = wildcards < 0
            ? string.Join('\n', Enumerable.Range(0, 10_001).Select(i => "social: * " + Word(i)))
            : wildcards > 0
                ? "social: a " + string.Concat(Enumerable.Repeat("* ", wildcards)) + "b"
                : "social: " + new string('x', 1001);
        foreach (var command in new[] { "clean", "batch" })
        {
            var run = Run(command, WriteFile("a.txt", Article), "--phrases", WriteFile("phrases.txt", lines));
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Err);
            Assert.That(run.Err, Does.StartWith("cleaner: ").And.Contain(message));
            Assert.That(run.Err.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one line");
        }
    }
}
