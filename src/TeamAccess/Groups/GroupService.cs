using System.Collections.Immutable;

namespace TeamAccess;

/// <summary>The default <see cref="IGroupService"/>.</summary>
internal sealed class GroupService(TeamWriter writer, ListReader reads) : IGroupService
{
    public ValueTask<Result<Group>> CreateAsync(UserId actor, TeamId teamId, string name, string handle, CancellationToken cancellationToken = default)
    {
        if (!Names.TryNormalizeName(name, out var normalized))
        {
            return ValueTask.FromResult(Result<Group>.Failed(TeamAccessErrorCode.InvalidName));
        }

        if (!Handle.IsValid(handle))
        {
            return ValueTask.FromResult(Result<Group>.Failed(TeamAccessErrorCode.InvalidHandle));
        }

        return writer.RunOnTeamAsync(actor, teamId, Permissions.GroupsManage, "CreateGroup", (team, _) =>
        {
            if (team.Current.Groups.Values.Any(g => g.Handle == handle))
            {
                return Result<Group>.Failed(TeamAccessErrorCode.DuplicateHandle);
            }

            var group = new Group(GroupId.New(), teamId, normalized, handle, ImmutableSortedSet<MembershipId>.Empty);
            team.PutGroup(group, AuditActions.GroupCreated);
            return Result<Group>.Ok(group);
        }, cancellationToken);
    }

    public async ValueTask<Result> DeleteAsync(UserId actor, TeamId teamId, GroupId groupId, CancellationToken cancellationToken = default) =>
        await writer.RunOnTeamAsync(actor, teamId, Permissions.GroupsManage, "DeleteGroup", (team, _) =>
        {
            if (!team.Current.Groups.TryGetValue(groupId, out var group))
            {
                return Result<Group>.Failed(TeamAccessErrorCode.NotFound);
            }

            foreach (var grant in team.Current.Grants.Values.Where(g => g.Subject == GrantSubject.ForGroup(groupId)).ToList())
            {
                team.RemoveGrant(grant.Id, AuditActions.GrantRevoked);
            }

            team.RemoveGroup(groupId, AuditActions.GroupDeleted);
            return Result<Group>.Ok(group);
        }, cancellationToken).ConfigureAwait(false);

    public ValueTask<Result<Group>> AddMemberAsync(UserId actor, TeamId teamId, GroupId groupId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        writer.RunOnTeamAsync(actor, teamId, Permissions.GroupsManage, "AddGroupMember", (team, who) =>
        {
            var snapshot = team.Current;
            if (!snapshot.Groups.TryGetValue(groupId, out var group)
                || !snapshot.Memberships.TryGetValue(membershipId, out var membership) || membership.Status.IsTerminal())
            {
                return Result<Group>.Failed(TeamAccessErrorCode.NotFound);
            }

            if (group.Members.Contains(membershipId))
            {
                return Result<Group>.Failed(TeamAccessErrorCode.AlreadyInGroup);
            }

            // Joining a group hands its grants over: the actor must hold every one of them on its resource.
            foreach (var grant in snapshot.Grants.Values.Where(g => g.Subject == GrantSubject.ForGroup(groupId)))
            {
                var granted = AccessRules.MaskOf(grant, writer.Roles);
                if ((granted & ~AccessRules.ResourceMask(snapshot, who.Membership!, grant.ResourceId, writer.Roles)) != 0)
                {
                    return Result<Group>.Failed(TeamAccessErrorCode.ExceedsGranterPermissions);
                }
            }

            var after = group with { Members = group.Members.Add(membershipId) };
            team.PutGroup(after, AuditActions.GroupMemberAdded);
            return Result<Group>.Ok(after);
        }, cancellationToken);

    public ValueTask<Result<Group>> RemoveMemberAsync(UserId actor, TeamId teamId, GroupId groupId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        writer.RunOnTeamAsync(actor, teamId, Permissions.GroupsManage, "RemoveGroupMember", (team, _) =>
        {
            if (!team.Current.Groups.TryGetValue(groupId, out var group))
            {
                return Result<Group>.Failed(TeamAccessErrorCode.NotFound);
            }

            if (!group.Members.Contains(membershipId))
            {
                return Result<Group>.Failed(TeamAccessErrorCode.NotInGroup);
            }

            var after = group with { Members = group.Members.Remove(membershipId) };
            team.PutGroup(after, AuditActions.GroupMemberRemoved);
            return Result<Group>.Ok(after);
        }, cancellationToken);

    public async ValueTask<Result<Page<Group, GroupPageKey>>> ListPageAsync(UserId actor, TeamId teamId, GroupQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await reads.ReadAsync(actor, teamId, Permissions.MembersRead, (lists, ct) => lists.ListGroupsAsync(teamId, query, ct), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Result<IReadOnlyList<Group>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var read = await Actor.ReadAsync(writer.Teams, writer.Roles, actor, teamId, Permissions.MembersRead, cancellationToken).ConfigureAwait(false);
        return read.TryGetValue(out var snapshot)
            ? Result<IReadOnlyList<Group>>.Ok(snapshot.Groups.Values.OrderBy(g => g.Handle, StringComparer.Ordinal).ToList())
            : Result<IReadOnlyList<Group>>.Failed(read.Error!);
    }
}
