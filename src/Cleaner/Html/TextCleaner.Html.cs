using AngleSharp.Html.Parser;
using Cleaner.Html;

namespace Cleaner;

public sealed partial class TextCleaner
{
    /// <summary>One parser for every page: its options never change, and each parse is independent.</summary>
    private static readonly HtmlParser Parser = new(new HtmlParserOptions
    {
        SkipComments = true,
        SkipRawText = true,
        SkipProcessingInstructions = true,
        DisableElementPositionTracking = true,
    });

    /// <summary>
    /// Cleans an HTML page: finds the article with SmartReader, turns the page into blocks with their
    /// DOM features (kind, heading level, link share, class hints, in the article or not), runs the
    /// filters, and reads the page's metadata. When SmartReader finds no article, or far less text than
    /// the page holds, the filters judge the whole page instead.
    /// </summary>
    /// <param name="html">The page's markup.</param>
    /// <param name="url">The page's address, when known (resolves the canonical address).</param>
    /// <returns>
    /// The cleaned text, the title, the metadata and every removal with its reason. A page over the
    /// size limit, or that takes longer than the time limit, comes back untouched with a
    /// <see cref="CleanResult.Status"/> that says so.
    /// </returns>
    public CleanResult CleanHtml(string html, Uri? url = null) => CleanHtml(html, url, CancellationToken.None);

    /// <summary>Cleans an HTML page (see <see cref="CleanHtml(string, Uri?)"/>) and stops when cancelled.</summary>
    /// <param name="html">The page's markup.</param>
    /// <param name="url">The page's address, when known.</param>
    /// <param name="cancellationToken">Stops the cleaning between filters.</param>
    /// <returns>The cleaned text, the title, the metadata and every removal with its reason.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public CleanResult CleanHtml(string html, Uri? url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.Length > Options.MaxInputLength)
        {
            return CleanResult.Untouched(html, Options, Phrases, CleanStatus.InputTooLarge,
                $"the page has {html.Length:N0} characters, over the limit of {Options.MaxInputLength:N0} (CleanerOptions.MaxInputLength)");
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var dom = Parser.ParseDocument(html);
        var document = Document.FromHtml(dom, url, Options, Phrases);
        return Run(document, cancellationToken);
    }

    /// <summary>
    /// Cleans an HTML page given as bytes, detecting the encoding: a byte order mark, the charset of
    /// <paramref name="contentType"/>, a <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> declaration
    /// in the first 4 KB, valid UTF-8, and otherwise Windows-1252.
    /// </summary>
    /// <param name="html">The page's bytes.</param>
    /// <param name="url">The page's address, when known.</param>
    /// <param name="contentType">The HTTP Content-Type header, when known (for example <c>text/html; charset=shift_jis</c>).</param>
    /// <returns>The cleaned text, the title, the metadata and every removal with its reason.</returns>
    public CleanResult CleanHtml(ReadOnlySpan<byte> html, Uri? url = null, string? contentType = null) =>
        CleanHtml(HtmlEncoding.Decode(html, contentType), url);

    /// <summary>Cleans an HTML page given as bytes, detecting the encoding (see <see cref="CleanHtml(ReadOnlySpan{byte}, Uri?, string?)"/>).</summary>
    /// <param name="html">The page's bytes.</param>
    /// <param name="url">The page's address, when known.</param>
    /// <param name="contentType">The HTTP Content-Type header, when known.</param>
    /// <returns>The cleaned text, the title, the metadata and every removal with its reason.</returns>
    public CleanResult CleanHtml(byte[] html, Uri? url = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        return CleanHtml(html.AsSpan(), url, contentType);
    }

    /// <summary>Reads an HTML page from a stream to its end and cleans it, detecting the encoding (see <see cref="CleanHtml(ReadOnlySpan{byte}, Uri?, string?)"/>).</summary>
    /// <param name="html">The stream of the page's bytes; it is read but not closed.</param>
    /// <param name="url">The page's address, when known.</param>
    /// <param name="contentType">The HTTP Content-Type header, when known.</param>
    /// <returns>The cleaned text, the title, the metadata and every removal with its reason.</returns>
    public CleanResult CleanHtml(Stream html, Uri? url = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            int offset = (int)memory.Position;
            memory.Position = memory.Length;
            return CleanHtml(segment.AsSpan(offset, (int)memory.Length - offset), url, contentType);
        }

        using var copy = new MemoryStream(html.CanSeek ? (int)Math.Min(int.MaxValue, Math.Max(0, html.Length - html.Position)) : 64 * 1024);
        html.CopyTo(copy);
        return CleanHtml(copy.GetBuffer().AsSpan(0, (int)copy.Length), url, contentType);
    }
}
