using System.Runtime.CompilerServices;

namespace TeamAccess.Storage;

/// <summary>Teams: a snapshot, a membership, a team by id or handle, a user's teams, and every team at start-up.</summary>
internal sealed class InMemoryTeamStore(InMemoryTeamAccessStore store) : ITeamStore
{
    /// <inheritdoc />
    public ValueTask<TeamSnapshot?> LoadAsync(TeamId id, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            return ValueTask.FromResult(store.Teams.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredMembership?> FindMembershipAsync(TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            return ValueTask.FromResult(store.Teams.TryGetValue(teamId, out var team) && team.Team.Status == TeamStatus.Active
                ? team.Memberships.GetValueOrDefault(membershipId)
                : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<Team?> FindTeamAsync(TeamId id, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            return ValueTask.FromResult(store.Teams.GetValueOrDefault(id)?.Team);
        }
    }

    /// <inheritdoc />
    public ValueTask<TeamId?> FindIdByHandleAsync(string handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        lock (store.Gate)
        {
            return ValueTask.FromResult<TeamId?>(store.TeamIdsByHandle.TryGetValue(handle, out var id) ? id : null);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TeamId> ListTeamIdsForUserAsync(UserId userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TeamId[] ids;
        lock (store.Gate)
        {
            ids = store.TeamIdsByUser.TryGetValue(userId, out var set) ? [.. set] : [];
        }

        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return id;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TeamSnapshot> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TeamSnapshot[] all;
        lock (store.Gate)
        {
            all = [.. store.Teams.Values];
        }

        foreach (var snapshot in all)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return snapshot;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
