namespace TeamAccess.Import;

/// <summary>Counts an import's rows and turns the counts into <see cref="ImportProgress"/>, timed by the host's clock.</summary>
internal sealed class ImportMeter(ImportRequest request, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private long _skipped;
    private long _created;
    private long _invited;
    private long _updated;
    private long _unchanged;
    private long _refused;

    public long RowsDone => _skipped + RowsRun;

    private long RowsRun => _created + _invited + _updated + _unchanged + _refused;

    public void Skip() => _skipped++;

    public void Count(ImportOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case ImportOutcomeKind.Created:
                _created++;
                break;
            case ImportOutcomeKind.Invited:
                _invited++;
                break;
            case ImportOutcomeKind.Updated:
                _updated++;
                break;
            case ImportOutcomeKind.Unchanged:
                _unchanged++;
                break;
            default:
                _refused++;
                break;
        }
    }

    public ImportProgress Progress()
    {
        var elapsed = time.GetElapsedTime(_started);
        var rate = elapsed > TimeSpan.Zero ? RowsRun / elapsed.TotalSeconds : 0;
        TimeSpan? left = request.ExpectedRowCount is { } expected && rate > 0
            ? TimeSpan.FromSeconds(Math.Max(0, expected - RowsDone) / rate)
            : null;
        return new ImportProgress
        {
            ImportId = request.ImportId,
            RowsDone = RowsDone,
            ExpectedRowCount = request.ExpectedRowCount,
            RowsSkipped = _skipped,
            Created = _created,
            Invited = _invited,
            Updated = _updated,
            Unchanged = _unchanged,
            Refused = _refused,
            Elapsed = elapsed,
            RowsPerSecond = rate,
            EstimatedTimeLeft = left,
        };
    }
}
