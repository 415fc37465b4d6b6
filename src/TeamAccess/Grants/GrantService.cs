using System.Collections.Immutable;

namespace TeamAccess;

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

        return writer.RunOnTeamAsync(actor, teamId, Permissions.GrantsManage, "Grant", (team, who) =>
        {
            var snapshot = team.Current;
            if (!SubjectExists(snapshot, subject, out var readOnlyMember))
            {
                return Result<Grant>.Failed(TeamAccessErrorCode.NotFound);
            }

            if (readOnlyMember && (requested & ~writer.Roles.PermissionCatalog.ReadMask) != 0)
            {
                return Result<Grant>.Failed(TeamAccessErrorCode.ReadOnlyRole);
            }

            if ((requested & ~AccessRules.ResourceMask(snapshot, who.Membership!, resourceId, writer.Roles)) != 0)
            {
                return Result<Grant>.Failed(TeamAccessErrorCode.ExceedsGranterPermissions);
            }

            var existing = snapshot.Grants.Values.FirstOrDefault(g => g.Subject == subject && g.ResourceId == resourceId);
            var names = writer.Roles.PermissionCatalog.NamesOf(requested | (existing is null ? 0 : AccessRules.MaskOf(existing, writer.Roles)))
                .Order(StringComparer.Ordinal).ToImmutableArray();
            if (existing is not null && existing.Permissions.SequenceEqual(names))
            {
                return Result<Grant>.Ok(existing);
            }

            var grant = existing is null
                ? new Grant(GrantId.New(), teamId, subject, resourceId, names, actor)
                : existing with { Permissions = names, GrantedBy = actor };
            team.PutGrant(grant, AuditActions.GrantGiven);
            return Result<Grant>.Ok(grant);
        }, cancellationToken);
    }

    public async ValueTask<Result> RevokeAsync(UserId actor, TeamId teamId, GrantId grantId, CancellationToken cancellationToken = default) =>
        await writer.RunOnTeamAsync(actor, teamId, Permissions.GrantsManage, "RevokeGrant", (team, _) =>
        {
            if (!team.Current.Grants.TryGetValue(grantId, out var grant))
            {
                return Result<Grant>.Failed(TeamAccessErrorCode.NotFound);
            }

            team.RemoveGrant(grantId, AuditActions.GrantRevoked);
            return Result<Grant>.Ok(grant);
        }, cancellationToken).ConfigureAwait(false);

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

    private bool SubjectExists(TeamSnapshot team, GrantSubject subject, out bool readOnlyMember)
    {
        readOnlyMember = false;
        if (subject.Kind == GrantSubjectKind.Group)
        {
            return team.Groups.ContainsKey(new GroupId(subject.Id));
        }

        if (subject.Kind != GrantSubjectKind.Membership
            || !team.Memberships.TryGetValue(new MembershipId(subject.Id), out var membership) || membership.Status.IsTerminal())
        {
            return false;
        }

        readOnlyMember = writer.Roles.TryGet(membership.Role, out var role) && role.IsReadOnly;
        return true;
    }
}
