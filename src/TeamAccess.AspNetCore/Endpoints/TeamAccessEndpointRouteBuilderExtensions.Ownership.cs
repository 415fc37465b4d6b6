using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TeamAccess;
using TeamAccess.AspNetCore;
using TeamAccess.Ownership;

namespace Microsoft.AspNetCore.Routing;

/// <content>
/// The two-step hand-over of the guardian role (<see cref="IOwnershipService"/>). Each route needs only the session's
/// team: who may offer, answer or see an offer is the service's rule (an Active guardian offers and withdraws, the member
/// it was made to answers), and its refusals say which.
/// </content>
public static partial class TeamAccessEndpointRouteBuilderExtensions
{
    private static void MapOwnership(RouteGroupBuilder team)
    {
        team.MapGet("/ownership-offer", async (ClaimsPrincipal principal, IOwnershipService ownership, CancellationToken ct) =>
            (await ownership.GetOfferAsync(principal.UserId(), principal.TeamId(), ct).ConfigureAwait(false)).ToHttpResult(OwnershipOfferResponse.From))
            .RequireSessionTeam()
            .Describe<OwnershipOfferResponse>("OwnershipOffer", "The team's open ownership offer (its offerer and the member it was made to always see it; others need members.read); OwnershipOfferNotFound when none is open.");

        team.MapPost("/ownership-offer", async (OwnershipOfferBody body, HttpContext http, ClaimsPrincipal principal, IOwnershipService ownership, CancellationToken ct) =>
                !TryReadId(body.MembershipId, "membershipId", out var to, out var refusal) ? refusal
                    : await StepUp.RefusalAsync(http).ConfigureAwait(false)
                        ?? (await ownership.OfferAsync(principal.UserId(), principal.TeamId(), new MembershipId(to), body.KeepRole ?? false, ct).ConfigureAwait(false)).ToHttpResult(OwnershipOfferResponse.From))
            .RequireSessionTeam()
            .Describe<OwnershipOfferResponse>("OfferOwnership", "An Active guardian offers the guardian role to an Active member (keepRole: the offerer keeps it once accepted); one open offer per team. A dangerous action: RecentSecondFactorRequired (or SecondFactorEnrolmentRequired) unless this session proved a second factor within the step-up window.");

        team.MapPost("/ownership-offer/accept", async (OwnershipAnswerBody body, HttpContext http, ClaimsPrincipal principal, IOwnershipService ownership, CancellationToken ct) =>
                !TryReadId(body.OfferId, "offerId", out var offer, out var refusal) ? refusal
                    : await StepUp.RefusalAsync(http).ConfigureAwait(false)
                        ?? (await ownership.AcceptAsync(principal.UserId(), principal.TeamId(), new OwnershipOfferId(offer), ct).ConfigureAwait(false)).ToHttpResult(MemberResponse.From))
            .RequireSessionTeam()
            .Describe<MemberResponse>("AcceptOwnership", "The member the offer was made to accepts it and holds the guardian role; the offerer steps down unless the offer said otherwise. A dangerous action: it needs a second factor within the step-up window, as offering does.");

        team.MapPost("/ownership-offer/decline", async (OwnershipAnswerBody body, ClaimsPrincipal principal, IOwnershipService ownership, CancellationToken ct) =>
                TryReadId(body.OfferId, "offerId", out var offer, out var refusal)
                    ? (await ownership.DeclineAsync(principal.UserId(), principal.TeamId(), new OwnershipOfferId(offer), ct).ConfigureAwait(false)).ToHttpResult()
                    : refusal)
            .RequireSessionTeam()
            .Describe("DeclineOwnership", "The member the offer was made to declines it; nothing else changes.");

        team.MapDelete("/ownership-offer", async (ClaimsPrincipal principal, IOwnershipService ownership, CancellationToken ct) =>
            (await ownership.WithdrawAsync(principal.UserId(), principal.TeamId(), ct).ConfigureAwait(false)).ToHttpResult())
            .RequireSessionTeam()
            .Describe("WithdrawOwnershipOffer", "The guardian who made the offer withdraws it (open or expired).");
    }
}
