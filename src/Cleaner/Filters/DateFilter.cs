using Cleaner.Text;

namespace Cleaner.Filters;

/// <summary>
/// Removes standalone dates, times, timestamps and datelines ("04/25/2024 07:21:18 pm",
/// "Updated: March 3, 2012 10:15 EST", "5 hours ago", "Montag, 3. März 2012"). A line goes only when
/// every word in it belongs to a date or time, so a paragraph that starts with a date stays.
/// </summary>
public sealed class DateFilter : LineFilter
{
    /// <inheritdoc />
    public override string Name => "dates";

    /// <inheritdoc />
    public override FilterTraits Traits => FilterTraits.Dates;

    /// <inheritdoc />
    public override string Description => "Removes standalone dates, times, timestamps and datelines.";

    /// <inheritdoc />
    protected override string? Judge(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return block.Features.WordCount <= 16 && Dates.IsDateLine(block.Span) ? "a standalone date or time" : null;
    }
}
