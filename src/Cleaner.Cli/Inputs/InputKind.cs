using Cleaner.Batch;

namespace Cleaner.Cli.Inputs;

/// <summary>What an input is: plain text (one block per line) or an HTML page.</summary>
internal enum InputKind
{
    /// <summary>Decide from the file name and the content (<see cref="InputDetector.Detect"/>).</summary>
    Auto,

    /// <summary>Plain text.</summary>
    Text,

    /// <summary>An HTML page.</summary>
    Html,
}

/// <summary>Tells HTML inputs from plain text: by extension first, then by sniffing the first kilobyte.</summary>
internal static class InputDetector
{
    /// <summary>The kind of an input: <paramref name="requested"/> unless it is <see cref="InputKind.Auto"/>,
    /// then HTML for <c>.html</c>/<c>.htm</c> names, plain text for <c>.txt</c> names, and otherwise HTML when
    /// the first kilobyte starts with <c>&lt;!doctype html</c> or <c>&lt;html</c>, or holds a <c>&lt;body&gt;</c>
    /// or <c>&lt;p&gt;</c> tag (with or without attributes).</summary>
    public static InputKind Detect(ReadOnlySpan<byte> bytes, string? name, InputKind requested = InputKind.Auto)
    {
        if (requested != InputKind.Auto)
        {
            return requested;
        }

        var extension = name is null ? string.Empty : Path.GetExtension(name);
        if (extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase))
        {
            return InputKind.Html;
        }

        if (extension.Equals(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return InputKind.Text;
        }

        return LooksLikeHtml(bytes) ? InputKind.Html : InputKind.Text;
    }

    /// <summary>Whether the content reads as HTML (see <see cref="Detect"/>).</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<byte> bytes) => HtmlSniffer.LooksLikeHtml(bytes);
}
