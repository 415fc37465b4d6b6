namespace TeamAccess.Domain;

/// <content>The invitation verbs: invite, resend, revoke, accept, decline, expire, and the record of a code's try.</content>
internal sealed partial class TeamAggregate
{
    /// <summary>
    /// Invites a batch of addresses (invariant 4): each address gets its own outcome, a refused one does not stop the
    /// others. An expired invitation of an address gives way: it is closed as Expired and the address is invited anew.
    /// </summary>
    public InviteBatch Invite(IEnumerable<string?> addresses, Role role, TimeSpan lifetime, InvitationOptions options, MembershipOrigin origin = MembershipOrigin.Team, string? externalId = null)
    {
        var outcomes = new List<InviteOutcome>();
        var issued = new List<IssuedInvitation>();
        var mayGive = Actor.MayGive(role);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var budget = SendBudget.Of(Current, Now);
        foreach (var given in addresses)
        {
            var address = given ?? string.Empty;
            if (!EmailAddress.TryNormalize(given, out var email))
            {
                outcomes.Add(new InviteOutcome(address, InviteOutcomeKind.InvalidEmail, TeamAccessErrorCode.InvalidEmail, null, null, null));
                continue;
            }

            if (!mayGive.Succeeded)
            {
                outcomes.Add(new InviteOutcome(address, InviteOutcomeKind.Refused, mayGive.Code, email, null, null));
                continue;
            }

            if (Current.FindCurrentMembershipByEmail(email) is { Status: MembershipStatus.Invited } pending)
            {
                Lifecycle(pending.Id).Expire();
            }

            var taken = seen.Add(email) ? NotYetMember(null, email) : TeamAccessErrorCode.AlreadyInvited;
            if (taken is not TeamAccessErrorCode.None)
            {
                var kind = taken == TeamAccessErrorCode.AlreadyInvited ? InviteOutcomeKind.AlreadyInvited : InviteOutcomeKind.AlreadyMember;
                outcomes.Add(new InviteOutcome(address, kind, taken, email, null, null));
                continue;
            }

            if (!budget.TrySpend(email, Now, options))
            {
                outcomes.Add(new InviteOutcome(address, InviteOutcomeKind.Refused, TeamAccessErrorCode.RateLimited, email, null, null));
                continue;
            }

            var invitation = new Invitation(Now + lifetime, Now, 1, lifetime);
            var membership = new StoredMembership(MembershipId.New(), Id, null, email, role.Name, MembershipStatus.Invited, Now)
            {
                CreatedBy = Actor.CreatedBy,
                Invitation = invitation,
                Origin = origin,
                ExternalId = externalId,
            };
            var secret = InvitationSecrets.Issue(Id, membership.Id);
            PutMembership(membership, AuditActions.MembershipInvited);
            PutInvitationSecret(membership.Id, secret.Secret);
            issued.Add(new IssuedInvitation(Current.Team, Current.Memberships[membership.Id], secret));
            outcomes.Add(new InviteOutcome(address, InviteOutcomeKind.Invited, TeamAccessErrorCode.None, email, membership.Id, invitation.ExpiresAt));
        }

        return new InviteBatch(outcomes, issued);
    }

    /// <summary>Sends a pending invitation again, within the cooldown and the send budget: a new secret and a new expiry.</summary>
    public Result<IssuedInvitation> Resend(MembershipId membershipId, InvitationOptions options)
    {
        var target = Invited(membershipId);
        if (!target.TryGetValue(out var membership))
        {
            return Result<IssuedInvitation>.Failed(target.Error!);
        }

        if (Now < membership.Invitation!.LastSentAt + options.ResendCooldown || !SendBudget.Of(Current, Now).TrySpend(membership.Email, Now, options))
        {
            return Result<IssuedInvitation>.Failed(TeamAccessErrorCode.RateLimited);
        }

        var lifecycle = Lifecycle(membershipId);
        var resent = lifecycle.Resend();
        return resent.Succeeded
            ? Result<IssuedInvitation>.Ok(new IssuedInvitation(Current.Team, Current.Memberships[membershipId], lifecycle.Issued!))
            : Result<IssuedInvitation>.Failed(resent.Error);
    }

    public Result<StoredMembership> Revoke(MembershipId membershipId)
    {
        var target = Invited(membershipId);
        return target.Succeeded ? Done(membershipId, Lifecycle(membershipId).Revoke(AuditActions.InvitationRevoked)) : target;
    }

