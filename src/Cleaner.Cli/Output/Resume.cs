using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cleaner.Batch;

namespace Cleaner.Cli.Output;

/// <summary>
/// Where a resumable run stands: how many records of the run (in order, every shard) are written, the
/// lengths of the output and errors files at that point, and the summary counts. Written atomically
/// (a temporary file, flushed to disk, renamed) after the files it describes are flushed to disk, so
/// at any moment, a SIGKILL included, the manifest on disk describes a prefix of what is on disk.
/// </summary>
internal sealed record Checkpoint(string Fingerprint, long Done, long OutBytes, long ErrorsBytes, BatchCounts Counts, bool Complete)
{
    private const string Header = "cleaner-batch-checkpoint 2";

    /// <summary>Reads a manifest; null when there is none or it is not one (then the run starts over).</summary>
    public static Checkpoint? Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (lines.Length != 13 || lines[0] != Header)
        {
            return null;
        }

        var n = new long[10];
        for (int i = 0; i < n.Length; i++)
        {
            if (!long.TryParse(lines[i + 2], NumberStyles.None, CultureInfo.InvariantCulture, out n[i]))
            {
                return null;
            }
        }

        var extractors = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pair in lines[12].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long count))
            {
                return null;
            }

            extractors[parts[0]] = count;
        }

        return new Checkpoint(lines[1], n[0], n[1], n[2], new BatchCounts(n[3], n[4], n[5], n[6], n[7], n[8], extractors), n[9] == 1);
    }

    /// <summary>Writes the manifest atomically.</summary>
    public void Save(string path)
    {
        var extractors = string.Join(' ', Counts.Extractors.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key}={e.Value}")));
        var text = string.Join('\n', new object[] { Header, Fingerprint, Done, OutBytes, ErrorsBytes, Counts.In, Counts.Out, Counts.Errors, Counts.Skipped, Counts.OtherShards, Counts.BrokenInputs, Complete ? 1 : 0, extractors }
            .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))) + "\n";
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(Encoding.UTF8.GetBytes(text));
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>
/// The output of a resumable run (<c>--resume</c>): records go to <c>.NAME.part</c> files beside the
/// outputs, a manifest <c>.NAME.resume</c> records how far they are good, and at the end the parts
/// are renamed to their names and the manifest removed. A new run with the same command line finds
/// the manifest, cuts the parts back to it, skips the records it counts and goes on; the files come
/// out byte for byte as from a run never stopped.
/// </summary>
internal sealed class ResumableOutput : IResultSink, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly string _out;
    private readonly string? _errors;
    private readonly string _manifest;
    private readonly string _fingerprint;
    private readonly BatchWriter _writer = null!;
    private readonly FileStream _outPart;
    private readonly FileStream? _errorsPart;
    private readonly Stopwatch _sinceSaved = Stopwatch.StartNew();
    private BatchPipeline? _pipeline;
    private long _done;

    /// <summary>Opens the parts, cut back to the manifest when it matches this run.</summary>
    /// <param name="outPath">The output file (uncompressed).</param>
    /// <param name="errorsPath">The errors file, or null for standard error.</param>
    /// <param name="fingerprint">What makes a run the same run: its command line and its inputs' sizes and times.</param>
    /// <param name="reportError">Writes an error line when there is no errors file.</param>
    public ResumableOutput(string outPath, string? errorsPath, string fingerprint, Action<string> reportError)
    {
        _out = Path.GetFullPath(outPath);
        _errors = errorsPath is null ? null : Path.GetFullPath(errorsPath);
        _manifest = Beside(_out, ".resume");
        _fingerprint = fingerprint;
        Directory.CreateDirectory(Path.GetDirectoryName(_out)!);
        var saved = Checkpoint.Load(_manifest);
        Resumed = saved is not null && saved.Fingerprint == fingerprint ? saved : null;
        if (Resumed is { Complete: true })
        {
            _outPart = null!;
            return;
        }

        _outPart = OpenPart(_out, Resumed?.OutBytes ?? 0);
        _errorsPart = _errors is null ? null : OpenPart(_errors, Resumed?.ErrorsBytes ?? 0);
        _done = Resumed?.Done ?? 0;
        _writer = new BatchWriter(_outPart, _errorsPart, reportError);
    }

    /// <summary>The checkpoint this run goes on from, or null when it starts from the beginning.</summary>
    public Checkpoint? Resumed { get; }

    /// <summary>The part file beside a target, or its manifest (hidden names).</summary>
    public static string Beside(string target, string suffix) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}{suffix}");

    /// <summary>Which pipeline's counts go into the manifest.</summary>
    public void Attach(BatchPipeline pipeline) => _pipeline = pipeline;

    public void Write(BatchResult result) => _writer.Write(result);

    public void Written(long done)
    {
        _done = done;
        if (_sinceSaved.Elapsed >= Interval)
        {
            Save(complete: false);
        }
    }

    /// <summary>Flushes the parts to disk and records how far they are good.</summary>
    public void Save(bool complete)
    {
        _outPart.Flush(flushToDisk: true);
        _errorsPart?.Flush(flushToDisk: true);
        var counts = _pipeline?.Counts ?? new BatchCounts(0, 0, 0, 0, 0, 0, new Dictionary<string, long>());
        new Checkpoint(_fingerprint, _done, _outPart.Length, _errorsPart?.Length ?? 0, counts, complete).Save(_manifest);
        _sinceSaved.Restart();
    }

    /// <summary>Ends the run: the parts become the outputs, and the manifest goes.</summary>
    public void Finish()
    {
        if (Resumed is not { Complete: true })
        {
            Save(complete: true);
            _outPart.Dispose();
            _errorsPart?.Dispose();
        }

        Promote(_out);
        if (_errors is not null)
        {
            Promote(_errors);
        }

        File.Delete(_manifest);
    }

    public void Dispose()
    {
        _outPart?.Dispose();
        _errorsPart?.Dispose();
    }

    private static void Promote(string target)
    {
        var part = Beside(target, ".part");
        if (File.Exists(part))
        {
            File.Move(part, target, overwrite: true);
        }
    }

    private static FileStream OpenPart(string target, long length)
    {
        var stream = new FileStream(Beside(target, ".part"), FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 1 << 16);
        if (stream.Length < length)
        {
            stream.Dispose();
            throw new IOException($"{Beside(target, ".part")} is shorter than its checkpoint says; delete {Beside(target, ".resume")} to start over");
        }

        stream.SetLength(length);
        stream.Position = length;
        return stream;
    }
}
