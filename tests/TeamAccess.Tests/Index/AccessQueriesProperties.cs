using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TeamAccess.Index;

namespace TeamAccess.Tests;

/// <summary>
/// The lists pinned to the checks, on random teams (every role of a catalog with read-only, grant-scoped, read-only and
/// unscoped, and no-<c>members.read</c> roles; every status; an unknown role; groups; direct and group grants of resource
/// and team-level permissions): a user is listed iff <see cref="IAccessChecker.HasPermission(UserId, TeamId, Permission, string)"/>
/// says yes, a resource iff the check on it does (or the role reaches every resource), the permission set is exactly
/// what the checks allow; the "how" is what the team's grants and groups say; pages of any size concatenate to the whole
/// list with no repeat, each full page saying more follow; and a cursor from an older index version keeps working.
/// </summary>
public sealed class AccessQueriesProperties
{
    private static readonly RoleCatalog Roles = RoleCatalog.Create(CatalogOptions());
    private static readonly string[] RoleNames = [RolePresets.Owner, RolePresets.Administrator, RolePresets.Member, RolePresets.Observer, RolePresets.Viewer, "Guest", "nobody"];
    private static readonly MembershipStatus[] Statuses = Enum.GetValues<MembershipStatus>();
    private static readonly string[] Resources = ["r0", "r1", "r2", "r3"];
    private static readonly string[] Asked = [.. Resources, "never-granted"];
    private static readonly string[][] GrantSets = [["devices.read"], ["devices.write"], ["devices.read", "devices.write"], [Permissions.ResourcesWrite], [Permissions.MembersManage, "devices.read"]];

    [Property(MaxTest = 150, EndSize = 24)]
    public Property Lists_AgreeWithHasPermission(Seat[] seats, GrantSpec[] grants, byte pageSize) =>
        Prop.ToProperty(AgreeWithChecks(seats ?? [], grants ?? [], pageSize % 5 + 1));

    [Property(MaxTest = 100, EndSize = 24)]
    public Property Cursor_FromAnOlderIndexVersion_ListsEveryStayingHolderOnceAndNoOneTwice(Seat[] seats, GrantSpec[] grants, Seat[] added, byte[] removed, byte pageSize, byte permission, byte resource) =>
        Prop.ToProperty(SurvivesSwap(seats ?? [], grants ?? [], added ?? [], removed ?? [], pageSize % 4 + 1, permission, resource));

