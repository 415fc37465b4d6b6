using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Grants;

/// <summary>The default <see cref="IGrantService"/>.</summary>
internal sealed class GrantService(TeamWriter writer, ListReader reads) : IGrantService
{
    /// <summary>A grant names at most this many permissions: a catalog holds no more.</summary>
    private const int MaxPermissionsPerGrant = PermissionCatalog.MaxPermissions;

    public ValueTask<Result<Grant>> GrantAsync(UserId actor, TeamId teamId, GrantSubject subject, string resourceId, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        if (!Names.IsValidResourceId(resourceId))
        {
            return ValueTask.FromResult(Result<Grant>.Failed(TeamAccessErrorCode.InvalidResource));
        }

        if (permissions.Count is 0 || permissions.Count > MaxPermissionsPerGrant || !writer.Roles.PermissionCatalog.TryGetMask(permissions, out var requested, out _))
        {
            return ValueTask.FromResult(Result<Grant>.Failed(permissions.Count > MaxPermissionsPerGrant ? TeamAccessErrorCode.BatchTooLarge : TeamAccessErrorCode.InvalidPermission));
        }

        return writer.RunOnTeamAsync(actor, teamId, Permissions.GrantsManage, "Grant", team => team.Grant(subject, resourceId, requested), cancellationToken);
    }

    public async ValueTask<Result> RevokeAsync(UserId actor, TeamId teamId, GrantId grantId, CancellationToken cancellationToken = default) =>
        await writer.RunOnTeamAsync(actor, teamId, Permissions.GrantsManage, "RevokeGrant", team => team.RevokeGrant(grantId), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Result<Page<Grant, GrantPageKey>>> ListPageAsync(UserId actor, TeamId teamId, GrantQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await reads.ReadAsync(actor, teamId, Permissions.MembersRead, (lists, ct) => lists.ListGrantsAsync(teamId, query, ct), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Result<IReadOnlyList<Grant>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var read = await Actor.ReadAsync(writer.Teams, writer.Roles, actor, teamId, Permissions.MembersRead, cancellationToken).ConfigureAwait(false);
        return read.TryGetValue(out var snapshot)
            ? Result<IReadOnlyList<Grant>>.Ok(snapshot.Grants.Values.OrderBy(g => g.ResourceId, StringComparer.Ordinal).ThenBy(g => g.Id.Value).ToList())
            : Result<IReadOnlyList<Grant>>.Failed(read.Error!);
    }
}
