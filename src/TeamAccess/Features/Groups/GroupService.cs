using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Groups;

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

        return writer.RunOnTeamAsync(actor, teamId, Permissions.GroupsManage, "CreateGroup", team => team.CreateGroup(normalized, handle), cancellationToken);
    }

    public ValueTask<Result<Group>> RenameAsync(UserId actor, TeamId teamId, GroupId groupId, string name, CancellationToken cancellationToken = default) =>
        Names.TryNormalizeName(name, out var normalized)
            ? writer.RunOnTeamAsync(actor, teamId, Permissions.GroupsManage, "RenameGroup", team => team.RenameGroup(groupId, normalized), cancellationToken)
            : ValueTask.FromResult(Result<Group>.Failed(TeamAccessErrorCode.InvalidName));

    public async ValueTask<Result> DeleteAsync(UserId actor, TeamId teamId, GroupId groupId, CancellationToken cancellationToken = default) =>
        await writer.RunOnTeamAsync(actor, teamId, Permissions.GroupsManage, "DeleteGroup", team => team.DeleteGroup(groupId), cancellationToken).ConfigureAwait(false);

    public ValueTask<Result<Group>> AddMemberAsync(UserId actor, TeamId teamId, GroupId groupId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        writer.RunOnTeamAsync(actor, teamId, Permissions.GroupsManage, "AddGroupMember", team => team.AddGroupMember(groupId, membershipId), cancellationToken);

    public ValueTask<Result<Group>> RemoveMemberAsync(UserId actor, TeamId teamId, GroupId groupId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        writer.RunOnTeamAsync(actor, teamId, Permissions.GroupsManage, "RemoveGroupMember", team => team.RemoveGroupMember(groupId, membershipId), cancellationToken);

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
