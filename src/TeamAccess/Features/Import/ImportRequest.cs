namespace TeamAccess.Import;

/// <summary>What an import is: its id (the key of its checkpoint) and how it runs.</summary>
public sealed class ImportRequest
{
    /// <summary>The largest batch: rows a team's one write carries.</summary>
    public const int MaxBatchSize = 10_000;

    /// <summary>The longest import id.</summary>
    public const int MaxImportIdLength = 100;

    /// <summary>
    /// Gets the import's id: 1 to 100 letters, digits, '.', '-' or '_'. A run by the same importer with the id of an
    /// earlier, interrupted one skips the rows whose outcomes that one handed out (its checkpoint) and goes on from there.
    /// </summary>
    public required string ImportId { get; init; }

    /// <summary>Gets how many rows are read, decided and committed together (one write per team per batch); 2,000 by default.</summary>
    public int BatchSize { get; init; } = 2_000;

    /// <summary>Gets how many rows the stream holds, if the host knows: progress then estimates the time left.</summary>
    public long? ExpectedRowCount { get; init; }
}
