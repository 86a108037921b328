using System.CommandLine;
using Cleaner.Cli.Inputs;

namespace Cleaner.Cli.Commands;

/// <summary>The options that set up the cleaner and the input kind, shared by clean, explain and eval.</summary>
internal sealed class CleanerSettings
{
    private readonly Option<string> _focus = new("--focus")
    {
        Description = "Trade-off: precision removes more, recall keeps more.",
        DefaultValueFactory = _ => "balanced",
        HelpName = "precision|balanced|recall",
    };

    private readonly Option<string[]> _without = new("--without")
    {
        Description = "Switch filters off by name, comma-separated (see 'cleaner filters').",
        HelpName = "names",
    };

    private readonly Option<string[]> _phrases = new("--phrases")
    {
        Description = "Add phrases from a file of 'list: phrase' lines (for example 'social: =suivez le guide'; # comments).",
        HelpName = "file",
    };

    private readonly Option<string> _language = new("--language")
    {
        Description = "The inputs' language as a two-letter code (en, de, fr, es, pt, it, nl, pl, sv, da, cs, ru, tr, ...); default: detected.",
        HelpName = "code",
    };

    private readonly Option<string> _extractor = new("--extractor")
    {
        Description = "HTML: who finds the article: auto (Cleaner's own, SmartReader when it is unsure), native, or smartreader.",
        DefaultValueFactory = _ => "auto",
        HelpName = "auto|native|smartreader",
    };

    private readonly Option<double> _timeout = new("--timeout")
    {
        Description = "The most one page may take, in seconds of wall-clock time from the start of its cleaning (0: no limit); a page past it is an error that names the phase it stopped in.",
        DefaultValueFactory = _ => 30,
        HelpName = "seconds",
    };

    private readonly Option<bool> _html = new("--html") { Description = "Treat every input as HTML." };

    private readonly Option<bool> _text = new("--text") { Description = "Treat every input as plain text." };

    public CleanerSettings()
    {
        _focus.AcceptOnlyFromAmong("precision", "balanced", "recall");
        _extractor.AcceptOnlyFromAmong("auto", "native", "smartreader");
    }

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    /// <param name="inputKind">Whether to add --html and --text too (batch records say their kind themselves).</param>
    public void AddTo(Command command, bool inputKind = true)
    {
        command.Options.Add(_focus);
        command.Options.Add(_without);
        command.Options.Add(_phrases);
        command.Options.Add(_language);
        command.Options.Add(_extractor);
        command.Options.Add(_timeout);
        if (inputKind)
        {
            command.Options.Add(_html);
            command.Options.Add(_text);
        }
    }

    /// <summary>The input kind asked for: <c>--html</c>, <c>--text</c>, or detection.</summary>
    /// <exception cref="CliException">Both were given.</exception>
    public InputKind Kind(ParseResult result)
    {
        bool html = result.GetValue(_html);
        bool text = result.GetValue(_text);
        return (html, text) switch
        {
            (true, true) => throw new CliException("--html and --text exclude each other"),
            (true, false) => InputKind.Html,
            (false, true) => InputKind.Text,
            _ => InputKind.Auto,
        };
    }

    /// <summary>Builds the cleaner the options describe.</summary>
    /// <exception cref="CliException">An unknown filter or phrase list, or an unreadable phrase file.</exception>
    public TextCleaner Build(ParseResult result)
    {
        var builder = TextCleaner.CreateBuilder().WithFocus(result.GetValue(_focus) switch
        {
            "precision" => Focus.Precision,
            "recall" => Focus.Recall,
            _ => Focus.Balanced,
        });
        if (result.GetValue(_language) is { } language)
        {
            if (language.Length != 2 || !language.All(char.IsAsciiLetter))
            {
                throw new CliException($"--language takes a two-letter code such as 'en' or 'it', not '{language}'");
            }

            builder.WithOptions(o => o with { Language = language.ToLowerInvariant() });
        }

        var extractor = result.GetValue(_extractor) switch
        {
            "native" => ContentExtractor.Native,
            "smartreader" => ContentExtractor.SmartReader,
            _ => ContentExtractor.Auto,
        };
        double seconds = result.GetValue(_timeout);
        if (!(seconds >= 0 && seconds <= int.MaxValue / 1000))
        {
            throw new CliException("--timeout takes a number of seconds, 0 or more (0: no limit)");
        }

        TimeSpan? timeout = seconds == 0 ? null : TimeSpan.FromSeconds(seconds);
        builder.WithOptions(o => o with { Extractor = extractor, Timeout = timeout });
        var known = builder.Filters.Select(f => f.Name).ToList();
        foreach (var name in (result.GetValue(_without) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new CliException($"unknown filter '{name}'; known filters: {string.Join(", ", known)}");
            }

            if (builder.Filters.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                builder.Remove(name);
            }
        }

        foreach (var file in result.GetValue(_phrases) ?? [])
        {
            foreach (var (list, phrases) in PhraseFile.Read(file))
            {
                builder.AddPhrases(list, phrases);
            }
        }

        try
        {
            return builder.Build();
        }
        catch (PhraseLimitException e)
        {
            throw new CliException($"--phrases: {e.Message}");
        }
    }

    /// <summary>Rejects values that look like options ("--fast"): an unknown option, not a file name ("./-x" still works).</summary>
    public static void RejectOptionLikeValues(Argument argument) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unrecognized option '{token.Value}'");
                }
            }
        });
}
