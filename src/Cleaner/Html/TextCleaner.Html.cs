using AngleSharp.Html.Dom;
using AngleSharp;
using AngleSharp.Html.Parser;
using Cleaner.Html;

namespace Cleaner;

public sealed partial class TextCleaner
{
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        SkipComments = true,
        SkipRawText = true,
        SkipProcessingInstructions = true,
        DisableElementPositionTracking = true,
    };

    /// <summary>
    /// The parsers' configuration: no link relations. By default every <c>&lt;link rel=stylesheet&gt;</c>
    /// is given one, which parses its address and starts a load that has no loader to run it (a tenth
    /// of the parse on news pages, whose heads hold dozens); nothing here reads a link's relation.
    /// </summary>
    private static readonly IConfiguration ParserConfiguration =
        Configuration.Default.Without<AngleSharp.Html.DefaultLinkRelationFactory>().With(new NoLinkRelations());

    [ThreadStatic]
    private static HtmlParser? t_parser;

    /// <summary>
    /// This thread's parser. A parser holds an AngleSharp browsing context, which creates its services
    /// on first use and keeps them in a list that two threads must not fill at once (a batch that
    /// shared one parser could corrupt it and fail every page after); so each thread has its own, as
    /// AngleSharp's author advises (one context per thread).
    /// </summary>
    internal static HtmlParser Parser => t_parser ??= new HtmlParser(ParserOptions, BrowsingContext.New(ParserConfiguration));

    /// <summary>Gives no link element a relation (see <see cref="ParserConfiguration"/>).</summary>
    private sealed class NoLinkRelations : AngleSharp.Html.ILinkRelationFactory
    {
        public AngleSharp.Html.LinkRels.BaseLinkRelation? Create(IHtmlLinkElement link, string? rel) => null;
    }

    /// <summary>What the HTML reader takes from the site's profile, or null without a profile.</summary>
    private SiteReading? SiteReading =>
        SiteProfile is { } profile ? new SiteReading(profile, Filters.OfType<Cleaner.Filters.SiteBoilerplateFilter>().FirstOrDefault()) : null;

    /// <summary>
    /// Cleans an HTML page: reads the page's metadata, turns the page into blocks with their DOM
    /// features (kind, heading level, link share, class hints), finds the title and the article (with
    /// the extractor that <see cref="CleanerOptions.Extractor"/> names), and runs the filters. When no
    /// extractor finds an article that can be trusted, the filters judge the whole page instead.
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
            return TooLarge(html, html.Length, "page");
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
            var dom = Parse(bounded, deadline);
            Document document;
            try
            {
                deadline.Begin("building blocks");
                document = HtmlReader.Read(dom, url, Options, Phrases, SiteReading);
            }
            finally
            {
                Release(dom);
            }

            return Run(document, deadline);
        }
        catch (DeadlineExceededException e)
        {
            return TimedOut(html, deadline, e.Phase);
        }
    }

    /// <summary>
    /// Lets go of a document this cleaner parsed and no one else holds: returns the parser's buffers
    /// (what <see cref="IDisposable.Dispose"/> does too), without the rest of Dispose, which takes the
    /// tree apart node by node (searching each removed subtree for a base element), a walk as long as
    /// the block walker's that only helps when something else still holds some of the nodes.
    /// </summary>
    internal static void Release(IHtmlDocument dom)
    {
        if (MainContent.InUse(dom))
        {
            return; // a SmartReader run given up on still reads it; the collector takes it after
        }

        ((AngleSharp.Html.Construction.IConstructableDocument)dom).Builder?.Dispose();
        dom.Source.Dispose();
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
    /// Cleans an HTML page that the caller has already parsed with AngleSharp, so that the page is not
    /// parsed twice. The caller's document is not changed: SmartReader, which changes the DOM it reads,
    /// runs on a deep copy.
    /// </summary>
    /// <remarks>
    /// Unlike the overloads that take markup, this one does not bound the markup before parsing
    /// (<see cref="CleanerOptions"/>' element, depth and attribute bounds: the tree is already built,
    /// so the parser's cost is paid) and does not choose the parser options. On well-formed pages the
    /// result equals that of <see cref="CleanHtml(string, Uri?)"/> on the same markup (a test pins this on
    /// the corpus pages). <see cref="CleanerOptions.MaxInputLength"/> applies to the document's source
    /// text when AngleSharp kept it; the time limit and the cancellation cover the copy, the blocks and
    /// the filters.
    /// </remarks>
    /// <param name="document">The parsed page; it is read, not changed.</param>
    /// <param name="url">The page's address, when known (by default the document's own address, when it is absolute).</param>
    /// <param name="cancellationToken">Stops the cleaning between phases and filters.</param>
    /// <returns>The cleaned text, the title, the metadata and every removal with its reason.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public CleanResult CleanHtml(IHtmlDocument document, Uri? url = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        if (document.Source is { Length: var length } source && length > Options.MaxInputLength)
        {
            return TooLarge(source.Text, length, "page");
        }

        url ??= Uri.TryCreate(document.Url, UriKind.Absolute, out var own) && own.Scheme is "http" or "https" ? own : null;
        var deadline = new Deadline(Options.Timeout, cancellationToken);
        using var scope = deadline.Enter();
        try
        {
            deadline.Begin("copying the document");
            var copy = (IHtmlDocument)document.Clone(deep: true);
            Document built;
            try
            {
                deadline.Begin("building blocks");
                built = HtmlReader.Read(copy, url, Options, Phrases, SiteReading);
            }
            finally
            {
                if (!MainContent.InUse(copy))
                {
                    copy.Dispose(); // not under a SmartReader run given up on, which still reads it
                }
            }

            return Run(built, deadline);
        }
        catch (DeadlineExceededException e)
        {
            return TimedOut(document.Source?.Text ?? string.Empty, deadline, e.Phase);
        }
    }

    /// <summary>
    /// Cleans an HTML page given as bytes, detecting the encoding: a byte order mark, the charset of
    /// <paramref name="contentType"/>, a <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> declaration
    /// in the first 4 KB, UTF-8 (valid, or with at most three invalid sequences among many valid ones,
    /// which become U+FFFD), a statistical charset detector for legacy encodings such as Shift-JIS,
    /// GBK or windows-1251, and otherwise Windows-1252.
    /// </summary>
    /// <param name="html">The page's bytes.</param>
    /// <param name="url">The page's address, when known.</param>
    /// <param name="contentType">The HTTP Content-Type header, when known (for example <c>text/html; charset=shift_jis</c>).</param>
    /// <param name="cancellationToken">Stops the cleaning (during parsing too).</param>
    /// <returns>The cleaned text, the title, the metadata and every removal with its reason.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public CleanResult CleanHtml(ReadOnlySpan<byte> html, Uri? url = null, string? contentType = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deadline = new Deadline(Options.Timeout, cancellationToken) { Phase = "decoding" };
        return CleanHtml(HtmlEncoding.Decode(html, contentType), url, deadline);
    }

    /// <summary>Cleans an HTML page given as bytes, detecting the encoding (see <see cref="CleanHtml(ReadOnlySpan{byte}, Uri?, string?, CancellationToken)"/>).</summary>
    /// <param name="html">The page's bytes.</param>
    /// <param name="url">The page's address, when known.</param>
    /// <param name="contentType">The HTTP Content-Type header, when known.</param>
    /// <param name="cancellationToken">Stops the cleaning (during parsing too).</param>
    /// <returns>The cleaned text, the title, the metadata and every removal with its reason.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public CleanResult CleanHtml(byte[] html, Uri? url = null, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        return CleanHtml(html.AsSpan(), url, contentType, cancellationToken);
    }

    /// <summary>
    /// Reads an HTML page from a stream to its end and cleans it, detecting the encoding (see
    /// <see cref="CleanHtml(ReadOnlySpan{byte}, Uri?, string?, CancellationToken)"/>). This blocks while
    /// it reads; use <see cref="CleanHtmlAsync"/> for network streams.
    /// </summary>
    /// <param name="html">The stream of the page's bytes; it is read but not closed.</param>
    /// <param name="url">The page's address, when known.</param>
    /// <param name="contentType">The HTTP Content-Type header, when known.</param>
    /// <param name="cancellationToken">Stops the reading and the cleaning.</param>
    /// <returns>
    /// The cleaned text, the title, the metadata and every removal with its reason. A stream that
    /// holds more than four bytes per character of <see cref="CleanerOptions.MaxInputLength"/> is not
    /// read to its end: the result has <see cref="CleanStatus.InputTooLarge"/>, an empty text and a
    /// diagnostic that says so.
    /// </returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public CleanResult CleanHtml(Stream html, Uri? url = null, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var (bytes, tooLarge) = ReadBounded(html, cancellationToken);
        return tooLarge ?? CleanHtml(bytes.Span, url, contentType, cancellationToken);
    }

    /// <summary>
    /// Reads an HTML page from a stream to its end without blocking, then cleans it, detecting the
    /// encoding (see <see cref="CleanHtml(ReadOnlySpan{byte}, Uri?, string?, CancellationToken)"/>). The
    /// cleaning itself runs on the calling thread once the bytes are in.
    /// </summary>
    /// <param name="html">The stream of the page's bytes (for example an HTTP response's content stream); it is read but not closed.</param>
    /// <param name="url">The page's address, when known.</param>
    /// <param name="contentType">The HTTP Content-Type header, when known.</param>
    /// <param name="cancellationToken">Stops the reading and the cleaning.</param>
    /// <returns>The cleaned result, as <see cref="CleanHtml(Stream, Uri?, string?, CancellationToken)"/> gives it.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<CleanResult> CleanHtmlAsync(Stream html, Uri? url = null, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var (bytes, tooLarge) = await ReadBoundedAsync(html, cancellationToken).ConfigureAwait(false);
        return tooLarge ?? CleanHtml(bytes.Span, url, contentType, cancellationToken);
    }
}
