namespace Cleaner;

/// <summary>
/// What a filter declares about itself (<see cref="IBlockFilter.Traits"/>), so that other stages
/// treat it by kind and never by name.
/// </summary>
[Flags]
public enum FilterTraits
{
    /// <summary>Nothing to declare.</summary>
    None = 0,

    /// <summary>The filter judges HTML pages only and does nothing for plain text.</summary>
    HtmlOnly = 1,

    /// <summary>
    /// The filter judges from statistics of the text (zones, runs, neighbours) rather than from
    /// specific chrome; the final stage may bring back what it removed when too little prose is left.
    /// </summary>
    Statistical = 2,

    /// <summary>The filter keeps blocks, protecting them from later filters.</summary>
    Protects = 4,

    /// <summary>The filter removes dates and timestamps: later filters may count those as short lines rather than chrome.</summary>
    Dates = 8,

    /// <summary>The filter is the final stage: filters added to the pipeline go before it.</summary>
    FinalStage = 16,
}
