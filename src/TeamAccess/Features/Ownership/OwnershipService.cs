using Microsoft.Extensions.Options;
using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Ownership;

/// <summary>The default <see cref="IOwnershipService"/>: each step is one verb of the team aggregate.</summary>
internal sealed class OwnershipService(TeamWriter writer, IMemberQueryStore members, IOptions<TeamAccessOptions> options) : IOwnershipService
{
    public ValueTask<Result<OwnershipOffer>> OfferAsync(UserId actor, TeamId teamId, MembershipId to, bool keepRole = false, CancellationToken cancellationToken = default)
    {
        var lifetime = options.Value.Ownership.OfferLifetime;
        return writer.RunOnTeamAsync(actor, teamId, permission: null, "OfferOwnership", team => team.OfferOwnership(to, keepRole, lifetime), cancellationToken);
    }

    public ValueTask<Result<Membership>> AcceptAsync(UserId actor, TeamId teamId, OwnershipOfferId offerId, CancellationToken cancellationToken = default) =>
        writer.RunOnTeamAsync(actor, teamId, permission: null, "AcceptOwnership", team => team.AcceptOwnership(offerId), cancellationToken).AsView();

    public async ValueTask<Result> DeclineAsync(UserId actor, TeamId teamId, OwnershipOfferId offerId, CancellationToken cancellationToken = default) =>
        await writer.RunOnTeamAsync(actor, teamId, permission: null, "DeclineOwnership", team => team.DeclineOwnership(offerId), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Result> WithdrawAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default) =>
        await writer.RunOnTeamAsync(actor, teamId, permission: null, "WithdrawOwnership", team => team.WithdrawOwnership(), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Result<OwnershipOffer>> GetOfferAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default)
    {
        // The team row carries the offer: a read of it and the actor's membership, never the whole team.
        var found = await members.FindTeamAndCurrentMembershipAsync(teamId, actor, cancellationToken).ConfigureAwait(false);
        if (found is not var (team, membership))
        {
            return Result<OwnershipOffer>.Failed(TeamAccessErrorCode.NotFound);
        }

        var roles = await Actor.RolesForAsync(writer.Teams, writer.Roles, teamId, membership, cancellationToken).ConfigureAwait(false);
        var authorized = Actor.Authorize(team, membership, actor, permission: null, roles, out var acting);
        if (!authorized.Succeeded)
        {
            return Result<OwnershipOffer>.Failed(authorized.Error);
        }

        var offer = team.OwnershipOffer;
        var party = offer is not null && (offer.From == membership!.Id || offer.To == membership.Id);
        if (!party && !acting.Holds(Permissions.MembersRead, roles))
        {
            return Result<OwnershipOffer>.Failed(TeamAccessErrorCode.PermissionDenied);
        }

        return offer is not null && offer.IsOpenAt(writer.Time.GetUtcNow())
            ? Result<OwnershipOffer>.Ok(offer)
            : Result<OwnershipOffer>.Failed(TeamAccessErrorCode.OwnershipOfferNotFound);
    }
}
