namespace Cleaner.Filters;

/// <summary>Removes calls to action: "Make X your homepage", bookmark, subscribe, newsletter, sign in/up, download the app.</summary>
public sealed class CallToActionFilter() : PhraseFilter("calls-to-action", "calls-to-action", "a call to action", maxWords: 12)
{
    /// <inheritdoc />
    public override string Description => "Removes calls to action: make X your homepage, bookmark, subscribe, newsletter, sign in/up, download the app.";
}
