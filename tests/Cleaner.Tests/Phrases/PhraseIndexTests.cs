using System.Text;
using System.Text.RegularExpressions;

namespace Cleaner.Tests.Phrases;

/// <summary>
/// The indexed matcher (lists with phrases of a user) finds what the one-pattern matcher (built-in
/// lists) finds: the same first match, the same coverage, the same whole lines, on every line of
/// the corpus and the dev sets and on random phrases and texts.
/// </summary>
public class PhraseIndexTests
{
    private static IEnumerable<string> Lines()
    {
        var roots = new List<string> { TestPaths.Corpus };
        if (TestPaths.Eval is { } eval)
        {
            roots.Add(Path.Combine(eval, "dragnet-train", "text"));
            roots.Add(Path.Combine(eval, "readability", "text"));
        }

        return roots.Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .SelectMany(File.ReadLines)
            .Where(line => line.Length is > 0 and < 2000)
            .Concat(Text.FastPathTests.Lines()) // every phrase in odd dress: upper case, look-alike letters, glued
            .Distinct(StringComparer.Ordinal);
    }

    [Test]
    public void Every_built_in_list_matches_the_same_indexed_as_compiled()
    {
        var lines = Lines().ToList();
        Assert.That(lines, Has.Count.GreaterThan(5000));
        var book = TextCleaner.Default.Phrases;
        int matched = 0;
        foreach (var name in book.Names)
        {
            var compiled = book[name];
            var indexed = new PhraseList(name, PhraseBook.BuiltIn(name));
            Assert.That(indexed.Anywhere?.Index ?? indexed.WholeLine?.Index, Is.Not.Null, "a list built from phrases is indexed");
            foreach (var line in lines)
            {
                var expected = compiled.FirstMatch(line);
                Assert.That(indexed.FirstMatch(line), Is.EqualTo(expected), $"{name}: {line}");
                Assert.That(indexed.Coverage(line), Is.EqualTo(compiled.Coverage(line)), $"{name}: {line}");
                Assert.That(indexed.IsMatch(line), Is.EqualTo(compiled.IsMatch(line)), $"{name}: {line}");
                matched += expected is null ? 0 : 1;
            }
        }

        Assert.That(matched, Is.GreaterThan(500), "the lines exercise the lists");
    }

    [Test]
    public void Random_phrases_match_the_same_indexed_as_compiled()
    {
        // Pieces chosen for the corners: case forms (the Kelvin sign, sharp s, Greek), punctuation
        // a '*' takes or not, underscores and joiners at word boundaries, glued wildcards.
        string[] words = ["a", "ab", "AB", "k", "\u212A", "straße", "STRASSE", "σας", "ΣΑΣ", "x1", "_", "it's", "e-mail", "..", "©", "(c)", "\u200D", "a\u0301", "(12)", "[3]", "(4]", "(1.5)", "( 7)"];
        string[] joins = [" ", "  ", "", "-", ".", ", ", "\t", "\u00A0"];
        var random = new Random(18);
        string Piece(bool phrase)
        {
            var sb = new StringBuilder();
            int n = random.Next(1, phrase ? 5 : 12);
            for (int i = 0; i < n; i++)
            {
                if (i > 0)
                {
                    sb.Append(joins[random.Next(phrase ? 5 : joins.Length)]);
                }

                sb.Append(phrase && random.Next(4) == 0 ? (random.Next(3) == 0 ? "x*" : "*") : words[random.Next(words.Length)]);
            }

            return sb.ToString();
        }

        for (int round = 0; round < 300; round++)
        {
            var phrases = Enumerable.Range(0, random.Next(1, 8))
                .Select(_ => (random.Next(3) == 0 ? "=" : "") + Piece(phrase: true).Trim())
                .Where(p => p.Trim('=', ' ').Length > 0 && !p.StartsWith('#'))
                .ToList();
            var indexed = new PhraseList("test", phrases);
            var compiled = new PhraseList("test", phrases, builtIn: true, null, 0);
            for (int t = 0; t < 40; t++)
            {
                var text = Piece(phrase: false);
                var context = $"phrases [{string.Join(" | ", phrases)}] text \"{text}\"";
                Assert.That(indexed.FirstMatch(text), Is.EqualTo(compiled.FirstMatch(text)), context);
                Assert.That(indexed.Coverage(text), Is.EqualTo(compiled.Coverage(text)), context);
                Assert.That(indexed.IsMatch(text), Is.EqualTo(compiled.IsMatch(text)), context);
            }
        }
    }

    [Test]
    public void A_whole_line_may_end_in_a_count_in_brackets_indexed_and_compiled()
    {
        string[] phrases = ["=comments", "=leave a reply", "=* responses"];
        var indexed = new PhraseList("test", phrases);
        var compiled = new PhraseList("test", phrases, builtIn: true, null, 0);
        foreach (var (text, whole) in new[]
        {
            ("Comments (12)", true), ("Comments [3]", true), ("— Comments (1,204) —", true), ("12 responses (3)", true),
            ("Comments (12) Add a comment", false), ("Comments (x)", false), ("Comments (12]", false), ("Comments 12", false),
            ("Comments (12) (3)", false), ("(12) Comments", false),
        })
        {
            Assert.That(compiled.IsMatch(text), Is.EqualTo(whole), $"compiled: {text}");
            Assert.That(indexed.IsMatch(text), Is.EqualTo(whole), $"indexed: {text}");
        }
    }

