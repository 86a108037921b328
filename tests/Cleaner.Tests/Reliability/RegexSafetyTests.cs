using System.Text;

namespace Cleaner.Tests.Reliability;

/// <summary>
/// Every phrase list and pattern meets adversarial lines (long runs that almost match) and must
/// finish. The bound is generous: it catches catastrophic backtracking, not slowness.
/// </summary>
public class RegexSafetyTests
{
    private static IEnumerable<string> AdversarialLines()
    {
        yield return new string('a', 200_000);
        yield return string.Concat(Enumerable.Repeat("share ", 40_000));
        yield return string.Concat(Enumerable.Repeat("like us on ", 20_000)) + "!";
        yield return string.Concat(Enumerable.Repeat("www.", 50_000)) + "x";
        yield return string.Concat(Enumerable.Repeat("a.", 100_000)) + "@";
        yield return string.Concat(Enumerable.Repeat("make x ", 30_000)) + "your";
        yield return string.Concat(Enumerable.Repeat("-", 200_000));
        yield return string.Concat(Enumerable.Repeat("http://", 30_000));
        yield return string.Concat(Enumerable.Repeat("© ", 100_000));
        yield return string.Concat(Enumerable.Repeat("12 ", 60_000)) + "comments";
    }

    [Test]
    public void Every_phrase_list_finishes_on_adversarial_lines()
    {
        var phrases = TextCleaner.Default.Phrases;
        foreach (var name in phrases.Names)
        {
            foreach (var line in AdversarialLines())
            {
                var task = Task.Run(() => (phrases[name].Coverage(line), phrases[name].FirstMatch(line), phrases[name].IsMatch(line)));
                Assert.That(task.Wait(TimeSpan.FromSeconds(30)), Is.True, $"list '{name}' did not finish on a line of {line.Length} characters");
            }
        }
    }

    [Test]
    public void The_whole_pipeline_finishes_on_adversarial_lines()
    {
        var text = new StringBuilder();
        foreach (var line in AdversarialLines())
        {
            text.Append(line).Append('\n');
        }

        var task = Task.Run(() => TextCleaner.Default.Clean(text.ToString()));
        Assert.That(task.Wait(TimeSpan.FromSeconds(60)), Is.True);
        Assert.That(task.Result.Status, Is.EqualTo(CleanStatus.Cleaned));
    }
}
