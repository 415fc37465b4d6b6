namespace TeamAccess.Tests;

/// <summary>
/// Security review 3, L1: an edit is judged by what it makes reachable, not only by the masks of the role it names:
/// nobody changes a higher-ranked member's grants, makes a read-only role writable under write grants others gave its
/// holders, or defines a role scoped to grants that lists permissions they lack.
/// </summary>
public sealed class ReachabilityTests
{
    [Fact]
    public async Task RevokeGrant_OfAMemberRankedAboveTheActor_IsRefused()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member);
        var admin = crew.Members[0];
        Assert.True((await bed.TeamRoles.CreateAsync(crew.OwnerId, crew.TeamId, new TeamRoleRequest { Name = "Site Lead", Rank = 350, Permissions = ["devices.read", "devices.write"], IsScopedToGrants = true })).Succeeded);
        var lead = crew.Members[1];
        Assert.True((await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, lead.Membership.Id, "Site Lead")).Succeeded);
        var grant = (await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForMembership(lead.Membership.Id), "plant-1", ["devices.write"])).Value!;

        var revoked = await bed.Grants.RevokeAsync(admin.User.Id, crew.TeamId, grant.Id);
        var given = await bed.Grants.GrantAsync(admin.User.Id, crew.TeamId, GrantSubject.ForMembership(lead.Membership.Id), "plant-2", ["devices.read"]);

        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, revoked.Code);
        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, given.Code);
        Assert.True(bed.Access.HasPermission(lead.User.Id, crew.TeamId, "devices.write", "plant-1"));
        Assert.True((await bed.Grants.RevokeAsync(crew.OwnerId, crew.TeamId, grant.Id)).Succeeded);
    }

    [Fact]
    public async Task UpdateTeamRole_ReadOnlyMadeWritableUnderAWriteGrantTheEditorLacks_IsRefused()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Member);
        Assert.True((await bed.TeamRoles.CreateAsync(crew.OwnerId, crew.TeamId, new TeamRoleRequest { Name = "Designer", Rank = 250, Permissions = [Permissions.RolesManage, "devices.read"] })).Succeeded);
        Assert.True((await bed.TeamRoles.CreateAsync(crew.OwnerId, crew.TeamId, new TeamRoleRequest { Name = "Auditor", Rank = 150, Permissions = ["devices.read"], IsReadOnly = true })).Succeeded);
        var (designer, auditor) = (crew.Members[0], crew.Members[1]);
        Assert.True((await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, designer.Membership.Id, "Designer")).Succeeded);
        Assert.True((await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, auditor.Membership.Id, "Auditor")).Succeeded);
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Line crew", "line-crew")).Value!;
        Assert.True((await bed.Groups.AddMemberAsync(crew.OwnerId, crew.TeamId, group.Id, auditor.Membership.Id)).Succeeded);
        Assert.True((await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForGroup(group.Id), "plant-1", ["devices.write"])).Succeeded);
        Assert.False(bed.Access.HasPermission(auditor.User.Id, crew.TeamId, "devices.write", "plant-1"));

        var flipped = await bed.TeamRoles.UpdateAsync(designer.User.Id, crew.TeamId, new TeamRoleRequest { Name = "Auditor", Rank = 150, Permissions = ["devices.read"], IsReadOnly = false });

        Assert.Equal(TeamAccessErrorCode.ExceedsGranterPermissions, flipped.Code);
        Assert.False(bed.Access.HasPermission(auditor.User.Id, crew.TeamId, "devices.write", "plant-1"));
        var byOwner = await bed.TeamRoles.UpdateAsync(crew.OwnerId, crew.TeamId, new TeamRoleRequest { Name = "Auditor", Rank = 150, Permissions = ["devices.read"], IsReadOnly = false });
        Assert.True(byOwner.Succeeded, byOwner.ToString());
    }

    [Fact]
    public async Task CreateTeamRole_ScopedToGrantsListingAPermissionTheCreatorLacks_IsRefused()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        Assert.True((await bed.TeamRoles.CreateAsync(crew.OwnerId, crew.TeamId, new TeamRoleRequest { Name = "Designer", Rank = 250, Permissions = [Permissions.RolesManage, "devices.read"] })).Succeeded);
        var designer = crew.Members[0];
        Assert.True((await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, designer.Membership.Id, "Designer")).Succeeded);

        var created = await bed.TeamRoles.CreateAsync(designer.User.Id, crew.TeamId, new TeamRoleRequest { Name = "Writer", Rank = 100, Permissions = ["devices.read", "devices.write"], IsScopedToGrants = true });
        var within = await bed.TeamRoles.CreateAsync(designer.User.Id, crew.TeamId, new TeamRoleRequest { Name = "Reader", Rank = 100, Permissions = ["devices.read"], IsScopedToGrants = true });

        Assert.Equal(TeamAccessErrorCode.ExceedsGranterPermissions, created.Code);
        Assert.True(within.Succeeded, within.ToString());
    }
}
