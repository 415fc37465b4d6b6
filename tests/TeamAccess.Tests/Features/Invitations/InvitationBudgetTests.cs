using TeamAccess.Invitations;

namespace TeamAccess.Tests;

/// <summary>Invitation mail has budgets: the resend cooldown covers re-invites, and each address and each team a daily count.</summary>
public sealed class InvitationBudgetTests
{
    [Fact]
    public async Task Invite_RevokeAndReinviteInALoop_MeetsTheCooldownAndThenTheDailyBudgetOfTheAddress()
    {
        await using var bed = TestBed.Create(o => o.Invitations.MaxMessagesPerAddressPerDay = 3);
        var owner = await bed.SignUpAsync();
        var sent = 0;
        var refused = 0;

        for (var i = 0; i < 8; i++)
        {
            var invited = await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com", RolePresets.Member));
            var outcome = Assert.Single(invited.Value!.Outcomes);
            if (outcome.Kind == InviteOutcomeKind.Invited)
            {
                sent++;
                Assert.True((await bed.Invitations.RevokeAsync(owner.User.Id, owner.Team.Id, outcome.MembershipId!.Value)).Succeeded);
                var again = Assert.Single((await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com", RolePresets.Member))).Value!.Outcomes);
                Assert.Equal((InviteOutcomeKind.Refused, TeamAccessErrorCode.RateLimited), (again.Kind, again.Code));
            }
            else
            {
                refused++;
                Assert.Equal(TeamAccessErrorCode.RateLimited, outcome.Code);
            }

            bed.Time.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Equal((3, 5), (sent, refused));
        Assert.Equal(3, bed.Outbox.Sent.Count(m => m.Email == "grace@example.com"));
        bed.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(InviteOutcomeKind.Invited, Assert.Single((await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com", RolePresets.Member))).Value!.Outcomes).Kind);
    }

    [Fact]
    public async Task Invite_BatchPastTheTeamsDailyBudget_InvitesUpToItAndRefusesTheRest()
    {
        await using var bed = TestBed.Create(o => o.Invitations.MaxMessagesPerTeamPerDay = 3);
        var owner = await bed.SignUpAsync();

        var invited = await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("a@example.com b@example.com c@example.com d@example.com e@example.com", RolePresets.Member));

        Assert.Equal(3, invited.Value!.Outcomes.Count(o => o.Kind == InviteOutcomeKind.Invited));
        Assert.All(invited.Value.Outcomes.Skip(3), o => Assert.Equal((InviteOutcomeKind.Refused, TeamAccessErrorCode.RateLimited), (o.Kind, o.Code)));
        Assert.Equal(3, bed.Outbox.Sent.Count);
        bed.Time.Advance(TimeSpan.FromMinutes(5));
        var pending = invited.Value.Outcomes[0].MembershipId!.Value;
        Assert.Equal(TeamAccessErrorCode.RateLimited, (await bed.Invitations.ResendAsync(owner.User.Id, owner.Team.Id, pending)).Code);
    }
}
