using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;

namespace Cleaner.Cli.Inputs;

/// <summary>A page fetched over HTTP: its bytes, its Content-Type header, its final address and what it is.</summary>
internal sealed record FetchedPage(byte[] Body, string? ContentType, Uri Address, InputKind Kind);

/// <summary>
/// Fetches the pages of <c>http://</c> and <c>https://</c> inputs: GET with a User-Agent naming the
/// tool, at most <see cref="MaxRedirects"/> redirects, the whole fetch within a time limit and the
/// body within a size limit. A non-2xx status and a Content-Type that is not HTML or plain text are
/// errors of the input.
/// </summary>
internal sealed class PageFetcher : IDisposable
{
    /// <summary>The most redirects followed for one page.</summary>
    public const int MaxRedirects = 10;

    /// <summary>The default time limit of one fetch, redirects and body included.</summary>
    public const int DefaultTimeoutSeconds = 30;

    /// <summary>The default size limit of one page's body, in megabytes.</summary>
    public const int DefaultMaxMegabytes = 20;

    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;
    private readonly long _maxBytes;

    public PageFetcher(TimeSpan timeout, long maxBytes)
    {
        _timeout = timeout;
        _maxBytes = maxBytes;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = timeout,
            UseCookies = false,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html, application/xhtml+xml, text/plain;q=0.8");
    }

    /// <summary>The User-Agent header: <c>Cleaner/&lt;version&gt; (boilerplate remover)</c>.</summary>
    public static string UserAgent { get; } =
        $"Cleaner/{typeof(PageFetcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0"} (boilerplate remover)";

    /// <summary>Fetches one page.</summary>
    /// <exception cref="InputException">Not fetched: the message says why in one line.</exception>
    public FetchedPage Fetch(string url) => FetchAsync(url).GetAwaiter().GetResult();

    public void Dispose() => _client.Dispose();

    private async Task<FetchedPage> FetchAsync(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address))
        {
            throw new InputException("not a valid URL");
        }

        using var timeout = new CancellationTokenSource(_timeout);
        try
        {
            for (int redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, address);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = new Uri(address, location);
                    if (redirects == MaxRedirects)
                    {
                        throw new InputException($"more than {MaxRedirects} redirects (the last one to {next})");
                    }

                    address = next.Scheme is "http" or "https" ? next : throw new InputException($"redirected to {next}, not an http or https address");
                    continue;
                }

                if (status is < 200 or >= 300)
                {
                    var from = address.ToString() == url ? string.Empty : $" (from {address})";
                    throw new InputException(string.Create(CultureInfo.InvariantCulture, $"HTTP {status} {response.ReasonPhrase}{from}"));
                }

                var contentType = response.Content.Headers.ContentType;
                var kind = KindOf(contentType);
                if (response.Content.Headers.ContentLength > _maxBytes)
                {
                    throw TooLarge();
                }

                var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    return new FetchedPage(await ReadAsync(stream, timeout.Token).ConfigureAwait(false), contentType?.ToString(), address, kind);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"timed out after {_timeout.TotalSeconds:0.###} s (--fetch-timeout)"));
        }
        catch (HttpRequestException e)
        {
            throw new InputException($"cannot fetch: {OneLine(e)}");
        }
        catch (IOException e)
        {
            throw new InputException($"cannot fetch: {OneLine(e)}");
        }
    }

    /// <summary>HTML for text/html and application/xhtml+xml, text for text/plain, detected without a Content-Type.</summary>
    private static InputKind KindOf(MediaTypeHeaderValue? contentType) => contentType?.MediaType?.ToLowerInvariant() switch
    {
        null => InputKind.Auto,
        "text/html" or "application/xhtml+xml" => InputKind.Html,
        "text/plain" => InputKind.Text,
        var other => throw new InputException($"not an HTML page: Content-Type {other}"),
    };

    private async Task<byte[]> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > _maxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    private InputException TooLarge() =>
        new(string.Create(CultureInfo.InvariantCulture, $"the page is larger than {_maxBytes:N0} bytes (--fetch-max-mb)"));

    /// <summary>An exception's message with its inner exceptions' (the socket error says what failed), on one line.</summary>
    private static string OneLine(Exception e)
    {
        var message = e.Message.TrimEnd('.');
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!message.Contains(inner.Message.TrimEnd('.'), StringComparison.Ordinal))
            {
                message += ": " + inner.Message.TrimEnd('.');
            }
        }

        return message.ReplaceLineEndings(" ");
    }
}

/// <summary>Inputs that are web addresses, and where their outputs go (apart from <see cref="PageFetcher"/>, so that runs without one load no HTTP code).</summary>
internal static class WebAddress
{
    /// <summary>Whether a command-line input is an address to fetch (<c>http://</c> or <c>https://</c>).</summary>
    public static bool IsUrl(string input) =>
        input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The path under <c>--out</c> of a page's output: its host (and port), then the parts of its
    /// path, <c>index</c> for a path that ends in <c>/</c>, the query after an underscore; every
    /// character but letters, digits, '.', '-' and '_' becomes '_'.
    /// </summary>
    public static string OutputName(Uri address)
    {
        var parts = new List<string> { Safe(address.IsDefaultPort ? address.Host : $"{address.Host}_{address.Port.ToString(CultureInfo.InvariantCulture)}") };
        parts.AddRange(address.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => Safe(Uri.UnescapeDataString(p))));
        if (parts.Count == 1 || address.AbsolutePath.EndsWith('/'))
        {
            parts.Add("index");
        }

        if (address.Query.Length > 1)
        {
            parts[^1] += "_" + Safe(Uri.UnescapeDataString(address.Query[1..]));
        }

        return Path.Combine([.. parts]);
    }

    private static string Safe(string part)
    {
        var safe = new string([.. part.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
        safe = safe.Length > 100 ? safe[..100] : safe;
        return safe is "." or ".." ? "_" : safe;
    }
}
