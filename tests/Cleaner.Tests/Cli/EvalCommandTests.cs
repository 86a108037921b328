using System.Diagnostics;
using System.Text.Json;

namespace Cleaner.Tests.Cli;

public class EvalCommandTests : CliTestKit
{
    private static string SummaryLine(CliRun run) => run.Out.TrimEnd('\n').Split('\n')[^1];

    /// <summary>gold/a: 8 tokens; pred/a: the first 5 of them (2 of 5 shingles, all right); gold/b and pred/b equal; gold/c with no prediction.</summary>
    private void WriteSmallSet()
    {
        WriteFile("gold/a.txt", "one two three four five six seven eight");
        WriteFile("pred/a.txt", "one two three four five");
        WriteFile("gold/b.txt", "alpha beta gamma delta epsilon");
        WriteFile("pred/b.txt", "alpha beta\ngamma delta epsilon");
        WriteFile("gold/c.txt", "nine ten eleven twelve");
    }

    [Test]
    public void Pred_scores_with_macro_averages_and_ends_with_the_scorers_line()
    {
        WriteSmallSet();
        var run = Run("eval", "--gold", TempPath("gold"), "--pred", TempPath("pred"), "--worst", "0");
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        // a: tp=2 fp=0 fn=3 -> p=1 r=0.4; b: p=r=1; c: empty prediction, r=0 (precision not averaged).
        // P = (1+1)/2 = 1, R = (0.4+1+0)/3 = 0.4667, F1 = 0.6364. Bag of words: R = (5/8+1+0)/3 = 0.5417.
        Assert.That(run.Out, Is.EqualTo(
            "pages_missing_pred=1 pages_empty_pred=1 accuracy=0.333 f1_page_mean=0.524\n" +
            "bow precision=1.000 recall=0.542 f1=0.703 f1_page_mean=0.590\n" +
            "precision=1.000 recall=0.467 f1=0.636 pages=3\n"));
    }

    [Test]
    public void Worst_lists_the_n_worst_pages_by_f1()
    {
        WriteSmallSet();
        var run = Run("eval", "--gold", TempPath("gold"), "--pred", TempPath("pred"), "--worst", "2");
        var lines = run.Out.Split('\n');
        Assert.That(lines[0], Is.EqualTo("worst 2 pages by f1:"));
        Assert.That(lines[2], Does.StartWith("c\t0.000\t0.000\t0.000\t4\t0"));
        Assert.That(lines[3], Does.StartWith("a\t1.000\t0.400\t0.571\t8\t5"));
        Assert.That(lines[4], Does.StartWith("pages_missing_pred="));
        Assert.That(Run("eval", "--gold", TempPath("gold"), "--pred", TempPath("pred")).Out, Does.StartWith("worst 3 pages by f1:"));
    }

    [Test]
    public void Ids_restricts_the_pages_scored()
    {
        WriteSmallSet();
        var ids = WriteFile("ids.txt", "a\nb\n\nzzz\n");
        var run = Run("eval", "--gold", TempPath("gold"), "--pred", TempPath("pred"), "--ids", ids);
        Assert.That(SummaryLine(run), Is.EqualTo("precision=1.000 recall=0.700 f1=0.824 pages=2"));
        Assert.That(run.Err, Is.EqualTo($"cleaner: warning: 1 ids in {ids} have no gold file\n"));
    }

