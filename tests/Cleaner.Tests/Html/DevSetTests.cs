using System.Collections.Concurrent;

namespace Cleaner.Tests.Html;

/// <summary>
/// Every page of the dev sets (../shared/eval/*/html) cleans without an exception, and no page with
/// an article (twenty words of gold or more) comes back empty. The dev sets are not part of the
/// repository: without them the test passes and says so.
/// </summary>
[Category("DevSet")]
public class DevSetTests
{
    [Test]
    public void Every_dev_set_page_cleans_and_no_article_comes_back_empty()
    {
        if (TestPaths.Eval is not { } eval)
        {
            Assert.Pass("../shared/eval is not present: no dev-set page was cleaned.");
            return;
        }

        var pages = Directory.EnumerateDirectories(eval)
            .Select(set => Path.Combine(set, "html"))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.html"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(pages, Is.Not.Empty, $"no html pages under {eval}");

        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(pages, new ParallelOptions { MaxDegreeOfParallelism = 2 }, page =>
        {
            CleanResult result;
            try
            {
                result = TextCleaner.Default.CleanHtml(File.ReadAllBytes(page));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"{page}: {e.GetType().Name}: {e.Message}");
                return;
            }

            var gold = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(page))!, "gold", Path.GetFileNameWithoutExtension(page) + ".txt");
            if (result.Text.Length == 0 && File.Exists(gold) && File.ReadAllText(gold).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= 20)
            {
                failures.Add($"{page}: empty result for a page with an article");
            }
        });

        TestContext.Out.WriteLine($"{pages.Count} dev-set pages cleaned.");
        Assert.That(failures, Is.Empty);
    }
}