    private static bool AgreeWithChecks(Seat[] seats, GrantSpec[] grants, int pageSize)
    {
        var snapshot = Build(TeamId.New(), 1, seats, grants, []);
        var engine = new AccessEngine(Roles);
        engine.Apply(snapshot);
        var queries = new AccessQueries(engine);
        var owner = OwnerOf(snapshot);
        var users = snapshot.Memberships.Values.Where(m => m.UserId is not null).Select(m => m.UserId!.Value).Distinct().Append(UserId.New()).ToArray();

        // About a user with no current membership (an outsider, or one whose membership ended) the lists answer NotFound.
        var indexed = snapshot.Memberships.Values.Where(m => m.UserId is not null && !m.Status.IsTerminal()).Select(m => m.UserId!.Value).ToHashSet();
        foreach (var outsider in users.Where(u => !indexed.Contains(u) && u != owner))
        {
            Assert.Equal(TeamAccessErrorCode.NotFound, queries.GetPermissions(owner, outsider, snapshot.Id).Error?.Code);
            Assert.Equal(TeamAccessErrorCode.NotFound, queries.ListResources(owner, outsider, snapshot.Id, Roles.PermissionCatalog.All[0].Name).Error?.Code);
        }

        foreach (var permission in Roles.PermissionCatalog.All)
        {
            foreach (var resource in Asked.Prepend(null))
            {
                var holders = AllHolders(queries, owner, snapshot.Id, permission.Name, resource, pageSize);
                var whole = Ok(queries.ListUsersWithPermission(owner, snapshot.Id, permission.Name, resource, new AccessPageRequest(PageSize: AccessPageRequest.MaxPageSize)));
                Assert.False(whole.HasMore);
                Assert.Equal(whole.Holders, holders);
                Assert.Equal(holders.Select(h => h.UserId.Value).Order(), holders.Select(h => h.UserId.Value));
                Assert.Equal(holders.Count, holders.Select(h => h.UserId).Distinct().Count());

                var allowed = users.Where(u => resource is null ? engine.HasPermission(u, snapshot.Id, permission) : engine.HasPermission(u, snapshot.Id, permission, resource)).ToHashSet();
                Assert.True(allowed.SetEquals(holders.Select(h => h.UserId)), $"{permission} on {resource ?? "(team)"}");
                foreach (var holder in holders)
                {
                    var membership = snapshot.FindCurrentMembership(holder.UserId)!;
                    Assert.Equal((membership.Id, Roles.TryGet(membership.Role, out var role) ? role.Name : null), (holder.MembershipId, holder.Role));
                    Assert.Equal(ExpectedPaths(snapshot, membership, permission, resource), holder.Via);
                    var reason = engine.Explain(holder.UserId, snapshot.Id, permission.Name, resource).Reason;
                    Assert.Equal(
                        holder.Via.HasFlag(AccessPaths.Role) ? AccessReason.AllowedByRole : holder.Via.HasFlag(AccessPaths.DirectGrant) ? AccessReason.AllowedByDirectGrant : AccessReason.AllowedByGroupGrant,
                        reason);
                }
            }

            foreach (var user in users.Where(u => indexed.Contains(u) || u == owner))
            {
                var (every, reached) = AllResources(queries, owner, user, snapshot.Id, permission.Name, pageSize);
                Assert.Equal(reached.Select(r => r.ResourceId).Order(StringComparer.Ordinal), reached.Select(r => r.ResourceId));
                Assert.Equal(reached.Count, reached.Select(r => r.ResourceId).Distinct().Count());
                Assert.All(reached, r => Assert.Contains(r.ResourceId, Resources));
                foreach (var resource in Asked)
                {
                    var listed = reached.SingleOrDefault(r => r.ResourceId == resource);
                    Assert.Equal(engine.HasPermission(user, snapshot.Id, permission, resource), every || listed is not null);
                    var membership = snapshot.FindCurrentMembership(user);
                    var byGrants = membership is null ? AccessPaths.None : ExpectedPaths(snapshot, membership, permission, resource) & ~AccessPaths.Role;
                    Assert.Equal(byGrants, listed?.Via ?? AccessPaths.None);
                }
            }
        }

        foreach (var user in users.Where(u => indexed.Contains(u) || u == owner))
        {
            foreach (var resource in Asked.Prepend(null))
            {
                var set = Ok(queries.GetPermissions(owner, user, snapshot.Id, resource));
                var expected = Roles.PermissionCatalog.All.Where(p => resource is null ? engine.HasPermission(user, snapshot.Id, p) : engine.HasPermission(user, snapshot.Id, p, resource));
                Assert.Equal(expected, set);
                Assert.All(Roles.PermissionCatalog.All, p => Assert.Equal(set.Contains(p), set.Contains(p.Name)));
            }
        }

        return true;
    }

