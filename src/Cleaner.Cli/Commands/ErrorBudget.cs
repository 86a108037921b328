using System.Globalization;
using Cleaner.Batch;

namespace Cleaner.Cli.Commands;

/// <summary>
/// <c>--max-errors</c>: how many records of a batch run may fail with the run still exiting 0. A
/// count (<c>0</c>: none may), or a share of the records to clean (cleaned + failed; skipped ones
/// are not counted) such as <c>1%</c>. The default, 1%, lets the odd bad record of a crawl through
/// (a Slurm array task does not fail on it) and still fails a run where many records fail, and any
/// small run with one failure in it (one in three is 33%).
/// </summary>
internal readonly record struct ErrorBudget(long Count, double Percent, bool IsShare)
{
    /// <summary>The default, as the option shows it.</summary>
    public const string DefaultText = "1%";

    /// <summary>Parses <c>N</c> (a count) or <c>P%</c> (a share, 0 to 100).</summary>
    public static bool TryParse(string? text, out ErrorBudget budget)
    {
        budget = default;
        text = text?.Trim() ?? string.Empty;
        if (text.EndsWith('%'))
        {
            if (double.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double percent) && percent is >= 0 and <= 100)
            {
                budget = new ErrorBudget(0, percent, IsShare: true);
                return true;
            }

            return false;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long count))
        {
            budget = new ErrorBudget(count, 0, IsShare: false);
            return true;
        }

        return false;
    }

    /// <summary>Whether the run's record errors are over the budget.</summary>
    public bool Exceeded(BatchCounts counts) => IsShare
        ? counts.Errors * 100.0 > Percent * (counts.Out + counts.Errors)
        : counts.Errors > Count;

    /// <summary>How the errors stand: <c>3 records failed (1.2% of 250 to clean), within --max-errors 1%</c>.</summary>
    public string Describe(BatchCounts counts)
    {
        long toClean = counts.Out + counts.Errors;
        double share = toClean == 0 ? 0 : counts.Errors * 100.0 / toClean;
        var limit = IsShare ? string.Create(CultureInfo.InvariantCulture, $"{Percent:0.###}%") : Count.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{counts.Errors} record(s) failed ({share:0.##}% of {toClean} to clean), {(Exceeded(counts) ? "over" : "within")} --max-errors {limit}");
    }
}
