namespace Cleaner.Cli.Commands;

/// <summary>A file of extra phrases: one <c>list: phrase</c> per line, blank lines and <c>#</c> comments skipped.</summary>
internal static class PhraseFile
{
    /// <summary>Reads the phrases of a file, grouped by list, in file order.</summary>
    /// <exception cref="CliException">The file is unreadable, a line has no list, or a list is unknown.</exception>
    public static IReadOnlyList<(string List, List<string> Phrases)> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"{path}: no such phrase file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: {e.Message}");
        }

        var known = PhraseBook.BuiltInNames.Order(StringComparer.Ordinal).ToList();
        var groups = new List<(string List, List<string> Phrases)>();
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            var list = colon > 0 ? line[..colon].Trim() : string.Empty;
            var phrase = colon > 0 ? line[(colon + 1)..].Trim() : string.Empty;
            if (list.Length == 0 || phrase.Length == 0)
            {
                throw new CliException($"{path}:{i + 1}: expected 'list: phrase', for example 'social: =suivez le guide'");
            }

            if (!known.Contains(list, StringComparer.Ordinal))
            {
                throw new CliException($"{path}:{i + 1}: unknown phrase list '{list}'; known lists: {string.Join(", ", known)}");
            }

            if (phrase.Count(c => c == '*') > PhraseList.MaxWildcards)
            {
                throw new CliException($"{path}:{i + 1}: a phrase takes at most {PhraseList.MaxWildcards} '*' wildcards");
            }

            if (phrase.Length > PhraseList.MaxPhraseLength)
            {
                throw new CliException($"{path}:{i + 1}: a phrase takes at most {PhraseList.MaxPhraseLength:N0} characters");
            }

            int index = groups.FindIndex(g => g.List == list);
            if (index < 0)
            {
                groups.Add((list, [phrase]));
            }
            else
            {
                groups[index].Phrases.Add(phrase);
            }
        }

        return groups;
    }
}
