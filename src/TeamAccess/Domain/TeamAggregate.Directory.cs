namespace TeamAccess.Domain;

/// <content>
/// The directory verbs (SCIM 2.0): provision a person, change what the directory holds of a membership (its
/// <c>externalId</c>, whether it is active), and remove it. The directory acts for the team's guardian who gave its
/// service account <see cref="Permissions.DirectoryProvision"/> (<see cref="ServiceAccountRole"/>): it manages every
/// person's membership whatever its rank, and gives only the role the host configured; the membership machine still
/// keeps the last Active guardian, and a refusal changes nothing. Service accounts are never the directory's.
/// </content>
internal sealed partial class TeamAggregate
{
    /// <summary>
    /// Provisions a person: an Active membership of <paramref name="user"/> when the team's verified domain vouches for
    /// the address (a missing user is created then, in the same commit), otherwise an invitation the person accepts.
    /// </summary>
    /// <param name="email">The normalized address.</param>
    /// <param name="user">The existing user of the address, or the one to create (<paramref name="createUser"/>); <see langword="null"/> when none and no direct join.</param>
    /// <param name="createUser">Whether <paramref name="user"/> is new and created with the membership.</param>
    /// <param name="joinDirectly">Whether the address is in a domain verified for the team.</param>
    /// <param name="role">The directory's role, as the host configured it.</param>
    /// <param name="externalId">The directory's id of the person.</param>
    /// <param name="lifetime">An invitation's lifetime.</param>
    /// <param name="options">The invitation options (the send budget).</param>
    public Result<DirectoryProvisioned> Provision(string email, StoredUser? user, bool createUser, bool joinDirectly, Role role, string? externalId, TimeSpan lifetime, InvitationOptions options)
    {
        var taken = ExternalIdTaken(externalId, null);
        if (taken is not TeamAccessErrorCode.None)
        {
            return Result<DirectoryProvisioned>.Failed(taken);
        }

        var existing = NotYetMember(user?.Id, email);
        if (existing is not TeamAccessErrorCode.None)
        {
            return Result<DirectoryProvisioned>.Failed(existing);
        }

        if (joinDirectly && user is not null)
        {
            if (createUser)
            {
                Owner.CreateUser(user);
            }

            var joined = Join(user, role, Actor.CreatedBy, AuditActions.MembershipAdded, MembershipOrigin.Scim, externalId);
            return Result<DirectoryProvisioned>.Ok(new DirectoryProvisioned(joined, null));
        }

        var batch = Invite([email], role, lifetime, options, MembershipOrigin.Scim, externalId);
        var outcome = batch.Outcomes[0];
        return outcome.MembershipId is { } id
            ? Result<DirectoryProvisioned>.Ok(new DirectoryProvisioned(Current.Memberships[id], batch.Issued[0]))
            : Result<DirectoryProvisioned>.Failed(outcome.Code);
    }

    /// <summary>A current person's membership of the team: the only kind a directory reads or changes.</summary>
    public Result<StoredMembership> DirectoryMember(MembershipId membershipId)
    {
        if (!Current.Memberships.TryGetValue(membershipId, out var membership) || membership.Status.IsTerminal())
        {
            return Result<StoredMembership>.Failed(TeamAccessErrorCode.NotFound);
        }

        return membership.IsServiceAccount
            ? Result<StoredMembership>.Failed(TeamAccessErrorCode.NotADirectoryMember)
            : Result<StoredMembership>.Ok(membership);
    }

    /// <summary>
    /// Sets what the directory holds of a membership: its <c>externalId</c> (when <paramref name="setExternalId"/>) and
    /// whether it is active (<see langword="null"/>: kept). Inactive deactivates an Active membership (never the last
    /// Active guardian) and revokes a pending invitation; active reactivates an Inactive one. All or nothing.
    /// </summary>
    public Result<StoredMembership> UpdateFromDirectory(MembershipId membershipId, bool setExternalId, string? externalId, bool? active)
    {
        var target = DirectoryMember(membershipId);
        if (!target.TryGetValue(out var membership))
        {
            return target;
        }

        if (setExternalId && !string.Equals(externalId, membership.ExternalId, StringComparison.Ordinal))
        {
            var taken = ExternalIdTaken(externalId, membershipId);
            if (taken is not TeamAccessErrorCode.None)
            {
                return Result<StoredMembership>.Failed(taken);
            }
        }

        // The status first: a refused transition (the last guardian) leaves the externalId unwritten too.
        var fired = (active, membership.Status) switch
        {
            (false, MembershipStatus.Active) => Lifecycle(membershipId).Deactivate(),
            (false, MembershipStatus.Invited) => Lifecycle(membershipId).Revoke(AuditActions.InvitationRevoked),
            (true, MembershipStatus.Inactive) => Lifecycle(membershipId).Reactivate(),
            _ => Result.Success,
        };
        if (!fired.Succeeded)
        {
            return Result<StoredMembership>.Failed(fired.Error);
        }

        var now = Current.Memberships[membershipId];
        if (setExternalId && !string.Equals(externalId, now.ExternalId, StringComparison.Ordinal))
        {
            PutMembership(now with { ExternalId = externalId }, AuditActions.MembershipDirectoryLinked);
        }

        return Result<StoredMembership>.Ok(Current.Memberships[membershipId]);
    }

    /// <summary>Removes a membership the directory deprovisions (a pending invitation is revoked); never the last Active guardian.</summary>
    public Result<StoredMembership> RemoveFromDirectory(MembershipId membershipId)
    {
        var target = DirectoryMember(membershipId);
        if (!target.TryGetValue(out var membership))
        {
            return target;
        }

        var lifecycle = Lifecycle(membershipId);
        return Done(membershipId, membership.Status == MembershipStatus.Invited
            ? lifecycle.Revoke(AuditActions.InvitationRevoked)
            : lifecycle.Remove(AuditActions.MembershipRemoved));
    }

    /// <summary>Invariant: one current person's membership per directory id in a team.</summary>
    private TeamAccessErrorCode ExternalIdTaken(string? externalId, MembershipId? except) =>
        externalId is not null && Current.Memberships.Values.Any(m => m.Id != except && !m.Status.IsTerminal() && string.Equals(m.ExternalId, externalId, StringComparison.Ordinal))
            ? TeamAccessErrorCode.DirectoryExternalIdTaken
            : TeamAccessErrorCode.None;
}
