namespace TeamAccess.Import;

/// <summary>
/// Imports people into teams in bulk, through the same rules as every other write: each batch of rows is one write per
/// team, decided by the team's aggregate, so no import leaves a team without an Active guardian and the audit log, the
/// permission index and the change feed follow. A team admin's import invites (<see cref="ImportAsync"/>); only the
/// host, with no team session, adds people directly and brings their passwords (<see cref="ImportAsHostAsync"/>).
/// </summary>
public interface IImportService
{
    /// <summary>
    /// A team member's import: imports <paramref name="rows"/> in batches and reports each row's outcome once its batch is
    /// committed. The actor needs <see cref="Permissions.MembersManage"/> in each team (a team the actor does not belong
    /// to answers <see cref="TeamAccessErrorCode.UnknownTeam"/>) and gives no role above their own. A row whose address
    /// has a current membership in the team changes its role and groups; every other row is an invitation
    /// (<see cref="ImportOutcomeKind.Invited"/>: an Invited membership and an invitation message after the commit),
    /// whether or not the address has an account, so a team never adds another tenant's user, nor creates an account,
    /// without the person's consent. A row carrying a password hash is refused with
    /// <see cref="TeamAccessErrorCode.PasswordHashNeedsHost"/>. The import's checkpoint is the actor's own (another
    /// member using the same <see cref="ImportRequest.ImportId"/> neither skips nor resumes it) and moves only past the
    /// outcomes the caller read on from: a later run with the same id skips those rows, a caller that stopped part-way
    /// gets the rest again, and a row applied twice answers <see cref="ImportOutcomeKind.Unchanged"/>. Cancelling stops
    /// between writes.
    /// </summary>
    /// <param name="actor">The user who imports.</param>
    /// <param name="request">The import's id and batch size.</param>
    /// <param name="rows">The rows, read once, in order (see <see cref="ImportCsv"/> for a CSV file).</param>
    /// <param name="progress">Told after each batch how far the import has come.</param>
    /// <param name="cancellationToken">Stops the import.</param>
    /// <returns>The outcome of every row this run did not skip, in row order.</returns>
    IAsyncEnumerable<ImportOutcome> ImportAsync(UserId actor, ImportRequest request, IAsyncEnumerable<ImportRow> rows, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The host's import (a migration from the host's own old system, which vouches for the addresses it holds): never
    /// reachable with a team session, so expose it to no HTTP route. The same batches, checkpoint (kept apart from the
    /// teams' imports) and rules of each team (the last guardian, one membership per address), but no actor: any role may
    /// be given, the guardian role included. A row without <see cref="ImportRow.Invite"/> adds the address's user as an
    /// Active member (<see cref="ImportOutcomeKind.Created"/>), creating a missing user with the address proven and the
    /// row's <see cref="ImportRow.PasswordHash"/>, so that user signs in with their old password at once (a hash below the
    /// current work factor is rehashed at the first sign-in). An existing user keeps their names, password and
    /// confirmation. A row with <see cref="ImportRow.Invite"/> invites, as a member's import does.
    /// </summary>
    /// <param name="request">The import's id and batch size.</param>
    /// <param name="rows">The rows, read once, in order (see <see cref="ImportCsv"/> for a CSV file).</param>
    /// <param name="progress">Told after each batch how far the import has come.</param>
    /// <param name="cancellationToken">Stops the import.</param>
    /// <returns>The outcome of every row this run did not skip, in row order.</returns>
    IAsyncEnumerable<ImportOutcome> ImportAsHostAsync(ImportRequest request, IAsyncEnumerable<ImportRow> rows, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);
}