    /// <summary>
    /// Invited to Active with the invited role, if the inviter still holds the right to give that role (invariant 15)
    /// and the user has no other current membership in the team. The machine refuses an expired invitation.
    /// </summary>
    public Result<StoredMembership> Accept(MembershipId membershipId, UserId userId)
    {
        if (Current.FindCurrentMembership(userId) is { } other && other.Id != membershipId)
        {
            return Result<StoredMembership>.Failed(TeamAccessErrorCode.AlreadyMember);
        }

        if (!InviterMayStillGive(Current.Memberships[membershipId]))
        {
            return Result<StoredMembership>.Failed(TeamAccessErrorCode.InviterLostRight);
        }

        return Done(membershipId, Lifecycle(membershipId).Accept(userId));
    }

    public Result<StoredMembership> Decline(MembershipId membershipId) =>
        Done(membershipId, Lifecycle(membershipId).Decline(AuditActions.InvitationDeclined));

    /// <summary>Why an invitation cannot be acted on now (deleted team, settled, expired), or <see cref="TeamAccessErrorCode.None"/>.</summary>
    public TeamAccessErrorCode StateRefusal(MembershipId membershipId) => StateRefusalOf(Current.Team, Current.Memberships[membershipId], Now);

    /// <summary>The same answer as <see cref="StateRefusal(MembershipId)"/>, on a team read apart from the aggregate.</summary>
    internal static TeamAccessErrorCode StateRefusalOf(Team team, StoredMembership membership, DateTimeOffset now)
    {
        if (team.Status == TeamStatus.Deleted)
        {
            return TeamAccessErrorCode.TeamDeleted;
        }

        return InvitationStatusOf(membership, now) switch
        {
            InvitationStatus.Accepted => TeamAccessErrorCode.InvitationAlreadyAccepted,
            InvitationStatus.Declined => TeamAccessErrorCode.InvitationDeclined,
            InvitationStatus.Revoked => TeamAccessErrorCode.InvitationRevoked,
            InvitationStatus.Expired => TeamAccessErrorCode.InvitationExpired,
            _ => TeamAccessErrorCode.None,
        };
    }

    /// <summary>
    /// Where an invitation stands, read off its membership's lifecycle state: accepted once it was, else its Removed
    /// substate (Declined, Revoked), Expired, or Invited (pending until its expiry passes).
    /// </summary>
    internal static InvitationStatus InvitationStatusOf(StoredMembership membership, DateTimeOffset now)
    {
        if (membership.Invitation is { AcceptedAt: not null })
        {
            return InvitationStatus.Accepted;
        }

        return MembershipLifecycle.StateOf(membership) switch
        {
            MembershipLifecycle.State.Declined => InvitationStatus.Declined,
            MembershipLifecycle.State.Revoked or MembershipLifecycle.State.Removed => InvitationStatus.Revoked,
            MembershipLifecycle.State.Expired => InvitationStatus.Expired,
            _ when membership.Invitation is { } invitation && now >= invitation.ExpiresAt => InvitationStatus.Expired,
            _ => InvitationStatus.Pending,
        };
    }

    /// <summary>Only a pending invitation of the team, for a role the actor may manage and give, can be resent or revoked.</summary>
    private Result<StoredMembership> Invited(MembershipId membershipId)
    {
        if (!Current.Memberships.TryGetValue(membershipId, out var target) || target.Status.IsTerminal() || target.Invitation is null)
        {
            return Result<StoredMembership>.Failed(TeamAccessErrorCode.NotFound);
        }

        if (target.Status != MembershipStatus.Invited)
        {
            return Result<StoredMembership>.Failed(TeamAccessErrorCode.InvalidTransition);
        }

        var allowed = Actor.MayManage(target, Roles);
        if (allowed.Succeeded && Roles.TryGet(target.Role, out var role))
        {
            allowed = Actor.MayGive(role);
        }

        return allowed.Succeeded ? Result<StoredMembership>.Ok(target) : Result<StoredMembership>.Failed(allowed.Error);
    }

    private bool InviterMayStillGive(StoredMembership target)
    {
        if (target.CreatedBy is not { } inviterId || !Roles.TryGet(target.Role, out var role))
        {
            return false;
        }

        return Actor.Authorize(Current, inviterId, Permissions.MembersInvite, Roles.Catalog, out var inviter).Succeeded && inviter.MayGive(role).Succeeded;
    }
}
