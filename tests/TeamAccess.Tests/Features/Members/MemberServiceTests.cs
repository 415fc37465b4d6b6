namespace TeamAccess.Tests;

public sealed class MemberServiceTests
{
    [Fact]
    public async Task Remove_LastAdministratorOfAnAccount_IsRefusedWithLastGuardian()
    {
        await using var bed = TestBed.Create(o => o.Roles.UsePreset(RolePresets.AdministratorViewer));
        var crew = await bed.CrewAsync(RolePresets.Viewer);
        var own = (await bed.SnapshotAsync(crew.TeamId)).FindCurrentMembership(crew.OwnerId)!;

        var result = await bed.Members.RemoveAsync(crew.OwnerId, crew.TeamId, own.Id);

        Assert.Equal(TeamAccessErrorCode.LastGuardian, result.Code);
        Assert.True(bed.Access.HasPermission(crew.OwnerId, crew.TeamId, Permissions.MembersManage));
    }

    [Fact]
    public async Task Deactivate_LastGuardian_IsRefused()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);
        var own = (await bed.SnapshotAsync(crew.TeamId)).FindCurrentMembership(crew.OwnerId)!;

        Assert.Equal(TeamAccessErrorCode.LastGuardian, (await bed.Members.DeactivateAsync(crew.OwnerId, crew.TeamId, own.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.LastGuardian, (await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, own.Id, RolePresets.Administrator)).Code);
        Assert.Equal(TeamAccessErrorCode.LastGuardian, (await bed.Members.LeaveAsync(crew.OwnerId, crew.TeamId)).Code);
    }

    [Fact]
    public async Task Leave_GuardianWithAnotherActiveGuardian_Leaves()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Owner);

        var result = await bed.Members.LeaveAsync(crew.OwnerId, crew.TeamId);

        Assert.Equal(MembershipStatus.Removed, result.Value!.Status);
        Assert.False(bed.Access.HasPermission(crew.OwnerId, crew.TeamId, Permissions.MembersRead));
    }

    [Fact]
    public async Task Add_ByObserver_IsPermissionDenied()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Observer);
        var newcomer = await bed.SignUpAsync();

        var result = await bed.Members.AddAsync(crew[0], crew.TeamId, newcomer.User.Id, RolePresets.Observer);

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, result.Code);
        Assert.Null((await bed.SnapshotAsync(crew.TeamId)).FindCurrentMembership(newcomer.User.Id));
    }

    [Fact]
    public async Task ChangeRole_AdministratorMakesSomeoneOwner_IsGuardianRequired()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member);

        var result = await bed.Members.ChangeRoleAsync(crew[0], crew.TeamId, crew.MembershipOf(1), RolePresets.Owner);

        Assert.Equal(TeamAccessErrorCode.GuardianRequired, result.Code);
    }

    [Fact]
    public async Task ChangeRole_AdministratorDemotesOwner_IsRoleRankTooHigh()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Owner);

        var result = await bed.Members.ChangeRoleAsync(crew[0], crew.TeamId, crew.MembershipOf(1), RolePresets.Observer);

        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, result.Code);
    }

    [Fact]
    public async Task Add_CustomRoleAboveTheActor_IsRoleRankTooHigh()
    {
        await using var bed = TestBed.Create(o => o.Roles
            .UsePreset(RolePresets.OwnerAdministratorMemberObserver)
            .Add(new RoleDefinition("Lead", 250, Permissions.MembersInvite, Permissions.MembersRead))
            .Add(new RoleDefinition("Supervisor", 350, "*") { ExceptPermissions = [Permissions.TeamDelete, Permissions.BillingManage] }));
        var crew = await bed.CrewAsync("Lead");
        var newcomer = await bed.SignUpAsync();

        var above = await bed.Members.AddAsync(crew[0], crew.TeamId, newcomer.User.Id, "Supervisor");
        var below = await bed.Members.AddAsync(crew[0], crew.TeamId, newcomer.User.Id, RolePresets.Member);

        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, above.Code);
        Assert.True(below.Succeeded);
    }

    [Fact]
    public async Task ChangeRole_ByOwner_TakesEffectAtOnceAndReplacesTheSecurityStamp()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write"));
        var stampBefore = (await bed.SnapshotAsync(crew.TeamId)).Memberships[crew.MembershipOf(0)].SecurityStamp;

        var result = await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0), RolePresets.Observer);

        Assert.Equal(RolePresets.Observer, result.Value!.Role);
        Assert.NotEqual(stampBefore, (await bed.SnapshotAsync(crew.TeamId)).Memberships[crew.MembershipOf(0)].SecurityStamp);
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write"));
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, Permissions.MembersRead));
    }

    [Fact]
    public async Task ChangeRole_UnknownRole_IsInvalidRole()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        var result = await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0), "Overlord");

        Assert.Equal(TeamAccessErrorCode.InvalidRole, result.Code);
    }

    [Fact]
    public async Task DeactivateThenReactivate_PermissionsGoAndComeBack()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);

        var deactivated = await bed.Members.DeactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0));
        Assert.Equal(MembershipStatus.Inactive, deactivated.Value!.Status);
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, Permissions.MembersRead));
        Assert.Equal(TeamAccessErrorCode.InvalidTransition, (await bed.Members.DeactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Code);

        var reactivated = await bed.Members.ReactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0));
        Assert.Equal(MembershipStatus.Active, reactivated.Value!.Status);
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, Permissions.MembersRead));
    }

    [Fact]
    public async Task Remove_Member_LeavesGroupsAndLosesDirectGrants()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Maintenance", "maintenance-team")).Value!;
        Assert.True((await bed.Groups.AddMemberAsync(crew.OwnerId, crew.TeamId, group.Id, crew.MembershipOf(0))).Succeeded);
        Assert.True((await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForMembership(crew.MembershipOf(0)), "project-1", ["devices.read"])).Succeeded);

        var result = await bed.Members.RemoveAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0));

        Assert.Equal(MembershipStatus.Removed, result.Value!.Status);
        var snapshot = await bed.SnapshotAsync(crew.TeamId);
        Assert.Empty(snapshot.Groups[group.Id].Members);
        Assert.Empty(snapshot.Grants);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Members.ReactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Code);
    }

    [Fact]
    public async Task Add_AfterRemoval_CreatesANewMembership()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        Assert.True((await bed.Members.RemoveAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Succeeded);

        var again = await bed.Members.AddAsync(crew.OwnerId, crew.TeamId, crew[0], RolePresets.Observer);

        Assert.True(again.Succeeded);
        Assert.NotEqual(crew.MembershipOf(0), again.Value!.Id);
    }

    [Fact]
    public async Task Add_ExistingMember_IsAlreadyMember()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        var result = await bed.Members.AddAsync(crew.OwnerId, crew.TeamId, crew[0], RolePresets.Observer);

        Assert.Equal(TeamAccessErrorCode.AlreadyMember, result.Code);
    }

    [Fact]
    public async Task ManageMembershipOfAnotherTeam_IsNotFoundAndChangesNothing()
    {
        await using var bed = TestBed.Create();
        var acme = await bed.CrewAsync(RolePresets.Member);
        var globex = await bed.CrewAsync(RolePresets.Member);
        var before = await bed.SnapshotAsync(globex.TeamId);

        // Acme's owner names Globex's member while acting in Acme, and in Globex.
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Members.RemoveAsync(acme.OwnerId, acme.TeamId, globex.MembershipOf(0))).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Members.RemoveAsync(acme.OwnerId, globex.TeamId, globex.MembershipOf(0))).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Members.ListAsync(acme.OwnerId, globex.TeamId)).Code);

        Assert.Same(before, await bed.SnapshotAsync(globex.TeamId));
    }

    [Fact]
    public async Task List_UsersPage_ShowsEmailNamesRoleAndStatus()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Observer);
        await bed.Members.DeactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(1));

        var rows = (await bed.Members.ListAsync(crew[0], crew.TeamId)).Value!;

        Assert.Equal(3, rows.Count);
        var observer = rows.Single(r => r.UserId == crew[1]);
        Assert.Equal((RolePresets.Observer, MembershipStatus.Inactive, "Tester"), (observer.Role, observer.Status, observer.LastName));
        Assert.Equal(crew.Members[1].User.Email, observer.Email);
    }

    [Fact]
    public async Task List_ByInactiveMember_IsPermissionDenied()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        await bed.Members.DeactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0));

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, (await bed.Members.ListAsync(crew[0], crew.TeamId)).Code);
    }
}
