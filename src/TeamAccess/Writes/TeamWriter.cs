using System.Diagnostics;
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
    ActingCredential? credential = null,
    TeamAccessTelemetry? telemetry = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<TeamWriter>.Instance;
    private readonly TeamAccessTelemetry _telemetry = telemetry ?? TeamAccessTelemetry.Unregistered;

    public delegate ValueTask<Result<T>> Attempt<T>(ChangeSetBuilder changes, CancellationToken cancellationToken);

    public delegate Result<T> TeamVerb<T>(TeamAggregate team);

    public ITeamStore Teams => teams;

    public RoleCatalog Roles => roles;

    public TimeProvider Time => time;

    public async ValueTask<Result<T>> RunAsync<T>(UserId? actor, string operation, Attempt<T> attempt, CancellationToken cancellationToken)
    {
        using var activity = TeamAccessTelemetry.Start(operation);
        activity?.SetTag(TeamAccessTelemetry.Operation, operation);
        var started = time.GetTimestamp();
        var outcome = "failed";
        TeamAccessErrorCode? code = null;
        var attempts = 0;
        try
        {
            var maxRetries = options.Value.Concurrency.MaxRetries;
            for (var retry = 0; ; retry++)
            {
                attempts = retry + 1;
                var (decided, ended) = await OnceAsync(actor, operation, attempt, retry, maxRetries, cancellationToken).ConfigureAwait(false);
                if (ended is not null)
                {
                    outcome = ended;
                    code = decided!.Succeeded ? null : decided.Code;
                    return decided;
                }

                _telemetry.WriteConflicts.Add(1, new KeyValuePair<string, object?>(TeamAccessTelemetry.Operation, operation));
            }
        }
        finally
        {
            // One record per write, whatever ended it (an exception leaves "failed"): duration by operation and outcome.
            var tags = new TagList { { TeamAccessTelemetry.Operation, operation }, { TeamAccessTelemetry.Outcome, outcome } };
            if (code is { } refused)
            {
                tags.Add(TeamAccessTelemetry.ErrorType, TeamAccessTelemetry.ErrorTypeOf(refused));
            }

            _telemetry.WriteDuration.Record(time.GetElapsedTime(started).TotalSeconds, tags);
            if (activity is not null)
            {
                activity.SetTag(TeamAccessTelemetry.Outcome, outcome);
                activity.SetTag("teamaccess.write.attempts", attempts);
                if (code is { } failed)
                {
                    TeamAccessTelemetry.Failed(activity, failed);
                }
            }
        }
    }

    /// <summary>One attempt: decide, commit; an outcome, or <see langword="null"/> for "met a concurrent change, decide again".</summary>
    private async ValueTask<(Result<T>? Result, string? Outcome)> OnceAsync<T>(UserId? actor, string operation, Attempt<T> attempt, int retry, int maxRetries, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var builder = new ChangeSetBuilder(actor, time.GetUtcNow(), roles) { ActorKeyId = credential?.ApiKeyId };
        var decision = await attempt(builder, cancellationToken).ConfigureAwait(false);
        if (!decision.Succeeded)
        {
            _logger.WriteRefused(operation, actor, decision.Code);
            return (decision, "refused");
        }

        if (builder.IsEmpty)
        {
            return (decision, "unchanged");
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

            _logger.WriteCommitted(operation, actor, commit.Value);
            return (decision, "committed");
        }

        if (commit.Code != TeamAccessErrorCode.ConcurrencyFailure || retry >= maxRetries)
        {
            _logger.WriteNotCommitted(operation, actor, commit.Code, retry);
            return (Result<T>.Failed(commit.Error!), commit.Code == TeamAccessErrorCode.ConcurrencyFailure ? "conflict" : "refused");
        }

        _logger.WriteConflict(operation, actor, retry + 1, maxRetries);
        return (null, null);
    }

    /// <summary>Reads the teams of a commit whose outcome is unknown again from the store into the permission index.</summary>
    private async ValueTask RefreshAsync(IReadOnlyList<StoredTeam> stored, string operation, Exception failure)
    {
        _logger.WriteOutcomeUnknown(operation, failure.GetType().Name);
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
                _logger.TeamRereadFailed(team.Snapshot.Id, operation, ex.GetType().Name);
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

        if (Activity.Current is { } span && span.Source == TeamAccessTelemetry.Source)
        {
            span.SetTag(TeamAccessTelemetry.TeamId, teamId.Value);
        }

        var team = changes.Edit(snapshot);
        var authorized = actor is { } member ? team.Authorize(member, permission) : team.AuthorizeAsHost();
        return authorized.Succeeded ? verb(team) : Result<T>.Failed(authorized.Error);
    }
}
