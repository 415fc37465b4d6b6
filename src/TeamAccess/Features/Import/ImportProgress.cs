namespace TeamAccess.Import;

/// <summary>How far an import has come, reported after each committed batch; <see cref="RowsDone"/> only grows.</summary>
public sealed class ImportProgress
{
    internal ImportProgress()
    {
    }

    /// <summary>Gets the import's id.</summary>
    public string ImportId { get; internal init; } = string.Empty;

    /// <summary>Gets how many rows of the stream are done: committed, refused, or committed by an earlier run of the same import.</summary>
    public long RowsDone { get; internal init; }

    /// <summary>Gets the number of rows the host said to expect (<see cref="ImportRequest.ExpectedRowCount"/>), if it did.</summary>
    public long? ExpectedRowCount { get; internal init; }

    /// <summary>Gets how many rows this run skipped because an earlier run of the same import committed them.</summary>
    public long RowsSkipped { get; internal init; }

    /// <summary>Gets how many rows created an Active membership (a host's import).</summary>
    public long Created { get; internal init; }

    /// <summary>Gets how many rows invited their address.</summary>
    public long Invited { get; internal init; }

    /// <summary>Gets how many rows changed a membership or its user.</summary>
    public long Updated { get; internal init; }

    /// <summary>Gets how many rows changed nothing.</summary>
    public long Unchanged { get; internal init; }

    /// <summary>Gets how many rows were refused.</summary>
    public long Refused { get; internal init; }

    /// <summary>Gets how long this run has taken so far.</summary>
    public TimeSpan Elapsed { get; internal init; }

    /// <summary>Gets the rows this run did per second (skipped rows not counted).</summary>
    public double RowsPerSecond { get; internal init; }

    /// <summary>Gets the estimated time left at the current rate, when the expected row count is known and a rate measured.</summary>
    public TimeSpan? EstimatedTimeLeft { get; internal init; }
}
