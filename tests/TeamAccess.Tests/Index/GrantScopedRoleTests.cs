namespace TeamAccess.Tests;

/// <summary>Roles scoped to grants reach resources only through grants, and answer no when asked without a resource.</summary>
public sealed class GrantScopedRoleTests
{
    [Fact]
    public async Task Observer_WithoutAGrant_ReadsNoResourceAndWithOneReadsOnlyThatResource()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Observer);

        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.read", "line-1"));
        Assert.Equal(AccessReason.NotGranted, bed.Access.Explain(crew[0], crew.TeamId, "devices.read", "line-1").Reason);
        var grant = await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForMembership(crew.MembershipOf(0)), "line-1", ["devices.read"]);
        Assert.True(grant.Succeeded, grant.ToString());

        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.read", "line-1"));
        Assert.True(bed.Access.Resolve(crew[0], crew.TeamId).Has(bed.Roles.PermissionCatalog.Get("devices.read"), "line-1"));
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.read", "line-2"));
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, Permissions.ResourcesRead, "line-2"));
        Assert.Equal(AccessReason.AllowedByDirectGrant, bed.Access.Explain(crew[0], crew.TeamId, "devices.read", "line-1").Reason);
    }

    [Fact]
    public async Task Viewer_OfTheAdministratorViewerPreset_ReadsEveryResourceWithoutAGrantAndWritesNothing()
    {
        await using var bed = TestBed.Create(o => o.Roles.UsePreset(RolePresets.AdministratorViewer));
        var crew = await bed.CrewAsync(RolePresets.Viewer);

        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.read", "line-1"));
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.read"));
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, Permissions.ResourcesRead));
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write", "line-1"));
        Assert.Equal(AccessReason.AllowedByRole, bed.Access.Explain(crew[0], crew.TeamId, "devices.read", "line-1").Reason);
    }

    [Theory]
    [InlineData(RolePresets.Member)]
    [InlineData(RolePresets.Observer)]
    public async Task ScopedRole_ResourcePermissionAskedWithoutAResource_IsFalseInChecksHandlesAndExplainEvenWithGrants(string role)
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(role);
        await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForMembership(crew.MembershipOf(0)), "project-1", ["devices.read"]);
        var catalog = bed.Roles.PermissionCatalog;
        var handle = bed.Access.Resolve(crew[0], crew.TeamId);

        foreach (var resourcePermission in new[] { "devices.read", "devices.write", Permissions.ResourcesRead, Permissions.ResourcesWrite })
        {
            Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, resourcePermission), resourcePermission);
            Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, catalog.Get(resourcePermission)), resourcePermission);
            Assert.False(handle.Has(catalog.Get(resourcePermission)), resourcePermission);
            Assert.False(bed.Access.Explain(crew[0], crew.TeamId, resourcePermission).Allowed, resourcePermission);
        }

        Assert.Equal(AccessReason.ResourceRequired, bed.Access.Explain(crew[0], crew.TeamId, "devices.read").Reason);
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.read", "project-1"));
        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, Permissions.MembersRead));
        Assert.True(handle.Has(catalog.Get(Permissions.MembersRead)));
        Assert.Equal(AccessReason.AllowedByRole, bed.Access.Explain(crew[0], crew.TeamId, Permissions.MembersRead).Reason);
        Assert.True(bed.Roles.TryGet(role, out var scoped));
        Assert.False(scoped.Has(catalog.Get("devices.read")));
    }

    [Fact]
    public async Task HasPermission_ScopedRoleWithoutAResource_AllocatesNothing()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var devicesRead = bed.Roles.PermissionCatalog.Get("devices.read");
        var membersRead = bed.Roles.PermissionCatalog.Get(Permissions.MembersRead);
        var checker = bed.Access;
        checker.HasPermission(crew[0], crew.TeamId, devicesRead);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var allowed = 0;
        for (var i = 0; i < 1000; i++)
        {
            allowed += (checker.HasPermission(crew[0], crew.TeamId, devicesRead) ? 1 : 0) + (checker.HasPermission(crew[0], crew.TeamId, membersRead) ? 1 : 0);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, allowed);
    }
}
