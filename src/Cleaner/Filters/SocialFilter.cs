namespace Cleaner.Filters;

/// <summary>Removes social and sharing prompts: "Like Us on Facebook", "Share this article", "Tweet", "Pin it", "Email this", "Print".</summary>
public sealed class SocialFilter() : PhraseFilter("social", "social", "a social or sharing prompt", maxWords: 10)
{
    /// <inheritdoc />
    public override string Description => "Removes social and sharing prompts: Like us on Facebook, Follow us, Share, Tweet, Pin it, Email, Print.";
}
