namespace Cleaner;

/// <summary>
/// A phrase list passes one of the limits <see cref="PhraseList"/> states (phrases per list,
/// characters and wildcards per phrase, phrases that start with a wildcard). Thrown by
/// <see cref="TextCleanerBuilder.Build"/> and by the constructor of <see cref="PhraseList"/>; the
/// message says which limit and which list.
/// </summary>
public sealed class PhraseLimitException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which limit the list passes.</param>
    /// <param name="list">The list's name.</param>
    public PhraseLimitException(string message, string list)
        : base(message)
    {
        List = list;
    }

    /// <summary>The name of the list that passes the limit.</summary>
    public string List { get; }
}
