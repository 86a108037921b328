using System.Text;
using Cleaner.Cli;
using Cleaner.Cli.Commands;
using Cleaner.Cli.Inputs;

namespace Cleaner.Tests.Cli;

/// <summary>Issue 18 for <c>clean</c>: no input overwritten, no status hidden, standard input as bytes, no hang, no leak.</summary>
public sealed class CleanSafetyTests : CliTestKit
{
    static CleanSafetyTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Test]
    public void Cleaning_a_directory_into_itself_writes_no_output_over_another_input()
    {
        // Item 2: story.html's output is story.txt, another input.
        var text = WriteFile("d/story.txt", Article);
        WriteFile("d/story.html", MinimalHtml);
        var run = Run("clean", TempPath("d"), "--out", TempPath("d"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(File.ReadAllText(text), Is.EqualTo(Article), "the input is untouched");
        Assert.That(run.ErrLines, Has.Length.EqualTo(2));
        Assert.That(run.Err, Does.Contain("story.html: not written: its output").And.Contain("story.txt: not written"));
    }

    [Test]
    public void A_result_that_is_not_cleaned_is_an_error_and_never_output()
    {
        // Item 6: the status of the result decides; here a cleaner with a small input limit.
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { MaxInputLength = 100 }).Build();
        var error = Assert.Throws<InputException>(() => InputCleaner.Clean(cleaner, Encoding.UTF8.GetBytes(Article), "a.txt", InputKind.Auto));
        Assert.That(error!.Message, Does.StartWith("input-too-large: "));
        Assert.Throws<InputException>(() => InputCleaner.Clean(cleaner, Encoding.UTF8.GetBytes(MinimalHtml + new string('x', 200)), "a.html", InputKind.Auto));
    }

    [Test]
    public void A_file_larger_than_any_cleaning_is_an_error_before_it_is_read()
    {
        // Items 6 and 10: a sparse 1.9 GB file that starts as text (so that no look at its first
        // bytes calls it binary); reading it would exhaust memory.
        var path = TempPath("huge.txt");
        using (var file = File.Create(path))
        {
            var start = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Article + "\n", 40)));
            file.Write(start);
            file.SetLength(1_900_000_000);
        }

        WriteFile("small.txt", Article);
        var run = Run("clean", path, TempPath("small.txt"), "--out", TempPath("out"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Err, Does.Contain("huge.txt: input-too-large: 1,900,000,000 bytes"));
        Assert.That(File.Exists(TempPath("out/huge.txt")), Is.False);
        Assert.That(File.Exists(TempPath("out/small.txt")), Is.True);
    }

    [Test]
    public void Json_output_carries_the_status()
    {
        var run = Run("clean", WriteFile("a.txt", Article), "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Out, Does.Contain("\"status\":\"cleaned\""));
    }

    [Test]
    public void Standard_input_goes_through_the_byte_encoding_detection()
    {
        // Item 7: Windows-1252 and UTF-16 on standard input, as bytes (the console's reader would make them U+FFFD or binary).
        var text = "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e and a na\u00efve r\u00e9sum\u00e9 in the caf\u00e9 by the station, twice a week for years now.";
        foreach (var bytes in new[] { Encoding.GetEncoding(1252).GetBytes(text), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] })
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var io = new CliStreams(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), output, error, colour: false)
            {
                BinaryIn = () => new MemoryStream(bytes),
            };
            Assert.That(CleanerApp.Run(["clean", "-", "--text"], io), Is.EqualTo(0), error.ToString());
            Assert.That(output.ToString(), Does.Contain("cr\u00e8me br\u00fbl\u00e9e"));
        }
    }

    [Test]
    public void A_fifo_in_a_scanned_directory_is_skipped_not_waited_for()
    {
        // Item 15.
        Assume.That(OperatingSystem.IsLinux());
        WriteFile("d/a.txt", Article);
        Mkfifo(TempPath("d/pipe.txt"));
        var run = Task.Run(() => Run("clean", TempPath("d"), "--out", TempPath("out")));
        Assert.That(run.Wait(TimeSpan.FromSeconds(30)), Is.True, "clean DIR returned");
        Assert.That(run.Result.Err, Does.Contain("pipe.txt: skipped: not a regular file"));
        Assert.That(File.Exists(TempPath("out/a.txt")), Is.True);
    }

    [Test]
    public void A_link_to_a_file_outside_the_directory_is_not_followed()
    {
        // Item 16.
        var secret = WriteFile("elsewhere/secret.txt", Article);
        WriteFile("d/a.txt", Article);
        WriteFile("d/sub/inside.txt", Article);
        File.CreateSymbolicLink(TempPath("d/secret.txt"), secret);
        File.CreateSymbolicLink(TempPath("d/also.txt"), TempPath("d/sub/inside.txt"));
        var run = Run("clean", TempPath("d"), "--out", TempPath("out"));
        Assert.That(File.Exists(TempPath("out/secret.txt")), Is.False);
        Assert.That(run.Err, Does.Contain("secret.txt: skipped: a link to a file outside"));
        Assert.That(File.Exists(TempPath("out/also.txt")), Is.True, "a link inside the tree is read");
        Assert.That(File.Exists(TempPath("out/a.txt")), Is.True);
    }

    [Test]
    public void A_closed_standard_input_is_empty_for_clean_and_batch()
    {
        // Item 15: with <&- descriptor 0 is reused by the runtime; reading it used to block forever.
        Assume.That(OperatingSystem.IsLinux());
        var (code, _, err) = CliProcess.Bash("$CLEANER clean - <&- ; echo \"clean=$?\" >&2; $CLEANER batch - <&- ; echo \"batch=$?\" >&2", Temp, TimeSpan.FromSeconds(60));
        Assert.That(code, Is.Not.EqualTo(-1), "it returned");
        Assert.That(err, Does.Contain("batch=0").And.Contain("in=0 out=0 errors=0 skipped=0"));
        Assert.That(err, Does.Match("clean=[01]"));
    }

    [Test]
    public void Piped_standard_input_is_read_by_clean_explain_and_batch()
    {
        // The runtime duplicates descriptor 0 at start-up; a pipe from a caller must still be read.
        Assume.That(OperatingSystem.IsLinux());
        var script = """
            printf 'Short note: meeting moved to Friday.\nPlease bring the slides.\n' | $CLEANER clean -
            printf 'The council voted on Tuesday to approve a new park along the river.\n' | $CLEANER explain -
            (printf '{"text":"The council voted on Tuesday to approve a new park along the river, after a long debate."}\n'; sleep 1) | $CLEANER batch - 2>&1
            """;
        var (code, output, err) = CliProcess.Bash(script, Temp, TimeSpan.FromSeconds(120));
        Assert.That(code, Is.EqualTo(0), err);
        Assert.That(output, Does.Contain("Short note: meeting moved to Friday.\nPlease bring the slides."));
        Assert.That(output, Does.Contain("KEEP").And.Contain("The council voted on Tuesday to approve a new park along the river."));
        Assert.That(output, Does.Contain("\"status\":\"cleaned\"").And.Contain("in=1 out=1 errors=0 skipped=0"));
    }

    internal static void Mkfifo(string path)
    {
        using var process = System.Diagnostics.Process.Start("mkfifo", [path])!;
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0));
    }
}