    [Test]
    public void A_built_in_list_of_more_whole_line_phrases_than_one_pattern_holds_matches_each_of_them()
    {
        var phrases = PhraseBook.BuiltIn("comments").Where(p => p.StartsWith('=') && !p.Contains('*')).ToList();
        Assert.That(phrases, Has.Count.GreaterThan(PhraseSet.WholeLineChunk), "the list spans several patterns");
        var list = TextCleaner.Default.Phrases["comments"];
        int wholeLine = PhraseBook.BuiltIn("comments").Count(p => p.StartsWith('='));
        Assert.That(list.WholeLine!.Patterns, Has.Count.EqualTo((wholeLine + PhraseSet.WholeLineChunk - 1) / PhraseSet.WholeLineChunk));
        foreach (var phrase in phrases)
        {
            Assert.That(list.IsMatch(phrase.AsSpan(1)), Is.True, phrase);
        }

        Assert.That(list.IsMatch("Kundenbewertungen (5)"), Is.True);
        Assert.That(list.IsMatch("Customer reviews (12)"), Is.True);
    }

    [Test]
    public void Folding_agrees_with_case_insensitive_matching()
    {
        // Every character of the Latin, Greek, Cyrillic and letter-like ranges, as a phrase
        // character, against every character of the text.
        var all = new StringBuilder();
        for (int c = 0; c < 0x10000; c++)
        {
            all.Append(c is >= 0xD800 and <= 0xDFFF ? ' ' : (char)c);
        }

        var text = all.ToString();
        var ranges = Enumerable.Range(0x21, 0x530 - 0x21).Concat(Enumerable.Range(0x1E00, 0x100)).Concat(Enumerable.Range(0x2100, 0x50));
        var mismatches = new List<string>();
        foreach (int p in ranges.Where(p => !char.IsWhiteSpace((char)p)))
        {
            var pattern = new Regex(Regex.Escape(((char)p).ToString()), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            var regex = new HashSet<int>();
            foreach (var match in pattern.EnumerateMatches(text))
            {
                regex.Add(match.Index);
            }

            char fold = PhraseIndex.Fold((char)p);
            for (int t = 0; t < 0x10000; t++)
            {
                if (t is < 0xD800 or > 0xDFFF && (PhraseIndex.Fold((char)t) == fold) != regex.Contains(t))
                {
                    mismatches.Add($"U+{p:X4} U+{t:X4}");
                }
            }
        }

        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void Word_characters_agree_with_the_pattern_class()
    {
        var word = new Regex(@"^\w$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        var mismatches = Enumerable.Range(0, 0x10000).Where(c => c is < 0xD800 or > 0xDFFF)
            .Where(c => PhraseIndex.IsWord((char)c) != word.IsMatch(((char)c).ToString())).ToList();
        Assert.That(mismatches, Is.Empty);
    }
}

/// <summary>Issue 18 item 9 in the library: lists of any size up to the stated limits build and run in work linear in the text; beyond, a clear exception from Build.</summary>
public class LargePhraseListTests
{
    [Test]
    public void A_hundred_thousand_phrases_build_and_run_with_a_bounded_number_of_checks()
    {
        var phrases = Enumerable.Range(0, 100_000).Select(i => $"follow {Cli.PhraseLimitTests.Word(i)} * on {Cli.PhraseLimitTests.Word(i * 7 + 3)}").ToList();
        var task = Task.Run(() =>
        {
            var cleaner = TextCleaner.CreateBuilder().AddPhrases("social", phrases).Build();
            var lines = Enumerable.Range(0, 20_000).Select(i => i % 2 == 0
                ? $"follow {Cli.PhraseLimitTests.Word(i)} them on {Cli.PhraseLimitTests.Word(i * 7 + 3)}"
                : $"Line {i} of an ordinary article says what happened in the town, and follow the money later.");
            var text = string.Join('\n', lines);
            var result = cleaner.Clean(text);
            return (cleaner, text, result);
        });
        Assert.That(task.Wait(TimeSpan.FromMinutes(2)), Is.True, "hang guard only: the bound below is the test");
        var (cleaner, text, result) = task.Result;
        Assert.That(result.Removed.Count(b => b.Filter == "social"), Is.EqualTo(10_000), "every phrase line goes");

        // Each position of the text is checked only against the phrases filed under its first
        // tokens: about one check per phrase line, not one per phrase.
        var index = cleaner.Phrases["social"].Anywhere!.Index!;
        int words = text.Split([' ', '\n']).Length;
        Assert.That(index.Attempts, Is.LessThan(words / 4), $"{index.Attempts:N0} checks for {words:N0} words");
    }

    [Test]
    public void Beyond_the_limits_build_throws_a_phrase_limit_exception()
    {
        var builder = TextCleaner.CreateBuilder().AddPhrases("social", Enumerable.Range(0, PhraseList.MaxLeadingWildcardPhrases + 1).Select(i => "* " + Cli.PhraseLimitTests.Word(i)));
        var e = Assert.Throws<PhraseLimitException>(() => builder.Build());
        Assert.That(e!.List, Is.EqualTo("social"));
        Assert.That(e.Message, Does.Contain("more than 10,000 phrases that start with a '*'"));
        Assert.Throws<PhraseLimitException>(() => new PhraseList("mine", ["a " + string.Concat(Enumerable.Repeat("* ", PhraseList.MaxWildcards + 1)) + "b"]));
        Assert.Throws<PhraseLimitException>(() => new PhraseList("mine", [new string('x', PhraseList.MaxPhraseLength + 1)]));
    }

    [Test]
    public void An_unknown_list_is_an_error_not_an_empty_list()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => _ = TextCleaner.Default.Phrases["socail"]);
        Assert.That(e!.Message, Does.Contain("'socail'").And.Contain("social"));
        Assert.Throws<KeyNotFoundException>(() => PhraseBook.BuiltIn("socail"));
        var mine = TextCleaner.CreateBuilder().AddPhrases("mine", ["a phrase"]).Build();
        Assert.That(mine.Phrases["mine"].IsMatch("here is a phrase."), Is.True);
    }
}
