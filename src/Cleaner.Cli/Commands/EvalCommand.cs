using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cleaner.Cli.Eval;
using Cleaner.Cli.Inputs;
using Cleaner.Cli.Reports;
using Cleaner.Cli.Sites;

namespace Cleaner.Cli.Commands;

/// <summary><c>cleaner eval</c>: scores outputs (or cleans inputs first) against gold text, as score.py does.</summary>
internal static class EvalCommand
{
    private static readonly EvalJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>What <c>eval --help</c> says the scores are (the method of <see cref="Scorer"/>).</summary>
    internal const string MetricDescription =
        "Score outputs against gold text, page by page, and average the scores over the pages. "
        + "Tokens are the runs of letters, digits and underscores (case kept, nothing else normalised). "
        + "The primary metric compares the multisets of 4-token shingles (every run of 4 consecutive tokens; "
        + "a text of 1 to 3 tokens is one shorter shingle) of a page's output and gold: "
        + "precision = matched / output shingles, recall = matched / gold shingles (both 1 when output and gold are equal). "
        + "The averages are macro means: precision over the pages with some output, recall over the pages with some gold, "
        + "and F1 = 2PR/(P+R) of those two means (f1_page_mean is the mean of the pages' own F1). "
        + "The 'bow' line is the same metric with single tokens (bag of words); accuracy is the share of pages whose tokens equal the gold's exactly.";

