using AngleSharp.Html.Dom;
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
    /// <param name="cancellationToken">Stops the cleaning (during parsing too).</param>
    /// <returns>The cleaned text, the title, the metadata and every removal with its reason.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public CleanResult CleanHtml(string html, Uri? url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        return CleanHtml(html, url, new Deadline(Options.Timeout, cancellationToken));
    }

    /// <summary>
    /// Cleans a page within the call's deadline: bounds the markup, parses it (the parse stops when
    /// the time runs out), builds the blocks, finds the article and runs the filters.
    /// </summary>
    private CleanResult CleanHtml(string html, Uri? url, Deadline deadline)
    {
        if (html.Length > Options.MaxInputLength)
        {
            return CleanResult.Untouched(html, Options, Phrases, CleanStatus.InputTooLarge,
                $"the page has {html.Length:N0} characters, over the limit of {Options.MaxInputLength:N0} (CleanerOptions.MaxInputLength)");
        }

        using var scope = deadline.Enter();
        try
        {
            deadline.Begin("bounding the markup");
            var bounded = HtmlBounds.Apply(html, Options, deadline, out string? cut);
            if (cut is not null)
            {
                deadline.Notes.Add(cut);
            }

            deadline.Begin("parsing");
            using var dom = Parse(bounded, deadline);
            deadline.Begin("building blocks");
            var document = Document.FromHtml(dom, url, Options, Phrases);
            return Run(document, deadline);
        }
        catch (DeadlineExceededException e)
        {
            return TimedOut(html, deadline, e.Phase);
        }
    }

    /// <summary>Parses the page, stopping between tokens when the deadline passes or the caller cancels.</summary>
    private static IHtmlDocument Parse(string html, Deadline deadline)
    {
        if (deadline.Limit is null && !deadline.Cancellation.CanBeCanceled)
        {
            return Parser.ParseDocument(html);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(deadline.Cancellation);
        if (deadline.Remaining is { } remaining)
        {
            stop.CancelAfter(remaining);
        }

        try
        {
            return Parser.ParseDocumentAsync(html, stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (!deadline.Cancellation.IsCancellationRequested)
        {
            throw new DeadlineExceededException(deadline.Phase);
        }
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
    public CleanResult CleanHtml(ReadOnlySpan<byte> html, Uri? url = null, string? contentType = null)
    {
        var deadline = new Deadline(Options.Timeout, CancellationToken.None) { Phase = "decoding" };
        return CleanHtml(HtmlEncoding.Decode(html, contentType), url, deadline);
    }

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
