using TeamAccess.Invitations;

namespace TeamAccess.Tests;

/// <summary>A member edits their own names (the Edit User page); a team never edits another member's global names, nor the email.</summary>
public sealed class MemberNamesTests
{
    [Fact]
    public async Task UpdateNames_MemberEditsTheirOwn_ChangesTheNamesButNotTheEmail()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var email = crew.Members[0].User.Email;

        var result = await bed.Members.UpdateNamesAsync(crew[0], crew.TeamId, crew.MembershipOf(0), "  Grace ", "Hopper");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(("Grace", "Hopper", email), (result.Value!.FirstName, result.Value.LastName, result.Value.Email));
        var stored = (await bed.Users.FindByIdAsync(crew[0]))!;
        Assert.Equal(("Grace", "Hopper", email), (stored.FirstName, stored.LastName, stored.Email));
        var events = (await bed.Audit.ListAsync(crew.OwnerId, crew.TeamId)).Value!;
        Assert.Contains(events, e => e.Action == AuditActions.UserRenamed && e.SubjectId == crew[0].Value && e.ActorId == crew[0]);
    }

    [Fact]
    public async Task UpdateNames_GuardianEditsAnotherMember_IsNamesAreTheUsersAndChangesNothing()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Observer);
        var before = (await bed.Users.FindByIdAsync(crew[1]))!;

        var byOwner = await bed.Members.UpdateNamesAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(1), "Ada", "Lovelace");
        var byAdministrator = await bed.Members.UpdateNamesAsync(crew[0], crew.TeamId, crew.MembershipOf(1), "Ada", "Lovelace");

        Assert.Equal(TeamAccessErrorCode.NamesAreTheUsers, byOwner.Code);
        Assert.Equal(TeamAccessErrorCode.NamesAreTheUsers, byAdministrator.Code);
        Assert.Equal(before.LastName, (await bed.Users.FindByIdAsync(crew[1]))!.LastName);
    }

    [Fact]
    public async Task UpdateNames_WithoutMembersManage_IsPermissionDeniedAndChangesNothing()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Observer);
        var before = (await bed.Users.FindByIdAsync(crew[1]))!;

        var result = await bed.Members.UpdateNamesAsync(crew[0], crew.TeamId, crew.MembershipOf(1), "Someone", "Else");

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, result.Code);
        Assert.Equal(before.FirstName, (await bed.Users.FindByIdAsync(crew[1]))!.FirstName);
    }

    [Fact]
    public async Task UpdateNames_AdministratorEditsTheOwner_IsRoleRankTooHigh()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);
        var owner = (await bed.SnapshotAsync(crew.TeamId)).FindCurrentMembership(crew.OwnerId)!;

        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, (await bed.Members.UpdateNamesAsync(crew[0], crew.TeamId, owner.Id, "Not", "Mine")).Code);
    }

    [Fact]
    public async Task UpdateNames_MembershipOfAnotherTeam_IsNotFound()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var stranger = await bed.SignUpAsync();

        var result = await bed.Members.UpdateNamesAsync(stranger.User.Id, stranger.Team.Id, crew.MembershipOf(0), "Not", "Mine");

        Assert.Equal(TeamAccessErrorCode.NotFound, result.Code);
        Assert.NotEqual("Mine", (await bed.Users.FindByIdAsync(crew[0]))!.LastName);
    }

    [Fact]
    public async Task UpdateNames_InvitedAddress_IsInvalidTransition()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var invited = await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com", RolePresets.Member));
        var membership = invited.Value!.Outcomes[0].MembershipId!.Value;

        Assert.Equal(TeamAccessErrorCode.InvalidTransition, (await bed.Members.UpdateNamesAsync(owner.User.Id, owner.Team.Id, membership, "Grace", "Hopper")).Code);
    }

    [Theory]
    [InlineData("", "Hopper")]
    [InlineData("Grace", "   ")]
    public async Task UpdateNames_BlankName_IsInvalidName(string first, string last)
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        Assert.Equal(TeamAccessErrorCode.InvalidName, (await bed.Members.UpdateNamesAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0), first, last)).Code);
    }
}
