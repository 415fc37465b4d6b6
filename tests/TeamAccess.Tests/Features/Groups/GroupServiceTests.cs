namespace TeamAccess.Tests;

public sealed class GroupServiceTests
{
    [Fact]
    public async Task Create_SameHandleTwiceInATeam_IsDuplicateHandle()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync("ada");
        var bob = await bed.SignUpAsync("bob");
        Assert.True((await bed.Groups.CreateAsync(ada.User.Id, ada.Team.Id, "Maintenance", "maintenance-team")).Succeeded);

        var again = await bed.Groups.CreateAsync(ada.User.Id, ada.Team.Id, "Maintenance 2", "maintenance-team");
        var elsewhere = await bed.Groups.CreateAsync(bob.User.Id, bob.Team.Id, "Maintenance", "maintenance-team");

        Assert.Equal(TeamAccessErrorCode.DuplicateHandle, again.Code);
        Assert.True(elsewhere.Succeeded);
    }

    [Fact]
    public async Task Create_MalformedHandle_IsInvalidHandle()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync("ada");

        Assert.Equal(TeamAccessErrorCode.InvalidHandle, (await bed.Groups.CreateAsync(ada.User.Id, ada.Team.Id, "M", "Maintenance Team")).Code);
    }

    [Fact]
    public async Task AddMember_Twice_IsAlreadyInGroup_AndRemoveTwice_IsNotInGroup()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Maintenance", "maintenance-team")).Value!;

        Assert.True((await bed.Groups.AddMemberAsync(crew.OwnerId, crew.TeamId, group.Id, crew.MembershipOf(0))).Succeeded);
        Assert.Equal(TeamAccessErrorCode.AlreadyInGroup, (await bed.Groups.AddMemberAsync(crew.OwnerId, crew.TeamId, group.Id, crew.MembershipOf(0))).Code);
        Assert.True((await bed.Groups.RemoveMemberAsync(crew.OwnerId, crew.TeamId, group.Id, crew.MembershipOf(0))).Succeeded);
        Assert.Equal(TeamAccessErrorCode.NotInGroup, (await bed.Groups.RemoveMemberAsync(crew.OwnerId, crew.TeamId, group.Id, crew.MembershipOf(0))).Code);
    }

    [Fact]
    public async Task Delete_RemovesTheGroupsGrants()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Maintenance", "maintenance-team")).Value!;
        await bed.Groups.AddMemberAsync(crew.OwnerId, crew.TeamId, group.Id, crew.MembershipOf(0));
        await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForGroup(group.Id), "p", ["devices.write"]);

        Assert.True((await bed.Groups.DeleteAsync(crew.OwnerId, crew.TeamId, group.Id)).Succeeded);

        Assert.Empty((await bed.SnapshotAsync(crew.TeamId)).Grants);
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write", "p"));
    }

    [Fact]
    public async Task AddMember_OfAnotherTeam_IsNotFound()
    {
        await using var bed = TestBed.Create();
        var acme = await bed.CrewAsync(RolePresets.Member);
        var globex = await bed.CrewAsync(RolePresets.Member);
        var group = (await bed.Groups.CreateAsync(acme.OwnerId, acme.TeamId, "Maintenance", "maintenance-team")).Value!;

        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Groups.AddMemberAsync(acme.OwnerId, acme.TeamId, group.Id, globex.MembershipOf(0))).Code);
    }
}
