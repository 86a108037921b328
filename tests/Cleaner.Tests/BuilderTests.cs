using Cleaner.Filters;

namespace Cleaner.Tests;

public class BuilderTests
{
    private sealed class ShoutingFilter : LineFilter
    {
        public override string Name => "shouting";

        public override string Description => "Removes lines that end with three exclamation marks.";

        protected override string? Judge(Block block) => block.Span.EndsWith("!!!") ? "ends with three exclamation marks" : null;
    }

    private const string Prose = "The council approved the budget on Tuesday, after a long debate about pay, roads and buildings that went on for most of the afternoon and well into the evening.";
    private const string Text = Prose + "\nLike Us on Facebook\n" + Prose + "\nBUY NOW!!!\n" + Prose;

    [Test]
    public void Default_order_is_documented_and_names_are_kebab_case()
    {
        var names = TextCleaner.Default.Filters.Select(f => f.Name).ToArray();
        Assert.That(names, Is.EqualTo(new[]
        {
            "dom-hints", "urls", "dates", "social", "calls-to-action", "photo-credits", "analytics", "cookies", "legal", "notices", "counters",
            "repeats", "copies", "contact", "site-boilerplate", "main-content", "navigation", "related", "comments", "teasers", "post", "title", "masthead", "tags", "head-tail",
            "context", "rescue",
        }));
        Assert.That(names, Has.All.Matches("^[a-z]+(-[a-z]+)*$"));
        Assert.That(TextCleaner.Default.Filters.Select(f => f.Description), Has.All.Not.Empty);
    }

    [Test]
    public void A_user_filter_added_through_the_builder_removes_with_its_name_and_reason()
    {
        var cleaner = TextCleaner.CreateBuilder().InsertBefore<ContextFilter>(new ShoutingFilter()).Build();
        var result = cleaner.Clean(Text);
        var removal = result.Removed.Single(r => r.Text == "BUY NOW!!!");
        Assert.That(removal.Filter, Is.EqualTo("shouting"));
        Assert.That(removal.Reason, Is.EqualTo("ends with three exclamation marks"));
        Assert.That(result.RemovedByFilter["shouting"], Is.EqualTo(1));
        Assert.That(cleaner.Filters.Select(f => f.Name).TakeLast(3), Is.EqualTo(new[] { "shouting", "context", "rescue" }));
    }

    [Test]
    public void A_removed_built_in_no_longer_removes()
    {
        var cleaner = TextCleaner.CreateBuilder().Remove<SocialFilter>().Remove<ContextFilter>().Remove<HeadTailFilter>().Build();
        var result = cleaner.Clean(Text);
        Assert.That(result.Text, Does.Contain("Like Us on Facebook"));
        Assert.That(cleaner.Filters.Select(f => f.Name), Does.Not.Contain("social"));
        Assert.That(TextCleaner.Default.Clean(Text).Text, Does.Not.Contain("Like Us on Facebook"));
    }

    [Test]
    public void A_built_in_is_removed_by_name_and_an_unknown_name_is_an_error()
    {
        var builder = TextCleaner.CreateBuilder().Remove("social");
        Assert.That(builder.Filters.Select(f => f.Name), Does.Not.Contain("social"));
        var error = Assert.Throws<ArgumentException>(() => TextCleaner.CreateBuilder().Remove("socail"));
        Assert.That(error!.Message, Does.Contain("socail").And.Contain("social"));
    }

    [Test]
    public void A_lambda_filter_removes_matching_lines()
    {
        var cleaner = TextCleaner.CreateBuilder()
            .RemoveLines(b => b.Text.StartsWith("BUY", StringComparison.Ordinal), "shop", "a shopping prompt")
            .Build();
        var removal = cleaner.Clean(Text).Removed.Single(r => r.Text == "BUY NOW!!!");
        Assert.That(removal.Filter, Is.EqualTo("shop"));
        Assert.That(removal.Reason, Is.EqualTo("a shopping prompt"));
    }

    [Test]
    public void Configure_changes_a_filters_options_in_its_place()
    {
        var builder = TextCleaner.CreateBuilder();
        int at = builder.Filters.ToList().FindIndex(f => f is RepeatFilter);
        builder.Configure<RepeatOptions>(o => o with { MinRepeats = 5 });
        Assert.That(builder.Filters[at], Is.InstanceOf<RepeatFilter>());
        Assert.That(((RepeatFilter)builder.Filters[at]).Options, Is.EqualTo(new RepeatOptions { MinRepeats = 5 }));
        Assert.Throws<InvalidOperationException>(() => TextCleaner.CreateBuilder().Remove<RepeatFilter>().Configure<RepeatOptions>(o => o));
        var lines = "We shall overcome.\nZap Zing Zoom\nThe council met on Tuesday to vote on the park.\nZap Zing Zoom\nIt was approved by a wide margin after a short debate.\nZap Zing Zoom";
        Assert.That(TextCleaner.CreateBuilder().Build().Clean(lines).Removed.Select(r => r.Filter), Has.Some.EqualTo("repeats"));
        Assert.That(builder.Build().Clean(lines).Removed.Select(r => r.Filter), Has.None.EqualTo("repeats"));
    }

