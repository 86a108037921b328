using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Cleaner.Tests.Cli;

/// <summary><c>clean https://…</c> fetches the page, and <c>--url</c> gives the address of a page read from a file (issue 16).</summary>
public class UrlTests : CliTestKit
{
    private const string Paragraph = "The city council voted on Tuesday to approve a new park along the river, ending a debate that had lasted for more than two years.";

    private static readonly string Page =
        $"<!DOCTYPE html><html><head><title>Park plan</title><link rel=\"canonical\" href=\"/story\"></head><body><article><h1>Park plan</h1><p>{Paragraph}</p><p>Residents said they were delighted with the decision and hoped that work would begin before the summer.</p></article></body></html>";

    private static LoopbackServer Serve(Func<string, Stream, CancellationToken, Task> handle) => new(handle);

    private static Task Html(Stream s) => LoopbackServer.Send(s, "200 OK", "Content-Type: text/html; charset=utf-8\r\n", Page);

    [Test]
    public void A_page_is_fetched_and_cleaned_with_its_address_and_a_user_agent_naming_the_tool()
    {
        using var server = Serve((_, s, _) => Html(s));
        var run = Run("clean", "--format", "json", server.Url("/news/park"));
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        Assert.That(json.RootElement.GetProperty("source").GetString(), Is.EqualTo(server.Url("/news/park")));
        Assert.That(json.RootElement.GetProperty("text").GetString(), Does.Contain(Paragraph));
        Assert.That(json.RootElement.GetProperty("metadata").GetProperty("canonicalUrl").GetString(), Is.EqualTo(server.Url("/story")), "relative links read against the page's address");
        Assert.That(server.Requests.Single(), Does.StartWith("GET /news/park HTTP/1.1").And.Match(@"User-Agent: Cleaner/\d+\.\d+\.\d+ \(boilerplate remover\)"));
    }

    [Test]
    public void A_redirect_chain_is_followed_and_the_final_address_is_the_pages()
    {
        string? final = null;
        using var server = Serve((path, s, _) => path switch
        {
            "/old" => LoopbackServer.Send(s, "301 Moved Permanently", "Location: /moved\r\n", string.Empty),
            "/moved" => LoopbackServer.Send(s, "302 Found", $"Location: {final}\r\n", string.Empty),
            _ => Html(s),
        });
        final = server.Url("/final/page");
        var run = Run("clean", "-f", "json", server.Url("/old"));
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        Assert.That(json.RootElement.GetProperty("text").GetString(), Does.Contain(Paragraph));
        Assert.That(server.Requests.Select(r => r.Split(' ')[1]), Is.EqualTo(new[] { "/old", "/moved", "/final/page" }));
    }

