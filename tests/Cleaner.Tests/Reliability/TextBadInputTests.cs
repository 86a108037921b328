using System.Text;

namespace Cleaner.Tests.Reliability;

/// <summary>Broken and hostile text input: each gives a result or a clear error, never a hang or a crash.</summary>
public class TextBadInputTests
{
    private const string Prose = "The council approved the new budget on Tuesday, after a long debate about teachers' pay, school buildings and the roads that lead to them.";

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("\n\n\n")]
    [TestCase("\t \r\n \u00A0 \u2028")]
    public void Empty_and_whitespace_give_empty_text(string input)
    {
        var result = TextCleaner.Default.Clean(input);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Text.Trim(), Is.Empty);
    }

    [Test]
    public void Nul_bytes_and_binary_noise_do_not_crash_and_prose_survives()
    {
        var random = new Random(1234);
        var noise = new char[5000];
        for (int i = 0; i < noise.Length; i++)
        {
            noise[i] = (char)random.Next(0, 0x3000);
        }

        var input = "\0\0\0\n" + new string(noise) + "\n" + Prose + "\n\u0001\u0002\u0003\n" + Prose;
        var result = TextCleaner.Default.Clean(input);
        Assert.That(result.Text, Does.Contain(Prose));
    }

    [Test]
    public void Invalid_utf8_decoded_with_replacement_characters_cleans()
    {
        var bytes = Encoding.UTF8.GetBytes(Prose).Concat(new byte[] { 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0x0A, 0xF0, 0x90, 0x28, 0xBC }).ToArray();
        var text = Encoding.UTF8.GetString(bytes) + "\n" + Prose;
        var result = TextCleaner.Default.Clean(text);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Text, Does.Contain("\uFFFD"));
    }

    [Test]
    public void A_100_MB_single_line_gives_a_result()
    {
        var sentence = "The river rose again in the night and the town waited for the water to fall. ";
        var line = new StringBuilder(100 * 1024 * 1024 / 2 + sentence.Length);
        while (line.Length < 100 * 1024 * 1024 / 2)
        {
            line.Append(sentence);
        }

        var text = line.ToString();
        var result = TextCleaner.Default.Clean(text);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Text, Has.Length.EqualTo(text.TrimEnd().Length));
    }

    [Test]
    public void A_million_short_lines_give_a_result()
    {
        var text = string.Join("\n", Enumerable.Range(0, 1_000_000).Select(i => i % 5 == 0 ? "Home" : "Item " + i));
        var result = TextCleaner.Default.Clean(text);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Blocks, Has.Count.EqualTo(1_000_000));
    }

    [Test]
    public void Mixed_line_endings_split_the_same_way()
    {
        var lf = TextCleaner.Default.Clean($"{Prose}\nLike Us on Facebook\n{Prose}");
        var mixed = TextCleaner.Default.Clean($"{Prose}\r\nLike Us on Facebook\r{Prose}");
        Assert.That(mixed.Text, Is.EqualTo(lf.Text));
        Assert.That(mixed.Removed.Single().Text, Is.EqualTo("Like Us on Facebook"));
    }

    [TestCase("مرحبا بكم في موقعنا. هذا نص تجريبي طويل بما يكفي ليبدو كفقرة من مقال حقيقي عن السياسة والاقتصاد في المنطقة.")]
    [TestCase("东京的天气今天很好，很多人去公园散步。政府宣布了新的经济政策，专家认为这将对市场产生积极影响。")]
    [TestCase("The launch was a success 🚀🚀 and the crew waved 👋 to the cameras before the doors closed on the capsule.")]
    [TestCase("Control \u0007 characters \u001B[31m in \u0008 a line that is otherwise an ordinary sentence of some length.")]
    public void Rtl_cjk_emoji_and_control_characters_survive(string line)
    {
        var result = TextCleaner.Default.Clean(line + "\n" + line);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Text, Does.Contain(line));
    }

    [Test]
    public void Input_over_the_size_limit_comes_back_untouched_with_a_diagnostic()
    {
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { MaxInputLength = 100 }).Build();
        var input = "Like Us on Facebook\n" + Prose;
        var result = cleaner.Clean(input);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.InputTooLarge));
        Assert.That(result.Text, Is.EqualTo(input));
        Assert.That(result.Diagnostic, Does.Contain("MaxInputLength"));
        Assert.That(result.Removed, Is.Empty);
    }

    private sealed class SlowFilter : IBlockFilter
    {
        public string Name => "slow";

        public string Description => "Sleeps, to test the time limit.";

        public void Apply(Document document) => Thread.Sleep(200);
    }

    [Test]
    public void A_document_over_the_time_limit_comes_back_untouched_with_a_diagnostic()
    {
        var cleaner = TextCleaner.CreateBuilder()
            .InsertAfter<Cleaner.Filters.UrlFilter>(new SlowFilter())
            .WithOptions(o => o with { Timeout = TimeSpan.FromMilliseconds(50) })
            .Build();
        var input = "Like Us on Facebook\n" + Prose;
        var result = cleaner.Clean(input);
        Assert.That(result.Status, Is.EqualTo(CleanStatus.TimedOut));
        Assert.That(result.Text, Is.EqualTo(input));
        Assert.That(result.Diagnostic, Does.Contain("slow"));
    }

    [Test]
    public void Cancellation_stops_with_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => TextCleaner.Default.Clean(Prose, cts.Token));
    }
}
