using System.Runtime.CompilerServices;
using Cleaner.Batch.Streams;
using ZstdSharp;

namespace Cleaner.Batch;

/// <summary>
/// Reads corpora into records for a <see cref="BatchPipeline"/>: JSON Lines, WARC and WET, each gzip
/// (one member or many, as Common Crawl writes them), zstd or uncompressed, told by their first
/// bytes. Reading problems are records too (their results are errors), so every record is accounted
/// for: a record over <see cref="BatchOptions.MaxRecordBytes"/> is skipped over and reported, a
/// truncated or corrupt input reports the record it was in and ends, and an input that is neither
/// JSONL nor WARC is one error.
/// </summary>
/// <remarks>
/// The records are cut from the stream as they are asked for, with synchronous reads on the
/// enumerating thread (the pipeline enumerates on a thread of its own). Only the framing is read
/// here: a record is parsed (JSON, HTTP) on a worker of the pipeline.
/// </remarks>
public static class BatchReader
{
    /// <summary>The records of one stream, in order.</summary>
    /// <param name="stream">The raw bytes (compressed or not); disposed when the enumeration ends.</param>
    /// <param name="name">The input's name, as results and errors give it.</param>
    /// <param name="options">The format and limits (<see cref="BatchOptions.Format"/>, <see cref="BatchOptions.MaxRecordBytes"/>, <see cref="BatchOptions.MaxExpansion"/>); null for the defaults.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The records.</returns>
    public static IAsyncEnumerable<BatchRecord> ReadAsync(Stream stream, string name, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        return ReadAsync([new BatchInput(name, () => stream, null)], options ?? new BatchOptions(), _ => { }, cancellationToken);
    }

    /// <summary>The records of files, one after the other, in order.</summary>
    /// <param name="paths">The files (a file that cannot be opened is one error record).</param>
    /// <param name="options">The format and limits; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The records.</returns>
    public static IAsyncEnumerable<BatchRecord> ReadAsync(IEnumerable<string> paths, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return ReadAsync(paths.Select(BatchInput.File), options ?? new BatchOptions(), _ => { }, cancellationToken);
    }

    /// <summary>The records of the inputs, in order; <paramref name="onRawBytes"/> is told the raw (compressed) bytes each read took.</summary>
    internal static async IAsyncEnumerable<BatchRecord> ReadAsync(IEnumerable<BatchInput> inputs, BatchOptions options, Action<int> onRawBytes,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var input in inputs)
        {
            foreach (var record in RecordReader.Read(input, options.Format, options.MaxRecordBytes, onRawBytes, options.MaxExpansion))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return record;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}

/// <summary>An input of a batch run: a file or standard input.</summary>
/// <param name="Name">The path as given, or <c>-</c>.</param>
/// <param name="Open">Opens the raw (possibly compressed) bytes.</param>
/// <param name="Length">The raw size in bytes when known (for progress).</param>
internal sealed record BatchInput(string Name, Func<Stream> Open, long? Length)
{
    /// <summary>A file, opened for sequential reading when its records are read.</summary>
    public static BatchInput File(string path) =>
        new(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), null);
}

/// <summary>
/// Splits an input into records: JSON lines, or WARC records (WARC and WET). Reading problems become
/// records with a <see cref="BatchRecord.ReadError"/>, so every record is accounted for: a record over
/// the size limit is skipped over and reported, and a truncated or corrupt input reports the record
/// it was in and ends that input.
/// </summary>
internal static class RecordReader
{
    /// <summary>The records of one input, in order.</summary>
    /// <param name="input">The input.</param>
    /// <param name="format">How records are framed (or detect it).</param>
    /// <param name="maxRecordBytes">The largest record (JSON line or WARC block) read; larger ones are reported and skipped.</param>
    /// <param name="onRawBytes">Told how many raw (compressed) bytes each read took, for progress.</param>
    /// <param name="maxExpansion">How many times its compressed size a compressed input may expand to (0: no limit).</param>
    public static IEnumerable<BatchRecord> Read(BatchInput input, BatchFormat format, int maxRecordBytes, Action<int> onRawBytes, int maxExpansion = 0)
    {
        Stream stream;
        Compression compression;
        string? failure = null;
        try
        {
            stream = InputStreams.Decompress(new CountingStream(input.Open(), onRawBytes), out compression, maxExpansion);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream = Stream.Null;
            compression = Compression.None;
            failure = $"cannot open the input: {e.Message}";
        }

        using (stream)
        {
            var source = new RecordSource(input.Name, new RecordBuffer(stream), maxRecordBytes);
            if (failure is not null)
            {
                var unopened = source.Failure(format == BatchFormat.Warc ? new WarcFormat() : new JsonlFormat(), failure, source.TakeIndex());
                unopened.EndsInput = true;
                yield return unopened;
                yield break;
            }

            IRecordFormat? reader = null;
            while (true)
            {
                BatchRecord? record;
                bool stop = false;
                try
                {
                    reader ??= RecordFormats.Create(format, source.Buffer);
                    record = reader.Next(source);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or ZstdException or StopException)
                {
                    // A failure ends the input: the record it happened in is reported, and nothing after it
                    // is read; except a corrupt gzip member whose end is known: its record is the error.
                    reader ??= new JsonlFormat();
                    record = reader.Failed(source, Describe(e, compression));
                    stop = e is not CorruptMemberException;
                }

                if (record is null)
                {
                    yield break;
                }

                record.EndsInput = stop;
                yield return record;
                if (stop)
                {
                    yield break;
                }
            }
        }
    }

    private static string Describe(Exception e, Compression compression) => e switch
    {
        StopException or CorruptMemberException => e.Message,
        InvalidDataException when e.Message.StartsWith("decompression bomb", StringComparison.Ordinal) => e.Message,
        InvalidDataException when e.Message.StartsWith("truncated gzip", StringComparison.Ordinal)
            || e.Message.StartsWith("corrupt gzip", StringComparison.Ordinal) => $"{e.Message}; the rest of the input is not read",
        EndOfStreamException when compression == Compression.Zstd => $"truncated zstd: {e.Message}",
        EndOfStreamException => $"truncated input: {e.Message}",
        _ => $"cannot read the input ({(compression == Compression.None ? "uncompressed" : compression.ToString().ToLowerInvariant())}): {e.GetType().Name}: {e.Message}; the rest of the input is not read",
    };
}
