using System.Text;
using Cleaner.Tests.Cli;

namespace Cleaner.Tests.Reliability;

/// <summary>Bad files given to the command line: each gives a clear one-line error or a right result, and the good inputs still go through.</summary>
public class CliBadInputTests : CliTestKit
{
    private const string Sentence = "Residents said on Tuesday that they had waited a long time for the bridge to be repaired, and many doubted it would happen.";

    private static readonly byte[] PngLike = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0xFF, 0x3C, 0x70, 0x3E];

    private string WriteBytes(string relative, byte[] bytes)
    {
        var path = TempPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Test]
    public void A_missing_file_is_one_error_line_naming_it()
    {
        var missing = TempPath("nowhere/missing.txt");
        var run = Run("clean", missing);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrLines, Has.Length.EqualTo(1));
        Assert.That(run.ErrLines[0], Does.Contain(missing).And.Contain("no such file"));
        Assert.That(run.Out, Is.Empty);
    }

    [TestCase("empty.txt")]
    [TestCase("empty.html")]
    public void An_empty_file_gives_empty_output_and_exit_0(string name)
    {
        var run = Run("clean", WriteBytes(name, []));
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Err, Is.Empty);
        Assert.That(run.Out.Trim(), Is.Empty);
    }

    [TestCase("image.txt", "auto")]
    [TestCase("image.html", "auto")]
    [TestCase("image.png.txt", "text")]
    [TestCase("image.bin", "html")]
    public void A_binary_file_is_a_clear_error_not_garbage(string name, string kind)
    {
        var path = WriteBytes(name, PngLike.Concat(Encoding.UTF8.GetBytes(Sentence)).ToArray());
        var run = kind == "auto" ? Run("clean", path) : Run("clean", path, "--" + kind);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrLines, Is.EqualTo(new[] { $"cleaner: {path}: binary input (NUL bytes): not text or HTML" }));
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    public void Invalid_utf8_text_reads_as_windows_1252_and_cleans()
    {
        var bytes = Encoding.UTF8.GetBytes(Sentence + "\n").Concat(new byte[] { 0x43, 0x61, 0x66, 0xC3, 0x28, 0xA0, 0x0A }).Concat(Encoding.UTF8.GetBytes(Sentence)).ToArray();
        var run = Run("clean", WriteBytes("broken.txt", bytes));
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Err, Is.Empty);
        Assert.That(run.Out, Does.Contain(Sentence));
    }

    [Test]
    public void Windows_1252_text_comes_out_right()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var line = "The caf\u00E9 was full of na\u00EFve tourists who had come for the r\u00E9sum\u00E9 of the festival and the cr\u00E8me br\u00FBl\u00E9e.";
        var path = WriteBytes("latin.txt", Encoding.GetEncoding(1252).GetBytes(line + "\n" + Sentence + "\n"));
        var run = Run("clean", path);
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Out, Does.Contain(line));
        Assert.That(run.Out.Contains('\uFFFD', StringComparison.Ordinal), Is.False, "replacement characters in the output");
    }

    [TestCase("utf-16")]
    [TestCase("utf-16BE")]
    public void Utf16_text_with_a_byte_order_mark_is_read(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var text = "Caf\u00E9 \u4E1C\u4EAC: " + Sentence + "\n" + Sentence.ToUpperInvariant() + " again, and once more in full.";
        var path = WriteBytes("wide.txt", encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray());
        var run = Run("clean", path);
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Err, Is.Empty);
        Assert.That(run.Out, Does.Contain("Caf\u00E9 \u4E1C\u4EAC: " + Sentence));
        Assert.That(run.Out.Contains('\0', StringComparison.Ordinal), Is.False, "NUL characters in the output");
    }

    [Test]
    public void A_directory_of_good_and_bad_files_cleans_the_good_ones_and_names_every_bad_one()
    {
        WriteFile("in/good.txt", Article);
        WriteFile("in/sub/good.html", MinimalHtml);
        var binary = WriteBytes("in/image.html", PngLike);
        var binaryText = WriteBytes("in/sub/data.txt", PngLike);
        var output = TempPath("out");
        var run = Run("clean", TempPath("in"), "--out", output);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrLines, Has.Length.EqualTo(2));
        Assert.That(run.Err, Does.Contain(binary).And.Contain(binaryText));
        Assert.That(File.ReadAllText(Path.Combine(output, "good.txt")), Does.Contain("The city council voted on Tuesday"));
        Assert.That(File.ReadAllText(Path.Combine(output, "sub", "good.txt")), Does.Contain("Hello there, this is a page."));
        Assert.That(File.Exists(Path.Combine(output, "image.txt")), Is.False);
        Assert.That(File.Exists(Path.Combine(output, "sub", "data.txt")), Is.False);
    }

    [Test]
    public void Out_into_a_path_that_is_a_file_is_a_clear_error()
    {
        var input = WriteFile("a.txt", Article);
        var target = WriteFile("taken", "not a directory");
        var run = Run("clean", input, "--out", target);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrLines, Is.EqualTo(new[] { $"cleaner: --out {target} is a file; give a directory (it is created when missing)" }));
        Assert.That(File.ReadAllText(target), Is.EqualTo("not a directory"));
    }

    [Test]
    public void Binary_standard_input_is_a_clear_error()
    {
        var run = RunWithInput("\0\0\0 some bytes", "clean", "-");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrLines, Is.EqualTo(new[] { "cleaner: standard input: binary input (NUL bytes): not text or HTML" }));
    }
}
