namespace TeamAccess.Ownership;

/// <summary>
/// Hands a team's guardian role over in two steps, so that it never goes to the wrong person and the team never lacks an
/// Active guardian (invariant 1): a guardian offers it to an Active member, and that member accepts or declines. On
/// accept the member becomes a guardian and the offerer takes the highest-ranked role below the guardian role, unless
/// the offer let them keep it. An offer expires (<see cref="OwnershipOptions.OfferLifetime"/>), is withdrawn by its
/// offerer, and dies when either membership changes role or status or ends. A team has at most one open offer. Every
/// step is audited (<c>ownership.offered</c> and the ones after it).
/// </summary>
public interface IOwnershipService
{
    /// <summary>
    /// Offers the guardian role to an Active member of the team. The actor must be an Active guardian of the team. An
    /// expired offer is replaced; an open one must be withdrawn first.
    /// </summary>
    /// <param name="actor">The offering guardian.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="to">The membership offered the role.</param>
    /// <param name="keepRole">Whether the offerer keeps the guardian role once the offer is accepted.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The offer; or NotFound (no such team or membership), TeamDeleted, GuardianRequired, InvalidTransition (the member is
    /// not Active), NoChange (the member already holds the guardian role, or is the actor), OwnershipOfferPending.
    /// </returns>
    ValueTask<Result<OwnershipOffer>> OfferAsync(UserId actor, TeamId teamId, MembershipId to, bool keepRole = false, CancellationToken cancellationToken = default);

    /// <summary>Accepts the offer made to the actor: the actor becomes a guardian of the team, and the offerer steps down unless the offer said otherwise.</summary>
    /// <param name="actor">The member the offer was made to.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="offerId">The offer, as the actor saw it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The actor's membership, now holding the guardian role; or NotFound, TeamDeleted, OwnershipOfferNotFound, OwnershipOfferExpired.</returns>
    ValueTask<Result<Membership>> AcceptAsync(UserId actor, TeamId teamId, OwnershipOfferId offerId, CancellationToken cancellationToken = default);

    /// <summary>Declines the offer made to the actor; nothing else changes.</summary>
    /// <param name="actor">The member the offer was made to.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="offerId">The offer, as the actor saw it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; or NotFound, TeamDeleted, OwnershipOfferNotFound, OwnershipOfferExpired.</returns>
    ValueTask<Result> DeclineAsync(UserId actor, TeamId teamId, OwnershipOfferId offerId, CancellationToken cancellationToken = default);

    /// <summary>Withdraws the actor's own offer (open or expired).</summary>
    /// <param name="actor">The guardian who made the offer.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; or NotFound, TeamDeleted, OwnershipOfferNotFound.</returns>
    ValueTask<Result> WithdrawAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the team's open offer. Its offerer and the member it was made to always see it; another member needs
    /// <c>members.read</c>. An expired offer is not open.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The offer; or NotFound, TeamDeleted, PermissionDenied, OwnershipOfferNotFound (no open offer).</returns>
    ValueTask<Result<OwnershipOffer>> GetOfferAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);
}
