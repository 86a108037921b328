using Cleaner.Cli.Batch.Formats;
using ZstdSharp;

namespace Cleaner.Cli.Batch;

/// <summary>An input of a batch run: a file or standard input.</summary>
/// <param name="Name">The path as given, or <c>-</c>.</param>
/// <param name="Open">Opens the raw (possibly compressed) bytes.</param>
/// <param name="Length">The raw size in bytes when known (for progress).</param>
internal sealed record BatchInput(string Name, Func<Stream> Open, long? Length);

/// <summary>
/// Splits an input into records: JSON lines, or WARC records (WARC and WET). Reading problems become
/// records with a <see cref="RawRecord.ReadError"/>, so every record is accounted for: a record over
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
    public static IEnumerable<RawRecord> Read(BatchInput input, InputFormat format, int maxRecordBytes, Action<int> onRawBytes)
    {
        Stream stream;
        Compression compression;
        string? failure = null;
        try
        {
            stream = InputStreams.Decompress(new CountingStream(input.Open(), onRawBytes), out compression);
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
                yield return source.Failure(format == InputFormat.Warc ? new WarcFormat() : new JsonlFormat(), failure, source.TakeIndex());
                yield break;
            }

            IRecordFormat? reader = null;
            while (true)
            {
                RawRecord? record;
                bool stop = false;
                try
                {
                    reader ??= RecordFormats.Create(format, source.Buffer);
                    record = reader.Next(source);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or ZstdException or StopException)
                {
                    // A failure ends the input: the record it happened in is reported, and nothing after it is read.
                    reader ??= new JsonlFormat();
                    record = reader.Failed(source, Describe(e, compression));
                    stop = true;
                }

                if (record is null)
                {
                    yield break;
                }

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
        StopException => e.Message,
        InvalidDataException when e.Message.StartsWith("truncated gzip", StringComparison.Ordinal)
            || e.Message.StartsWith("corrupt gzip", StringComparison.Ordinal) => $"{e.Message}; the rest of the input is not read",
        EndOfStreamException when compression == Compression.Zstd => $"truncated zstd: {e.Message}",
        EndOfStreamException => $"truncated input: {e.Message}",
        _ => $"cannot read the input ({(compression == Compression.None ? "uncompressed" : compression.ToString().ToLowerInvariant())}): {e.GetType().Name}: {e.Message}; the rest of the input is not read",
    };
}
