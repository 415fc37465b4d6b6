using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Invitations;
using TeamAccess.Ownership;

// Test methods are documented by their names (Method_Scenario_Expectation), as in the repository's own test projects.
#pragma warning disable CS1591

namespace TeamAccess.Specification.Tests;

/// <content>The expiry sweep's read: which teams have a pending invitation or an open offer past its expiry.</content>
public abstract partial class StoreSpecificationTests
{
    [SkippableFact]
    public async Task ListTeamsWithExpiredAsync_PendingInvitationsAndOpenOffers_AreListedOnceDue_AndNotOnceClosedOrDeleted()
    {
        await using var bed = await CreateBedAsync();
        var expiry = bed.Services.GetRequiredService<IExpiryStore>();
        var ownership = Service<IOwnershipService>(bed.Services);

        // One team with a pending invitation (and a second one, so the team is listed once), one with an open ownership
        // offer, and a deleted team with a pending invitation.
        var inviting = await bed.SignUpAsync();
        var invited = (await bed.Invitations.InviteAsync(inviting.User.Id, inviting.Team.Id, InviteRequest.FromText("late@example.com tardy@example.com", RolePresets.Member))).Value!;
        var (offering, crew) = await bed.CrewAsync(RolePresets.Member);
        Assert.True((await ownership.OfferAsync(offering.User.Id, offering.Team.Id, crew[0].Membership.Id)).Succeeded);
        var deleted = await bed.SignUpAsync();
        Assert.True((await bed.Invitations.InviteAsync(deleted.User.Id, deleted.Team.Id, InviteRequest.FromText("gone@example.com", RolePresets.Member))).Succeeded);
        Assert.True((await bed.Teams.DeleteAsync(deleted.User.Id, deleted.Team.Id)).Succeeded);

        // Nothing is due before its time, everything due is listed once after it, and the limit holds.
        Assert.Empty(await expiry.ListTeamsWithExpiredAsync(bed.Time.GetUtcNow(), 10, CancellationToken.None));
        Assert.Empty(await expiry.ListTeamsWithExpiredAsync(bed.Time.GetUtcNow() + TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), 10, CancellationToken.None));
        var due = bed.Time.GetUtcNow() + TimeSpan.FromDays(7);
        Assert.Equal(new[] { inviting.Team.Id, offering.Team.Id }.OrderBy(t => t.Value), (await expiry.ListTeamsWithExpiredAsync(due, 10, CancellationToken.None)).OrderBy(t => t.Value));
        Assert.Single(await expiry.ListTeamsWithExpiredAsync(due, 1, CancellationToken.None));

        // Closed by the people (one invitation revoked, one still pending; the offer withdrawn): only what is still open is listed.
        Assert.True((await bed.Invitations.RevokeAsync(inviting.User.Id, inviting.Team.Id, invited.Outcomes[0].MembershipId!.Value)).Succeeded);
        Assert.True((await ownership.WithdrawAsync(offering.User.Id, offering.Team.Id)).Succeeded);
        Assert.Equal([inviting.Team.Id], await expiry.ListTeamsWithExpiredAsync(due, 10, CancellationToken.None));
        Assert.True((await bed.Invitations.RevokeAsync(inviting.User.Id, inviting.Team.Id, invited.Outcomes[1].MembershipId!.Value)).Succeeded);
        Assert.Empty(await expiry.ListTeamsWithExpiredAsync(due, 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task ListTeamsWithExpiredAsync_AnInvitationAccepted_IsNoLongerListed()
    {
        await using var bed = await CreateBedAsync();
        var expiry = bed.Services.GetRequiredService<IExpiryStore>();
        var owner = await bed.SignUpAsync();
        var guest = await bed.SignUpAsync();
        Assert.True((await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText(guest.User.Email, RolePresets.Member))).Succeeded);
        var due = bed.Time.GetUtcNow() + TimeSpan.FromDays(8);
        Assert.Equal([owner.Team.Id], await expiry.ListTeamsWithExpiredAsync(due, 10, CancellationToken.None));

        var accepted = await bed.Invitations.AcceptAsync(guest.User.Id, InvitationKey.FromToken(bed.Outbox.LastTo(guest.User.Email).Token));
        Assert.True(accepted.Succeeded, accepted.ToString());
        Assert.Empty(await expiry.ListTeamsWithExpiredAsync(due, 10, CancellationToken.None));
    }
}
