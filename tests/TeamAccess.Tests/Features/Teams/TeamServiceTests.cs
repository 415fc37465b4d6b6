namespace TeamAccess.Tests;

public sealed class TeamServiceTests
{
    [Fact]
    public async Task Create_ExistingUser_MakesThemGuardianOfTheNewTeam()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync("ada");

        var result = await bed.Teams.CreateAsync(ada.User.Id, "Second", "second-team");

        Assert.True(result.Succeeded);
        Assert.True(bed.Access.HasPermission(ada.User.Id, result.Value!.Id, Permissions.BillingManage));
        Assert.Equal(2, (await bed.Teams.ListForUserAsync(ada.User.Id)).Count);
    }

    [Fact]
    public async Task Create_UnknownUser_IsNotFound()
    {
        await using var bed = TestBed.Create();

        var result = await bed.Teams.CreateAsync(UserId.New(), "Ghost", "ghost-team");

        Assert.Equal(TeamAccessErrorCode.NotFound, result.Code);
    }

    [Fact]
    public async Task Rename_ByMember_IsPermissionDenied()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        var result = await bed.Teams.RenameAsync(crew[0], crew.TeamId, "Mine now");

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, result.Code);
    }

    [Fact]
    public async Task Rename_ByAdministrator_Renames()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);

        var result = await bed.Teams.RenameAsync(crew[0], crew.TeamId, "Acme Field Ops");

        Assert.Equal("Acme Field Ops", result.Value!.Name);
    }

    [Fact]
    public async Task ChangeTier_OwnerUpgrades_KeepsEveryMemberAndGrant()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Observer);
        var before = await bed.SnapshotAsync(crew.TeamId);

        var result = await bed.Teams.ChangeTierAsync(crew.OwnerId, crew.TeamId, TeamTier.Commercial);

        Assert.Equal(TeamTier.Commercial, result.Value!.Tier);
        var after = await bed.SnapshotAsync(crew.TeamId);
        Assert.Equal(before.Memberships, after.Memberships);
    }

    [Fact]
    public async Task ChangeTier_ByAdministrator_IsRefused()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);

        var result = await bed.Teams.ChangeTierAsync(crew[0], crew.TeamId, TeamTier.Commercial);

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, result.Code);
    }

    [Fact]
    public async Task ChangeTier_ToTheCurrentTier_IsNoChange()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync("ada");

        var result = await bed.Teams.ChangeTierAsync(ada.User.Id, ada.Team.Id, TeamTier.Free);

        Assert.Equal(TeamAccessErrorCode.NoChange, result.Code);
    }

    [Fact]
    public async Task Delete_ByOwner_EndsEveryPermissionInTheTeam()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);

        var result = await bed.Teams.DeleteAsync(crew.OwnerId, crew.TeamId);

        Assert.True(result.Succeeded);
        Assert.False(bed.Access.HasPermission(crew.OwnerId, crew.TeamId, Permissions.MembersRead));
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, Permissions.MembersRead));
        Assert.Null(await bed.Teams.FindByHandleAsync(crew.Owner.Team.Handle));
        Assert.Equal(TeamAccessErrorCode.TeamDeleted, (await bed.Teams.RenameAsync(crew.OwnerId, crew.TeamId, "Back")).Code);
    }

    [Fact]
    public async Task Delete_ByAdministrator_IsRefused()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);

        var result = await bed.Teams.DeleteAsync(crew[0], crew.TeamId);

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, result.Code);
        Assert.NotNull(await bed.Teams.FindByHandleAsync(crew.Owner.Team.Handle));
    }

    [Fact]
    public async Task FindByHandle_MalformedOrUnknown_IsNull()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync("ada");

        Assert.Equal(ada.Team.Id, (await bed.Teams.FindByHandleAsync("ada-team"))!.Id);
        Assert.Null(await bed.Teams.FindByHandleAsync("ADA-TEAM"));
        Assert.Null(await bed.Teams.FindByHandleAsync("nobody-team"));
    }

    [Fact]
    public async Task ListForUser_UserInTwoTeams_ShowsEachWithItsRole()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Observer);

        var teams = await bed.Teams.ListForUserAsync(crew[0]);

        Assert.Equal(2, teams.Count);
        Assert.Contains(teams, t => t.Team.Id == crew.TeamId && t.Role == RolePresets.Observer);
        Assert.Contains(teams, t => t.Team.Id != crew.TeamId && t.Role == RolePresets.Owner);
    }

    [Fact]
    public async Task Get_NonMember_IsNotFound()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync("ada");
        var eve = await bed.SignUpAsync("eve");

        Assert.True((await bed.Teams.GetAsync(ada.User.Id, ada.Team.Id)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Teams.GetAsync(eve.User.Id, ada.Team.Id)).Code);
    }
}
