using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Domain;
using TeamAccess.Index;

namespace TeamAccess.Writes;

/// <summary>
/// Runs one write: load, decide (the team aggregate re-checks every rule on what was loaded), commit the change set
/// with the expected versions, and on a conflict start again from a fresh load, a bounded number of times (the team is
/// the consistency boundary). On success the changed teams are swapped into the permission index.
/// </summary>
internal sealed class TeamWriter(
    ITeamStore teams,
    IChangeStore changes,
    AccessEngine engine,
    RoleCatalog roles,
    TimeProvider time,
    IOptions<TeamAccessOptions> options,
    SessionStateCache sessionStates,
    ILogger<TeamWriter>? logger = null,
    ActingCredential? credential = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<TeamWriter>.Instance;

    public delegate ValueTask<Result<T>> Attempt<T>(ChangeSetBuilder changes, CancellationToken cancellationToken);

    public delegate Result<T> TeamVerb<T>(TeamAggregate team);

    public ITeamStore Teams => teams;

    public RoleCatalog Roles => roles;

    public TimeProvider Time => time;

    public async ValueTask<Result<T>> RunAsync<T>(UserId? actor, string operation, Attempt<T> attempt, CancellationToken cancellationToken)
    {
        var maxRetries = options.Value.Concurrency.MaxRetries;
        for (var retry = 0; ; retry++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var builder = new ChangeSetBuilder(actor, time.GetUtcNow(), roles) { ActorKeyId = credential?.ApiKeyId };
            var decision = await attempt(builder, cancellationToken).ConfigureAwait(false);
            if (!decision.Succeeded)
            {
                _logger.LogDebug("TeamAccess {Operation} by {Actor} refused: {Code}", operation, actor, decision.Code);
                return decision;
            }

            if (builder.IsEmpty)
            {
                return decision;
            }

            var set = builder.Build(out var stored);
            Result<long> commit;
            try
            {
                commit = await changes.CommitAsync(set, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Cancelled or failed with the outcome unknown (the COMMIT may have landed just before): the index must
                // not keep this team's older version until some later write, so it is read again from the store.
                await RefreshAsync(stored, operation, ex).ConfigureAwait(false);
                throw;
            }

            if (commit.Succeeded)
            {
                foreach (var team in stored)
                {
                    engine.Apply(team.Snapshot, team.Delta);
                }

                // This instance forgets the changed users' session state now; other instances do when they read the feed.
                foreach (var user in set.ChangedUserIds)
                {
                    sessionStates.Evict(user);
                }

                if (stored.Count > 0)
                {
                    // The first team the write changed is the one the operation is about (the team of a sign-up, of a join).
                    decision.SetConsistencyToken(new ConsistencyToken(stored[0].Snapshot.Id, stored[0].Snapshot.Version));
                }

                _logger.LogInformation("TeamAccess {Operation} by {Actor} committed at sequence {Sequence}", operation, actor, commit.Value);
                return decision;
            }

            if (commit.Code != TeamAccessErrorCode.ConcurrencyFailure || retry >= maxRetries)
            {
                _logger.LogInformation("TeamAccess {Operation} by {Actor} not committed: {Code} after {Retries} retries", operation, actor, commit.Code, retry);
                return Result<T>.Failed(commit.Error!);
            }

            _logger.LogDebug("TeamAccess {Operation} by {Actor} met a concurrent change; retrying ({Retry}/{MaxRetries})", operation, actor, retry + 1, maxRetries);
        }
    }

    /// <summary>Reads the teams of a commit whose outcome is unknown again from the store into the permission index.</summary>
    private async ValueTask RefreshAsync(IReadOnlyList<StoredTeam> stored, string operation, Exception failure)
    {
        _logger.LogWarning("TeamAccess {Operation} ended with its commit's outcome unknown ({ExceptionType}); reading its teams again", operation, failure.GetType().Name);
        foreach (var team in stored)
        {
            try
            {
                // Not the caller's token: it may be the very cancellation that left the outcome unknown.
                if (await teams.LoadAsync(team.Snapshot.Id, CancellationToken.None).ConfigureAwait(false) is { } fresh)
                {
                    engine.Apply(fresh);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.LogError("TeamAccess could not read team {TeamId} again after {Operation}: {ExceptionType}; its index stays as it was until the next write", team.Snapshot.Id, operation, ex.GetType().Name);
            }
        }
    }

    /// <summary>
    /// A write inside one team by an actor who needs <paramref name="permission"/> there (none: a current membership of
    /// an Active team, for leaving): the team is loaded, the actor authorized, and <paramref name="verb"/> called on the
    /// team's aggregate, once per attempt.
    /// </summary>
    public ValueTask<Result<T>> RunOnTeamAsync<T>(UserId actor, TeamId teamId, string? permission, string operation, TeamVerb<T> verb, CancellationToken cancellationToken) =>
        RunAsync(actor, operation, (changes, ct) => OnTeamAsync(changes, actor, teamId, permission, verb, ct), cancellationToken);

    /// <summary>
    /// A write inside one team by the host itself (code without a team session: a direct add, the expiry sweep): the team
    /// is loaded and <paramref name="verb"/> called with <see cref="Actor.Host"/>, once per attempt; only a deleted team
    /// refuses it, and the team's own rules still hold.
    /// </summary>
    public ValueTask<Result<T>> RunOnTeamAsHostAsync<T>(TeamId teamId, string operation, TeamVerb<T> verb, CancellationToken cancellationToken) =>
        RunAsync(null, operation, (changes, ct) => OnTeamAsync(changes, null, teamId, null, verb, ct), cancellationToken);

    private async ValueTask<Result<T>> OnTeamAsync<T>(ChangeSetBuilder changes, UserId? actor, TeamId teamId, string? permission, TeamVerb<T> verb, CancellationToken cancellationToken)
    {
        var snapshot = await teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Result<T>.Failed(TeamAccessErrorCode.NotFound);
        }

        var team = changes.Edit(snapshot);
        var authorized = actor is { } member ? team.Authorize(member, permission) : team.AuthorizeAsHost();
        return authorized.Succeeded ? verb(team) : Result<T>.Failed(authorized.Error);
    }
}
