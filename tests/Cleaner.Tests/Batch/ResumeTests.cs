using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Cleaner.Tests.Cli;

namespace Cleaner.Tests.Batch;

/// <summary>Issue 18 item 17: SIGINT and SIGTERM stop a run cleanly; a run killed anywhere, SIGKILL included, resumes to the same bytes.</summary>
public sealed class ResumeTests : CliTestKit
{
    /// <summary>A generated crawl: records of a few paragraphs, every 37th malformed (so the errors file has lines too).</summary>
    private string Generate(int count)
    {
        var lines = Enumerable.Range(0, count).Select(i => i % 37 == 5
            ? $"{{\"id\":{i},\"text\":"
            : JsonSerializer.Serialize(new
            {
                id = i,
                url = $"http://example.com/{i}",
                text = $"Story {i}\n{WarcKit.Paragraph($"plan {i}")}\n{WarcKit.Paragraph($"road {i * 7}")}\nShare this\n{WarcKit.Paragraph($"school {i % 13}")}",
            }));
        return WriteFile("crawl.jsonl", string.Join('\n', lines) + "\n");
    }

    private static Process Start(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Cleaner.Cli.dll"), .. args])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(info)!;
    }

    private static (int Code, string Err) Finish(Process process, TimeSpan timeout)
    {
        var err = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the run did not end");
        }

        return (process.ExitCode, err.Result);
    }

    [Test]
    public void A_run_killed_at_twenty_random_points_resumes_to_the_same_bytes()
    {
        Assume.That(OperatingSystem.IsLinux());
        Generate(3000);
        string[] Args(string name) => ["batch", "crawl.jsonl", "--out", $"{name}.jsonl", "--errors", $"{name}-errors.jsonl", "--parallel", "2", "--resume"];

        var clock = Stopwatch.StartNew();
        var (code, err) = Finish(Start(Temp, Args("whole")), TimeSpan.FromMinutes(3));
        var whole = clock.Elapsed;
        Assert.That(code, Is.EqualTo(1), err);
        var summary = err.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];

        var random = new Random(18);
        int kills = 0;
        for (int i = 0; i < 20; i++)
        {
            var process = Start(Temp, Args("killed"));
            Thread.Sleep(TimeSpan.FromMilliseconds(random.Next(150, Math.Max(300, (int)whole.TotalMilliseconds))));
            if (!process.HasExited)
            {
                process.Kill();
                kills++;
            }

            process.WaitForExit();
        }

        (code, err) = Finish(Start(Temp, Args("killed")), TimeSpan.FromMinutes(3));
        Assert.That(code, Is.EqualTo(1), err);
        Assert.That(kills, Is.GreaterThan(10), "most runs were killed on the way");
        Assert.That(err.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], Is.EqualTo(summary));
        Assert.That(File.ReadAllBytes(TempPath("killed.jsonl")), Is.EqualTo(File.ReadAllBytes(TempPath("whole.jsonl"))), "output");
        Assert.That(File.ReadAllBytes(TempPath("killed-errors.jsonl")), Is.EqualTo(File.ReadAllBytes(TempPath("whole-errors.jsonl"))), "errors");
        Assert.That(Directory.GetFiles(Temp, ".*"), Is.Empty, "no part, manifest or temporary file is left");
    }

    [TestCase("TERM", 143)]
    [TestCase("INT", 130)]
    public void A_stop_signal_ends_the_run_cleanly(string signal, int exitCode)
    {
        Assume.That(OperatingSystem.IsLinux());
        Generate(40000);
        var process = Start(Temp, "batch", "crawl.jsonl", "--out", "out.jsonl", "--errors", "errors.jsonl", "--parallel", "1");
        Thread.Sleep(2500);
        Assert.That(process.HasExited, Is.False, "still running when signalled");
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            kill.WaitForExit();
        }

        var clock = Stopwatch.StartNew();
        var (code, err) = Finish(process, TimeSpan.FromSeconds(30));
        Assert.That(code, Is.EqualTo(exitCode), err);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(err, Does.Contain($"interrupted (SIG{signal})"));
        Assert.That(err.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], Does.Match("^in=[0-9]+ out=[0-9]+ errors=[0-9]+ skipped=0$"));
        Assert.That(Directory.GetFiles(Temp).Select(Path.GetFileName), Is.EqualTo(new[] { "crawl.jsonl" }), "no temporary or half-written file");
    }
}
