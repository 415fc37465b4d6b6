using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Index;

namespace TeamAccess.Tests;

/// <summary>
/// The "who can" and "what can" lists, through the services as a host wires them: how each member holds a permission
/// (role, direct grant, group grant), the rules of read-only and grant-scoped roles, who may ask, and paging.
/// </summary>
public sealed class AccessQueriesTests
{
    /// <summary>A role that holds no <c>members.read</c>: it may ask only about itself.</summary>
    private static readonly RoleDefinition Guest = new("Guest", 50, "devices.read") { IsScopedToGrants = true, IsReadOnly = true };

    [Fact]
    public async Task ListUsersWithPermission_TeamLevel_ListsTheRoleHoldersByRoleInUserIdOrder()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member, RolePresets.Administrator, RolePresets.Observer);

        var page = Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, Permissions.MembersManage));

        Assert.False(page.HasMore);
        Assert.Null(page.Next);
        Assert.Equal(new[] { crew.OwnerId, crew[0], crew[2] }.OrderBy(u => u.Value), page.Holders.Select(h => h.UserId));
        Assert.All(page.Holders, h => Assert.Equal(AccessPaths.Role, h.Via));
        var administrator = page.Holders.Single(h => h.UserId == crew[0]);
        Assert.Equal((crew.MembershipOf(0), RolePresets.Administrator), (administrator.MembershipId, administrator.Role));
        Assert.Equal(RolePresets.Owner, page.Holders.Single(h => h.UserId == crew.OwnerId).Role);
    }

    [Fact]
    public async Task ListUsersWithPermission_OnAResource_TellsRoleDirectGrantAndGroupGrantApart()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member, RolePresets.Member, RolePresets.Member, RolePresets.Member);
        var group = await GroupAsync(bed, crew, crew.MembershipOf(2), crew.MembershipOf(3));
        await GrantAsync(bed, crew, GrantSubject.ForMembership(crew.MembershipOf(1)), "line-1", "devices.write");
        await GrantAsync(bed, crew, GrantSubject.ForGroup(group), "line-1", "devices.write");
        await GrantAsync(bed, crew, GrantSubject.ForMembership(crew.MembershipOf(3)), "line-1", "devices.write");
        await GrantAsync(bed, crew, GrantSubject.ForMembership(crew.MembershipOf(4)), "line-2", "devices.write");

        var page = Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, "devices.write", "line-1"));

        var via = page.Holders.ToDictionary(h => h.UserId, h => h.Via);
        Assert.Equal(
            new Dictionary<UserId, AccessPaths>
            {
                [crew.OwnerId] = AccessPaths.Role,
                [crew[0]] = AccessPaths.Role,
                [crew[1]] = AccessPaths.DirectGrant,
                [crew[2]] = AccessPaths.GroupGrant,
                [crew[3]] = AccessPaths.DirectGrant | AccessPaths.GroupGrant,
            },
            via);
        Assert.Equal(RolePresets.Member, page.Holders.Single(h => h.UserId == crew[2]).Role);
        Assert.Equal(AccessReason.AllowedByGroupGrant, bed.Access.Explain(crew[2], crew.TeamId, "devices.write", "line-1").Reason);
        Assert.DoesNotContain(crew[4], via.Keys);
    }

    [Fact]
    public async Task ListUsersWithPermission_ScopedRoleWithoutAResource_IsNotListedForAResourcePermissionButIsForItsTeamLevelOnes()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Observer);
        await GrantAsync(bed, crew, GrantSubject.ForMembership(crew.MembershipOf(0)), "line-1", "devices.read");

        var withoutResource = Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, "devices.read"));
        var onResource = Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, "devices.read", "line-1"));
        var membersRead = Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, Permissions.MembersRead));

        Assert.Equal([crew.OwnerId], withoutResource.Holders.Select(h => h.UserId));
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, "devices.read"));
        Assert.Equal(new[] { crew.OwnerId, crew[0] }.OrderBy(u => u.Value), onResource.Holders.Select(h => h.UserId));
        Assert.Equal(new[] { crew.OwnerId, crew[0], crew[1] }.OrderBy(u => u.Value), membersRead.Holders.Select(h => h.UserId));

        var permissions = Ok(bed.Queries.GetPermissions(crew.OwnerId, crew[0], crew.TeamId));
        Assert.False(permissions.Contains("devices.read"));
        Assert.True(permissions.Contains(Permissions.MembersRead));
        Assert.True(Ok(bed.Queries.GetPermissions(crew.OwnerId, crew[0], crew.TeamId, "line-1")).Contains("devices.read"));
    }

    [Fact]
    public async Task ReadOnlyRole_ReachedByAWriteGrantThroughAGroup_IsListedForReadsOnly()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Observer, RolePresets.Member);
        var group = await GroupAsync(bed, crew, crew.MembershipOf(0), crew.MembershipOf(1));
        await GrantAsync(bed, crew, GrantSubject.ForGroup(group), "line-1", "devices.read", "devices.write");

        var writers = Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, "devices.write", "line-1"));
        var readers = Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, "devices.read", "line-1"));

        Assert.Equal(new[] { crew.OwnerId, crew[1] }.OrderBy(u => u.Value), writers.Holders.Select(h => h.UserId));
        Assert.Equal(AccessPaths.GroupGrant, readers.Holders.Single(h => h.UserId == crew[0]).Via);
        var observerWrites = Ok(bed.Queries.ListResources(crew.OwnerId, crew[0], crew.TeamId, "devices.write"));
        Assert.Empty(observerWrites.Resources);
        Assert.False(observerWrites.RoleReachesEveryResource);
        Assert.Equal([new ResourceReach("line-1", AccessPaths.GroupGrant)], Ok(bed.Queries.ListResources(crew.OwnerId, crew[0], crew.TeamId, "devices.read")).Resources);
        var observerOnLine1 = Ok(bed.Queries.GetPermissions(crew.OwnerId, crew[0], crew.TeamId, "line-1"));
        Assert.DoesNotContain(observerOnLine1, p => p.Kind == PermissionKind.Write);
        Assert.Contains(observerOnLine1, p => p.Name == "devices.read");
    }

    [Fact]
    public async Task ListResources_Member_ListsGrantedResourcesByIdWithHowAndAnAdministratorReachesEveryResource()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Administrator);
        var group = await GroupAsync(bed, crew, crew.MembershipOf(0));
        await GrantAsync(bed, crew, GrantSubject.ForMembership(crew.MembershipOf(0)), "pump-b", "devices.write");
        await GrantAsync(bed, crew, GrantSubject.ForGroup(group), "pump-a", "devices.write");
        await GrantAsync(bed, crew, GrantSubject.ForGroup(group), "pump-b", "devices.write");
        await GrantAsync(bed, crew, GrantSubject.ForMembership(crew.MembershipOf(0)), "pump-c", "devices.read");

        var member = Ok(bed.Queries.ListResources(crew.OwnerId, crew[0], crew.TeamId, "devices.write"));
        var administrator = Ok(bed.Queries.ListResources(crew.OwnerId, crew[1], crew.TeamId, "devices.write"));

        Assert.Equal([new ResourceReach("pump-a", AccessPaths.GroupGrant), new ResourceReach("pump-b", AccessPaths.DirectGrant | AccessPaths.GroupGrant)], member.Resources);
        Assert.False(member.RoleReachesEveryResource);
        Assert.False(member.HasMore);
        Assert.Empty(administrator.Resources);
        Assert.True(administrator.RoleReachesEveryResource);
        Assert.True(bed.Access.HasPermission(crew[1], crew.TeamId, "devices.write", "any-device"));
    }

    [Fact]
    public async Task InactiveMembership_IsListedNowhereHoldsNothingAndMayAskOnlyAboutItself()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member);
        await GrantAsync(bed, crew, GrantSubject.ForMembership(crew.MembershipOf(1)), "line-1", "devices.write");
        Assert.True((await bed.Members.DeactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0))).Succeeded);
        Assert.True((await bed.Members.DeactivateAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(1))).Succeeded);

        Assert.Equal([crew.OwnerId], Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, "devices.write", "line-1")).Holders.Select(h => h.UserId));
        Assert.Empty(Ok(bed.Queries.ListResources(crew.OwnerId, crew[1], crew.TeamId, "devices.write")).Resources);
        Assert.Empty(Ok(bed.Queries.GetPermissions(crew.OwnerId, crew[0], crew.TeamId)));
        Assert.False(Ok(bed.Queries.ListResources(crew.OwnerId, crew[0], crew.TeamId, "devices.write")).RoleReachesEveryResource);

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, bed.Queries.ListUsersWithPermission(crew[0], crew.TeamId, Permissions.MembersRead).Code);
        Assert.Equal(TeamAccessErrorCode.PermissionDenied, bed.Queries.GetPermissions(crew[0], crew.OwnerId, crew.TeamId).Code);
        Assert.Empty(Ok(bed.Queries.GetPermissions(crew[0], crew[0], crew.TeamId)));
        Assert.Empty(Ok(bed.Queries.ListResources(crew[1], crew[1], crew.TeamId, "devices.write")).Resources);
    }

    [Fact]
    public async Task DeletedTeam_IsAnsweredTeamDeletedToItsMembers()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        Assert.True((await bed.Teams.DeleteAsync(crew.OwnerId, crew.TeamId)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.TeamDeleted, bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, Permissions.MembersRead).Code);
        Assert.Equal(TeamAccessErrorCode.TeamDeleted, bed.Queries.ListResources(crew.OwnerId, crew[0], crew.TeamId, "devices.read").Code);
        Assert.Equal(TeamAccessErrorCode.TeamDeleted, bed.Queries.GetPermissions(crew[0], crew[0], crew.TeamId).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, bed.Queries.GetPermissions(UserId.New(), crew[0], crew.TeamId).Code);
    }

    [Fact]
    public async Task CrossTeamActor_IsAnsweredAsIfTheTeamDidNotExist()
    {
        await using var bed = TestBed.Create();
        var ours = await bed.CrewAsync(RolePresets.Member);
        var theirs = await bed.CrewAsync(RolePresets.Member);
        var nowhere = TeamId.New();

        foreach (var team in new[] { theirs.TeamId, nowhere })
        {
            var list = bed.Queries.ListUsersWithPermission(ours.OwnerId, team, Permissions.MembersRead);
            var resources = bed.Queries.ListResources(ours.OwnerId, theirs[0], team, "devices.read");
            var permissions = bed.Queries.GetPermissions(ours.OwnerId, theirs.OwnerId, team);
            var self = bed.Queries.GetPermissions(ours.OwnerId, ours.OwnerId, team);
            Assert.Equal(
                (TeamAccessErrorCode.NotFound, TeamAccessErrorCode.NotFound, TeamAccessErrorCode.NotFound, TeamAccessErrorCode.NotFound),
                (list.Code, resources.Code, permissions.Code, self.Code));
            Assert.Equal(bed.Queries.ListUsersWithPermission(ours.OwnerId, nowhere, Permissions.MembersRead).Error!.Message, list.Error!.Message);
        }
    }

    [Fact]
    public async Task ActorWithoutMembersRead_IsDeniedAboutOthersButMayAskAboutThemself()
    {
        await using var bed = TestBed.Create(o => o.Roles.UsePreset(RolePresets.OwnerAdministratorMemberObserver).Add(Guest));
        var crew = await bed.CrewAsync(Guest.Name, RolePresets.Member);
        await GrantAsync(bed, crew, GrantSubject.ForMembership(crew.MembershipOf(0)), "line-1", "devices.read");
        Assert.False(bed.Access.HasPermission(crew[0], crew.TeamId, Permissions.MembersRead));

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, bed.Queries.ListUsersWithPermission(crew[0], crew.TeamId, "devices.read", "line-1").Code);
        Assert.Equal(TeamAccessErrorCode.PermissionDenied, bed.Queries.ListResources(crew[0], crew[1], crew.TeamId, "devices.read").Code);
        Assert.Equal(TeamAccessErrorCode.PermissionDenied, bed.Queries.GetPermissions(crew[0], crew.OwnerId, crew.TeamId).Code);

        Assert.Equal([new ResourceReach("line-1", AccessPaths.DirectGrant)], Ok(bed.Queries.ListResources(crew[0], crew[0], crew.TeamId, "devices.read")).Resources);
        Assert.Empty(Ok(bed.Queries.GetPermissions(crew[0], crew[0], crew.TeamId)));
        Assert.Equal(["devices.read"], Ok(bed.Queries.GetPermissions(crew[0], crew[0], crew.TeamId, "line-1")).Select(p => p.Name));
    }

    [Fact]
    public async Task GetPermissions_Self_IsTheSetTheChecksAllow()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);

        var set = Ok(bed.Queries.GetPermissions(crew[0], crew[0], crew.TeamId, "line-1"));

        var expected = bed.Roles.PermissionCatalog.All.Where(p => bed.Access.HasPermission(crew[0], crew.TeamId, p, "line-1")).ToArray();
        Assert.Equal(expected, set);
        Assert.Equal(expected.Length, set.Count);
        Assert.False(set.Contains(Permissions.TeamDelete));
        Assert.False(set.Contains("no.such"));
        Assert.False(set.Contains(default(Permission)));
    }

    [Fact]
    public async Task BadInput_IsAnsweredWithItsCode()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var userCursor = Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, Permissions.MembersRead, page: new AccessPageRequest(PageSize: 1))).Next!;

        Assert.Equal(TeamAccessErrorCode.InvalidPermission, bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, "no.such").Code);
        Assert.Equal(TeamAccessErrorCode.InvalidPermission, bed.Queries.ListResources(crew.OwnerId, crew[0], crew.TeamId, null!).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidResource, bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, "devices.read", " padded ").Code);
        Assert.Equal(TeamAccessErrorCode.InvalidResource, bed.Queries.GetPermissions(crew.OwnerId, crew[0], crew.TeamId, "").Code);
        foreach (var cursor in new[] { "", "u", "x" + userCursor[1..], userCursor + "0", "r!!", "r", "rA", AccessCursor.ForResource("line-1") + "=" })
        {
            Assert.Equal(TeamAccessErrorCode.InvalidCursor, bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, Permissions.MembersRead, page: new AccessPageRequest(cursor)).Code);
            Assert.Equal(TeamAccessErrorCode.InvalidCursor, bed.Queries.ListResources(crew.OwnerId, crew[0], crew.TeamId, "devices.read", new AccessPageRequest(cursor)).Code);
        }

        // A cursor of one list is not a cursor of the other.
        Assert.Equal(TeamAccessErrorCode.InvalidCursor, bed.Queries.ListResources(crew.OwnerId, crew[0], crew.TeamId, "devices.read", new AccessPageRequest(userCursor)).Code);
    }

    [Fact]
    public async Task Paging_PagesOfTwo_ListEveryHolderOnceAndEachFullPageSaysMoreFollow()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Member, RolePresets.Observer, RolePresets.Administrator);

        var pages = new List<PermissionHolderPage>();
        var listed = AccessQueriesProperties.AllPages(
            2,
            request =>
            {
                var page = Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, Permissions.MembersRead, page: request));
                pages.Add(page);
                return page;
            },
            p => p.Holders,
            p => p.Next).Items.Select(h => h.UserId).ToList();

        Assert.Equal([2, 2, 1], pages.Select(p => p.Holders.Count));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal(Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, Permissions.MembersRead)).Holders.Select(h => h.UserId), listed);
        Assert.Equal(5, listed.Distinct().Count());
    }

    [Fact]
    public async Task Paging_ACursor_ContinuesAfterMembersAreAddedAndRemoved()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member, RolePresets.Member, RolePresets.Member, RolePresets.Member);
        var first = Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, Permissions.MembersRead, page: new AccessPageRequest(PageSize: 2)));
        var versionBefore = (await bed.SnapshotAsync(crew.TeamId)).Version;
        Assert.True(first.HasMore);

        // Remove one member not yet listed and one already listed, and add two: the index is swapped three times over.
        var unlisted = crew.Members.Select((m, i) => (m.User.Id, Index: i)).First(m => first.Holders.All(h => h.UserId != m.Id));
        var listed = crew.Members.Select((m, i) => (m.User.Id, Index: i)).FirstOrDefault(m => first.Holders.Any(h => h.UserId == m.Id));
        Assert.True((await bed.Members.RemoveAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(unlisted.Index))).Succeeded);
        if (listed.Id != default)
        {
            Assert.True((await bed.Members.RemoveAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(listed.Index))).Succeeded);
        }

        var newcomers = new[] { await bed.SignUpAsync(), await bed.SignUpAsync() };
        foreach (var newcomer in newcomers)
        {
            Assert.True((await bed.Members.AddAsHostAsync(crew.TeamId, newcomer.User.Id, RolePresets.Member)).Succeeded);
        }

        Assert.True((await bed.SnapshotAsync(crew.TeamId)).Version > versionBefore);
        var rest = AccessQueriesProperties.AllPages(
            2,
            request => Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, Permissions.MembersRead, page: request with { Cursor = request.Cursor ?? first.Next })),
            p => p.Holders,
            p => p.Next).Items.Select(h => h.UserId).ToList();

        var all = first.Holders.Select(h => h.UserId).Concat(rest).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.DoesNotContain(crew[unlisted.Index], rest);
        var stayed = new[] { crew.OwnerId }.Concat(crew.Members.Select(m => m.User.Id)).Where(u => u != crew[unlisted.Index] && u != listed.Id);
        Assert.All(stayed, u => Assert.Contains(u, all));
        Assert.All(rest, u => Assert.True(u.Value.CompareTo(first.Holders[^1].UserId.Value) > 0));
        Assert.All(newcomers.Where(n => n.User.Id.Value.CompareTo(first.Holders[^1].UserId.Value) > 0), n => Assert.Contains(n.User.Id, rest));
    }

    [Fact]
    public void Paging_ALargePage_IsCutToTheMaximumAndSaysMoreFollow()
    {
        var roles = RoleCatalog.Create(new TeamAccessOptions());
        var team = new Team(TeamId.New(), "T", "ttt", TeamTier.Free, TeamStatus.Active, default) { Version = 1 };
        var memberships = Enumerable.Range(0, AccessPageRequest.MaxPageSize + 7)
            .Select(i => new StoredMembership(MembershipId.New(), team.Id, UserId.New(), $"{i}@example.com", i == 0 ? RolePresets.Owner : RolePresets.Member, MembershipStatus.Active, default))
            .ToImmutableDictionary(m => m.Id);
        var engine = new AccessEngine(roles);
        engine.Apply(TeamSnapshot.Empty(team) with { Memberships = memberships });
        var owner = memberships.Values.Single(m => m.Role == RolePresets.Owner).UserId!.Value;
        var queries = new AccessQueries(engine);

        var first = Ok(queries.ListUsersWithPermission(owner, team.Id, Permissions.MembersRead, page: new AccessPageRequest(PageSize: 5000)));
        var second = Ok(queries.ListUsersWithPermission(owner, team.Id, Permissions.MembersRead, page: new AccessPageRequest(first.Next, 5000)));

        Assert.Equal((AccessPageRequest.MaxPageSize, true), (first.Holders.Count, first.HasMore));
        Assert.Equal((7, false), (second.Holders.Count, second.HasMore));
        Assert.Equal(AccessPageRequest.DefaultPageSize, default(AccessPageRequest).EffectivePageSize);
        Assert.Equal(AccessPageRequest.DefaultPageSize, Ok(queries.ListUsersWithPermission(owner, team.Id, Permissions.MembersRead)).Holders.Count);
    }

    [Fact]
    public async Task StaleIndexThatFailsClosed_RefusesEveryList()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var engine = bed.Services.GetRequiredService<AccessEngine>();
        engine.Refusing = true;
        try
        {
            Assert.Equal(TeamAccessErrorCode.PermissionDenied, bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, Permissions.MembersRead).Code);
            Assert.Equal(TeamAccessErrorCode.PermissionDenied, bed.Queries.ListResources(crew[0], crew[0], crew.TeamId, "devices.read").Code);
            Assert.Equal(TeamAccessErrorCode.PermissionDenied, bed.Queries.GetPermissions(crew[0], crew[0], crew.TeamId).Code);
        }
        finally
        {
            engine.Refusing = false;
        }
    }

    [Fact]
    public async Task AddTeamAccess_RegistersTheQueriesOnTheCheckersIndex()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        Assert.IsType<AccessQueries>(bed.Queries);
        Assert.Same(bed.Queries, bed.Services.GetRequiredService<IAccessQueries>());
        Assert.Equal(2, Ok(bed.Queries.ListUsersWithPermission(crew.OwnerId, crew.TeamId, Permissions.MembersRead)).Holders.Count);
    }

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.Succeeded, result.ToString());
        return result.Value!;
    }

    private static async Task<GroupId> GroupAsync(TestBed bed, Crew crew, params MembershipId[] members)
    {
        var group = await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Crew", $"crew-{Guid.NewGuid():N}"[..20]);
        Assert.True(group.Succeeded, group.ToString());
        foreach (var member in members)
        {
            var added = await bed.Groups.AddMemberAsync(crew.OwnerId, crew.TeamId, group.Value!.Id, member);
            Assert.True(added.Succeeded, added.ToString());
        }

        return group.Value!.Id;
    }

    private static async Task GrantAsync(TestBed bed, Crew crew, GrantSubject subject, string resource, params string[] permissions)
    {
        var granted = await bed.Grants.GrantAsync(crew.OwnerId, crew.TeamId, subject, resource, permissions);
        Assert.True(granted.Succeeded, granted.ToString());
    }
}
