using System.Globalization;
using System.Text;

namespace Cleaner.Batch;

/// <summary>
/// The accounting of a <see cref="BatchPipeline"/> run: every record of the shard is cleaned, an
/// error, or skipped (<c>In = Out + Errors + Skipped</c>); records of other shards are counted apart.
/// </summary>
public sealed class BatchCounts
{
    internal BatchCounts(long input, long output, long errors, long skipped, long otherShards, long brokenInputs, IReadOnlyDictionary<string, long> extractors)
    {
        In = input;
        Out = output;
        Errors = errors;
        Skipped = skipped;
        OtherShards = otherShards;
        BrokenInputs = brokenInputs;
        Extractors = extractors;
    }

    /// <summary>Records of the shard.</summary>
    public long In { get; }

    /// <summary>Records cleaned.</summary>
    public long Out { get; }

    /// <summary>Records that failed.</summary>
    public long Errors { get; }

    /// <summary>Records not to clean (WARC requests, metadata, non-HTML or non-2xx responses).</summary>
    public long Skipped { get; }

    /// <summary>Records of other shards, read and passed over.</summary>
    public long OtherShards { get; }

    /// <summary>
    /// Inputs whose end was not read: unreadable, truncated or corrupt past a record, neither JSONL nor
    /// WARC. Each is also one of <see cref="Errors"/> (the record it stopped in).
    /// </summary>
    public long BrokenInputs { get; }

    /// <summary>For the HTML pages cleaned: how many each extractor decided (<c>native</c>, <c>smartreader</c>; <c>none</c> when the filters judged the whole page).</summary>
    public IReadOnlyDictionary<string, long> Extractors { get; }

    /// <summary>The summary line of <c>cleaner batch</c>: <c>in=N out=N errors=N skipped=N</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"in={In} out={Out} errors={Errors} skipped={Skipped}");

    /// <summary>The extractor counts as <c>extractor: native=N smartreader=N</c> (in that order, then the others), or null when no HTML page was cleaned.</summary>
    internal string? ExtractorLine()
    {
        if (Extractors.Count == 0)
        {
            return null;
        }

        var line = new StringBuilder("extractor:");
        foreach (var (name, count) in Extractors.OrderBy(e => Array.IndexOf(ExtractorOrder, e.Key) is >= 0 and var i ? i : ExtractorOrder.Length).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            line.Append(CultureInfo.InvariantCulture, $" {name}={count}");
        }

        return line.ToString();
    }

    private static readonly string[] ExtractorOrder = ["native", "smartreader", "none"];
}
