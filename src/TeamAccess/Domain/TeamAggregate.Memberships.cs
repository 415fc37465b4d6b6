namespace TeamAccess.Domain;

/// <content>The membership verbs: add, change role, deactivate, reactivate, remove, leave; and the guardian rule.</content>
internal sealed partial class TeamAggregate
{
    /// <summary>Invariant 1: how many Active holders of the guardian role the team has (a catalog role: a team role never is).</summary>
    internal static int CountActiveGuardians(TeamSnapshot team, RoleCatalog roles)
    {
        var count = 0;
        foreach (var membership in team.Memberships.Values)
        {
            if (membership.Status == MembershipStatus.Active && roles.TryGet(membership.Role, out var role) && role.IsGuardian)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Adds an existing user (<see langword="null"/>: not found) as an Active member (a host that provisions members itself).</summary>
    public Result<StoredMembership> Add(StoredUser? user, Role role)
    {
        var mayGive = Actor.MayGive(role);
        if (!mayGive.Succeeded)
        {
            return Result<StoredMembership>.Failed(mayGive.Error);
        }

        if (user is null)
        {
            return Result<StoredMembership>.Failed(TeamAccessErrorCode.NotFound);
        }

        var taken = NotYetMember(user.Id, user.Email);
        if (taken is not TeamAccessErrorCode.None)
        {
            return Result<StoredMembership>.Failed(taken);
        }

        return Result<StoredMembership>.Ok(Join(user, role, Actor.CreatedBy, AuditActions.MembershipAdded));
    }

    /// <summary>
    /// Invites an existing user (<see langword="null"/>: not found) by their address: a member of the team asks, the user
    /// accepts (a team never adds another tenant's user without their consent). An address already in the team answers
    /// AlreadyMember or AlreadyInvited, as <see cref="Add(StoredUser?, Role)"/> does.
    /// </summary>
    public Result<InviteBatch> InviteUser(StoredUser? user, string roleName, TimeSpan lifetime, InvitationOptions options)
    {
        if (!FindRole(roleName).TryGetValue(out var role))
        {
            return Result<InviteBatch>.Failed(TeamAccessErrorCode.InvalidRole);
        }

        var mayGive = Actor.MayGive(role);
        if (!mayGive.Succeeded)
        {
            return Result<InviteBatch>.Failed(mayGive.Error);
        }

        if (user is null)
        {
            return Result<InviteBatch>.Failed(TeamAccessErrorCode.NotFound);
        }

        var taken = NotYetMember(user.Id, user.Email);
        if (taken is not TeamAccessErrorCode.None)
        {
            return Result<InviteBatch>.Failed(taken);
        }

        var batch = Invite([user.Email], role, lifetime, options);
        return batch.Outcomes[0].MembershipId is null ? Result<InviteBatch>.Failed(batch.Outcomes[0].Code) : Result<InviteBatch>.Ok(batch);
    }

    /// <summary>Adds an existing user in the role of that name, a catalog role or one of the team's own.</summary>
    public Result<StoredMembership> Add(StoredUser? user, string roleName) =>
        FindRole(roleName).TryGetValue(out var role) ? Add(user, role) : Result<StoredMembership>.Failed(TeamAccessErrorCode.InvalidRole);

    /// <summary>Gives a member the role of that name, a catalog role or one of the team's own.</summary>
    public Result<StoredMembership> ChangeRole(MembershipId membershipId, string roleName) =>
        FindRole(roleName).TryGetValue(out var role) ? ChangeRole(membershipId, role) : Result<StoredMembership>.Failed(TeamAccessErrorCode.InvalidRole);

    /// <summary>A user the team's SSO proved joins with the policy's just-in-time role.</summary>
    public Result<StoredMembership> JoinJustInTime(StoredUser user, Role role) =>
        Result<StoredMembership>.Ok(Join(user, role, user.Id, AuditActions.MembershipJoinedJustInTime));

    public Result<StoredMembership> ChangeRole(MembershipId membershipId, Role role)
    {
        var target = Managed(membershipId);
        if (!target.TryGetValue(out var membership))
        {
            return target;
        }

        if (string.Equals(membership.Role, role.Name, StringComparison.Ordinal))
        {
            return target;
        }

        if (role.IsGuardian && membership.IsServiceAccount)
        {
            return Result<StoredMembership>.Failed(TeamAccessErrorCode.GuardianRoleNotForServiceAccounts);
        }

        var mayGive = Actor.MayGive(role);
        return mayGive.Succeeded ? Done(membershipId, Lifecycle(membershipId).ChangeRole(role)) : Result<StoredMembership>.Failed(mayGive.Error);
    }

    public Result<StoredMembership> Deactivate(MembershipId membershipId) =>
        OnManaged(membershipId, lifecycle => lifecycle.Deactivate());

    public Result<StoredMembership> Reactivate(MembershipId membershipId) =>
        OnManaged(membershipId, lifecycle => lifecycle.Reactivate());

    /// <summary>Removes a member; an Invited one has its invitation revoked (the "delete" button of a pending row).</summary>
    public Result<StoredMembership> Remove(MembershipId membershipId) =>
        OnManaged(membershipId, lifecycle => Current.Memberships[membershipId].Status == MembershipStatus.Invited
            ? lifecycle.Revoke(AuditActions.MembershipRemoved)
            : lifecycle.Remove(AuditActions.MembershipRemoved));

    /// <summary>The actor leaves: their own current membership is removed, unless they are the last Active guardian.</summary>
    public Result<StoredMembership> Leave()
    {
        var own = Actor.Membership!.Id;
        return Done(own, Lifecycle(own).Leave(AuditActions.MembershipLeft));
    }

    /// <summary>
    /// A user deleting their account leaves the team by the same rule as <see cref="Leave"/>; the last Active guardian
    /// cannot, and is told so as <see cref="TeamAccessErrorCode.UserIsLastGuardian"/>.
    /// </summary>
    public Result LeaveWithDeletedAccount(UserId userId)
    {
        if (Current.FindCurrentMembership(userId) is not { } membership)
        {
            return Result.Success;
        }

        // A pending invitation is withdrawn with the account; a membership leaves by the guarded Leave.
        var lifecycle = Lifecycle(membership.Id);
        var left = membership.Status == MembershipStatus.Invited ? lifecycle.Revoke(AuditActions.MembershipRemoved) : lifecycle.Leave(AuditActions.MembershipRemoved);
        return left.Code == TeamAccessErrorCode.LastGuardian ? Result.Failed(TeamAccessErrorCode.UserIsLastGuardian) : left;
    }

    /// <summary>
    /// A membership whose user's names the actor may edit (the portal's Edit user): one the actor manages, with an
    /// account behind it (an Invited row has none yet: <see cref="TeamAccessErrorCode.InvalidTransition"/>).
    /// </summary>
    public Result<StoredMembership> Renamable(MembershipId membershipId)
    {
        var target = Managed(membershipId);
        return target.TryGetValue(out var membership) && (membership.Status == MembershipStatus.Invited || membership.UserId is null)
            ? Result<StoredMembership>.Failed(TeamAccessErrorCode.InvalidTransition)
            : target;
    }

    /// <summary>Sets a member's names; the event goes to this team's log as well as the user's, since a guardian of this team made it.</summary>
    public void Rename(StoredUser user, string firstName, string lastName)
    {
        if (user.FirstName != firstName || user.LastName != lastName)
        {
            Owner.UpdateUser(user, user with { FirstName = firstName, LastName = lastName }, AuditActions.UserRenamed, Id);
        }
    }

    /// <summary>
    /// A team admin signs a member out of this team (a new security stamp: every session of the member in this team ends,
    /// their sessions in other teams do not): one the actor manages (never a higher-ranked member), with an account behind
    /// it (an Invited row has no session: <see cref="TeamAccessErrorCode.InvalidTransition"/>).
    /// </summary>
    public Result<StoredMembership> SignOutMember(MembershipId membershipId)
    {
        var target = Renamable(membershipId);
        if (!target.Succeeded)
        {
            return target;
        }

        EndSessions(membershipId);
        return Result<StoredMembership>.Ok(Current.Memberships[membershipId]);
    }

    /// <summary>Ends the sessions of a membership (a new security stamp) without changing its role or status.</summary>
    public void EndSessions(MembershipId membershipId) =>
        PutMembership(Current.Memberships[membershipId] with { SecurityStamp = Guid.NewGuid() }, AuditActions.MembershipSessionsEnded);

    /// <summary>A deleted team needs no guardian any more, so nobody in it is its last.</summary>
    private bool IsLastActiveGuardian(StoredMembership membership) =>
        AccessRules.ActiveRole(Current.Team, membership, Roles) is { IsGuardian: true }
        && CountActiveGuardians(Current, Roles.Catalog) <= 1;

    private MembershipLifecycle Lifecycle(MembershipId membershipId) => new(this, membershipId);

    /// <summary>Moves a membership's live state without recording it: its machine records the transition when it completes.</summary>
    private void Stage(StoredMembership membership) =>
        Current = Current with { Memberships = Current.Memberships.SetItem(membership.Id, membership) };

    /// <summary>A membership that ends leaves its groups and loses its direct grants, each with its own event, so nothing dangles and a replay sees the same.</summary>
    private void Detach(MembershipId membershipId)
    {
        LeaveGroups(membershipId);
        DropDirectGrants(membershipId);
    }

    /// <summary>Invariants 3 and 4: at most one current membership per user and per address.</summary>
    private TeamAccessErrorCode NotYetMember(UserId? userId, string email)
    {
        var existing = (userId is { } id ? Current.FindCurrentMembership(id) : null) ?? Current.FindCurrentMembershipByEmail(email);
        return existing is null ? TeamAccessErrorCode.None
            : existing.Status == MembershipStatus.Invited ? TeamAccessErrorCode.AlreadyInvited
            : TeamAccessErrorCode.AlreadyMember;
    }

    private StoredMembership Join(StoredUser user, Role role, UserId? createdBy, string action, MembershipOrigin origin = MembershipOrigin.Team, string? externalId = null)
    {
        var membership = new StoredMembership(MembershipId.New(), Id, user.Id, user.Email, role.Name, MembershipStatus.Active, Now)
        {
            CreatedBy = createdBy,
            Origin = origin,
            ExternalId = externalId,
        };
        PutMembership(membership, action);
        return Current.Memberships[membership.Id];
    }

    /// <summary>
    /// A membership the actor may manage: one of this team that is not terminal (otherwise it is not there to manage),
    /// whose role does not rank above the actor's.
    /// </summary>
    private Result<StoredMembership> Managed(MembershipId membershipId)
    {
        if (!Current.Memberships.TryGetValue(membershipId, out var target) || target.Status.IsTerminal())
        {
            return Result<StoredMembership>.Failed(TeamAccessErrorCode.NotFound);
        }

        var mayManage = Actor.MayManage(target, Roles);
        return mayManage.Succeeded ? Result<StoredMembership>.Ok(target) : Result<StoredMembership>.Failed(mayManage.Error);
    }

    private Result<StoredMembership> OnManaged(MembershipId membershipId, Func<MembershipLifecycle, Result> fire)
    {
        var target = Managed(membershipId);
        return target.Succeeded ? Done(membershipId, fire(Lifecycle(membershipId))) : target;
    }

    private Result<StoredMembership> Done(MembershipId membershipId, Result fired) =>
        fired.Succeeded ? Result<StoredMembership>.Ok(Current.Memberships[membershipId]) : Result<StoredMembership>.Failed(fired.Error);
}
