namespace TeamAccess.Tests;

public sealed class GrantServiceTests
{
    private static TestBed WithTechnicians() => TestBed.Create(o => o.Roles
        .UsePreset(RolePresets.OwnerAdministratorMemberObserver)
        .Add(new RoleDefinition("Technician", 250, "devices.read", Permissions.GrantsManage, Permissions.GroupsManage, Permissions.MembersRead)));

    [Fact]
    public async Task Grant_PermissionTheGranterLacks_IsExceedsGranterPermissions()
    {
        await using var bed = WithTechnicians();
        var crew = await bed.CrewAsync("Technician", RolePresets.Member);

        var refused = await bed.Grants.GrantAsync(crew[0], crew.TeamId, GrantSubject.ForMembership(crew.MembershipOf(1)), "project-1", ["devices.write"]);
        var allowed = await bed.Grants.GrantAsync(crew[0], crew.TeamId, GrantSubject.ForMembership(crew.MembershipOf(1)), "project-1", ["devices.read"]);

        Assert.Equal(TeamAccessErrorCode.ExceedsGranterPermissions, refused.Code);
        Assert.True(allowed.Succeeded);
        Assert.False(bed.Access.HasPermission(crew[1], crew.TeamId, "devices.write", "project-1"));
    }

    [Fact]
    public async Task AddToGroup_WhoseGrantsExceedTheActor_IsExceedsGranterPermissions()
    {
        await using var bed = WithTechnicians();
        var crew = await bed.CrewAsync("Technician", RolePresets.Member);
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Writers", "writers")).Value!;
        await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForGroup(group.Id), "project-1", ["devices.write"]);

        var result = await bed.Groups.AddMemberAsync(crew[0], crew.TeamId, group.Id, crew.MembershipOf(1));

        Assert.Equal(TeamAccessErrorCode.ExceedsGranterPermissions, result.Code);
        Assert.False(bed.Access.HasPermission(crew[1], crew.TeamId, "devices.write", "project-1"));
    }

    [Fact]
    public async Task Grant_WriteToReadOnlyMember_IsReadOnlyRole()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Observer);

        var result = await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForMembership(crew.MembershipOf(0)), "project-1", ["devices.write"]);

        Assert.Equal(TeamAccessErrorCode.ReadOnlyRole, result.Code);
    }

    [Fact]
    public async Task ReadOnlyMemberInAWritingGroup_StillCannotWrite()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Observer);
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Writers", "writers")).Value!;
        await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForGroup(group.Id), "project-1", ["devices.read", "devices.write"]);

        Assert.True((await bed.Groups.AddMemberAsync(crew.OwnerId, crew.TeamId, group.Id, crew.MembershipOf(0))).Succeeded);

        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write", "project-1"));
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.read", "project-1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" padded")]
    [InlineData("bad\nid")]
    public async Task Grant_MalformedResource_IsInvalidResource(string resourceId)
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        var result = await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForMembership(crew.MembershipOf(0)), resourceId, ["devices.read"]);

        Assert.Equal(TeamAccessErrorCode.InvalidResource, result.Code);
    }

    [Fact]
    public async Task Grant_UnknownOrNoPermission_IsInvalidPermission()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var subject = GrantSubject.ForMembership(crew.MembershipOf(0));

        Assert.Equal(TeamAccessErrorCode.InvalidPermission, (await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, subject, "p", ["devices.fly"])).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidPermission, (await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, subject, "p", [])).Code);
        Assert.Equal(TeamAccessErrorCode.BatchTooLarge, (await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, subject, "p", Enumerable.Repeat("devices.read", 65).ToArray())).Code);
    }

    [Fact]
    public async Task Grant_Twice_WidensOneGrant()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var subject = GrantSubject.ForMembership(crew.MembershipOf(0));

        var first = (await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, subject, "p", ["devices.read"])).Value!;
        var second = (await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, subject, "p", ["devices.write"])).Value!;

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(new[] { "devices.read", "devices.write" }, second.Permissions.ToArray());
        Assert.Single((await bed.Grants.ListAsync(crew.OwnerId, crew.TeamId)).Value!);
    }

    [Fact]
    public async Task Revoke_TakesEffectAtOnce()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var grant = (await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForMembership(crew.MembershipOf(0)), "p", ["devices.write"])).Value!;

        Assert.True((await bed.Grants.RevokeAsync(crew.OwnerId, crew.TeamId, grant.Id)).Succeeded);

        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write", "p"));
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Grants.RevokeAsync(crew.OwnerId, crew.TeamId, grant.Id)).Code);
    }

    [Fact]
    public async Task Grant_ByMember_IsPermissionDenied()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Member);

        var result = await bed.Grants.GrantAsync(crew[0], crew.TeamId, GrantSubject.ForMembership(crew.MembershipOf(1)), "p", ["devices.read"]);

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, result.Code);
    }
}