    [Test]
    public void Too_many_redirects_is_one_error_line()
    {
        using var server = Serve((path, s, _) => LoopbackServer.Send(s, "302 Found", $"Location: /loop{path.Length}\r\n", string.Empty));
        var run = Run("clean", server.Url("/loop"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Err, Does.Match(@"^cleaner: http://127\.0\.0\.1:\d+/loop: more than 10 redirects \(the last one to http://.*\)\n$"));
        Assert.That(server.Requests, Has.Count.EqualTo(11));
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    public void A_status_that_is_not_2xx_is_one_error_line_and_the_other_inputs_go_on()
    {
        using var server = Serve((path, s, _) => path == "/missing" ? LoopbackServer.Send(s, "404 Not Found", "Content-Type: text/html\r\n", "<p>Not here</p>") : Html(s));
        var run = Run("clean", server.Url("/missing"), server.Url("/page"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Err, Is.EqualTo($"cleaner: {server.Url("/missing")}: HTTP 404 Not Found\n"));
        Assert.That(run.Out.Split('\0')[0], Is.Empty);
        Assert.That(run.Out.Split('\0')[1], Does.Contain(Paragraph));
    }

    [Test]
    public void A_content_type_that_is_not_html_is_an_error()
    {
        using var server = Serve((_, s, _) => LoopbackServer.Send(s, "200 OK", "Content-Type: application/pdf\r\n", "%PDF-1.4 not a page"));
        var run = Run("clean", server.Url("/doc.pdf"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Err, Is.EqualTo($"cleaner: {server.Url("/doc.pdf")}: not an HTML page: Content-Type application/pdf\n"));
        Assert.That(run.Out, Is.Empty);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void A_body_over_the_size_limit_is_an_error_with_or_without_a_length(bool length)
    {
        var body = Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<p>" + Paragraph + "</p>", 12_000)) + "</body></html>");
        Assert.That(body.Length, Is.GreaterThan(1024 * 1024));
        using var server = Serve((_, s, _) => LoopbackServer.Send(s, "200 OK", "Content-Type: text/html\r\n", body, length));
        var run = Run("clean", "--fetch-max-mb", "1", server.Url("/big"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Err, Is.EqualTo($"cleaner: {server.Url("/big")}: the page is larger than 1,048,576 bytes (--fetch-max-mb)\n"));
    }

    [Test]
    public void The_charset_of_the_content_type_header_comes_before_the_pages_own()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        // The bytes are windows-1251; the page wrongly declares iso-8859-1, the header is right.
        const string russian = "Городской совет во вторник одобрил план нового парка вдоль реки, положив конец спорам, которые длились больше двух лет.";
        var body = Encoding.GetEncoding(1251).GetBytes($"<html><head><meta charset=\"iso-8859-1\"><title>Парк</title></head><body><article><p>{russian}</p><p>{russian}</p></article></body></html>");
        using var server = Serve((_, s, _) => LoopbackServer.Send(s, "200 OK", "Content-Type: text/html; charset=windows-1251\r\n", body));
        var run = Run("clean", server.Url("/ru"));
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        Assert.That(run.Out, Does.Contain(russian));
    }

    [Test]
    public void A_slow_server_hits_the_fetch_timeout()
    {
        using var server = Serve(async (_, s, stop) =>
        {
            await s.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><body><p>"), stop);
            await Task.Delay(TimeSpan.FromSeconds(30), stop);
        });
        var clock = Stopwatch.StartNew();
        var run = Run("clean", "--fetch-timeout", "0.5", server.Url("/slow"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Err, Is.EqualTo($"cleaner: {server.Url("/slow")}: timed out after 0.5 s (--fetch-timeout)\n"));
    }

    [Test]
    public void A_page_goes_under_out_by_its_host_and_path()
    {
        using var server = Serve((_, s, _) => Html(s));
        var run = Run("clean", server.Url("/news/park.html"), server.Url("/"), "--out", TempPath("out"));
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        var host = new Uri(server.Url("/")).Authority.Replace(':', '_');
        Assert.That(File.ReadAllText(TempPath($"out/{host}/news/park.txt")), Does.Contain(Paragraph));
        Assert.That(File.Exists(TempPath($"out/{host}/index.txt")), Is.True);
    }

    [Test]
    public void Url_gives_the_address_of_a_page_read_from_a_file_or_standard_input()
    {
        var file = WriteFile("page.html", Page);
        string Canonical(CliRun run)
        {
            Assert.That(run.ExitCode, Is.Zero, run.Err);
            using var json = JsonDocument.Parse(run.Out);
            return json.RootElement.GetProperty("metadata").TryGetProperty("canonicalUrl", out var url) ? url.GetString()! : "(none)";
        }

        Assert.That(Canonical(Run("clean", "-f", "json", file)), Does.Not.StartWith("https:"));
        Assert.That(Canonical(Run("clean", "-f", "json", file, "--url", "https://example.org/news/park")), Is.EqualTo("https://example.org/story"));
        Assert.That(Canonical(RunWithInput(Page, "clean", "-f", "json", "--html", "-", "--url", "https://example.org/a/b")), Is.EqualTo("https://example.org/story"));
    }

    [Test]
    public void Url_is_for_one_input_and_takes_an_absolute_web_address()
    {
        var file = WriteFile("page.html", Page);
        var run = Run("clean", file, file, "--url", "https://example.org/");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Err, Does.StartWith("cleaner: --url gives the address of one page"));
        run = Run("clean", file, "--url", "/relative/path");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Err, Is.EqualTo("cleaner: --url takes an absolute http:// or https:// address, not '/relative/path'\n"));
    }

    [TestCase("--fetch-timeout", "0", "cleaner: --fetch-timeout takes a number of seconds above 0\n")]
    [TestCase("--fetch-max-mb", "-1", "cleaner: --fetch-max-mb takes a number of megabytes above 0 and at most 4096\n")]
    public void Fetch_limits_are_checked_even_without_an_address(string option, string value, string error)
    {
        var run = Run("clean", WriteFile("a.txt", Article), option, value);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Err, Is.EqualTo(error));
    }
}
