using Cleaner.Batch;

namespace Cleaner.Cli.Output;

/// <summary>Where the results of a batch run go, in input order.</summary>
internal interface IResultSink
{
    void Write(BatchResult result);

    /// <summary>Told after each result how many records of the run (every shard, in order) are written.</summary>
    void Written(long done)
    {
    }
}

/// <summary>Writes results in order: cleaned records to the output, errors to the errors file or as lines on standard error.</summary>
internal sealed class BatchWriter(Stream output, Stream? errors, Action<string> reportError) : IResultSink
{
    public void Write(BatchResult result)
    {
        switch (result.Kind)
        {
            case BatchResultKind.Cleaned:
                output.Write(result.JsonLine.Span);
                break;
            case BatchResultKind.Error when errors is not null:
                errors.Write(result.JsonLine.Span);
                break;
            case BatchResultKind.Error:
                reportError(result.Message!);
                break;
        }
    }
}
