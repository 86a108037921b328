using System.Text;
using Cleaner.Cli;

namespace Cleaner.Tests.Cli;

/// <summary>What a run of the command line printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs <c>cleaner</c> in-process with its own streams, in a temporary directory per test.</summary>
public abstract class CliTestKit
{
    /// <summary>A fresh directory for the test's files, deleted afterwards.</summary>
    protected string Temp { get; private set; } = string.Empty;

    [SetUp]
    public void CreateTemp()
    {
        Temp = Path.Combine(Path.GetTempPath(), "cleaner-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Temp);
    }

    [TearDown]
    public void DeleteTemp() => Directory.Delete(Temp, recursive: true);

    internal static CliRun Run(params string[] args) => RunWithInput(string.Empty, args);

    internal static CliRun RunWithInput(string stdin, params string[] args) => RunCore(stdin, colour: false, args);

    internal static CliRun RunCore(string stdin, bool colour, string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CleanerApp.Run(args, input, output, error, colour);
        return new CliRun(code, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>Writes a file under <see cref="Temp"/> (creating folders) and returns its full path.</summary>
    protected string WriteFile(string relative, string content)
    {
        var path = Path.Combine(Temp, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    protected string TempPath(string relative) => Path.Combine(Temp, relative);

    protected static string SampleText => File.ReadAllText(TestPaths.Sample);

    /// <summary>A small article: a headline, five body paragraphs, and three short lines after the body.</summary>
    protected const string Article = """
        Local Council Approves New Park Plan for the Riverside District
        The city council voted on Tuesday to approve a new park along the river, ending a debate that had lasted for more than two years and divided the neighbourhood.
        Residents who had campaigned for the park said they were delighted with the decision, and that they hoped work would begin before the end of the summer.
        The plan includes a playground, a small café and a path for walkers and cyclists that will link the park with the town centre and the railway station.
        Opponents had argued that the land should be used for housing, but the council said the park would make the district a better place to live for everyone.
        Work is expected to start in the autumn and to take about eighteen months.
        More from the city desk this week
        Weather and traffic updates for the region
        Council meeting schedule
        """;

    protected const string MinimalHtml = "<!DOCTYPE html>\n<html><head><title>T</title></head><body><p>Hello there, this is a page.</p></body></html>\n";
}
