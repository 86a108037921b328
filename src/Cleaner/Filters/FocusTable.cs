namespace Cleaner.Filters;

/// <summary>
/// What each <see cref="Focus"/> means, for every filter that honours it: the one place where the
/// trade-off is spelled out. Balanced is each filter's own setting; precision removes more, recall
/// keeps more.
/// </summary>
internal static class FocusTable
{
    /// <summary>Phrase filters: the most words of a line that a phrase removes (balanced: the filter's limit).</summary>
    public static int PhraseWords(Focus focus, int balanced) => focus switch
    {
        Focus.Precision => balanced + 4,
        Focus.Recall => Math.Max(1, balanced - 3),
        _ => balanced,
    };

    /// <summary>Head and tail zones: the most words of a short non-sentence line that goes (balanced: the filter's limit).</summary>
    public static int ZoneWords(Focus focus, int balanced) => focus switch
    {
        Focus.Precision => balanced * 2,
        Focus.Recall => balanced / 2,
        _ => balanced,
    };

    /// <summary>The context classifier: stricter thresholds for precision, looser for recall.</summary>
    public static ContextOptions Context(Focus focus, ContextOptions o) => focus switch
    {
        Focus.Precision => o with { StopwordsLow = o.StopwordsLow + 0.03, StopwordsHigh = o.StopwordsHigh + 0.03, LengthLow = o.LengthLow + 20 },
        Focus.Recall => o with { StopwordsLow = o.StopwordsLow - 0.05, StopwordsHigh = o.StopwordsHigh - 0.05, LengthLow = o.LengthLow - 20 },
        _ => o,
    };

    /// <summary>The context classifier: whether a short block between a good and a bad neighbour is kept (recall) or dropped.</summary>
    public static bool KeepsUnsure(Focus focus) => focus == Focus.Recall;

    /// <summary>Comments: whether the comment section is cut (not under recall, where a discussion may be the content).</summary>
    public static bool CutsComments(Focus focus) => focus != Focus.Recall;
}