    private static bool SurvivesSwap(Seat[] seats, GrantSpec[] grants, Seat[] added, byte[] removed, int pageSize, byte permissionIndex, byte resourceIndex)
    {
        var before = Build(TeamId.New(), 1, seats, grants, []);
        var permission = Roles.PermissionCatalog.All[permissionIndex % Roles.PermissionCatalog.All.Count];
        var resource = resourceIndex % 3 == 0 ? null : Asked[resourceIndex % Asked.Length];
        var engine = new AccessEngine(Roles);
        engine.Apply(before);
        var queries = new AccessQueries(engine);
        var owner = OwnerOf(before);

        var first = Ok(queries.ListUsersWithPermission(owner, before.Id, permission.Name, resource, new AccessPageRequest(PageSize: pageSize)));
        Assert.True(first.HasMore || AllHolders(queries, owner, before.Id, permission.Name, resource, AccessPageRequest.MaxPageSize).Count == first.Holders.Count);

        // The next version: some members removed (never the owner), some new ones added with users of their own.
        var others = before.Memberships.Values.Where(m => m.Email != "owner@example.com").OrderBy(m => m.Email, StringComparer.Ordinal).ToArray();
        var gone = others.Length == 0 ? [] : removed.Select(r => others[r % others.Length].Id).ToHashSet();
        var after = Build(before.Id, 2, [], [], added) is var extra
            ? before with
            {
                Team = before.Team with { Version = 2 },
                Memberships = before.Memberships.RemoveRange(gone).AddRange(extra.Memberships.Where(m => m.Value.Role != RolePresets.Owner)),
            }
            : before;
        engine.Apply(after);
        Assert.Equal(2, engine.VersionOf(before.Id));

        var rest = new List<PermissionHolder>();
        for (var cursor = first.Next; cursor is not null;)
        {
            var page = Ok(queries.ListUsersWithPermission(owner, before.Id, permission.Name, resource, new AccessPageRequest(cursor, pageSize)));
            Assert.True(page.Holders.Count == pageSize || !page.HasMore);
            rest.AddRange(page.Holders);
            cursor = page.Next;
        }

        bool Holds(AccessEngine e, UserId u) => resource is null ? e.HasPermission(u, before.Id, permission) : e.HasPermission(u, before.Id, permission, resource);
        var old = new AccessEngine(Roles);
        old.Apply(before);
        var listed = first.Holders.Concat(rest).Select(h => h.UserId).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(listed.Select(u => u.Value).Order(), listed.Select(u => u.Value));
        Assert.All(first.Holders, h => Assert.True(Holds(old, h.UserId)));
        Assert.All(rest, h => Assert.True(Holds(engine, h.UserId)));
        var staying = before.Memberships.Values.Concat(after.Memberships.Values).Where(m => m.UserId is not null).Select(m => m.UserId!.Value)
            .Where(u => Holds(old, u) && Holds(engine, u));
        Assert.All(staying, u => Assert.Contains(u, listed));
        return true;
    }

    private static List<PermissionHolder> AllHolders(AccessQueries queries, UserId actor, TeamId team, string permission, string? resource, int pageSize) =>
        AllPages(pageSize, request => Ok(queries.ListUsersWithPermission(actor, team, permission, resource, request)), p => p.Holders, p => p.Next).Items;

    private static (bool Every, List<ResourceReach> Reached) AllResources(AccessQueries queries, UserId actor, UserId user, TeamId team, string permission, int pageSize)
    {
        var (items, last) = AllPages(pageSize, request => Ok(queries.ListResources(actor, user, team, permission, request)), p => p.Resources, p => p.Next);
        return (last.RoleReachesEveryResource, items);
    }

    /// <summary>Reads a list page by page to its end: every page that says more follow is full (never cut short).</summary>
    internal static (List<TItem> Items, TPage Last) AllPages<TPage, TItem>(int pageSize, Func<AccessPageRequest, TPage> read, Func<TPage, IReadOnlyList<TItem>> items, Func<TPage, string?> next)
    {
        var all = new List<TItem>();
        var request = new AccessPageRequest(PageSize: pageSize);
        while (true)
        {
            var page = read(request);
            all.AddRange(items(page));
            if (next(page) is not { } cursor)
            {
                return (all, page);
            }

            Assert.Equal(pageSize, items(page).Count);
            request = request with { Cursor = cursor };
        }
    }

