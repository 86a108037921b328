using System.CommandLine;
using System.Globalization;
using Cleaner.Batch;
using Cleaner.Cli.Sites;
using Cleaner.Sites;

namespace Cleaner.Cli.Commands;

/// <summary><c>cleaner profile build|merge|show</c>: site profiles, built from batch inputs, merged across shards, listed.</summary>
internal static class ProfileCommand
{
    public static Command Create(CliStreams io) => new("profile", "Build, merge and show site profiles: the blocks that stand on many pages of each site.")
    {
        CreateBuild(io),
        CreateMerge(io),
        CreateShow(io),
    };

    /// <summary>The options that say how records of batch inputs are read and which site they belong to (profile build, batch --learn-sites).</summary>
    internal sealed class SiteSettings
    {
        public Option<string?> SiteField { get; } = new("--site-field")
        {
            Description = "JSONL: the field that names each record's site (default: the host of its URL, without www.).",
            HelpName = "name",
        };

        public Option<int> MaxBlocksPerSite { get; } = new("--max-blocks-per-site")
        {
            Description = "The most block fingerprints one site keeps while building (the rarest go first).",
            DefaultValueFactory = _ => SiteProfileBuilder.DefaultMaxBlocksPerSite,
            HelpName = "n",
        };

        public Option<int> MaxBlocks { get; } = new("--max-blocks")
        {
            Description = "The most block fingerprints all sites keep together while building (about 50 bytes each; the rarest go first).",
            DefaultValueFactory = _ => SiteProfileBuilder.DefaultMaxBlocks,
            HelpName = "n",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(SiteField);
            command.Options.Add(MaxBlocksPerSite);
            command.Options.Add(MaxBlocks);
        }

        public ProfileRunOptions Options(ParseResult result, BatchOptions batch, bool shardBySite) => new()
        {
            Parallel = batch.Parallel,
            Shard = batch.Shard,
            ShardBySite = shardBySite,
            SiteField = result.GetValue(SiteField),
            Fields = new RecordFields(batch.TextField, batch.HtmlField, batch.UrlField, batch.IdField, batch.MaxRecordBytes),
            Format = batch.Format,
            MaxBlocksPerSite = result.GetValue(MaxBlocksPerSite) >= 16 ? result.GetValue(MaxBlocksPerSite) : throw new CliException("--max-blocks-per-site must be at least 16"),
            MaxBlocks = result.GetValue(MaxBlocks) >= 64 ? result.GetValue(MaxBlocks) : throw new CliException("--max-blocks must be at least 64"),
        };
    }

    private static Command CreateBuild(CliStreams io)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "JSONL, WARC or WET files (gzip or zstd compressed or not), or - for standard input, read as batch reads them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "The profile file to write.", Required = true, HelpName = "file" };
        var shardKey = new Option<string>("--shard-key")
        {
            Description = "What --shard hashes: the site (every page of a site in one shard, so merged shards equal one run) or the record (its id, URL or position, as batch).",
            DefaultValueFactory = _ => "site",
            HelpName = "site|record",
        };
        shardKey.AcceptOnlyFromAmong("site", "record");
        CleanerSettings.RejectOptionLikeValues(inputs);
        var batch = new RecordSettings();
        var sites = new SiteSettings();
        var command = new Command("build", "Build one profile per site from the records of batch inputs (the site is the host of each record's URL).")
        {
            inputs, output, shardKey,
        };
        batch.AddTo(command);
        sites.AddTo(command);
        command.SetAction(result =>
        {
            var outPath = result.GetValue(output)!;
            var batchOptions = batch.Options(result);
            var list = BatchCommand.Inputs(result.GetValue(inputs)!, outPath, null, io);
            var (profiles, summary) = ProfileRun.Build(list, sites.Options(result, batchOptions, result.GetValue(shardKey) == "site"), io.Error);
            Save(profiles, outPath);
            io.Err.WriteLine(summary);
            return summary.Contains(" errors=0 ", StringComparison.Ordinal) ? ExitCodes.Ok : ExitCodes.SomeFailed;
        });
        return command;
    }

    private static Command CreateMerge(CliStreams io)
    {
        var inputs = new Argument<string[]>("profiles") { Description = "Profile files (for example one per shard).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "The merged profile file.", Required = true, HelpName = "file" };
        CleanerSettings.RejectOptionLikeValues(inputs);
        var command = new Command("merge", "Merge profile files: the pages and block counts of each site add up.") { inputs, output };
        command.SetAction(result =>
        {
            var merged = SiteProfileSet.Merge(result.GetValue(inputs)!.Select(Load));
            Save(merged, result.GetValue(output)!);
            io.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sites={merged.Count} pages={merged.Pages} blocks={merged.Sum(p => (long)p.Count)}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateShow(CliStreams io)
    {
        var input = new Argument<string>("profiles") { Description = "A profile file." };
        var site = new Option<string?>("--site") { Description = "Show only this site.", HelpName = "site" };
        var top = new Option<int>("--top") { Description = "How many of each site's most frequent blocks to list.", DefaultValueFactory = _ => 5, HelpName = "n" };
        var command = new Command("show", "List the sites of a profile file, most pages first, with their pages, most frequent blocks and the elements that held their articles.") { input, site, top };
        command.SetAction(result =>
        {
            var profiles = Load(result.GetValue(input)!);
            var only = result.GetValue(site);
            var shown = only is null ? profiles.OrderByDescending(p => p.Pages).ThenBy(p => p.Site, StringComparer.Ordinal).ToList()
                : profiles.Find(only) is { } one ? [one] : throw new CliException($"{only}: no such site in {result.GetValue(input)}");
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{profiles.Count} sites, {profiles.Pages} pages, {profiles.Sum(p => (long)p.Count)} blocks"));
            foreach (var profile in shown)
            {
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{profile.Site}\t{profile.Pages} pages\t{profile.Count} blocks"));
                foreach (var block in profile.MostFrequent.Take(Math.Max(0, result.GetValue(top))))
                {
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {block.Pages,6}/{profile.Pages}  {block.Text}"));
                }

                if (profile.Containers.Count > 0)
                {
                    io.Out.WriteLine("  article in: " + string.Join(", ", profile.Containers.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Element} {c.Pages}/{profile.Pages}"))));
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static SiteProfileSet Load(string path)
    {
        try
        {
            return ProfileRun.Load(path);
        }
        catch (ProfileFileException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static void Save(SiteProfileSet profiles, string path)
    {
        try
        {
            profiles.Save(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot write the profiles: {e.Message}", ExitCodes.SomeFailed);
        }
    }

    /// <summary>The profiles batch cleans with: those of --profiles, those learnt in a first pass with --learn-sites, or none.</summary>
    internal static SiteProfileSet? ForBatch(string? path, bool learn, IReadOnlyList<BatchInput> inputs, ProfileRunOptions options, CliStreams io)
    {
        if (path is not null && learn)
        {
            throw new CliException("--profiles and --learn-sites exclude each other");
        }

        if (!learn)
        {
            return path is null ? null : Load(path);
        }

        if (inputs.Any(i => i.Name == "-"))
        {
            throw new CliException("--learn-sites reads the inputs twice: give files, not standard input");
        }

        var (profiles, summary) = ProfileRun.Build(inputs, options, _ => { });
        io.Error($"learnt site profiles: {summary}");
        return profiles;
    }
}
