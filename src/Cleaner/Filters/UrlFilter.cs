using System.Text.RegularExpressions;

namespace Cleaner.Filters;

/// <summary>Removes lines that are only a web address or an e-mail address.</summary>
public sealed partial class UrlFilter : LineFilter
{
    /// <inheritdoc />
    public override string Name => "urls";

    /// <inheritdoc />
    public override string Description => "Removes lines that are only a URL or e-mail address.";

    /// <inheritdoc />
    protected override string? Judge(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Features.WordCount > 40)
        {
            return null;
        }

        return UrlOnly().IsMatch(block.Span) ? "a line that is only an address" : null;
    }

    [GeneratedRegex(@"^[\s\W]*(?:(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|de|fr|es|io|info|gov|edu)(?:/\S*)?)[\s\W]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex UrlOnly();
}