    [Test]
    public void Insert_after_replace_and_duplicate_names()
    {
        var builder = TextCleaner.CreateBuilder().InsertAfter<DateFilter>(new ShoutingFilter());
        Assert.That(builder.Filters.Select(f => f.Name).Skip(2).Take(2), Is.EqualTo(new[] { "dates", "shouting" }));
        builder.Replace<NavigationFilter>(new NavigationFilter(new NavigationOptions { MinMenuRun = 8 }));
        Assert.That(builder.Filters.OfType<NavigationFilter>().Single().Options.MinMenuRun, Is.EqualTo(8));
        Assert.Throws<InvalidOperationException>(() => builder.Add(new ShoutingFilter()));
        Assert.Throws<InvalidOperationException>(() => builder.Replace<NavigationFilter>(new ShoutingFilter()), "a second 'shouting'");
        builder.Replace<ShoutingFilter>(new ShoutingFilter());
        Assert.Throws<InvalidOperationException>(() => TextCleaner.CreateBuilder().Clear().Remove<SocialFilter>());
    }

    [Test]
    public void A_keep_protects_a_block_from_later_filters()
    {
        var cleaner = TextCleaner.CreateBuilder()
            .Clear()
            .Add(new PredicateFilter("protect", b => false))
            .Add(new KeepFacebookFilter())
            .Add(new SocialFilter())
            .Build();
        var result = cleaner.Clean(Text);
        Assert.That(result.Text, Does.Contain("Like Us on Facebook"));
        Assert.That(result.Blocks[1].Filter, Is.EqualTo("keep-facebook"));
    }

    private sealed class KeepFacebookFilter : IBlockFilter
    {
        public string Name => "keep-facebook";

        public string Description => "Keeps lines about Facebook.";

        public void Apply(Document document)
        {
            foreach (var block in document.Blocks.Where(b => b.Text.Contains("Facebook", StringComparison.Ordinal)))
            {
                block.Keep("mentions Facebook");
            }
        }
    }

    [Test]
    public void User_phrases_extend_a_built_in_list()
    {
        const string text = Prose + "\nSuivez le guide\n" + Prose;
        Assert.That(TextCleaner.Default.Clean(text).Text, Does.Contain("Suivez le guide"));
        var cleaner = TextCleaner.CreateBuilder().AddPhrases("social", ["=suivez le guide"]).Build();
        var removal = cleaner.Clean(text).Removed.Single();
        Assert.That(removal.Filter, Is.EqualTo("social"));
    }

    [Test]
    public void Focus_changes_how_much_goes()
    {
        var lines = string.Join("\n",
            "The council approved the budget on Tuesday, after a long debate about pay and buildings and roads.",
            "Follow us on Twitter for live updates from every meeting of the council",
            "The council approved the budget on Tuesday, after a long debate about pay and buildings and roads.");
        int Removed(Focus focus) => TextCleaner.CreateBuilder().WithFocus(focus).Remove<ContextFilter>().Build().Clean(lines).Removed.Count;
        Assert.That(Removed(Focus.Precision), Is.GreaterThanOrEqualTo(Removed(Focus.Balanced)));
        Assert.That(Removed(Focus.Balanced), Is.GreaterThanOrEqualTo(Removed(Focus.Recall)));
        Assert.That(Removed(Focus.Precision), Is.GreaterThan(Removed(Focus.Recall)));
    }

    [Test]
    public void Title_can_be_left_out_of_the_text()
    {
        var cleaner = TextCleaner.CreateBuilder().WithOptions(o => o with { IncludeTitle = false }).Build();
        var result = cleaner.Clean(File.ReadAllText(TestPaths.Sample));
        Assert.That(result.Title, Does.StartWith("China is Ready"));
        Assert.That(result.Text, Does.StartWith("President Xi Jinping on Tuesday"));
    }

    [Test]
    public void Empty_and_blank_input_give_empty_text()
    {
        Assert.That(TextCleaner.Default.Clean(string.Empty).Text, Is.Empty);
        Assert.That(TextCleaner.Default.Clean(" \n\t\n").Text, Is.Empty);
        Assert.Throws<ArgumentNullException>(() => TextCleaner.Default.Clean((string)null!));
    }
}
