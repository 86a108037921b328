using System.Collections.Concurrent;
using System.Globalization;
using Cleaner.Batch;
using Cleaner.Sites;

namespace Cleaner.Cli.Sites;

/// <summary>The settings of a profile build over batch inputs.</summary>
internal sealed record ProfileRunOptions
{
    public int Parallel { get; init; } = Environment.ProcessorCount;

    /// <summary>The shard to build; with <see cref="ShardBySite"/>, every page of a site falls in one shard, so merged shards equal one run.</summary>
    public BatchShard Shard { get; init; } = new(0, 1);

    /// <summary>Whether the shard key is the site (else the record's id, URL or position, as batch does).</summary>
    public bool ShardBySite { get; init; } = true;

    /// <summary>A JSONL field that names the site, instead of the host of the URL.</summary>
    public string? SiteField { get; init; }

    public RecordFields Fields { get; init; } = new("text", "html", "url", "id", 64 * 1024 * 1024);

    public BatchFormat Format { get; init; } = BatchFormat.Auto;

    public int MaxBlocksPerSite { get; init; } = SiteProfileBuilder.DefaultMaxBlocksPerSite;

    public int MaxBlocks { get; init; } = SiteProfileBuilder.DefaultMaxBlocks;
}

/// <summary>
/// Builds site profiles from the records of batch inputs (JSONL, WARC, WET): each record's blocks, as
/// the cleaner makes them, counted for its site. Records stream through bounded workers, so memory
/// is the builder's caps plus a few records per worker.
/// </summary>
internal static class ProfileRun
{
    /// <summary>A cleaner with no filter: its results hold every block of a record.</summary>
    private static readonly TextCleaner BlocksOnly = TextCleaner.CreateBuilder().Clear().Build();

    public static (SiteProfileSet Profiles, string Summary) Build(IReadOnlyList<BatchInput> inputs, ProfileRunOptions options, Action<string> error)
    {
        var builder = new SiteProfileBuilder(options.MaxBlocksPerSite, options.MaxBlocks);
        long sequence = 0, pages = 0, errors = 0, skipped = 0, noSite = 0, otherShards = 0;
        var records = inputs.SelectMany(input => RecordReader.Read(input, options.Format, options.Fields.MaxRecordBytes, _ => { }))
            .Select(record =>
            {
                record.Sequence = sequence++;
                return record;
            });
        Parallel.ForEach(
            Partitioner.Create(records, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallel },
            record =>
            {
                try
                {
                    var parsed = record.Format!.Parse(record, options.Fields);
                    var site = parsed.Clean is null ? null : RecordSites.SiteOf(record, parsed, options.SiteField);
                    string key = options.ShardBySite ? site ?? string.Empty : parsed.Id ?? parsed.Url ?? $"#{record.Sequence.ToString(CultureInfo.InvariantCulture)}";
                    if (options.Shard.Count > 1 && (!options.ShardBySite || site is not null) && !options.Shard.Contains(key))
                    {
                        Interlocked.Increment(ref otherShards);
                        return;
                    }

                    if (parsed.Error is { } reason)
                    {
                        Interlocked.Increment(ref errors);
                        error($"{record.Input}#{record.Index}: {reason}");
                        return;
                    }

                    if (parsed.Clean is not { } clean)
                    {
                        Interlocked.Increment(ref skipped);
                        return;
                    }

                    if (site is null)
                    {
                        Interlocked.Increment(ref noSite);
                        return;
                    }

                    var result = clean(BlocksOnly);
                    if (result.Status != CleanStatus.Cleaned)
                    {
                        Interlocked.Increment(ref errors);
                        error($"{record.Input}#{record.Index}: {result.Diagnostic}");
                        return;
                    }

                    builder.Add(site, result);
                    Interlocked.Increment(ref pages);
                }
                finally
                {
                    record.ReturnBytes();
                }
            });

        var profiles = builder.Build();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"sites={profiles.Count} pages={pages} blocks={profiles.Sum(p => (long)p.Count)} errors={errors} skipped={skipped} no-site={noSite}{(options.Shard.Count > 1 ? $" other-shards={otherShards}" : string.Empty)} prunings={builder.Prunings}");
        return (profiles, summary);
    }

    /// <summary>Reads a profile file, turning a bad one into a usage error with the file's name.</summary>
    public static SiteProfileSet Load(string path)
    {
        try
        {
            return SiteProfileSet.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new ProfileFileException($"{path}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
        }
    }
}

/// <summary>A profile file that cannot be read.</summary>
internal sealed class ProfileFileException(string message) : Exception(message);
