namespace TeamAccess.Domain;

/// <content>The expiry sweep's verb: what is past its time is closed, and recorded, when the time comes.</content>
internal sealed partial class TeamAggregate
{
    /// <summary>
    /// Closes what expired on this team by <see cref="Now"/>: every invitation still Invited past its expiry (recorded
    /// as <c>invitation.expired</c>), and an ownership offer past its expiry (recorded as
    /// <c>ownership.offer_expired</c>), and every unrevoked API key past its expiry (recorded as
    /// <c>api_key.expired</c>; it stopped working at its expiry already). Each is closed once: a second sweep, on this instance or
    /// another, finds nothing due, and a sweep racing another loses the team's version check and finds nothing on retry.
    /// </summary>
    /// <returns>How many were closed.</returns>
    public Result<int> ExpireDue()
    {
        var due = Current.Memberships.Values
            .Where(m => m.Status == MembershipStatus.Invited && m.Invitation is { } invitation && Now >= invitation.ExpiresAt)
            .Select(m => m.Id)
            .ToList();
        var closed = due.Count(id => Lifecycle(id).Expire().Succeeded);
        if (Current.Team.OwnershipOffer is { } offer && !offer.IsOpenAt(Now) && Offers.Expire().Succeeded)
        {
            closed++;
        }

        // An API key that reached its expiry unrevoked is recorded once, so that the host hears of it at about its time.
        foreach (var key in Current.ApiKeys.Values.Where(k => k.IsExpiryDue(Now)).ToList())
        {
            PutApiKey(key, key with { ExpiryRecordedAt = Now }, AuditActions.ApiKeyExpired);
            closed++;
        }

        return Result<int>.Ok(closed);
    }
}
