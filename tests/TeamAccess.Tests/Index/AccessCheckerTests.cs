namespace TeamAccess.Tests;

public sealed class AccessCheckerTests
{
    [Fact]
    public async Task HasPermission_UnknownUserTeamPermissionOrResource_IsFalseNeverThrows()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        Assert.False(bed.Access.HasPermission(UserId.New(), crew.TeamId, Permissions.MembersRead));
        Assert.False(bed.Access.HasPermission(crew.OwnerId, TeamId.New(), Permissions.MembersRead));
        Assert.False(bed.Access.HasPermission(crew.OwnerId, crew.TeamId, "no.such"));
        Assert.False(bed.Access.HasPermission(crew.OwnerId, crew.TeamId, null!));
        Assert.False(bed.Access.HasPermission(crew.OwnerId, crew.TeamId, default(Permission)));
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write", "never-granted"));
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write", null!));
        Assert.Equal(AccessReason.UnknownPermission, bed.Access.Explain(crew.OwnerId, crew.TeamId, "no.such").Reason);
        Assert.Equal(AccessReason.NoSuchTeam, bed.Access.Explain(crew.OwnerId, TeamId.New(), Permissions.MembersRead).Reason);
        Assert.Equal(AccessReason.NoMembership, bed.Access.Explain(UserId.New(), crew.TeamId, Permissions.MembersRead).Reason);
    }

    [Fact]
    public async Task Observer_HoldsNoWritePermissionAnywhere()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Observer);

        foreach (var permission in bed.Roles.PermissionCatalog.All)
        {
            var allowed = bed.Access.HasPermission(crew[0], crew.TeamId, permission);
            // Observer is scoped to grants: asked without a resource it holds only its team-level reads.
            Assert.Equal(permission.Name == Permissions.MembersRead, allowed);
            Assert.False(permission.Kind == PermissionKind.Write && bed.Access.HasPermission(crew[0], crew.TeamId, permission, "any-resource"));
        }

        Assert.Equal(AccessReason.ReadOnlyRole, bed.Access.Explain(crew[0], crew.TeamId, "devices.write").Reason);
    }

    [Fact]
    public async Task Member_ReachesOnlyResourcesGrantedToItOrItsGroups()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Member);
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Maintenance", "maintenance-team")).Value!;
        await bed.Groups.AddMemberAsync(crew.OwnerId, crew.TeamId, group.Id, crew.MembershipOf(1));
        var direct = (await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForMembership(crew.MembershipOf(0)), "project-berlin", ["devices.write"])).Value!;
        var viaGroup = (await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForGroup(group.Id), "project-paris", ["devices.read", "devices.write"])).Value!;

        Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write", "project-berlin"));
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write", "project-paris"));
        Assert.True(bed.Access.HasPermission(crew[1], crew.TeamId, "devices.write", "project-paris"));
        Assert.False(bed.Access.HasPermission(crew[1], crew.TeamId, "devices.read", "project-berlin"));
        Assert.True(bed.Access.HasPermission(crew.OwnerId, crew.TeamId, "devices.write", "project-anything"));

        var byDirect = bed.Access.Explain(crew[0], crew.TeamId, "devices.write", "project-berlin");
        Assert.Equal((true, AccessReason.AllowedByDirectGrant, direct.Id), (byDirect.Allowed, byDirect.Reason, byDirect.GrantId!.Value));
        var byGroup = bed.Access.Explain(crew[1], crew.TeamId, "devices.write", "project-paris");
        Assert.Equal((AccessReason.AllowedByGroupGrant, viaGroup.Id, group.Id), (byGroup.Reason, byGroup.GrantId!.Value, byGroup.GroupId!.Value));
        Assert.Equal(AccessReason.NotGranted, bed.Access.Explain(crew[0], crew.TeamId, "devices.write", "project-paris").Reason);
    }

    [Fact]
    public async Task InactiveMembership_HoldsNothingEvenThroughGrants()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForMembership(crew.MembershipOf(0)), "project-1", ["devices.write"]);

        await bed.Members.DeactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0));

        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.write", "project-1"));
        Assert.Equal(AccessReason.MembershipNotActive, bed.Access.Explain(crew[0], crew.TeamId, "devices.write", "project-1").Reason);
    }

    [Fact]
    public async Task Explain_AgreesWithHasPermission_ForEveryRoleAndPermission()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member, RolePresets.Observer);
        await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, GrantSubject.ForMembership(crew.MembershipOf(1)), "r1", ["devices.write", "resources.read"]);
        var users = new[] { crew.OwnerId, crew[0], crew[1], crew[2], UserId.New() };

        foreach (var user in users)
        {
            foreach (var permission in bed.Roles.PermissionCatalog.All)
            {
                foreach (var resource in new string?[] { null, "r1", "r2" })
                {
                    var checkedValue = resource is null
                        ? bed.Access.HasPermission(user, crew.TeamId, permission.Name)
                        : bed.Access.HasPermission(user, crew.TeamId, permission.Name, resource);
                    Assert.Equal(checkedValue, bed.Access.Explain(user, crew.TeamId, permission.Name, resource).Allowed);
                }
            }
        }
    }

    [Fact]
    public async Task Checks_WhileTheTeamChurns_NeverSeeAHalfBuiltIndex()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member);
        using var stop = new CancellationTokenSource();
        var readerCount = Math.Max(2, Environment.ProcessorCount);
        using var started = new CountdownEvent(readerCount);
        var readers = Enumerable.Range(0, readerCount).Select(_ => Task.Factory.StartNew(
            () =>
            {
                var checks = 0L;
                do
                {
                    // The owner and the administrator never change; the member flips between Member and Observer.
                    Assert.True(bed.Access.HasPermission(crew.OwnerId, crew.TeamId, Permissions.TeamDelete));
                    Assert.True(bed.Access.HasPermission(crew[0], crew.TeamId, Permissions.MembersManage));
                    Assert.False(bed.Access.HasPermission(crew[1], crew.TeamId, Permissions.MembersManage));
                    if (checks++ == 0)
                    {
                        started.Signal();
                    }
                }
                while (!stop.IsCancellationRequested);

                return checks;
            },
            TaskCreationOptions.LongRunning)).ToArray();
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));

        for (var i = 0; i < 200; i++)
        {
            var role = i % 2 == 0 ? RolePresets.Observer : RolePresets.Member;
            var changed = await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(1), role);
            Assert.True(changed.Succeeded, changed.ToString());
        }

        await stop.CancelAsync();
        var checksPerReader = await Task.WhenAll(readers);
        Assert.All(checksPerReader, checks => Assert.True(checks > 0));
    }
}
