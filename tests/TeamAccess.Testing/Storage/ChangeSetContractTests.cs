using TeamAccess.Domain;
using TeamAccess.Invitations;
using TeamAccess.Writes;

namespace TeamAccess.Testing;

/// <summary>
/// The store contract's cases that commit a change set the services never produce on their own (a handle or email
/// taken between load and commit, the same version saved twice, a login or membership of a user that does not exist).
/// They build it with the core's internal <c>ChangeSetBuilder</c>, which the shipped specification suite cannot see, so
/// they stay here, run by the same three stores, until a store author can describe a write through public API.
/// </summary>
public abstract class ChangeSetContractTests : StoreSpecificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task CommitAsync_AuditEvents_GetIncreasingSequencesAndTheLastIsReturned()
    {
        await using var bed = await CreateBedAsync();
        var first = await bed.ChangeStore.CommitAsync(NewUserAndTeam("a@example.com", "team-a"), CancellationToken.None);
        var second = await bed.ChangeStore.CommitAsync(NewUserAndTeam("b@example.com", "team-b"), CancellationToken.None);

        Assert.True(first.Succeeded && second.Succeeded, $"{first} {second}");
        Assert.True(second.Value > first.Value);
        var teamB = (await bed.TeamStore.FindIdByHandleAsync("team-b", CancellationToken.None))!.Value;
        var events = await bed.AuditAsync(teamB);
        Assert.Equal(second.Value, events[^1].Sequence);
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
    }

    // The port of ASP.NET Core Identity's ConcurrentUpdatesWillFail: the same thing loaded twice and saved twice.
    [SkippableFact]
    public async Task CommitAsync_SameTeamLoadedTwiceAndSavedTwice_SecondGetsConcurrencyFailure()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var loaded = await bed.SnapshotAsync(owner.Team.Id);

        var first = await CommitAsync(bed, loaded, editor => editor.SetTeam(loaded.Team with { Name = "First" }, AuditActions.TeamRenamed));
        var second = await CommitAsync(bed, loaded, editor => editor.SetTeam(loaded.Team with { Name = "Second" }, AuditActions.TeamRenamed));

        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(TeamAccessErrorCode.ConcurrencyFailure, second.Code);
        var stored = await bed.SnapshotAsync(owner.Team.Id);
        Assert.Equal(("First", 2L), (stored.Team.Name, stored.Version));
        Assert.DoesNotContain(await bed.AuditAsync(owner.Team.Id), e => e.After?.Contains("Second", StringComparison.Ordinal) == true);
    }

    [SkippableFact]
    public async Task CommitAsync_SameMembershipLoadedTwiceAndSavedTwice_SecondGetsConcurrencyFailure()
    {
        await using var bed = await CreateBedAsync();
        var (owner, members) = await bed.CrewAsync(RolePresets.Member);
        var loaded = await bed.SnapshotAsync(owner.Team.Id);
        var membership = loaded.Memberships[members[0].Membership.Id];

        var first = await CommitAsync(bed, loaded, e => e.PutMembership(membership with { Role = RolePresets.Observer }, AuditActions.MembershipRoleChanged));
        var second = await CommitAsync(bed, loaded, e => e.PutMembership(membership with { Role = RolePresets.Administrator }, AuditActions.MembershipRoleChanged));

        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(TeamAccessErrorCode.ConcurrencyFailure, second.Code);
        Assert.Equal(RolePresets.Observer, (await bed.SnapshotAsync(owner.Team.Id)).Memberships[membership.Id].Role);
    }

    [SkippableFact]
    public async Task CommitAsync_SameUserLoadedTwiceAndSavedTwice_SecondGetsConcurrencyFailure()
    {
        await using var bed = await CreateBedAsync();
        var signedUp = await bed.SignUpAsync();
        var loaded = (await bed.UserStore.FindByIdAsync(signedUp.User.Id, CancellationToken.None))!;

        var first = new ChangeSetBuilder(signedUp.User.Id, Now);
        first.UpdateUser(loaded, loaded with { FirstName = "First" }, AuditActions.UserRenamed);
        var second = new ChangeSetBuilder(signedUp.User.Id, Now);
        second.UpdateUser(loaded, loaded with { FirstName = "Second" }, AuditActions.UserRenamed);

        Assert.True((await bed.ChangeStore.CommitAsync(first.Build(out _), CancellationToken.None)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.ConcurrencyFailure, (await bed.ChangeStore.CommitAsync(second.Build(out _), CancellationToken.None)).Code);
        var stored = (await bed.UserStore.FindByIdAsync(signedUp.User.Id, CancellationToken.None))!;
        Assert.Equal("First", stored.FirstName);
        Assert.NotEqual(loaded.ConcurrencyStamp, stored.ConcurrencyStamp);
    }

    [SkippableFact]
    public async Task CommitAsync_HandleAlreadyTaken_ReturnsDuplicateHandleAndLeavesNoUserAndNoAudit()
    {
        await using var bed = await CreateBedAsync();
        Assert.True((await bed.ChangeStore.CommitAsync(NewUserAndTeam("first@example.com", "shared"), CancellationToken.None)).Succeeded);
        var refused = NewUserAndTeam("second@example.com", "shared");

        var result = await bed.ChangeStore.CommitAsync(refused, CancellationToken.None);

        Assert.Equal(TeamAccessErrorCode.DuplicateHandle, result.Code);
        Assert.Null(await bed.UserStore.FindByEmailAsync("second@example.com", CancellationToken.None));
        Assert.Null(await bed.TeamStore.LoadAsync(refused.Teams[0].After.Id, CancellationToken.None));
        Assert.Empty(await bed.AuditAsync(refused.Teams[0].After.Id));
    }

    [SkippableFact]
    public async Task CommitAsync_EmailAlreadyTaken_ReturnsDuplicateEmailAndLeavesNoTeam()
    {
        await using var bed = await CreateBedAsync();
        Assert.True((await bed.ChangeStore.CommitAsync(NewUserAndTeam("same@example.com", "team-one"), CancellationToken.None)).Succeeded);

        var result = await bed.ChangeStore.CommitAsync(NewUserAndTeam("same@example.com", "team-two"), CancellationToken.None);

        Assert.Equal(TeamAccessErrorCode.DuplicateEmail, result.Code);
        Assert.Null(await bed.TeamStore.FindIdByHandleAsync("team-two", CancellationToken.None));
    }

    [SkippableFact]
    public async Task CommitAsync_TwoCurrentMembershipsOfOneUser_ReturnsAlreadyMemberAndChangesNothing()
    {
        await using var bed = await CreateBedAsync();
        var (owner, members) = await bed.CrewAsync(RolePresets.Member);
        var loaded = await bed.SnapshotAsync(owner.Team.Id);
        var duplicate = loaded.Memberships[members[0].Membership.Id] with { Id = MembershipId.New() };

        var result = await CommitAsync(bed, loaded, e => e.PutMembership(duplicate, AuditActions.MembershipAdded));

        Assert.Equal(TeamAccessErrorCode.AlreadyMember, result.Code);
        Assert.Equal(loaded.Version, (await bed.SnapshotAsync(owner.Team.Id)).Version);
    }

    [SkippableFact]
    public async Task CommitAsync_AcceptThatFailsOnATakenEmail_LeavesTheInvitationPendingNoUserAndNoAudit()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var taken = await bed.SignUpAsync("grace");
        await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com", RolePresets.Member));
        var loaded = await bed.SnapshotAsync(owner.Team.Id);
        var invited = loaded.Memberships.Values.Single(m => m.Status == MembershipStatus.Invited);
        var eventsBefore = (await bed.AuditAsync(owner.Team.Id)).Count;

        // What an accept with a new account writes, racing a sign-up that took the address first.
        var builder = new ChangeSetBuilder(null, Now);
        var intruder = new StoredUser(UserId.New(), taken.User.Email, "Grace", "Impostor", Now);
        builder.CreateUser(intruder);
        builder.Edit(loaded).PutMembership(invited with { UserId = intruder.Id, Status = MembershipStatus.Active }, AuditActions.InvitationAccepted);
        var result = await bed.ChangeStore.CommitAsync(builder.Build(out _), CancellationToken.None);

        Assert.Equal(TeamAccessErrorCode.DuplicateEmail, result.Code);
        Assert.Null(await bed.UserStore.FindByIdAsync(intruder.Id, CancellationToken.None));
        var after = await bed.SnapshotAsync(owner.Team.Id);
        Assert.Equal(MembershipStatus.Invited, after.Memberships[invited.Id].Status);
        Assert.Equal(loaded.Version, after.Version);
        Assert.Equal(eventsBefore, (await bed.AuditAsync(owner.Team.Id)).Count);
    }

    [SkippableFact]
    public async Task CommitAsync_ExternalLogin_IsFoundByIssuerAndSubjectRefusedTwiceAndGoesWithItsUser()
    {
        await using var bed = await CreateBedAsync();
        var ada = await bed.SignUpAsync("ada");
        var grace = await bed.SignUpAsync("grace");
        var link = new ChangeSetBuilder(null, Now);
        link.LinkLogin(new ExternalLogin(ada.User.Id, "acme-sso", "https://sso.acme.example", "a-1"));
        Assert.True((await bed.ChangeStore.CommitAsync(link.Build(out _), CancellationToken.None)).Succeeded);

        Assert.Equal(ada.User.Id, (await bed.UserStore.FindByLoginAsync("https://sso.acme.example", "a-1", CancellationToken.None))!.Id);
        Assert.Null(await bed.UserStore.FindByLoginAsync("https://sso.acme.example", "a-2", CancellationToken.None));
        var twice = new ChangeSetBuilder(null, Now);
        twice.LinkLogin(new ExternalLogin(grace.User.Id, "acme-sso", "https://sso.acme.example", "a-1"));
        Assert.Equal(TeamAccessErrorCode.LoginAlreadyLinked, (await bed.ChangeStore.CommitAsync(twice.Build(out _), CancellationToken.None)).Code);

        Assert.True((await bed.Teams.DeleteAsync(ada.User.Id, ada.Team.Id)).Succeeded);
        Assert.True((await bed.Users.DeleteAsync(ada.User.Id, ada.User.Id)).Succeeded);
        Assert.Null(await bed.UserStore.FindByLoginAsync("https://sso.acme.example", "a-1", CancellationToken.None));
    }

    [SkippableFact]
    public async Task CommitAsync_LoginForAUserThatDoesNotExist_IsNotFoundOnEveryStoreAndChangesNothing()
    {
        await using var bed = await CreateBedAsync();
        var link = new ChangeSetBuilder(null, Now);
        link.LinkLogin(new ExternalLogin(UserId.New(), "acme-sso", "https://sso.acme.example", "ghost-1"));

        var committed = await bed.ChangeStore.CommitAsync(link.Build(out _), CancellationToken.None);

        Assert.Equal(TeamAccessErrorCode.NotFound, committed.Code);
        Assert.Null(await bed.UserStore.FindByLoginAsync("https://sso.acme.example", "ghost-1", CancellationToken.None));
    }

    [SkippableFact]
    public async Task CommitAsync_MembershipOfAUserThatDoesNotExist_IsNotFoundAndChangesNothing()
    {
        await using var bed = await CreateBedAsync();
        var ada = await bed.SignUpAsync("ada");
        var loaded = await bed.SnapshotAsync(ada.Team.Id);

        var committed = await CommitAsync(bed, loaded, team => team.PutMembership(
            new StoredMembership(MembershipId.New(), ada.Team.Id, UserId.New(), "ghost@example.com", RolePresets.Owner, MembershipStatus.Active, Now), AuditActions.MembershipAdded));

        Assert.Equal(TeamAccessErrorCode.NotFound, committed.Code);
        Assert.Equal(loaded.Version, (await bed.SnapshotAsync(ada.Team.Id)).Version);
    }

    /// <summary>A new user with a team of their own, as sign-up builds it, for the store edge.</summary>
    protected static ChangeSet NewUserAndTeam(string email, string handle, string firstName = "Ada", string resourceId = "project-1")
    {
        var builder = new ChangeSetBuilder(null, Now);
        var user = new StoredUser(UserId.New(), email, firstName, "Tester", Now);
        builder.CreateUser(user);
        var editor = builder.Create(new Team(TeamId.New(), "A team", handle, TeamTier.Free, TeamStatus.Active, Now));
        var membership = new StoredMembership(MembershipId.New(), editor.Id, user.Id, email, RolePresets.Owner, MembershipStatus.Active, Now) { CreatedBy = user.Id };
        editor.PutMembership(membership, AuditActions.MembershipAdded);
        editor.PutGrant(new Grant(GrantId.New(), editor.Id, GrantSubject.ForMembership(membership.Id), resourceId, ["devices.read"], user.Id), AuditActions.GrantGiven);
        return builder.Build(out _);
    }

    private static async Task<Result<long>> CommitAsync(StoreBed bed, TeamSnapshot loaded, Action<TeamAggregate> change)
    {
        var builder = new ChangeSetBuilder(null, Now);
        change(builder.Edit(loaded));
        return await bed.ChangeStore.CommitAsync(builder.Build(out _), CancellationToken.None);
    }
}
