using TeamAccess.Events;

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

    [Fact]
    public async Task Rename_KeepsHandleMembersAndGrants_AuditsBeforeAndAfter_AndEmitsGroupRenamed()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Maintenance", "maintenance-team")).Value!;
        await bed.Groups.AddMemberAsync(crew.OwnerId, crew.TeamId, group.Id, crew.MembershipOf(0));
        await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForGroup(group.Id), "p", ["devices.read"]);

        // An Administrator holds groups.manage: the rename is theirs too, and the name is normalized as a new group's.
        var renamed = await bed.Groups.RenameAsync(crew[0], crew.TeamId, group.Id, "  Line maintenance ");

        Assert.True(renamed.Succeeded, renamed.Error?.ToString());
        Assert.Equal("Line maintenance", renamed.Value!.Name);
        Assert.Equal("maintenance-team", renamed.Value.Handle);
        Assert.Equal([crew.MembershipOf(0)], renamed.Value.Members);
        Assert.Single((await bed.SnapshotAsync(crew.TeamId)).Grants);
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.read", "p"));
        var audit = (await bed.Audit.ListAsync(crew.OwnerId, crew.TeamId)).Value!;
        var e = Assert.Single(audit, e => e.Action == AuditActions.GroupRenamed);
        Assert.Equal(group.Id.Value, e.SubjectId);
        Assert.Equal(crew[0], e.ActorId);
        Assert.Contains("Maintenance", e.Before, StringComparison.Ordinal);
        Assert.Contains("Line maintenance", e.After, StringComparison.Ordinal);
        Assert.IsType<GroupRenamedEvent>(TeamAccessEvent.From(e));

        // The same name again is no change, and no second event.
        Assert.True((await bed.Groups.RenameAsync(crew.OwnerId, crew.TeamId, group.Id, "Line maintenance")).Succeeded);
        Assert.Single((await bed.Audit.ListAsync(crew.OwnerId, crew.TeamId)).Value!, e => e.Action == AuditActions.GroupRenamed);
    }

    [Fact]
    public async Task Rename_ByARoleWithoutGroupsManage_IsPermissionDenied_AndChangesNothing()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Observer);
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Maintenance", "maintenance-team")).Value!;

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, (await bed.Groups.RenameAsync(crew[0], crew.TeamId, group.Id, "Taken over")).Code);
        Assert.Equal(TeamAccessErrorCode.PermissionDenied, (await bed.Groups.RenameAsync(crew[1], crew.TeamId, group.Id, "Taken over")).Code);

        Assert.Equal("Maintenance", (await bed.SnapshotAsync(crew.TeamId)).Groups[group.Id].Name);
        Assert.DoesNotContain((await bed.Audit.ListAsync(crew.OwnerId, crew.TeamId)).Value!, e => e.Action == AuditActions.GroupRenamed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mаintenance")] // a Cyrillic a among Latin letters: mixed scripts
    public async Task Rename_ToABadName_IsInvalidName_AndChangesNothing(string name)
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync();
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Crew", "crew")).Value!;

        Assert.Equal(TeamAccessErrorCode.InvalidName, (await bed.Groups.RenameAsync(crew.OwnerId, crew.TeamId, group.Id, name)).Code);

        Assert.Equal("Crew", (await bed.SnapshotAsync(crew.TeamId)).Groups[group.Id].Name);
    }

    [Fact]
    public async Task Rename_AnUnknownGroup_IsNotFound()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync();

        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Groups.RenameAsync(crew.OwnerId, crew.TeamId, GroupId.New(), "Anything")).Code);
    }
}
