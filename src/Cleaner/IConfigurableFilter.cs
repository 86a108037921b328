namespace Cleaner;

/// <summary>
/// A filter tuned by an options record (a <c>readonly record struct</c> with documented defaults),
/// so that <see cref="TextCleanerBuilder.Configure{TOptions}(Func{TOptions, TOptions})"/> can change
/// its settings in place: <c>builder.Configure&lt;NavigationOptions&gt;(o =&gt; o with { MinMenuRun = 6 })</c>.
/// </summary>
/// <typeparam name="TOptions">The filter's options record.</typeparam>
public interface IConfigurableFilter<TOptions> : IBlockFilter
    where TOptions : struct
{
    /// <summary>The filter's settings.</summary>
    TOptions Options { get; }

    /// <summary>A filter of the same kind with other settings.</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The new filter; this one is unchanged.</returns>
    IConfigurableFilter<TOptions> WithOptions(TOptions options);
}
