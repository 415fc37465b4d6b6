namespace TeamAccess.Domain;

/// <content>The ownership verbs: offer the guardian role, accept, decline, withdraw; and the rule that an offer dies with a change to either membership.</content>
internal sealed partial class TeamAggregate
{
    /// <summary>
    /// A guardian offers the guardian role to another Active member. The team keeps at most one open offer; an expired one
    /// is closed (and audited so) before the new one is made.
    /// </summary>
    public Result<OwnershipOffer> OfferOwnership(MembershipId to, bool keepRole, TimeSpan lifetime)
    {
        if (!Actor.IsGuardian)
        {
            return Result<OwnershipOffer>.Failed(TeamAccessErrorCode.GuardianRequired);
        }

        if (!Current.Memberships.TryGetValue(to, out var target) || target.Status.IsTerminal())
        {
            return Result<OwnershipOffer>.Failed(TeamAccessErrorCode.NotFound);
        }

        if (target.Id == Actor.Membership!.Id || (Roles.TryGet(target.Role, out var role) && role.IsGuardian))
        {
            return Result<OwnershipOffer>.Failed(TeamAccessErrorCode.NoChange);
        }

        if (target.Status != MembershipStatus.Active)
        {
            return Result<OwnershipOffer>.Failed(TeamAccessErrorCode.InvalidTransition);
        }

        if (target.IsServiceAccount)
        {
            return Result<OwnershipOffer>.Failed(TeamAccessErrorCode.GuardianRoleNotForServiceAccounts);
        }

        var offer = new OwnershipOffer(OwnershipOfferId.New(), Actor.Membership.Id, to, keepRole, Now, Now + lifetime);
        var offered = Offers.Offer(offer);
        return offered.Succeeded ? Result<OwnershipOffer>.Ok(offer) : Result<OwnershipOffer>.Failed(offered.Error);
    }

    /// <summary>
    /// The member the offer was made to takes the guardian role; then the offerer steps down to the highest-ranked role
    /// below it, unless the offer kept their role (or the catalog has no role below it). The new guardian is made first,
    /// so the offerer's step down never meets the last-guardian guard.
    /// </summary>
    public Result<StoredMembership> AcceptOwnership(OwnershipOfferId offerId)
    {
        var answered = Answerable(offerId);
        if (!answered.TryGetValue(out var offer))
        {
            return Result<StoredMembership>.Failed(answered.Error!);
        }

        var closed = Offers.Accept();
        if (!closed.Succeeded)
        {
            return Result<StoredMembership>.Failed(closed.Error);
        }

        var promoted = Lifecycle(offer.To).ChangeRole(Roles.Guardian);
        if (!promoted.Succeeded)
        {
            return Result<StoredMembership>.Failed(promoted.Error);
        }

        if (!offer.KeepRole && Roles.Catalog.Roles.FirstOrDefault(r => !r.IsGuardian) is { } below)
        {
            var stepped = Lifecycle(offer.From).ChangeRole(below);
            if (!stepped.Succeeded)
            {
                return Result<StoredMembership>.Failed(stepped.Error);
            }
        }

        return Result<StoredMembership>.Ok(Current.Memberships[offer.To]);
    }

    /// <summary>The member the offer was made to declines it; nothing else changes.</summary>
    public Result<OwnershipOffer> DeclineOwnership(OwnershipOfferId offerId)
    {
        var answered = Answerable(offerId);
        if (!answered.Succeeded)
        {
            return answered;
        }

        var closed = Offers.Decline();
        return closed.Succeeded ? answered : Result<OwnershipOffer>.Failed(closed.Error);
    }

    /// <summary>The offerer withdraws their offer, open or expired.</summary>
    public Result<OwnershipOffer> WithdrawOwnership()
    {
        if (Current.Team.OwnershipOffer is not { } offer || offer.From != Actor.Membership!.Id)
        {
            return Result<OwnershipOffer>.Failed(TeamAccessErrorCode.OwnershipOfferNotFound);
        }

        var closed = Offers.Withdraw();
        return closed.Succeeded ? Result<OwnershipOffer>.Ok(offer) : Result<OwnershipOffer>.Failed(closed.Error);
    }

    /// <summary>
    /// The team's offer that the actor may answer: made to the actor's own membership, and the one named (whether it is
    /// still open is the machine's guard). An offer whose offerer no longer holds the guardian role Actively cannot be
    /// answered either (a change to the offerer's membership closes it anyway: see <see cref="CloseOfferOnChange"/>).
    /// </summary>
    private Result<OwnershipOffer> Answerable(OwnershipOfferId offerId)
    {
        if (Current.Team.OwnershipOffer is not { } offer || offer.Id != offerId || offer.To != Actor.Membership!.Id || Actor.Role is null
            || !Current.Memberships.TryGetValue(offer.From, out var from) || from.Status != MembershipStatus.Active
            || !Roles.TryGet(from.Role, out var fromRole) || !fromRole.IsGuardian)
        {
            return Result<OwnershipOffer>.Failed(TeamAccessErrorCode.OwnershipOfferNotFound);
        }

        return Result<OwnershipOffer>.Ok(offer);
    }

    /// <summary>
    /// An offer is made between two memberships as they were: a change of either one's role or status (a role change, a
    /// deactivation, a removal, leaving, a deleted account) closes it, in the same write and with its own event.
    /// </summary>
    private void CloseOfferOnChange(StoredMembership? before, StoredMembership after)
    {
        if (Current.Team.OwnershipOffer is { } offer && (after.Id == offer.From || after.Id == offer.To)
            && (before is null || before.Role != after.Role || before.Status != after.Status))
        {
            Offers.Cancel();
        }
    }

    private OwnershipOfferLifecycle Offers => new(this);

    private void SetOffer(OwnershipOffer? offer, string action) => SetTeam(Current.Team with { OwnershipOffer = offer }, action);
}
