using System.CommandLine;
using Cleaner.Batch;

namespace Cleaner.Cli.Commands;

/// <summary>The options that say how the records of batch inputs are read, sharded and cleaned in parallel (batch, profile build).</summary>
internal sealed class RecordSettings
{
    private readonly Option<int> _parallel = new("--parallel", "-j")
    {
        Description = "How many records to clean at once.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        HelpName = "n",
    };

    private readonly Option<string?> _shard = new("--shard")
    {
        Description = "Process only shard K of N (0-based), chosen by a stable hash of each record's id, URL or position.",
        HelpName = "K/N",
    };

    private readonly Option<string> _format = new("--input-format")
    {
        Description = "How records are framed: WARC/WET when the input starts with 'WARC/', JSONL when it starts with '{' (anything else is one error for that input); or say which (jsonl reads every line as JSON).",
        DefaultValueFactory = _ => "auto",
        HelpName = "auto|jsonl|warc",
    };

    private readonly Option<string> _textField = new("--text-field") { Description = "JSONL: the field of plain text.", DefaultValueFactory = _ => "text", HelpName = "name" };
    private readonly Option<string> _htmlField = new("--html-field") { Description = "JSONL: the field of HTML (used when present, before the text field).", DefaultValueFactory = _ => "html", HelpName = "name" };
    private readonly Option<string> _urlField = new("--url-field") { Description = "JSONL: the field of the page's URL.", DefaultValueFactory = _ => "url", HelpName = "name" };
    private readonly Option<string> _idField = new("--id-field") { Description = "JSONL: the field of the record's id.", DefaultValueFactory = _ => "id", HelpName = "name" };

    private readonly Option<int> _maxRecord = new("--max-record-mb")
    {
        Description = "The largest record read (a JSON line, a WARC record); larger ones are errors.",
        DefaultValueFactory = _ => 64,
        HelpName = "mb",
    };

    private readonly Option<int> _maxExpansion = new("--max-expansion")
    {
        Description = "A compressed input may decompress to at most this many times its size (after the first 16 MB); more is an error for the rest of that input (a compression bomb). 0: no limit.",
        DefaultValueFactory = _ => 100,
        HelpName = "ratio",
    };

    public RecordSettings() => _format.AcceptOnlyFromAmong("auto", "jsonl", "warc");

    /// <summary>The --shard option, for commands that describe its key themselves.</summary>
    public Option<string?> Shard => _shard;

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _parallel, _shard, _format, _textField, _htmlField, _urlField, _idField, _maxRecord, _maxExpansion })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The batch options these describe.</summary>
    /// <exception cref="CliException">A value out of range or a bad --shard.</exception>
    public BatchOptions Options(ParseResult result)
    {
        var options = new BatchOptions
        {
            Parallel = result.GetValue(_parallel),
            Shard = ParseShard(result.GetValue(_shard)),
            TextField = result.GetValue(_textField)!,
            HtmlField = result.GetValue(_htmlField)!,
            UrlField = result.GetValue(_urlField)!,
            IdField = result.GetValue(_idField)!,
            Format = Enum.Parse<BatchFormat>(result.GetValue(_format)!, ignoreCase: true),
            MaxRecordBytes = result.GetValue(_maxRecord) is >= 1 and <= BatchOptions.MaxRecordMegabytes and var mb
                ? mb * 1024 * 1024
                : throw new CliException($"--max-record-mb must be between 1 and {BatchOptions.MaxRecordMegabytes} (a record's text must fit in one string)"),
            MaxExpansion = result.GetValue(_maxExpansion) is >= 0 and var ratio ? ratio : throw new CliException("--max-expansion must be 0 or more"),
        };
        return options.Parallel is >= 1 and <= BatchOptions.MaxParallel
            ? options
            : throw new CliException($"--parallel must be between 1 and {BatchOptions.MaxParallel}");
    }

    private static BatchShard ParseShard(string? text)
    {
        if (text is null)
        {
            return new BatchShard(0, 1);
        }

        return BatchShard.TryParse(text, out var shard) ? shard : throw new CliException($"--shard takes K/N with 0 <= K < N (for example 0/8), not '{text}'");
    }
}
