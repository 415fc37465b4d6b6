using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Tests;

public sealed class OwnershipServiceTests
{
    [Fact]
    public async Task Accept_OfferToAMember_MemberBecomesOwnerAndOffererAdministrator()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var own = (await bed.SnapshotAsync(crew.TeamId)).FindCurrentMembership(crew.OwnerId)!;

        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Value!;
        Assert.Equal((own.Id, crew.MembershipOf(0), false, bed.Time.GetUtcNow() + TimeSpan.FromDays(7)), (offer.From, offer.To, offer.KeepRole, offer.ExpiresAt));
        Assert.Equal(offer, (await bed.Ownership.GetOfferAsync(crew[0], crew.TeamId)).Value);
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, Permissions.TeamDelete));

        var accepted = await bed.Ownership.AcceptAsync(crew[0], crew.TeamId, offer.Id);

        Assert.True(accepted.Succeeded, accepted.ToString());
        Assert.Equal(RolePresets.Owner, accepted.Value!.Role);
        var after = await bed.SnapshotAsync(crew.TeamId);
        Assert.Equal(RolePresets.Administrator, after.Memberships[own.Id].Role);
        Assert.Null(after.Team.OwnershipOffer);
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, Permissions.TeamDelete));
        Assert.False(bed.Access.HasPermission(crew.OwnerId, crew.TeamId, Permissions.TeamDelete));
        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await bed.Ownership.GetOfferAsync(crew[0], crew.TeamId)).Code);

        var events = await bed.Store.ListAsync(crew.TeamId, CancellationToken.None).ToListAsync();
        Assert.Equal(
            [AuditActions.OwnershipOffered, AuditActions.OwnershipOfferAccepted, AuditActions.MembershipRoleChanged, AuditActions.MembershipRoleChanged],
            events.Skip(events.FindIndex(e => e.Action == AuditActions.OwnershipOffered)).Select(e => e.Action));
        AuditAssert.ReplayEquals(after, events);
    }

    [Fact]
    public async Task Accept_OfferThatKeepsTheRole_LeavesTwoOwners()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);
        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0), keepRole: true)).Value!;

        Assert.True((await bed.Ownership.AcceptAsync(crew[0], crew.TeamId, offer.Id)).Succeeded);

        Assert.Equal(2, TeamAggregate.CountActiveGuardians(await bed.SnapshotAsync(crew.TeamId), bed.Roles));
    }

    [Fact]
    public async Task Accept_AdministratorViewerPreset_OffererTakesTheRoleBelowTheGuardian()
    {
        await using var bed = TestBed.Create(o => o.Roles.UsePreset(RolePresets.AdministratorViewer));
        var crew = await bed.CrewAsync(RolePresets.Viewer);
        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Value!;

        Assert.True((await bed.Ownership.AcceptAsync(crew[0], crew.TeamId, offer.Id)).Succeeded);

        var after = await bed.SnapshotAsync(crew.TeamId);
        Assert.Equal(RolePresets.Viewer, after.FindCurrentMembership(crew.OwnerId)!.Role);
        Assert.Equal(RolePresets.Administrator, after.Memberships[crew.MembershipOf(0)].Role);
    }

    [Fact]
    public async Task Decline_ByTheMember_ChangesNoRoleAndClosesTheOffer()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Value!;

        Assert.True((await bed.Ownership.DeclineAsync(crew[0], crew.TeamId, offer.Id)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await bed.Ownership.AcceptAsync(crew[0], crew.TeamId, offer.Id)).Code);
        var after = await bed.SnapshotAsync(crew.TeamId);
        Assert.Null(after.Team.OwnershipOffer);
        Assert.Equal((RolePresets.Owner, RolePresets.Member), (after.FindCurrentMembership(crew.OwnerId)!.Role, after.Memberships[crew.MembershipOf(0)].Role));
        Assert.Contains(await bed.Store.ListAsync(crew.TeamId, CancellationToken.None).ToListAsync(), e => e.Action == AuditActions.OwnershipOfferDeclined);
    }

    [Fact]
    public async Task Withdraw_ByTheOfferer_ClosesTheOffer_AndNobodyElseMayWithdrawIt()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Owner);
        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Value!;

        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await bed.Ownership.WithdrawAsync(crew[0], crew.TeamId)).Code);
        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await bed.Ownership.WithdrawAsync(crew[1], crew.TeamId)).Code);
        Assert.True((await bed.Ownership.WithdrawAsync(crew.OwnerId, crew.TeamId)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await bed.Ownership.AcceptAsync(crew[0], crew.TeamId, offer.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await bed.Ownership.WithdrawAsync(crew.OwnerId, crew.TeamId)).Code);
        Assert.Contains(await bed.Store.ListAsync(crew.TeamId, CancellationToken.None).ToListAsync(), e => e.Action == AuditActions.OwnershipOfferWithdrawn);
    }

    [Fact]
    public async Task Accept_AfterTheOfferExpired_IsOwnershipOfferExpired_AndANewOfferReplacesIt()
    {
        await using var bed = TestBed.Create(o => o.Ownership.OfferLifetime = TimeSpan.FromDays(2));
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Member);
        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Value!;
        Assert.Equal(bed.Time.GetUtcNow() + TimeSpan.FromDays(2), offer.ExpiresAt);

        bed.Time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(TeamAccessErrorCode.OwnershipOfferExpired, (await bed.Ownership.AcceptAsync(crew[0], crew.TeamId, offer.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.OwnershipOfferExpired, (await bed.Ownership.DeclineAsync(crew[0], crew.TeamId, offer.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await bed.Ownership.GetOfferAsync(crew.OwnerId, crew.TeamId)).Code);
        Assert.Equal(RolePresets.Member, (await bed.SnapshotAsync(crew.TeamId)).Memberships[crew.MembershipOf(0)].Role);

        var second = await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(1));

        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal(second.Value, (await bed.SnapshotAsync(crew.TeamId)).Team.OwnershipOffer);
        var actions = (await bed.Store.ListAsync(crew.TeamId, CancellationToken.None).ToListAsync()).Select(e => e.Action).ToList();
        Assert.Equal([AuditActions.OwnershipOffered, AuditActions.OwnershipOfferExpired, AuditActions.OwnershipOffered], actions.Where(a => a.StartsWith("ownership.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Offer_WhileAnotherIsOpen_IsOwnershipOfferPending()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Owner, RolePresets.Member);
        Assert.True((await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Succeeded);

        Assert.Equal(TeamAccessErrorCode.OwnershipOfferPending, (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(2))).Code);
        Assert.Equal(TeamAccessErrorCode.OwnershipOfferPending, (await bed.Ownership.OfferAsync(crew[1], crew.TeamId, crew.MembershipOf(2))).Code);
    }

    [Fact]
    public async Task Offer_RefusedCases_AnswerTheirCodesAndChangeNothing()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member, RolePresets.Owner);
        var other = await bed.CrewAsync(RolePresets.Member);
        var own = (await bed.SnapshotAsync(crew.TeamId)).FindCurrentMembership(crew.OwnerId)!.Id;
        Assert.True((await bed.Members.DeactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(1))).Succeeded);
        var version = (await bed.SnapshotAsync(crew.TeamId)).Version;

        Assert.Equal(TeamAccessErrorCode.GuardianRequired, (await bed.Ownership.OfferAsync(crew[0], crew.TeamId, crew.MembershipOf(1))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidTransition, (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(1))).Code);
        Assert.Equal(TeamAccessErrorCode.NoChange, (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, own)).Code);
        Assert.Equal(TeamAccessErrorCode.NoChange, (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(2))).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, other.MembershipOf(0))).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Ownership.OfferAsync(other.OwnerId, crew.TeamId, crew.MembershipOf(0))).Code);

        Assert.Equal(version, (await bed.SnapshotAsync(crew.TeamId)).Version);
    }

    [Fact]
    public async Task Accept_BySomeoneElseOrForAnotherOffer_IsOwnershipOfferNotFound()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Administrator);
        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Value!;

        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await bed.Ownership.AcceptAsync(crew[1], crew.TeamId, offer.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await bed.Ownership.AcceptAsync(crew.OwnerId, crew.TeamId, offer.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await bed.Ownership.AcceptAsync(crew[0], crew.TeamId, OwnershipOfferId.New())).Code);
        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await bed.Ownership.DeclineAsync(crew[1], crew.TeamId, offer.Id)).Code);

        Assert.Equal(offer, (await bed.SnapshotAsync(crew.TeamId)).Team.OwnershipOffer);
    }

    [Theory]
    [InlineData("recipient role changed")]
    [InlineData("recipient deactivated")]
    [InlineData("recipient left")]
    [InlineData("offerer role changed")]
    [InlineData("offerer removed")]
    [InlineData("offerer left")]
    public async Task Accept_AfterEitherMembershipChanged_IsOwnershipOfferNotFound(string change)
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Owner);
        var own = (await bed.SnapshotAsync(crew.TeamId)).FindCurrentMembership(crew.OwnerId)!.Id;
        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Value!;

        var changed = change switch
        {
            "recipient role changed" => await bed.Members.ChangeRoleAsync(crew[1], crew.TeamId, crew.MembershipOf(0), RolePresets.Administrator),
            "recipient deactivated" => await bed.Members.DeactivateAsync(crew[1], crew.TeamId, crew.MembershipOf(0)),
            "recipient left" => await bed.Members.LeaveAsync(crew[0], crew.TeamId),
            "offerer role changed" => await bed.Members.ChangeRoleAsync(crew[1], crew.TeamId, own, RolePresets.Administrator),
            "offerer removed" => await bed.Members.RemoveAsync(crew[1], crew.TeamId, own),
            _ => await bed.Members.LeaveAsync(crew.OwnerId, crew.TeamId),
        };
        Assert.True(changed.Succeeded, changed.ToString());

        var after = await bed.SnapshotAsync(crew.TeamId);
        Assert.Null(after.Team.OwnershipOffer);
        Assert.NotEqual(TeamAccessErrorCode.None, (await bed.Ownership.AcceptAsync(crew[0], crew.TeamId, offer.Id)).Code);
        Assert.NotEqual(RolePresets.Owner, (await bed.SnapshotAsync(crew.TeamId)).Memberships[crew.MembershipOf(0)].Role);
        var events = await bed.Store.ListAsync(crew.TeamId, CancellationToken.None).ToListAsync();
        Assert.Equal(AuditActions.OwnershipOfferCancelled, events[^1].Action);
        AuditAssert.ReplayEquals(after, events);
    }

    [Fact]
    public async Task Accept_RecipientStillActiveAfterTheOffererChanged_IsOwnershipOfferNotFound()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Owner);
        var own = (await bed.SnapshotAsync(crew.TeamId)).FindCurrentMembership(crew.OwnerId)!.Id;
        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Value!;
        Assert.True((await bed.Members.DeactivateAsync(crew[1], crew.TeamId, own)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await bed.Ownership.AcceptAsync(crew[0], crew.TeamId, offer.Id)).Code);
    }

    [Fact]
    public async Task EndSessions_OfTheRecipient_KeepsTheOffer()
    {
        // Only a change of role or status closes an offer; a new security stamp alone (sessions ended, as when an
        // unconfirmed account is taken over through the host's provider) is no change to what was offered.
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Value!;
        var loaded = await bed.SnapshotAsync(crew.TeamId);

        var team = new ChangeSetBuilder(null, bed.Time.GetUtcNow(), bed.Roles).Edit(loaded);
        team.EndSessions(crew.MembershipOf(0));

        Assert.NotEqual(loaded.Memberships[crew.MembershipOf(0)].SecurityStamp, team.Current.Memberships[crew.MembershipOf(0)].SecurityStamp);
        Assert.Equal(offer, team.Current.Team.OwnershipOffer);
    }

    [Fact]
    public async Task UpdateNames_OfTheRecipient_KeepsTheOffer()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Value!;

        Assert.True((await bed.Members.UpdateNamesAsync(crew[0], crew.TeamId, crew.MembershipOf(0), "New", "Name")).Succeeded);

        Assert.Equal(offer, (await bed.SnapshotAsync(crew.TeamId)).Team.OwnershipOffer);
    }

    [Fact]
    public async Task Leave_SoleGuardian_IsLastGuardianNamingTheTransfer_AndLeavesAfterIt()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        var refused = await bed.Members.LeaveAsync(crew.OwnerId, crew.TeamId);

        Assert.Equal(TeamAccessErrorCode.LastGuardian, refused.Code);
        Assert.Equal([TeamAccessError.TransferOwnershipFirst], refused.Error!.Details);
        Assert.Contains("transfer ownership first", refused.Error.Message, StringComparison.Ordinal);
        var own = (await bed.SnapshotAsync(crew.TeamId)).FindCurrentMembership(crew.OwnerId)!.Id;
        Assert.Equal([TeamAccessError.TransferOwnershipFirst], (await bed.Members.RemoveAsync(crew.OwnerId, crew.TeamId, own)).Error!.Details);

        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Value!;
        Assert.True((await bed.Ownership.AcceptAsync(crew[0], crew.TeamId, offer.Id)).Succeeded);
        var left = await bed.Members.LeaveAsync(crew.OwnerId, crew.TeamId);

        Assert.True(left.Succeeded, left.ToString());
        Assert.Equal(1, TeamAggregate.CountActiveGuardians(await bed.SnapshotAsync(crew.TeamId), bed.Roles));
    }

    [Fact]
    public async Task GetOffer_PartiesAndReaders_SeeIt_OutsidersDoNot()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Observer);
        var outsider = await bed.SignUpAsync();
        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await bed.Ownership.GetOfferAsync(crew.OwnerId, crew.TeamId)).Code);
        var offer = (await bed.Ownership.OfferAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Value!;

        Assert.Equal(offer, (await bed.Ownership.GetOfferAsync(crew.OwnerId, crew.TeamId)).Value);
        Assert.Equal(offer, (await bed.Ownership.GetOfferAsync(crew[1], crew.TeamId)).Value);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Ownership.GetOfferAsync(outsider.User.Id, crew.TeamId)).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Ownership.GetOfferAsync(crew.OwnerId, TeamId.New())).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31 * 24)]
    public async Task Start_WithAnOfferLifetimeOutsideItsBounds_FailsValidation(int hours)
    {
        var services = new ServiceCollection();
        services.AddTeamAccess(o => o.Ownership.OfferLifetime = TimeSpan.FromHours(hours)).AddInMemoryStores();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TeamAccessOptions>>().Value);
        Assert.Contains("Ownership.OfferLifetime", error.Message, StringComparison.Ordinal);
    }
}
