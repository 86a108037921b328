using System.Text;

namespace Cleaner.Tests.Reliability;

/// <summary>
/// A bounded fuzzing run over the HTML entry point: random tag soup and mutated corpus pages for a
/// fixed number of iterations from fixed seeds (set CLEANER_FUZZ_ITERATIONS for a longer run). A
/// failure names the seed and iteration, so it can be replayed.
/// </summary>
public class HtmlFuzzTests
{
    private static readonly string[] Tags =
    [
        "div", "p", "span", "b", "i", "a href=\"/x\"", "ul", "ol", "li", "table", "tr", "td", "th", "h1", "h2", "h3", "blockquote", "pre",
        "article", "nav class=\"menu\"", "aside class=\"sidebar\"", "footer", "header", "section class=\"comments\"", "script", "style",
        "noscript", "iframe", "template", "svg", "math", "form", "select", "option", "textarea", "title", "body", "html", "head", "frameset",
        "br", "hr", "img src=x", "div hidden", "p style=\"display:none\"", "figure", "figcaption", "dl", "dt", "dd", "plaintext", "xmp",
    ];

    private static readonly string[] Words =
    [
        "the", "council", "approved", "budget", "Home", "Share", "©", "2024", "&amp;", "&lt;", "&#0;", "&#xD800;", "\u0000", "東京", "مرحبا",
        "🚀", "\u200B", "\uFEFF", "Read more", "<!--", "-->", "<![CDATA[", "]]>", "<?xml", "&nbsp;", "\r\n", "\t",
    ];

    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("CLEANER_FUZZ_ITERATIONS"), out var n) ? n : 150;

    private static readonly Lazy<string[]> Corpus = new(() => Directory
        .EnumerateFiles(Path.Combine(TestPaths.Corpus, "readability-html"), "*.html")
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllText)
        .ToArray());

    [TestCase(20261126)]
    [TestCase(8)]
    public void Html_entry_point_survives_tag_soup_and_mutated_pages(int seed)
    {
        var random = new Random(seed);
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            string html = random.Next(3) == 0 ? TagSoup(random) : Mutate(Corpus.Value[random.Next(Corpus.Value.Length)], random);
            bool asBytes = random.Next(2) == 0;
            string where = $"seed {seed}, iteration {iteration} ({(asBytes ? "bytes" : "string")})";
            CleanResult result;
            try
            {
                result = asBytes ? TextCleaner.Default.CleanHtml(Encoding.UTF8.GetBytes(html)) : TextCleaner.Default.CleanHtml(html);
            }
            catch (Exception e)
            {
                Assert.Fail($"{where}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                return;
            }

            Assert.That(result.Status, Is.EqualTo(CleanStatus.Cleaned), where);
            Assert.That(result.Removed.Count + result.Blocks.Count(b => !b.IsRemoved), Is.EqualTo(result.Blocks.Count), $"{where}: blocks not accounted for");
            var source = result.Document.Source;
            foreach (var line in result.Text.Split('\n'))
            {
                Assert.That(source.Contains(line, StringComparison.Ordinal), Is.True, $"{where}: output line not in the rendered page: '{line}'");
            }
        }
    }

    private static string TagSoup(Random random)
    {
        var html = new StringBuilder();
        int pieces = random.Next(1, 600);
        for (int i = 0; i < pieces; i++)
        {
            switch (random.Next(6))
            {
                case 0:
                    html.Append('<').Append(Tags[random.Next(Tags.Length)]).Append('>');
                    break;
                case 1:
                    html.Append("</").Append(Tags[random.Next(Tags.Length)].Split(' ')[0]).Append('>');
                    break;
                case 2:
                    html.Append((char)random.Next(0, 0x3100));
                    break;
                default:
                    html.Append(Words[random.Next(Words.Length)]).Append(' ');
                    break;
            }
        }

        return html.ToString();
    }

    private static string Mutate(string page, Random random)
    {
        var html = new StringBuilder(page);
        int edits = random.Next(1, 40);
        for (int e = 0; e < edits && html.Length > 0; e++)
        {
            int at = random.Next(html.Length);
            int length = Math.Min(html.Length - at, random.Next(1, 2000));
            switch (random.Next(7))
            {
                case 0: html.Remove(at, length); break;
                case 1: html.Insert(at, html.ToString(at, length)); break;
                case 2: html.Insert(at, $"<{Tags[random.Next(Tags.Length)]}>"); break;
                case 3: html.Insert(at, $"</{Tags[random.Next(Tags.Length)].Split(' ')[0]}>"); break;
                case 4: html[at] = html[at] switch { '<' => '>', '>' => '<', '"' => '\'', _ => '<' }; break;
                case 5: html.Insert(at, (char)random.Next(0, 0x3100)); break;
                default: html.Length = Math.Max(0, html.Length - random.Next(1, html.Length)); break;
            }
        }

        return html.ToString();
    }
}
