using System.Text;

namespace Cleaner.Tests.Reliability;

/// <summary>
/// Issue 18 item 12: what one block (one short line of text, one line of a <c>pre</c>) costs to
/// clean, in bytes allocated, so that a record of millions of short lines stays within a stated
/// memory. The bounds sit between today's cost and the cost before the cut (text: 374 bytes a
/// line, pre past the extractor gate: 496), so that a regression shows.
/// </summary>
public class BlockMemoryTests
{
    private static readonly TextCleaner Cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { Timeout = null }).Build();

    private static double BytesPerLine(Func<CleanResult> clean, int lines)
    {
        Cleaner.Clean("warm up\nthe cleaner\n");
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = clean();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned));
        Assert.That(result.Document.Blocks, Has.Count.EqualTo(lines), "one block a line");
        return (double)allocated / lines;
    }

    [Test]
    public void A_megabyte_of_short_lines_costs_less_than_260_bytes_a_line()
    {
        const int lines = 1_000_000 / 3;
        var text = new StringBuilder(3 * lines).Insert(0, "ab\n", lines).ToString();
        double perLine = BytesPerLine(() => Cleaner.Clean(text), lines);
        Assert.That(perLine, Is.LessThan(260), $"{perLine:F0} bytes a line");
    }

    [Test]
    public void A_pre_of_short_lines_costs_less_than_400_bytes_a_line()
    {
        // Past the extractor gate (a million characters of text), as the worst case is.
        const int lines = 1_200_000 / 3;
        var html = "<html><body><pre>" + new StringBuilder(3 * lines).Insert(0, "ab\n", lines) + "</pre></body></html>";
        double perLine = BytesPerLine(() => Cleaner.CleanHtml(html), lines);
        Assert.That(perLine, Is.LessThan(400), $"{perLine:F0} bytes a line");
    }
}
