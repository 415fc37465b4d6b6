namespace TeamAccess.Storage;

/// <summary>
/// Commits a <see cref="ChangeSet"/> in one transaction, with optimistic concurrency on each team's version and each
/// user's stamp. The store backs the invariants with its own constraints: unique normalized email, unique team handle,
/// unique group handle in a team, at most one non-terminal membership per (team, user) and (team, email).
/// </summary>
public interface IChangeStore
{
    /// <summary>Commits the changes, or nothing.</summary>
    /// <param name="changes">The changes.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns>
    /// On success, the sequence number of the last audit event written (a consistency token); otherwise
    /// <see cref="TeamAccessErrorCode.ConcurrencyFailure"/> (a version or stamp was stale),
    /// <see cref="TeamAccessErrorCode.DuplicateEmail"/>, <see cref="TeamAccessErrorCode.DuplicateHandle"/>,
    /// <see cref="TeamAccessErrorCode.AlreadyMember"/> or <see cref="TeamAccessErrorCode.NotFound"/>, and nothing changed.
    /// </returns>
    ValueTask<Result<long>> CommitAsync(ChangeSet changes, CancellationToken cancellationToken);
}