    public static Command Create(CliStreams io)
    {
        var gold = new Option<string>("--gold") { Description = "Directory of gold <id>.txt files; the pages scored are exactly their ids.", Required = true, HelpName = "dir" };
        var pred = new Option<string?>("--pred") { Description = "Directory of predicted <id>.txt files (a missing one counts as empty).", HelpName = "dir" };
        var input = new Option<string?>("--input") { Description = "Directory of inputs <id>.txt or <id>.html to clean first.", HelpName = "dir" };
        var ids = new Option<string?>("--ids") { Description = "Score only the ids in this file, one per line.", HelpName = "file" };
        var worst = new Option<int>("--worst") { Description = "How many of the worst pages (by F1) to list.", DefaultValueFactory = _ => 10, HelpName = "n" };
        var sites = new Option<string?>("--sites") { Description = "With --input: a file of '<id><TAB><site>' lines; each site's profile is built from its input pages and each page is cleaned with it.", HelpName = "file" };
        var json = new Option<bool>("--json") { Description = "Print every figure, per page too, as JSON." };
        var report = new Option<string?>("--report") { Description = "Also write HTML pages to this directory: index.html (every page, worst F1 first) and each page's output beside its gold, with missing and extra text marked.", HelpName = "dir" };
        var settings = new CleanerSettings();
        var command = new Command("eval", MetricDescription)
        {
            gold, pred, input, ids, worst, json, sites, report,
        };
        settings.AddTo(command);
        command.SetAction(result =>
        {
            var goldDir = result.GetValue(gold)!;
            var predDir = result.GetValue(pred);
            var inputDir = result.GetValue(input);
            if ((predDir is null) == (inputDir is null))
            {
                throw new CliException("eval needs exactly one of --pred DIR or --input DIR");
            }

            if (result.GetValue(worst) < 0)
            {
                throw new CliException("--worst takes a number of pages, 0 or more");
            }

            foreach (var dir in new[] { goldDir, predDir ?? inputDir! })
            {
                if (!Directory.Exists(dir))
                {
                    throw new CliException($"{dir}: no such directory");
                }
            }

            var kind = settings.Kind(result);
            var cleaner = settings.Build(result);
            var pageIds = PageIds(goldDir, result.GetValue(ids), io);
            var profileOf = SiteProfiles(result.GetValue(sites), inputDir, pageIds, kind);
            var scores = new PageScore[pageIds.Count];
            var failures = new string?[pageIds.Count];
            var reportDir = result.GetValue(report);
            var pages = reportDir is null ? null : new EvalPages.Page[pageIds.Count];
            Parallel.For(0, pageIds.Count, i =>
            {
                var id = pageIds[i];
                var goldText = Scorer.ReadText(Path.Combine(goldDir, id + ".txt"));
                if (predDir is not null)
                {
                    var path = Path.Combine(predDir, id + ".txt");
                    var predicted = Scorer.ReadText(path);
                    scores[i] = Scorer.ScorePage(id, goldText, predicted, !File.Exists(path));
                    if (pages is not null)
                    {
                        pages[i] = new EvalPages.Page(scores[i], goldText, predicted);
                    }

                    return;
                }

                var (prediction, failure) = CleanInput(cleaner.WithSiteProfile(profileOf(id)), inputDir!, id, kind);
                failures[i] = failure;
                scores[i] = Scorer.ScorePage(id, goldText, prediction ?? string.Empty, prediction is null);
                if (pages is not null)
                {
                    pages[i] = new EvalPages.Page(scores[i], goldText, prediction ?? string.Empty);
                }
            });
            foreach (var failure in failures.OfType<string>())
            {
                io.Error(failure);
            }

            var summary = Scorer.Aggregate(scores);
            if (reportDir is not null)
            {
                try
                {
                    var index = EvalPages.Write(reportDir, summary, pages!, $"cleaner eval: {predDir ?? inputDir} against {goldDir}");
                    io.Error($"report: {index}");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"{reportDir}: cannot write the report: {e.Message}");
                }
            }

            if (result.GetValue(json))
            {
                io.Out.WriteLine(JsonSerializer.Serialize(Report(goldDir, predDir, inputDir, summary), Json.EvalReport));
            }
            else
            {
                WriteText(summary, result.GetValue(worst), io.Out);
            }

            return failures.Any(f => f is not null) ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The site profile of each page with --sites (see <see cref="EvalSites"/>); none without it.</summary>
    private static Func<string, Cleaner.Sites.SiteProfile?> SiteProfiles(string? sitesFile, string? inputDir, IReadOnlyList<string> ids, InputKind kind)
    {
        if (sitesFile is null)
        {
            return _ => null;
        }

        try
        {
            return inputDir is null ? throw new CliException("--sites needs --input: the profiles are built from the inputs")
                : EvalSites.Build(sitesFile, inputDir, ids, kind);
        }
        catch (ProfileFileException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>The gold ids in ordinal order, restricted to those of the --ids file when there is one.</summary>
    private static List<string> PageIds(string goldDir, string? idsFile, CliStreams io)
    {
        var ids = Directory.EnumerateFiles(goldDir, "*.txt").Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal).ToList();
        if (idsFile is null)
        {
            return ids;
        }

        HashSet<string> wanted;
        try
        {
            wanted = File.ReadLines(idsFile).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{idsFile}: cannot read the ids: {e.Message}");
        }

        int unknown = wanted.Except(ids, StringComparer.Ordinal).Count();
        if (unknown > 0)
        {
            io.Error($"warning: {unknown} ids in {idsFile} have no gold file");
        }

        return ids.Where(wanted.Contains).ToList();
    }

    /// <summary>Cleans <c>id.txt</c>, <c>id.html</c> or <c>id.htm</c> (the first that exists); null text when there is none or it fails.</summary>
    private static (string? Text, string? Failure) CleanInput(TextCleaner cleaner, string inputDir, string id, InputKind kind)
    {
        var path = InputFiles.Extensions.Select(e => Path.Combine(inputDir, id + e)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            return (null, null);
        }

        try
        {
            return (InputCleaner.Clean(cleaner, InputCleaner.Read(path, InputCleaner.MaxBytes(cleaner)), path, kind).Text, null);
        }
        catch (InputException e)
        {
            return (null, $"{path}: {e.Message}");
        }
    }

    private static void WriteText(ScoreSummary summary, int worst, TextWriter output)
    {
        if (worst > 0 && summary.Pages > 0)
        {
            output.WriteLine($"worst {Math.Min(worst, summary.Pages)} pages by f1:");
            output.WriteLine("id\tprecision\trecall\tf1\tgold_tokens\tpred_tokens");
            foreach (var page in summary.PageScores.OrderBy(s => s.F1).ThenBy(s => s.Id, StringComparer.Ordinal).Take(worst))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{page.Id}\t{page.Precision:F3}\t{page.Recall:F3}\t{page.F1:F3}\t{page.GoldTokens}\t{page.PredTokens}{(page.MissingPrediction ? "\t(missing)" : string.Empty)}"));
            }
        }

        foreach (var line in summary.ReportLines)
        {
            output.WriteLine(line);
        }
    }

    private static EvalReport Report(string goldDir, string? predDir, string? inputDir, ScoreSummary s) => new(
        goldDir,
        predDir,
        inputDir,
        new EvalMetric("scrapinghub 4-token shingles, macro-averaged", "single tokens, macro-averaged"),
        new EvalSummary(s.Pages, s.MissingPredictions, s.EmptyPredictions, s.Accuracy,
            s.Shingles.Precision, s.Shingles.Recall, s.Shingles.F1, s.Shingles.F1PageMean,
            s.Bow.Precision, s.Bow.Recall, s.Bow.F1, s.Bow.F1PageMean),
        [.. s.PageScores.Select(p => new EvalPage(p.Id, p.Precision, p.Recall, p.F1, p.Bow.Precision, p.Bow.Recall, p.Bow.F1, p.GoldTokens, p.PredTokens))]);
}

/// <summary>The JSON report of <c>cleaner eval --json</c>, laid out as score.py's.</summary>
internal sealed record EvalReport(string GoldDir, string? PredDir, string? InputDir, EvalMetric Metric, EvalSummary Summary, IReadOnlyList<EvalPage> Pages);

/// <summary>What the two metrics are.</summary>
internal sealed record EvalMetric(string Primary, string Bow);

/// <summary>The averages over pages.</summary>
internal sealed record EvalSummary(
    int Pages, int PagesMissingPred, int PagesEmptyPred, double Accuracy,
    double Precision, double Recall, double F1, double F1PageMean,
    double BowPrecision, double BowRecall, double BowF1, double BowF1PageMean);

/// <summary>The scores of one page.</summary>
internal sealed record EvalPage(string Id, double Precision, double Recall, double F1, double BowPrecision, double BowRecall, double BowF1, int GoldTokens, int PredTokens);

[JsonSerializable(typeof(EvalReport))]
internal sealed partial class EvalJsonContext : JsonSerializerContext;
