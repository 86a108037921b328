namespace Cleaner.Tests.Cli;

public class FiltersCommandTests : CliTestKit
{
    [Test]
    public void Filters_are_listed_in_pipeline_order_with_their_description()
    {
        var run = Run("filters");
        Assert.That(run.ExitCode, Is.Zero);
        var lines = run.Out.TrimEnd('\n').Split('\n');
        var filters = TextCleaner.Default.Filters;
        Assert.That(lines, Has.Length.EqualTo(filters.Count));
        for (int i = 0; i < filters.Count; i++)
        {
            Assert.That(lines[i], Does.Match($"^{filters[i].Name} +"));
            Assert.That(lines[i], Does.EndWith(filters[i].Description));
        }

        Assert.That(lines[0], Does.StartWith("dom-hints "));
        Assert.That(lines[^1], Does.StartWith("rescue "));
    }

    [Test]
    public void No_command_is_a_usage_error()
    {
        var run = Run();
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrLines, Has.Length.EqualTo(1));
        Assert.That(run.Err, Does.StartWith("cleaner: "));
    }

    [Test]
    public void Help_lists_the_commands()
    {
        var run = Run("--help");
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Does.Contain("clean").And.Contain("explain").And.Contain("eval").And.Contain("filters"));
    }
}
