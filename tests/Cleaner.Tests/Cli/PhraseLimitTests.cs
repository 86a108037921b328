using System.Diagnostics;

namespace Cleaner.Tests.Cli;

/// <summary>Issue 18 item 9: large user phrase lists work up to a stated limit, and beyond it the error is clear (never an abort).</summary>
public sealed class PhraseLimitTests : CliTestKit
{
    private static string Phrases(int count, int wildcards) => string.Join('\n', Enumerable.Range(0, count).Select(i =>
        $"social: follow {Word(i)} {string.Concat(Enumerable.Repeat("* ", wildcards))}on {Word(i * 7 + 3)}"));

    private static string Word(int i) => string.Concat(i.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)('a' + d - '0'))) + "x";

    [Test]
    public void The_largest_list_allowed_works_in_clean_and_batch()
    {
        // Run as the program runs (its runtime configuration raises the engine's automaton limit).
        WriteFile("phrases.txt", Phrases(1000, 8));
        WriteFile("a.txt", Article + "\nfollow bcx and all of us now on bbx\n");
        WriteFile("in.jsonl", "{\"text\":\"hello there\\nfollow bcx us on bbx\"}\n");
        var clock = Stopwatch.StartNew();
        var (code, output, err) = CliProcess.Bash("$CLEANER clean a.txt --phrases phrases.txt && $CLEANER batch in.jsonl --phrases phrases.txt --reasons", Temp, TimeSpan.FromMinutes(2));
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(output, Does.Contain("Riverside District").And.Not.Contain("follow bcx and"), "a user phrase removed its line");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
    }

    [TestCase(4000, 1, "a list takes at most 1,000 added phrases")]
    [TestCase(1, 40, "a phrase takes at most 8 '*' wildcards")]
    public void Beyond_the_limit_is_a_clear_usage_error(int count, int wildcards, string message)
    {
        foreach (var command in new[] { "clean", "batch" })
        {
            var run = Run(command, WriteFile("a.txt", Article), "--phrases", WriteFile("phrases.txt", Phrases(count, wildcards)));
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Err, Does.StartWith("cleaner: ").And.Contain(message));
        }
    }
}