    /// <summary>How the membership holds the permission, read from the team's memberships, groups and grants (the reference).</summary>
    private static AccessPaths ExpectedPaths(TeamSnapshot snapshot, StoredMembership membership, Permission permission, string? resource)
    {
        if (snapshot.Team.Status != TeamStatus.Active || membership.Status != MembershipStatus.Active || !Roles.TryGet(membership.Role, out var role))
        {
            return AccessPaths.None;
        }

        var paths = (resource is null ? role.Has(permission) : !role.IsScopedToGrants && role.PermissionNames.Contains(permission.Name)) ? AccessPaths.Role : AccessPaths.None;
        if (resource is null || (role.IsReadOnly && permission.Kind == PermissionKind.Write))
        {
            return paths;
        }

        foreach (var grant in snapshot.Grants.Values.Where(g => g.ResourceId == resource && g.Permissions.Contains(permission.Name)))
        {
            if (grant.Subject == GrantSubject.ForMembership(membership.Id))
            {
                paths |= AccessPaths.DirectGrant;
            }
            else if (grant.Subject.Kind == GrantSubjectKind.Group && snapshot.Groups[new GroupId(grant.Subject.Id)].Members.Contains(membership.Id))
            {
                paths |= AccessPaths.GroupGrant;
            }
        }

        return paths;
    }

    /// <summary>An Active Owner first (the actor), then the seats; two groups, and the grants over the seats and groups.</summary>
    private static TeamSnapshot Build(TeamId id, long version, Seat[] seats, GrantSpec[] grants, Seat[] more)
    {
        var team = new Team(id, "T", "ttt", TeamTier.Free, TeamStatus.Active, default) { Version = version };
        var memberships = new List<StoredMembership> { new(MembershipId.New(), id, UserId.New(), "owner@example.com", RolePresets.Owner, MembershipStatus.Active, default) };
        foreach (var seat in seats.Concat(more))
        {
            memberships.Add(new StoredMembership(MembershipId.New(), id, seat.HasUser ? UserId.New() : null, $"{memberships.Count}@example.com", RoleNames[seat.Role % RoleNames.Length], Statuses[seat.Status % Statuses.Length], default));
        }

        var groups = Enumerable.Range(0, 2)
            .Select(g => new Group(GroupId.New(), id, $"G{g}", $"g{g}", [.. memberships.Where((_, i) => i > 0 && (seats.Concat(more).ElementAt(i - 1).Groups & (1 << g)) != 0).Select(m => m.Id)]))
            .ToArray();
        var given = grants.Select(g => new Grant(
            GrantId.New(),
            id,
            g.ToGroup ? GrantSubject.ForGroup(groups[g.Subject % 2].Id) : GrantSubject.ForMembership(memberships[g.Subject % memberships.Count].Id),
            Resources[g.Resource % Resources.Length],
            [.. GrantSets[g.Permissions % GrantSets.Length]],
            memberships[0].UserId!.Value));
        return TeamSnapshot.Empty(team) with
        {
            Memberships = memberships.ToImmutableDictionary(m => m.Id),
            Groups = groups.ToImmutableDictionary(g => g.Id),
            Grants = given.ToImmutableDictionary(g => g.Id),
        };
    }

    private static UserId OwnerOf(TeamSnapshot snapshot) =>
        snapshot.Memberships.Values.Single(m => m.Role == RolePresets.Owner && m.Email == "owner@example.com").UserId!.Value;

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.Succeeded, result.ToString());
        return result.Value!;
    }

    private static TeamAccessOptions CatalogOptions()
    {
        var options = new TeamAccessOptions();
        options.Permissions.Add("devices.read", "devices.write");
        options.Roles.UsePreset(RolePresets.OwnerAdministratorMemberObserver)
            .Add(new RoleDefinition(RolePresets.Viewer, 150, "*.read") { IsReadOnly = true })
            .Add(new RoleDefinition("Guest", 50, "devices.read") { IsScopedToGrants = true, IsReadOnly = true });
        return options;
    }

    /// <summary>One generated membership: role (an index, the last unknown to the catalog), status, whether it has a user, and its groups (bits).</summary>
    public sealed record Seat(byte Role, byte Status, bool HasUser, byte Groups);

    /// <summary>One generated grant: to a seat or a group, on a resource, of a permission set (indexes).</summary>
    public sealed record GrantSpec(byte Subject, bool ToGroup, byte Resource, byte Permissions);
}
