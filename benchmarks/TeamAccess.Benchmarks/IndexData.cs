using System.Collections.Immutable;
using System.Globalization;
using TeamAccess.Index;

namespace TeamAccess.Benchmarks;

/// <summary>
/// Synthetic teams with a realistic spread: at 100 thousand memberships and more, 40% of them sit in a few teams of 20
/// thousand; the rest in many small teams of 2 to 30. Each team has one Owner; the rest are 10% Administrators, 60%
/// Members and 30% Observers. Users belong to about 1.5 teams each. Deterministic for a given size.
/// </summary>
internal sealed class IndexData
{
    public const string HotResource = "project-berlin";
    public const string GroupResource = "project-paris";

    private IndexData(RoleCatalog roles, List<TeamSnapshot> teams, List<(UserId User, TeamId Team, string Role)> keys)
    {
        Roles = roles;
        Teams = teams;
        Keys = keys;
    }

    public RoleCatalog Roles { get; }

    public List<TeamSnapshot> Teams { get; }

    /// <summary>Every (user, team) pair with its role, in creation order.</summary>
    public List<(UserId User, TeamId Team, string Role)> Keys { get; }

    public static RoleCatalog CreateRoles()
    {
        var options = new TeamAccessOptions();
        options.Permissions.Add("devices.read", "devices.write");
        return RoleCatalog.Create(options);
    }

    public static IndexData Create(int memberships)
    {
        var roles = CreateRoles();
        var random = new Random(memberships);
        var users = new UserId[Math.Max(2, (int)(memberships / 1.5))];
        for (var i = 0; i < users.Length; i++)
        {
            users[i] = new UserId(NewGuid(random));
        }

        var sizes = new List<int>();
        var remaining = memberships;
        if (memberships >= 100_000)
        {
            for (var big = (int)(memberships * 0.4); big >= 20_000; big -= 20_000)
            {
                sizes.Add(20_000);
                remaining -= 20_000;
            }
        }

        while (remaining > 0)
        {
            var size = Math.Min(remaining, random.Next(2, 31));
            sizes.Add(size);
            remaining -= size;
        }

        var teams = new List<TeamSnapshot>(sizes.Count);
        var keys = new List<(UserId, TeamId, string)>(memberships);
        var created = DateTimeOffset.UnixEpoch;
        foreach (var size in sizes)
        {
            // Valid as a store would hold it: unique handles, and one membership per user and per email in a team.
            var handle = string.Create(CultureInfo.InvariantCulture, $"team-{teams.Count}");
            var team = new Team(new TeamId(NewGuid(random)), "Team", handle, TeamTier.Free, TeamStatus.Active, created) { Version = 1 };
            var builder = ImmutableDictionary.CreateBuilder<MembershipId, StoredMembership>();
            var start = random.Next(users.Length);
            for (var i = 0; i < size; i++)
            {
                // A contiguous run of the user pool: distinct users within the team, overlapping across teams.
                var userIndex = (start + i) % users.Length;
                var user = users[userIndex];
                var role = i == 0 ? RolePresets.Owner : (random.Next(10)) switch
                {
                    0 => RolePresets.Administrator,
                    < 7 => RolePresets.Member,
                    _ => RolePresets.Observer,
                };
                var membership = new StoredMembership(new MembershipId(NewGuid(random)), team.Id, user, string.Create(CultureInfo.InvariantCulture, $"user{userIndex}@example.com"), role, MembershipStatus.Active, created);
                builder.Add(membership.Id, membership);
                keys.Add((user, team.Id, role));
            }

            teams.Add(TeamSnapshot.Empty(team) with { Memberships = builder.ToImmutable() });
        }

        return new IndexData(roles, teams, keys);
    }

    /// <summary>Gives the first small team's first Member a direct grant and a group grant, for the resource-scoped checks.</summary>
    public (UserId Member, TeamId Team) AddGrants()
    {
        var index = Teams.FindIndex(t => t.Memberships.Count < 1000 && t.Memberships.Values.Any(m => m.Role == RolePresets.Member));
        var team = Teams[index];
        var member = team.Memberships.Values.First(m => m.Role == RolePresets.Member);
        var group = new Group(GroupId.New(), team.Id, "Maintenance", "maintenance-team", [member.Id]);
        var direct = new Grant(GrantId.New(), team.Id, GrantSubject.ForMembership(member.Id), HotResource, ["devices.write"], member.UserId!.Value);
        var viaGroup = new Grant(GrantId.New(), team.Id, GrantSubject.ForGroup(group.Id), GroupResource, ["devices.write"], member.UserId!.Value);
        Teams[index] = team with
        {
            Groups = team.Groups.Add(group.Id, group),
            Grants = team.Grants.Add(direct.Id, direct).Add(viaGroup.Id, viaGroup),
        };
        return (member.UserId!.Value, team.Id);
    }

    /// <summary>
    /// Gives the first small team with an Administrator a role of its own that writes devices everywhere, held by that
    /// Administrator in place of their catalog role; returns the holder. The data before the call is the peer: the same
    /// user in the same team, probed at the same place, holding the catalog role.
    /// </summary>
    public (UserId User, TeamId Team) AddTeamRole()
    {
        var index = Teams.FindIndex(t => t.Memberships.Count < 1000 && t.Memberships.Values.Any(m => m.Role == RolePresets.Administrator));
        var team = Teams[index];
        var administrator = team.Memberships.Values.First(m => m.Role == RolePresets.Administrator);
        var role = new TeamRole { Id = TeamRoleId.New(), TeamId = team.Id, Name = "Device Operator", Rank = 250, Permissions = ["devices.read", "devices.write", Permissions.MembersRead] };
        var holder = administrator with { Role = role.Name };
        Teams[index] = (team with { Memberships = team.Memberships.SetItem(holder.Id, holder) }).WithTeamRoles([role]);
        return (holder.UserId!.Value, team.Id);
    }

    public AccessEngine BuildEngine()
    {
        var engine = new AccessEngine(Roles);
        foreach (var team in Teams)
        {
            engine.Apply(team);
        }

        return engine;
    }

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
