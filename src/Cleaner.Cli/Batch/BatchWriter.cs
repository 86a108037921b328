namespace Cleaner.Cli.Batch;

/// <summary>Writes outcomes in order: cleaned records to the output, errors to the errors file or as lines on standard error.</summary>
internal sealed class BatchWriter(Stream output, Stream? errors, Action<string> reportError) : IOutcomeSink
{
    public void Write(Outcome outcome)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Cleaned:
                output.Write(outcome.Line);
                break;
            case OutcomeKind.Error when errors is not null:
                errors.Write(outcome.Line);
                break;
            case OutcomeKind.Error:
                reportError(outcome.Message!);
                break;
        }
    }
}
