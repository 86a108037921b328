using System.Globalization;
using System.Text;
using Cleaner.Filters;
using Cleaner.Text;

namespace Cleaner.Tests.Text;

/// <summary>
/// The shortcuts on the hot path must give the answers of the plain code they skip: a phrase
/// pattern is skipped only on text it cannot match, a packed word table answers as a set of
/// lower-cased strings, the ASCII path of the features counts as the Unicode path does.
/// </summary>
public class FastPathTests
{
    /// <summary>Lines of every text case of the corpus, and variants that stress case folding and word edges.</summary>
    internal static List<string> Lines()
    {
        var lines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Corpus, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".verified.txt", StringComparison.Ordinal) || file.EndsWith(".expect.txt", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var line in File.ReadLines(file))
            {
                if (line.Trim().Length > 0)
                {
                    lines.Add(line.Trim());
                }
            }
        }

        // Every phrase of every list, as written and in odd dress: upper case, look-alike letters
        // that case-insensitive matching equates (Kelvin sign, long s), glued to punctuation.
        foreach (var name in PhraseBook.BuiltInNames)
        {
            foreach (var phrase in PhraseBook.BuiltIn(name))
            {
                var body = phrase.TrimStart('=').Replace("*", "our daily", StringComparison.Ordinal);
                lines.Add(body);
                lines.Add(body.ToUpperInvariant());
                lines.Add(body.Replace('k', '\u212A').Replace('s', '\u017F').Replace('i', '\u0130'));
                lines.Add($"»{body}«");
                lines.Add($"({body.ToUpperInvariant()}) and more text after it");
                lines.Add($"x{body}x");
            }
        }

        return lines;
    }

    [Test]
    public void Phrase_keys_never_skip_a_line_the_pattern_matches()
    {
        var book = TextCleaner.Default.Phrases;
        var sets = book.Names.SelectMany(name => new[] { book[name].Anywhere, book[name].WholeLine }).OfType<PhraseSet>().ToList();
        Assert.That(sets.Select(s => s.Bit).Distinct().Count(), Is.EqualTo(sets.Count).And.LessThanOrEqualTo(64), "every set of the built-in book has a bit of its own");
        var document = TextCleaner.Default.Clean(string.Join('\n', Lines())).Document;
        int matched = 0, skipped = 0;
        foreach (var block in document.Blocks)
        {
            foreach (var set in sets)
            {
                bool matches = set.Patterns!.Any(pattern => pattern.IsMatch(block.Span));
                bool may = set.MayMatch(block.Span, block);
                Assert.That(may || !matches, Is.True, $"the keys of a set skip \"{block.Text}\", which its pattern matches");
                Assert.That(set.MayMatch(block.Span, null), Is.EqualTo(may), $"block and span answers differ on \"{block.Text}\"");
                matched += matches ? 1 : 0;
                skipped += may ? 0 : 1;
            }
        }

        // The test means something only when both happen often.
        Assert.That(matched, Is.GreaterThan(1000));
        Assert.That(skipped, Is.GreaterThan(document.Blocks.Count * sets.Count / 2));
    }

    [Test]
    public void Every_built_in_phrase_has_a_key_so_no_list_is_searched_in_every_text()
    {
        // A single phrase without a key makes its list compile and search every text: Russian,
        // Polish and Turkish phrases once did that to three lists, and a first clean of a two-line
        // text took three times as long.
        var book = TextCleaner.Default.Phrases;
        var unkeyed = book.Names.SelectMany(name => new[] { (name, book[name].Anywhere), (name, book[name].WholeLine) })
            .Where(pair => pair.Item2 is not null && pair.Item2.KeyWords is null).Select(pair => pair.name).ToList();
        Assert.That(unkeyed, Is.Empty);
        var cyrillic = new PhraseList("mine", ["=Поделиться", "udostępnij", "paylaş"]);
        Assert.That(cyrillic.IsMatch("ПОДЕЛИТЬСЯ"), Is.True);
        Assert.That(cyrillic.IsMatch("Udostępnij artykuł"), Is.True);
        Assert.That(cyrillic.IsMatch("Haberi PAYLAŞ"), Is.True);
        Assert.That(cyrillic.IsMatch("Поделиться с друзьями"), Is.False, "a whole-line phrase");
    }

    [Test]
    public void A_search_in_part_of_a_block_finds_what_a_search_of_that_part_finds()
    {
        var book = TextCleaner.Default.Phrases;
        var lines = Lines();
        lines.AddRange(["Photos of the week: photographer unknown", "Copyrighted material, copyright 2012", "(Photo: AP) Copyrights", "Copyrighted material", "Gettysburg address", "(Gettysburg) remembered"]);
        var document = TextCleaner.Default.Clean(string.Join('\n', lines)).Document;
        int found = 0;
        foreach (var block in document.Blocks)
        {
            var span = block.Span;
            foreach (var name in book.Names)
            {
                var list = book[name];

                // Heads of several lengths, some of which cut a word in two, from the start or after an opening bracket.
                foreach (int start in new[] { 0, span.Length - span.TrimStart("([{ ").Length })
                {
                    foreach (int length in new[] { 5, 9, 12, 24, 30 })
                    {
                        int n = Math.Min(length, span.Length - start);
                        var expected = list.FirstMatch(span.Slice(start, n));
                        Assert.That(list.FirstMatch(block, start, n), Is.EqualTo(expected), $"list '{name}' on \"{block.Text}\" from {start}, {n} characters");
                        found += expected is null ? 0 : 1;
                    }
                }
            }
        }

        Assert.That(found, Is.GreaterThan(1000));
    }

    [Test]
    public void A_user_list_with_unkeyed_phrases_still_matches()
    {
        var list = new PhraseList("mine", ["©", "* * *", "ⅰ love", "=—"]);
        Assert.That(list.IsMatch("© 2024 Example"), Is.True);
        Assert.That(list.IsMatch("one two three"), Is.True);
        Assert.That(list.IsMatch("Ⅰ LOVE it"), Is.True, "a symbol with case forms is no key");
        Assert.That(list.Coverage("—"), Is.EqualTo(1));
        var cleaner = TextCleaner.CreateBuilder().Clear().AddPhrases("mine", ["sponsored by *", "=advertorial"])
            .Add(new PhraseFilter("mine", "mine", "mine")).Build();
        var result = cleaner.Clean("Sponsored by ACME Corp\nADVERTORIAL\nThe council met on Monday to discuss the budget for next year, and it agreed.");
        Assert.That(result.Removed.Select(r => r.Text), Is.EqualTo(new[] { "Sponsored by ACME Corp", "ADVERTORIAL" }));
    }

    [Test]
    public void Word_tables_answer_as_a_set_of_lower_cased_words()
    {
        var words = new[] { "the", "über", "straße", "aujourd'hui", "a", "bitcoin", "longerthaneight", "élan", "ß", "μ" };
        var table = new WordTable<int>(words.Select((w, i) => KeyValuePair.Create(w, i)));
        var probes = words.Concat(words.Select(w => w.ToUpperInvariant())).Concat(words.Select(w => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w)))
            .Concat(["", "th", "thee", "\u212Aein", "STRASSE", "The\0", "x", new string('a', 100), "ÉLAN", "Über"]);
        foreach (var probe in probes)
        {
            var lower = probe.ToLowerInvariant();
            int expected = Array.IndexOf(words, lower);
            Assert.That(table.TryGetLowerCased(probe, out int found) ? found : -1, Is.EqualTo(expected), $"lower-cased look-up of \"{probe}\"");
            expected = Array.IndexOf(words, probe);
            Assert.That(table.TryGetValue(probe, out found) ? found : -1, Is.EqualTo(expected), $"exact look-up of \"{probe}\"");
        }
    }

    [Test]
    public void Features_on_the_ascii_path_equal_a_plain_unicode_count()
    {
        var stop = Languages.Get("en")!;
        var lines = Lines();
        lines.AddRange(["don't-stop e-mail 'quoted' rock-'n'-roll -x- ab'", "Ünïcödé wörds, and ASCII ones! 12 34a a34", "日本語の文章です。これは、テスト！", "\U00020000\U00020001 x", "It’s the end…"]);
        foreach (var line in lines)
        {
            var fast = TextStats.Compute(line, stop);
            var plain = Plain(line, stop);
            Assert.That(fast, Is.EqualTo(plain), $"features of \"{line}\"");
        }
    }

    [TestCase("www.example.com")]
    [TestCase("https://example.org/a b")]
    [TestCase("Visit example.com today")]
    [TestCase("-- jane.doe@example.co.uk --")]
    [TestCase("example.com/path?x=1")]
    [TestCase("http://")]
    [TestCase("no address here")]
    [TestCase("ftp://files.example.net")]
    public void The_url_precheck_never_rejects_an_address(string line)
    {
        var alone = TextCleaner.CreateBuilder().Clear().Add(new UrlFilter()).Build();
        var pattern = new System.Text.RegularExpressions.Regex(
            @"^[\s\W]*(?:(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|de|fr|es|io|info|gov|edu)(?:/\S*)?)[\s\W]*$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        Assert.That(alone.Clean(line).Removed.Count == 1, Is.EqualTo(pattern.IsMatch(line)));
    }

    [Test]
    public void Line_keys_hashes_and_comparisons_fold_as_the_plain_code_does()
    {
        // The plain fold: trimmed, each run of white space one space, each character in lower case.
        static string Plain(string text) =>
            string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(word => string.Concat(word.Select(char.ToLowerInvariant))));

        // Corpus lines, and long lines (past the hash's buffer of 256 characters) in odd dress:
        // white space of every kind, upper case, non-ASCII letters, a difference at the very end.
        var lines = Lines().Take(3000).ToList();
        var random = new Random(12);
        string[] pieces = ["Word", "ÉTÉ", "straße", "\u0130stanbul", "\u212A", " ", "  ", "\t", "\u00A0", "\u2003", "\r\n", "x", "ÅB", "\u3000", "-"];
        for (int i = 0; i < 400; i++)
        {
            var line = new StringBuilder();
            int count = random.Next(1, 300);
            for (int k = 0; k < count; k++)
            {
                line.Append(pieces[random.Next(pieces.Length)]);
            }

            lines.Add(line.ToString());
        }

        foreach (var line in lines)
        {
            string key = Plain(line);
            Assert.That(TextCase.LineKey(line), Is.EqualTo(key), line);
            Assert.That(TextCase.LineHash(line, out int length), Is.EqualTo(TextCase.LineHash(" " + line.ToUpperInvariant().Replace(" ", " \t ", StringComparison.Ordinal), out int upper)), line);
            Assert.That(length, Is.EqualTo(key.Length).And.EqualTo(upper), line);
            Assert.That(TextCase.SameLine(line, line + " \u00A0"), Is.True, line);
            Assert.That(TextCase.LineHash(line + "!", out _), Is.Not.EqualTo(TextCase.LineHash(line + "?", out _)), line);
            Assert.That(TextCase.SameLine(line, line + "!"), Is.False, line);
        }
    }

    [Test]
    public void The_url_precheck_agrees_with_the_pattern_on_the_corpus()
    {
        var alone = TextCleaner.CreateBuilder().Clear().Add(new UrlFilter()).Build();
        var pattern = new System.Text.RegularExpressions.Regex(
            @"^[\s\W]*(?:(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|de|fr|es|io|info|gov|edu)(?:/\S*)?)[\s\W]*$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        var result = alone.Clean(string.Join('\n', Lines()));
        int removed = 0;
        foreach (var block in result.Blocks)
        {
            bool expected = block.Features.WordCount <= 40 && pattern.IsMatch(block.Span);
            Assert.That(block.IsRemoved, Is.EqualTo(expected), $"\"{block.Text}\"");
            removed += expected ? 1 : 0;
        }

        Assert.That(removed, Is.GreaterThan(0));
    }

    /// <summary>The features as the documentation defines them, counted the plain way with Unicode categories for every character.</summary>
    private static BlockFeatures Plain(string text, StopWords stop)
    {
        int words = 0, letters = 0, upper = 0, digits = 0, capitalized = 0, stops = 0, cjk = 0, sentence = 0, clause = 0;
        var word = new StringBuilder();
        bool wordHasLetter = false;
        void Close()
        {
            if (word.Length == 0)
            {
                return;
            }

            words++;
            var w = word.ToString();
            capitalized += wordHasLetter && char.IsUpper(w[0]) ? 1 : 0;
            stops += wordHasLetter && w.Length <= 32 && stop.Words.Contains(w.ToLowerInvariant()) ? 1 : 0;
            word.Clear();
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsLetter(c) && TextStats.IsCjk(c))
            {
                letters++;
                cjk++;
                Close();
                words++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
                wordHasLetter = true;
                word.Append(c);
            }
            else if (char.IsDigit(c))
            {
                digits++;
                if (word.Length == 0)
                {
                    wordHasLetter = false;
                }

                word.Append(c);
            }
            else if (c is '\'' or '\u2019' or '-' && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                word.Append(c);
            }
            else
            {
                Close();
                if (char.IsSurrogatePair(text, i) && Rune.IsLetter(Rune.GetRuneAt(text, i)))
                {
                    letters++;
                    cjk++;
                    words++;
                    i++;
                    continue;
                }

                sentence += c is '.' or '!' or '?' or '\u3002' or '\uFF01' or '\uFF1F' or '\u2026' ? 1 : 0;
                clause += c is ',' or ';' or ':' or '\u3001' or '\uFF0C' or '\uFF1B' or '\uFF1A' ? 1 : 0;
            }
        }

        Close();
        return new BlockFeatures
        {
            Length = text.Length,
            WordCount = words,
            LetterCount = letters,
            UpperCount = upper,
            DigitCount = digits,
            CapitalizedWordCount = capitalized,
            StopwordCount = stops,
            StopwordsKnown = true,
            StopwordScale = stop.ProseScale,
            CjkCount = cjk,
            SentenceMarks = sentence,
            ClauseMarks = clause,
            EndsWithTerminalPunctuation = TextStats.EndsWithTerminal(text),
        };
    }
}
