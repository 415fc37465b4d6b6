using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeamAccess.Events;
using TeamAccess.Hosting;
using TeamAccess.Invitations;

namespace TeamAccess.Tests;

/// <summary>
/// Security review 3, found by trying: an invitation or ownership offer that expires untouched is an event at about its
/// expiry time, emitted once across instances, by a sweep that reads only what is due.
/// </summary>
public sealed class ExpirySweeperTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public async Task SweepOnceAsync_AnInvitationPastItsExpiry_IsExpiredOnceWithItsEvent()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var invited = (await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("late@example.com", RolePresets.Member))).Value!;
        var sweeper = bed.Services.GetRequiredService<ExpirySweeper>();

        // Not before its time ...
        bed.Time.Advance(Week - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await sweeper.SweepOnceAsync(CancellationToken.None));
        Assert.Empty(await ExpiriesAsync(bed, owner.Team.Id));

        // ... then once, as the host (no actor), and never again.
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sweeper.SweepOnceAsync(CancellationToken.None));
        Assert.Equal(0, await sweeper.SweepOnceAsync(CancellationToken.None));

        var expired = Assert.Single(await ExpiriesAsync(bed, owner.Team.Id));
        Assert.Equal((AuditActions.InvitationExpired, invited.Outcomes[0].MembershipId!.Value.Value, (UserId?)null), (expired.Action, expired.SubjectId, expired.ActorId));
        Assert.IsType<InvitationExpiredEvent>(TeamAccessEvent.From(expired));
        Assert.Equal(MembershipStatus.Expired, (await bed.Store.LoadAsync(owner.Team.Id, CancellationToken.None))!.Memberships[invited.Outcomes[0].MembershipId!.Value].Status);

        // The link now says what happened to it, and takes no answer.
        var key = InvitationKey.FromToken(bed.Outbox.LastTo("late@example.com").Token);
        Assert.Equal(InvitationStatus.Expired, (await bed.Invitations.PeekAsync(key)).Value!.Status);
        Assert.Equal(TeamAccessErrorCode.InvitationExpired, (await bed.Invitations.DeclineAsync(key)).Code);
    }

    [Fact]
    public async Task SweepOnceAsync_AnOwnershipOfferPastItsExpiry_IsClosedAsExpiredAndCanNoLongerBeAccepted()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Value!;
        var sweeper = bed.Services.GetRequiredService<ExpirySweeper>();

        bed.Time.Advance(Week);
        Assert.Equal(1, await sweeper.SweepOnceAsync(CancellationToken.None));

        var expired = Assert.Single(await ExpiriesAsync(bed, crew.TeamId));
        Assert.IsType<OwnershipOfferExpiredEvent>(TeamAccessEvent.From(expired));
        Assert.Null((await bed.Store.LoadAsync(crew.TeamId, CancellationToken.None))!.Team.OwnershipOffer);
        Assert.False((await bed.Ownership.AcceptAsync(crew[0], crew.TeamId, offer.Id)).Succeeded);
        Assert.Equal(RolePresets.Member, (await bed.Store.LoadAsync(crew.TeamId, CancellationToken.None))!.Memberships[crew.MembershipOf(0)].Role);
    }

    [Fact]
    public async Task SweepOnceAsync_ManyTeamsBeyondOneBatch_ClosesEveryOne_AndLeavesADeletedTeamAlone()
    {
        await using var bed = TestBed.Create(o => o.Invitations.ExpirySweepBatchSize = 2);
        var teams = new List<TeamId>();
        for (var i = 0; i < 5; i++)
        {
            var owner = await bed.SignUpAsync();
            Assert.True((await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText($"a{i}@example.com b{i}@example.com", RolePresets.Member))).Succeeded);
            teams.Add(owner.Team.Id);
        }

        var gone = await bed.SignUpAsync();
        Assert.True((await bed.Invitations.InviteAsync(gone.User.Id, gone.Team.Id, InviteRequest.FromText("gone@example.com", RolePresets.Member))).Succeeded);
        Assert.True((await bed.Teams.DeleteAsync(gone.User.Id, gone.Team.Id)).Succeeded);

        bed.Time.Advance(Week);
        Assert.Equal(10, await bed.Services.GetRequiredService<ExpirySweeper>().SweepOnceAsync(CancellationToken.None));

        foreach (var team in teams)
        {
            Assert.Equal(2, (await ExpiriesAsync(bed, team)).Count);
        }

        Assert.Empty(await ExpiriesAsync(bed, gone.Team.Id));
        Assert.Empty(await bed.Services.GetRequiredService<IExpiryStore>().ListTeamsWithExpiredAsync(bed.Time.GetUtcNow(), 10, CancellationToken.None));
    }

    [Fact]
    public async Task SweepOnceAsync_TwoInstancesAtOnce_RecordEachExpiryOnce()
    {
        await using var bed = TestBed.Create();
        await using var sibling = bed.Sibling();
        var owner = await bed.SignUpAsync();
        Assert.True((await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("a@example.com b@example.com c@example.com", RolePresets.Member))).Succeeded);
        bed.Time.Advance(Week);

        var sweeps = await Task.WhenAll(
            Task.Run(async () => await bed.Services.GetRequiredService<ExpirySweeper>().SweepOnceAsync(CancellationToken.None)),
            Task.Run(async () => await sibling.Services.GetRequiredService<ExpirySweeper>().SweepOnceAsync(CancellationToken.None)));

        Assert.Equal(3, sweeps.Sum());
        Assert.Equal(3, (await ExpiriesAsync(bed, owner.Team.Id)).Count);
    }

    [Fact]
    public async Task TheHostedSweep_RunsEveryInterval_AndExpiresWhatBecameDue()
    {
        await using var bed = TestBed.Create(o => o.Invitations.ExpirySweepInterval = TimeSpan.FromMinutes(1));
        var owner = await bed.SignUpAsync();
        Assert.True((await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("late@example.com", RolePresets.Member))).Succeeded);
        var sweeper = bed.Services.GetRequiredService<ExpirySweeper>();
        var hosted = bed.Services.GetServices<IHostedService>().OfType<ExpirySweeper>().Single();
        Assert.Same(sweeper, hosted);

        // Each time the loop has swept and waits, the test moves the clock on by one interval; a week later the
        // invitation is due and the loop, not the test, expires it.
        var expired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waits = 0;
        sweeper.Waiting += () =>
        {
            if (bed.Store.LoadAsync(owner.Team.Id, CancellationToken.None).AsTask().Result!.Memberships.Values.Any(m => m.Status == MembershipStatus.Expired))
            {
                expired.TrySetResult();
                return;
            }

            Interlocked.Increment(ref waits);
            _ = Task.Run(() => bed.Time.Advance(TimeSpan.FromHours(12)));
        };

        await hosted.StartAsync(CancellationToken.None);
        await expired.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await hosted.StopAsync(CancellationToken.None);

        Assert.Single(await ExpiriesAsync(bed, owner.Team.Id));
        Assert.InRange(waits, 14, 15);
    }

    private static async Task<List<AuditEvent>> ExpiriesAsync(TestBed bed, TeamId team) =>
        [.. (await bed.Store.ListAsync(team, CancellationToken.None).ToListAsync()).Where(e => e.Action is AuditActions.InvitationExpired or AuditActions.OwnershipOfferExpired)];
}
