using System.Text;
using System.Text.RegularExpressions;

namespace Cleaner.Cli.Inputs;

/// <summary>
/// The <c>--exclude</c> patterns of a directory scan. A pattern without <c>/</c> is matched against
/// the name of every file and directory found (an excluded directory is not entered); a pattern
/// with <c>/</c> against the path under the directory given, with <c>/</c> between its parts.
/// <c>*</c> stands for any characters but <c>/</c>, <c>**</c> for any characters (<c>**/</c> for
/// any directories, none too), <c>?</c> for one character but <c>/</c>; the rest is literal and
/// case-sensitive.
/// </summary>
internal sealed class ExcludeGlobs
{
    private readonly Regex[] _names;
    private readonly Regex[] _paths;

    private ExcludeGlobs(Regex[] names, Regex[] paths)
    {
        _names = names;
        _paths = paths;
    }

    /// <summary>No pattern: nothing is excluded.</summary>
    public static ExcludeGlobs None { get; } = new([], []);

    /// <summary>Compiles the patterns.</summary>
    /// <exception cref="ArgumentException">A pattern is empty.</exception>
    public static ExcludeGlobs Parse(IEnumerable<string> patterns)
    {
        var list = patterns.ToList();
        if (list.Any(p => p.Length == 0))
        {
            throw new ArgumentException("--exclude takes a pattern such as '*.bak' or 'drafts/**', not an empty one");
        }

        return new(
            [.. list.Where(p => !p.Contains('/')).Select(ToRegex)],
            [.. list.Where(p => p.Contains('/')).Select(p => ToRegex(p.TrimStart('/')))]);
    }

    /// <summary>Whether a file or directory found in a scan is excluded.</summary>
    /// <param name="relative">Its path under the directory given (either separator).</param>
    public bool Excludes(string relative)
    {
        if (_names.Length == 0 && _paths.Length == 0)
        {
            return false;
        }

        var path = relative.Replace('\\', '/');
        var name = path[(path.LastIndexOf('/') + 1)..];
        return _names.Any(r => r.IsMatch(name)) || _paths.Any(r => r.IsMatch(path));
    }

    private static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                bool directories = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(directories ? "(?:.*/)?" : ".*");
                i += directories ? 2 : 1;
            }
            else
            {
                pattern.Append(glob[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(glob[i].ToString()),
                });
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }
}
