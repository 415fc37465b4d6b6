namespace TeamAccess;

/// <summary>
/// Imports people into teams in bulk (a team moving onto the portal brings its users), through the same rules as every
/// other write: each batch of rows is one write per team, decided by the team's aggregate, so no import leaves a team
/// without an Active guardian and the audit log, the permission index and the change feed follow.
/// </summary>
public interface IImportService
{
    /// <summary>
    /// Imports <paramref name="rows"/> in batches and reports each row's outcome once its batch is committed. The actor
    /// needs <see cref="Permissions.MembersManage"/> in each team (a team the actor does not belong to answers
    /// <see cref="TeamAccessErrorCode.UnknownTeam"/>) and gives no role above their own. After each batch the import's
    /// checkpoint (the rows done) is stored: a later run with the same <see cref="ImportRequest.ImportId"/> skips those
    /// rows, and a row applied twice answers <see cref="ImportOutcomeKind.Unchanged"/>. Cancelling stops between
    /// writes; rows not reported are not in the checkpoint.
    /// </summary>
    /// <param name="actor">The user who imports.</param>
    /// <param name="request">The import's id and batch size.</param>
    /// <param name="rows">The rows, read once, in order (see <see cref="ImportCsv"/> for a CSV file).</param>
    /// <param name="progress">Told after each batch how far the import has come.</param>
    /// <param name="cancellationToken">Stops the import.</param>
    /// <returns>The outcome of every row this run did not skip, in row order.</returns>
    IAsyncEnumerable<ImportOutcome> ImportAsync(UserId actor, ImportRequest request, IAsyncEnumerable<ImportRow> rows, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);
}
