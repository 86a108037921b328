namespace Cleaner.Cli.Inputs;

/// <summary>One input to clean: a file (with its path relative to the directory it was found in), a page's address, or standard input.</summary>
/// <param name="Path">The file's path as given or found, the address, or "-" for standard input.</param>
/// <param name="Relative">The path to mirror under --out: relative to the directory given, or the file's name.</param>
internal sealed record InputFile(string Path, string Relative)
{
    public bool IsStdin => Path == "-";

    /// <summary>Whether the input is a page to fetch (<c>http://</c> or <c>https://</c>).</summary>
    public bool IsUrl => WebAddress.IsUrl(Path);
}

/// <summary>Expands the command line's inputs: files, directories (recursively), addresses and "-".</summary>
internal static class InputFiles
{
    /// <summary>The extensions taken from directories.</summary>
    public static readonly string[] Extensions = [".txt", ".html", ".htm"];

    /// <summary>Expands files and directories into inputs; problems go to <paramref name="errors"/> and the rest go on.</summary>
    /// <param name="paths">The inputs as given.</param>
    /// <param name="skip">A directory not to descend into (the output directory), or null.</param>
    /// <param name="errors">Receives one message per input or directory that cannot be read.</param>
    /// <param name="skipped">Receives one message per file of a directory not read: not a regular file, or a link out of the directory.</param>
    /// <param name="exclude">The files and directories of a scanned directory to leave out (files given by name are always read).</param>
    public static List<InputFile> Expand(IEnumerable<string> paths, string? skip, List<string> errors, List<string> skipped, ExcludeGlobs? exclude = null)
    {
        exclude ??= ExcludeGlobs.None;
        var found = new List<InputFile>();
        var skipFull = skip is null ? null : System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(skip));
        foreach (var path in paths)
        {
            if (path == "-")
            {
                found.Add(new InputFile("-", "stdin"));
            }
            else if (Directory.Exists(path))
            {
                Walk(path, path, skipFull, exclude, found, errors, skipped);
            }
            else if (WebAddress.IsUrl(path))
            {
                // A malformed address too stays an input in its place: fetching it fails in order.
                found.Add(new InputFile(path, Uri.TryCreate(path, UriKind.Absolute, out var address) ? WebAddress.OutputName(address) : "invalid-url"));
            }
            else
            {
                // A missing file stays an input in its place: reading it fails in order with the others.
                found.Add(new InputFile(path, System.IO.Path.GetFileName(path)));
            }
        }

        return found;
    }

    private static void Walk(string root, string directory, string? skip, ExcludeGlobs exclude, List<InputFile> found, List<string> errors, List<string> skipped)
    {
        string[] files, directories;
        try
        {
            files = Directory.GetFiles(directory);
            directories = Directory.GetDirectories(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{directory}: cannot read the directory: {e.Message}");
            return;
        }

        Array.Sort(files, StringComparer.Ordinal);
        Array.Sort(directories, StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!Extensions.Contains(System.IO.Path.GetExtension(file), StringComparer.OrdinalIgnoreCase) || exclude.Excludes(System.IO.Path.GetRelativePath(root, file)))
            {
                continue;
            }

            // Only regular files are read from a directory: a FIFO would block the run, a device has
            // no end, and a link to a file outside the directory given would leak what it names.
            var kind = FileKinds.Resolve(file, out var target);
            if (FileKinds.Of(file) == FileKind.Link && kind == FileKind.Regular && !Inside(root, target))
            {
                skipped.Add($"{file}: skipped: a link to a file outside {root} ({target})");
            }
            else if (kind != FileKind.Regular)
            {
                skipped.Add($"{file}: skipped: not a regular file");
            }
            else
            {
                found.Add(new InputFile(file, System.IO.Path.GetRelativePath(root, file)));
            }
        }

        foreach (var sub in directories)
        {
            // Symbolic links to directories are not followed (no loops), nor is the output directory.
            if (new DirectoryInfo(sub).LinkTarget is null
                && (skip is null || !string.Equals(System.IO.Path.GetFullPath(sub), skip, StringComparison.Ordinal))
                && !exclude.Excludes(System.IO.Path.GetRelativePath(root, sub)))
            {
                Walk(root, sub, skip, exclude, found, errors, skipped);
            }
        }
    }

    /// <summary>Whether <paramref name="path"/> (a full path) is inside the directory <paramref name="root"/>.</summary>
    private static bool Inside(string root, string path)
    {
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(root)) + System.IO.Path.DirectorySeparatorChar;
        var real = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(root));
        if (FileKinds.Resolve(real, out var resolved) == FileKind.Directory)
        {
            // The directory given may itself be reached through a link.
            full = System.IO.Path.TrimEndingDirectorySeparator(resolved) + System.IO.Path.DirectorySeparatorChar;
        }

        return path.StartsWith(full, StringComparison.Ordinal);
    }
}
