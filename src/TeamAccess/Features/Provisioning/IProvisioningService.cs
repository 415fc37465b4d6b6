namespace TeamAccess.Provisioning;

/// <summary>
/// The team's directory (SCIM 2.0, RFC 7643/7644): it creates, updates, deactivates and removes the memberships of one
/// team, and the members of its groups. Every call needs <see cref="Permissions.DirectoryProvision"/> in the team (held
/// by a service account a guardian made for the directory), and goes through the same write engine as every other
/// write, so the team's rules hold: a call that would deactivate or remove the last Active guardian is refused as
/// LastGuardian and changes nothing. A person whose address is in the team's verified domain joins at once (their
/// account created if there is none); anyone else is invited and accepts. One address is one user, whichever teams'
/// directories provision it. Service accounts are never directory members.
/// </summary>
public interface IProvisioningService
{
    /// <summary>Provisions a person into the team.</summary>
    /// <param name="actor">The directory's service account (its principal id).</param>
    /// <param name="teamId">The team.</param>
    /// <param name="request">The person.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The person; or NotFound, PermissionDenied, InvalidEmail, InvalidName, InvalidDirectoryValue, AlreadyMember, AlreadyInvited, DirectoryExternalIdTaken, RateLimited.</returns>
    ValueTask<Result<DirectoryUser>> ProvisionAsync(UserId actor, TeamId teamId, DirectoryUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one person of the team.</summary>
    /// <param name="actor">The directory's service account.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="membershipId">The membership.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The person; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<DirectoryUser>> GetAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default);

    /// <summary>Lists the team's people, filtered and paged as a directory asks.</summary>
    /// <param name="actor">The directory's service account.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="query">The filter and the page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; or NotFound, PermissionDenied, InvalidDirectoryValue.</returns>
    ValueTask<Result<DirectoryUserPage>> ListAsync(UserId actor, TeamId teamId, DirectoryUserQuery query, CancellationToken cancellationToken = default);

    /// <summary>Changes what the directory holds of a person, all or nothing.</summary>
    /// <param name="actor">The directory's service account.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="membershipId">The membership.</param>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The person; or NotFound, NotADirectoryMember, PermissionDenied, LastGuardian, DirectoryVersionMismatch, DirectoryAttributeImmutable, DirectoryExternalIdTaken, InvalidName, InvalidDirectoryValue.</returns>
    ValueTask<Result<DirectoryUser>> UpdateAsync(UserId actor, TeamId teamId, MembershipId membershipId, DirectoryUserChange change, CancellationToken cancellationToken = default);

    /// <summary>Removes a person from the team (their account stays; a pending invitation is revoked).</summary>
    /// <param name="actor">The directory's service account.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="membershipId">The membership.</param>
    /// <param name="ifVersion">The version the removal was decided on (<c>If-Match</c>), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The removed membership's last view; or NotFound, NotADirectoryMember, PermissionDenied, LastGuardian, DirectoryVersionMismatch.</returns>
    ValueTask<Result<DirectoryUser>> RemoveAsync(UserId actor, TeamId teamId, MembershipId membershipId, string? ifVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a group of the team (its handle made from its name) with the given members.</summary>
    /// <param name="actor">The directory's service account.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="name">The group's name (the SCIM <c>displayName</c>).</param>
    /// <param name="members">The members' membership ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The group; or NotFound, PermissionDenied, InvalidName, DuplicateHandle, ExceedsGranterPermissions.</returns>
    ValueTask<Result<Group>> CreateGroupAsync(UserId actor, TeamId teamId, string name, IReadOnlyCollection<MembershipId> members, CancellationToken cancellationToken = default);

    /// <summary>Lists the team's groups, or the one of that name.</summary>
    /// <param name="actor">The directory's service account.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="name">The name to match exactly, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The groups in handle order; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<IReadOnlyList<Group>>> ListGroupsAsync(UserId actor, TeamId teamId, string? name = null, CancellationToken cancellationToken = default);

    /// <summary>Renames a group and adds and removes its members in one write, all or nothing (a SCIM PATCH or PUT of a Group).</summary>
    /// <param name="actor">The directory's service account.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="add">The memberships to add (already members: unchanged).</param>
    /// <param name="remove">The memberships to remove (not members: unchanged).</param>
    /// <param name="name">The group's new name (the SCIM <c>displayName</c>; its handle stays), or <see langword="null"/> to keep it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The group; or NotFound, PermissionDenied, InvalidName, ExceedsGranterPermissions.</returns>
    ValueTask<Result<Group>> ChangeGroupAsync(UserId actor, TeamId teamId, GroupId groupId, IReadOnlyCollection<MembershipId> add, IReadOnlyCollection<MembershipId> remove, string? name = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a group of the team.</summary>
    /// <param name="actor">The directory's service account.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deleted group; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<Group>> DeleteGroupAsync(UserId actor, TeamId teamId, GroupId groupId, CancellationToken cancellationToken = default);
}
