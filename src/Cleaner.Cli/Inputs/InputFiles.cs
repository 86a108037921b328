namespace Cleaner.Cli.Inputs;

/// <summary>One input to clean: a file (with its path relative to the directory it was found in) or standard input.</summary>
/// <param name="Path">The file's path as given or found, or "-" for standard input.</param>
/// <param name="Relative">The path to mirror under --out: relative to the directory given, or the file's name.</param>
internal sealed record InputFile(string Path, string Relative)
{
    public bool IsStdin => Path == "-";
}

/// <summary>Expands the command line's inputs: files, directories (recursively) and "-".</summary>
internal static class InputFiles
{
    /// <summary>The extensions taken from directories.</summary>
    public static readonly string[] Extensions = [".txt", ".html", ".htm"];

    /// <summary>Expands files and directories into inputs; problems go to <paramref name="errors"/> and the rest go on.</summary>
    /// <param name="paths">The inputs as given.</param>
    /// <param name="skip">A directory not to descend into (the output directory), or null.</param>
    /// <param name="errors">Receives one message per input or directory that cannot be read.</param>
    public static List<InputFile> Expand(IEnumerable<string> paths, string? skip, List<string> errors)
    {
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
                Walk(path, path, skipFull, found, errors);
            }
            else if (File.Exists(path))
            {
                found.Add(new InputFile(path, System.IO.Path.GetFileName(path)));
            }
            else
            {
                errors.Add($"{path}: no such file or directory");
            }
        }

        return found;
    }

    /// <summary>Snapshot baselines, mismatches and expectations beside corpus inputs (*.verified.txt, *.received.txt, *.expect.txt) are not inputs.</summary>
    internal static bool IsSnapshotFile(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.Contains(".verified.", StringComparison.OrdinalIgnoreCase)
            || name.Contains(".received.", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".expect.txt", StringComparison.OrdinalIgnoreCase);
    }

    private static void Walk(string root, string directory, string? skip, List<InputFile> found, List<string> errors)
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
            if (Extensions.Contains(System.IO.Path.GetExtension(file), StringComparer.OrdinalIgnoreCase) && !IsSnapshotFile(file))
            {
                found.Add(new InputFile(file, System.IO.Path.GetRelativePath(root, file)));
            }
        }

        foreach (var sub in directories)
        {
            // Symbolic links to directories are not followed (no loops), nor is the output directory.
            if (new DirectoryInfo(sub).LinkTarget is null
                && (skip is null || !string.Equals(System.IO.Path.GetFullPath(sub), skip, StringComparison.Ordinal)))
            {
                Walk(root, sub, skip, found, errors);
            }
        }
    }
}