    [Test]
    public void Json_gives_every_figure_in_the_layout_of_the_scorer()
    {
        WriteSmallSet();
        var run = Run("eval", "--gold", TempPath("gold"), "--pred", TempPath("pred"), "--json");
        Assert.That(run.ExitCode, Is.Zero);
        using var json = JsonDocument.Parse(run.Out);
        var summary = json.RootElement.GetProperty("summary");
        Assert.That(summary.GetProperty("pages").GetInt32(), Is.EqualTo(3));
        Assert.That(summary.GetProperty("precision").GetDouble(), Is.EqualTo(1.0));
        Assert.That(summary.GetProperty("recall").GetDouble(), Is.EqualTo(1.4 / 3).Within(1e-12));
        Assert.That(summary.GetProperty("bow_recall").GetDouble(), Is.EqualTo((5.0 / 8 + 1 + 0) / 3).Within(1e-12));
        Assert.That(summary.GetProperty("pages_missing_pred").GetInt32(), Is.EqualTo(1));
        var pages = json.RootElement.GetProperty("pages").EnumerateArray().ToList();
        Assert.That(pages.Select(p => p.GetProperty("id").GetString()), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(pages[0].GetProperty("gold_tokens").GetInt32(), Is.EqualTo(8));
    }

    [Test]
    public void Input_cleans_first_with_the_cleaner_options()
    {
        WriteFile("in/sample.txt", SampleText);
        WriteFile("gold/sample.txt", TextCleaner.Default.Clean(SampleText).Text);
        var run = Run("eval", "--gold", TempPath("gold"), "--input", TempPath("in"));
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        Assert.That(SummaryLine(run), Is.EqualTo("precision=1.000 recall=1.000 f1=1.000 pages=1"));
        var without = Run("eval", "--gold", TempPath("gold"), "--input", TempPath("in"), "--without", "social");
        Assert.That(SummaryLine(without), Does.Not.StartWith("precision=1.000"), "the kept social line costs precision");
    }

    [Test]
    public void Html_inputs_are_cleaned_as_html()
    {
        WriteFile("gold/a.txt", "Hello there, this is a page.");
        WriteFile("in/a.html", MinimalHtml);
        var run = Run("eval", "--gold", TempPath("gold"), "--input", TempPath("in"), "--worst", "0");
        Assert.That(run.ExitCode, Is.Zero, run.Err);
        Assert.That(SummaryLine(run), Is.EqualTo("precision=1.000 recall=1.000 f1=1.000 pages=1"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Eval_needs_exactly_one_of_pred_and_input(bool both)
    {
        WriteSmallSet();
        var run = both
            ? Run("eval", "--gold", TempPath("gold"), "--pred", TempPath("pred"), "--input", TempPath("pred"))
            : Run("eval", "--gold", TempPath("gold"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Err, Is.EqualTo("cleaner: eval needs exactly one of --pred DIR or --input DIR\n"));
    }

    [Test]
    public void Missing_directories_and_a_missing_gold_option_are_usage_errors()
    {
        WriteSmallSet();
        Assert.That(Run("eval", "--gold", TempPath("nogold"), "--pred", TempPath("pred")).Err, Is.EqualTo($"cleaner: {TempPath("nogold")}: no such directory\n"));
        Assert.That(Run("eval", "--gold", TempPath("gold"), "--pred", TempPath("nopred")).ExitCode, Is.EqualTo(2));
        var run = Run("eval", "--pred", TempPath("pred"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Err, Does.Contain("--gold"));
    }

    [Test]
    public void Help_describes_the_metric_without_sending_users_to_score_py()
    {
        var run = Run("eval", "--help");
        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Does.Not.Contain("score.py"));
        var words = string.Join(' ', run.Out.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.That(words, Does.Contain("4-token shingles").And.Contain("precision").And.Contain("recall").And.Contain("F1 = 2PR/(P+R)")
            .And.Contain("macro means").And.Contain("bag of words"));
    }

    /// <summary>On a dev set, 'cleaner eval' (both --pred and --input) prints exactly what score.py prints with --quiet.</summary>
    [Test]
    public void Eval_agrees_with_score_py_on_the_readability_dev_set()
    {
        if (TestPaths.Eval is null)
        {
            Assert.Ignore("skipped: ../shared/eval is not beside this checkout (CI has it).");
        }

        var set = Path.Combine(TestPaths.Eval!, "readability");
        var pred = TempPath("pred");
        Assert.That(Run("clean", Path.Combine(set, "text"), "--out", pred).ExitCode, Is.Zero);

        var scorer = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(TestPaths.Eval!, "score.py"), Path.Combine(set, "gold"), pred, "--quiet" })
        {
            scorer.ArgumentList.Add(arg);
        }

        using var process = Process.Start(scorer)!;
        var theirs = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, process.StandardError.ReadToEnd());
        Assert.That(theirs, Does.EndWith("pages=130\n"));

        var fromPred = Run("eval", "--gold", Path.Combine(set, "gold"), "--pred", pred, "--worst", "0");
        var fromInput = Run("eval", "--gold", Path.Combine(set, "gold"), "--input", Path.Combine(set, "text"), "--worst", "0");
        Assert.That(fromPred.Out, Is.EqualTo(theirs));
        Assert.That(fromInput.Out, Is.EqualTo(theirs));
    }
}
