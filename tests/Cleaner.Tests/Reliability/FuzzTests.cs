namespace Cleaner.Tests.Reliability;

/// <summary>
/// A bounded fuzzing run over the text entry point: random and mutated inputs for a fixed number of
/// iterations from fixed seeds (set CLEANER_FUZZ_ITERATIONS for a longer run). A failure names the
/// seed and iteration, so it can be replayed.
/// </summary>
public class FuzzTests
{
    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("CLEANER_FUZZ_ITERATIONS"), out var n) ? n : 300;

    [TestCase(20261126)]
    [TestCase(7)]
    public void Text_entry_point_survives_random_and_mutated_input(int seed)
    {
        var random = new Random(seed);
        var seeds = Directory.EnumerateFiles(TestPaths.Corpus, "*.txt", SearchOption.AllDirectories)
            .Where(p => !p.Contains(".verified.", StringComparison.Ordinal) && !p.EndsWith(".expect.txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Concat(Enumerable.Range(1, 5).Select(InvariantTests.Generate))
            .ToArray();
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            string input = random.Next(4) == 0 ? RandomText(random) : Mutate(seeds[random.Next(seeds.Length)], random);
            try
            {
                var result = TextCleaner.Default.Clean(input);
                Assert.That(result.Text, Is.Not.Null);
                Assert.That(result.Removed.Count + result.Blocks.Count(b => !b.IsRemoved), Is.EqualTo(result.Blocks.Count));
            }
            catch (Exception e) when (e is not AssertionException)
            {
                Assert.Fail($"seed {seed}, iteration {iteration}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }
    }

    private static string RandomText(Random random)
    {
        var chars = new char[random.Next(0, 4000)];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(10) switch
            {
                0 => '\n',
                1 => ' ',
                2 => (char)random.Next(0xD800, 0xE000), // lone surrogates
                3 => (char)random.Next(0, 32),
                _ => (char)random.Next(32, 0x3100),
            };
        }

        return new string(chars);
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToCharArray().ToList();
        int edits = random.Next(1, 30);
        for (int e = 0; e < edits && chars.Count > 0; e++)
        {
            int at = random.Next(chars.Count);
            switch (random.Next(5))
            {
                case 0: chars.RemoveAt(at); break;
                case 1: chars.Insert(at, (char)random.Next(0, 0x3100)); break;
                case 2: chars[at] = '\n'; break;
                case 3: chars.InsertRange(at, chars.Skip(at).Take(random.Next(1, 200)).ToList()); break;
                default: chars[at] = char.ToUpperInvariant(chars[at]); break;
            }
        }

        return new string(chars.ToArray());
    }
}
