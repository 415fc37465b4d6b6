namespace TeamAccess.Groups;

/// <summary>Groups inside a team (needs <c>groups.manage</c> to change, <c>members.read</c> to list).</summary>
public interface IGroupService
{
    /// <summary>Creates a group with a handle unique in the team.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="name">The group's name.</param>
    /// <param name="handle">The group's handle, such as <c>maintenance-team</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The group; or NotFound, PermissionDenied, InvalidName, InvalidHandle, DuplicateHandle.</returns>
    ValueTask<Result<Group>> CreateAsync(UserId actor, TeamId teamId, string name, string handle, CancellationToken cancellationToken = default);

    /// <summary>Renames a group; its handle, members and grants stay. The same name is no change (and no event).</summary>
    /// <param name="actor">The acting user (needs <c>groups.manage</c>).</param>
    /// <param name="teamId">The team.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="name">The group's new name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The group; or NotFound, PermissionDenied, InvalidName (also a look-alike of another group's name).</returns>
    ValueTask<Result<Group>> RenameAsync(UserId actor, TeamId teamId, GroupId groupId, string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes a group and the grants given to it.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; or NotFound, PermissionDenied.</returns>
    ValueTask<Result> DeleteAsync(UserId actor, TeamId teamId, GroupId groupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts a member in a group. Refused with <see cref="TeamAccessErrorCode.ExceedsGranterPermissions"/> when the group's
    /// grants give something the actor does not hold on that resource: no escalation by the side door (invariant 15).
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="membershipId">The membership.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The group; or NotFound, PermissionDenied, AlreadyInGroup, ExceedsGranterPermissions.</returns>
    ValueTask<Result<Group>> AddMemberAsync(UserId actor, TeamId teamId, GroupId groupId, MembershipId membershipId, CancellationToken cancellationToken = default);

    /// <summary>Takes a member out of a group.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="membershipId">The membership.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The group; or NotFound, PermissionDenied, NotInGroup.</returns>
    ValueTask<Result<Group>> RemoveMemberAsync(UserId actor, TeamId teamId, GroupId groupId, MembershipId membershipId, CancellationToken cancellationToken = default);

    /// <summary>Lists the team's groups by handle.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The groups; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<IReadOnlyList<Group>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of the team's groups with their members, keyset-paged on the handle, without loading the team (needs <c>members.read</c>).</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="query">The page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<Page<Group, GroupPageKey>>> ListPageAsync(UserId actor, TeamId teamId, GroupQuery query, CancellationToken cancellationToken = default);
}
