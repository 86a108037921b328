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

    private static Process Start(string directory, params string[] args) => Start(directory, stdin: false, args);

    private static Process Start(string directory, bool stdin, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Cleaner.Cli.dll"), .. args])
        {
            WorkingDirectory = directory,
            RedirectStandardInput = stdin,
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

        // Twenty kills. A run that ends before its kill (the work left shrinks with every resume, and
        // a loaded machine slows some runs more than others) does not count: it finished what the
        // killed runs before it left, so its files must equal the whole run's; they are then removed,
        // so that the next run starts the work again and there is always work left to kill.
        var random = new Random(18);
        int kills = 0, finished = 0;
        for (int runs = 0; kills < 20 && runs < 100; runs++)
        {
            var process = Start(Temp, Args("killed"));
            var runErr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            Thread.Sleep(TimeSpan.FromMilliseconds(random.Next(150, Math.Max(300, (int)whole.TotalMilliseconds))));
            if (!process.HasExited)
            {
                process.Kill();
                kills++;
                process.WaitForExit();
                continue;
            }

            process.WaitForExit();
            finished++;
            Assert.That(process.ExitCode, Is.EqualTo(1), runErr.Result);
            Assert.That(runErr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(), Is.EqualTo(summary), "a run that finished the killed runs' work");
            Assert.That(File.ReadAllBytes(TempPath("killed.jsonl")), Is.EqualTo(File.ReadAllBytes(TempPath("whole.jsonl"))), "output of a run that finished the killed runs' work");
            Assert.That(File.ReadAllBytes(TempPath("killed-errors.jsonl")), Is.EqualTo(File.ReadAllBytes(TempPath("whole-errors.jsonl"))), "errors of a run that finished the killed runs' work");
            File.Delete(TempPath("killed.jsonl"));
            File.Delete(TempPath("killed-errors.jsonl"));
        }

        TestContext.Out.WriteLine($"{kills} kills, {finished} runs that finished before their kill");

        (code, err) = Finish(Start(Temp, Args("killed")), TimeSpan.FromMinutes(3));
        Assert.That(code, Is.EqualTo(1), err);
        Assert.That(kills, Is.EqualTo(20), "runs killed on the way");
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

        // A job a non-interactive shell starts in the background ignores SIGINT, and so do its
        // children: the run rightly goes on then, as any Unix program does, and the case says nothing.
        Assume.That(Ignored(signal == "INT" ? 2 : 15), Is.False, $"SIG{signal} is ignored by this test process (a background job of a shell), so the run inherits that");

        // The records come through a pipe that stays open, as from a crawler that has more to send:
        // the run cannot end before the signal, however fast the machine (a file of 40,000 records
        // was read to its end in the 2.5 s the test waited, and the run ended with its own exit code).
        var records = File.ReadAllBytes(Generate(2000));
        File.Delete(TempPath("crawl.jsonl"));
        var process = Start(Temp, stdin: true, "batch", "-", "--out", "out.jsonl", "--errors", "errors.jsonl", "--parallel", "1");
        var feed = process.StandardInput.BaseStream.WriteAsync(records).AsTask().ContinueWith(t => process.StandardInput.BaseStream.FlushAsync(), TaskScheduler.Default).Unwrap();
        Assert.That(feed.Wait(TimeSpan.FromSeconds(60)), Is.True, "the records went through the pipe");
        Thread.Sleep(1500);
        Assert.That(process.HasExited, Is.False, "still running, waiting for more records, when signalled");
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
        Assert.That(Directory.GetFiles(Temp), Is.Empty, "no temporary or half-written file");
    }

    /// <summary>Whether this process ignores the signal (its SigIgn mask in /proc/self/status).</summary>
    private static bool Ignored(int signal)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) >> (signal - 1) & 1) == 1;
    }
}
