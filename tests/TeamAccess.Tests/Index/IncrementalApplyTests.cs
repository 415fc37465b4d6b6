using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TeamAccess.Domain;
using TeamAccess.Index;
using TeamAccess.Writes;

namespace TeamAccess.Tests;

/// <summary>
/// An index patched from a write's delta must be indistinguishable from one compiled whole from the same snapshot: the
/// writes below go through the write path's <see cref="TeamAggregate"/> and <see cref="ChangeSetBuilder.Build"/>, the
/// patched engine takes each stored snapshot with its delta, and a fresh engine compiles it whole; every check, handle
/// and Explain must answer the same. The writes mix the changes a patch takes (role, status, stamp, email) with those
/// that must fall back (a membership joins or leaves the index or changes user, a grant or group or team change, a
/// missed version), and stale deltas arrive out of order.
/// </summary>
public sealed class IncrementalApplyTests
{
    private static readonly RoleCatalog Roles = RoleCatalog.Create(new TeamAccessOptions());
    private static readonly string[] RoleNames = [RolePresets.Owner, RolePresets.Administrator, RolePresets.Member, RolePresets.Observer, "OBSERVER", "nobody"];
    private static readonly MembershipStatus[] Statuses = Enum.GetValues<MembershipStatus>();
    private static readonly string[] Resources = ["r0", "r1", "elsewhere"];
    private static readonly string[][] GrantedPermissions = [["resources.read"], ["resources.write"], ["resources.read", "resources.write"]];
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 200, EndSize = 40)]
    public Property RandomWrites_PatchedIndexAnswersAsARebuiltOne(Step[] steps) => Prop.ToProperty(Run(steps ?? []));

    [Fact]
    public void OneRoleChange_IsPatchedAndAnswersAsARebuild()
    {
        var (engine, current) = Seeded();
        var target = Unreached(current, RolePresets.Administrator);
        var (snapshot, delta) = Write(current, e => e.PutMembership(target with { Role = RolePresets.Observer, SecurityStamp = Guid.NewGuid() }, AuditActions.MembershipRoleChanged));

        Assert.NotNull(delta);
        Assert.True(engine.Apply(snapshot, delta));
        AssertSameAnswers(snapshot, engine);
        Assert.False(engine.HasPermission(target.UserId!.Value, snapshot.Id, Permissions.ResourcesWrite));
    }

    [Fact]
    public void RoleChangeOfAMembershipAGrantReaches_FallsBackAndAnswersAsARebuild()
    {
        var (engine, current) = Seeded();
        var target = current.Memberships[GroupMember(current)];
        var (snapshot, delta) = Write(current, e => e.PutMembership(target with { Role = RolePresets.Observer }, AuditActions.MembershipRoleChanged));

        Assert.NotNull(delta);
        Assert.False(engine.Apply(snapshot, delta));
        AssertSameAnswers(snapshot, engine);
    }

    [Fact]
    public void StaleDelta_AfterANewerVersion_DoesNotRegress()
    {
        var (engine, current) = Seeded();
        var target = Unreached(current, RolePresets.Administrator);
        var (v2, d2) = Write(current, e => e.PutMembership(target with { Role = RolePresets.Owner }, AuditActions.MembershipRoleChanged));
        var (v3, d3) = Write(v2, e => e.PutMembership(v2.Memberships[target.Id] with { Status = MembershipStatus.Inactive }, AuditActions.MembershipDeactivated));

        Assert.True(engine.Apply(v2, d2));
        Assert.True(engine.Apply(v3, d3));
        Assert.False(engine.Apply(v2, d2));
        AssertSameAnswers(v3, engine);
    }

    [Fact]
    public void DeltaFromAnotherSnapshotOfTheHeldVersion_FallsBackAndAnswersAsARebuild()
    {
        // The engine holds version 1 as seeded; the write loaded a version 1 where the Administrator was a Member.
        var (engine, held) = Seeded();
        var target = Unreached(held, RolePresets.Administrator);
        var other = held with { Memberships = held.Memberships.SetItem(target.Id, target with { Role = RolePresets.Member }) };
        var (snapshot, delta) = Write(other, e => e.PutMembership(other.Memberships[target.Id] with { Status = MembershipStatus.Inactive }, AuditActions.MembershipDeactivated));

        Assert.False(engine.Apply(snapshot, delta));
        AssertSameAnswers(snapshot, engine);
    }

    private static bool Run(Step[] steps)
    {
        var (patched, current) = Seeded();
        var history = new List<(TeamSnapshot Snapshot, IndexDelta? Delta)>();
        foreach (var step in steps)
        {
            var memberships = current.Memberships.Values.OrderBy(m => m.Id.Value).ToArray();
            var target = memberships[step.Target % memberships.Length];
            var other = memberships[(step.Target + 1 + step.Actor) % memberships.Length];
            var role = RoleNames[step.Role % RoleNames.Length];
            var (snapshot, delta) = Write(current, e =>
            {
                switch (step.Kind % 10)
                {
                    case 0:
                        e.PutMembership(target with { Role = role, SecurityStamp = Guid.NewGuid() }, AuditActions.MembershipRoleChanged);
                        break;
                    case 1:
                        e.PutMembership(target with { Status = Statuses[step.Extra % Statuses.Length], SecurityStamp = Guid.NewGuid() }, AuditActions.MembershipDeactivated);
                        break;
                    case 2:
                        e.PutMembership(target with { Role = role }, AuditActions.MembershipRoleChanged);
                        e.PutMembership(other with { Status = Statuses[step.Extra % Statuses.Length] }, AuditActions.MembershipReactivated);
                        break;
                    case 3:
                        e.PutMembership(target with { Email = $"{step.Extra}@changed.example" }, AuditActions.MembershipRoleChanged);
                        break;
                    case 4:
                        // A new membership: of a new user, or an invitation to an address with no user yet.
                        var user = step.Extra % 2 == 0 ? UserId.New() : (UserId?)null;
                        e.PutMembership(new StoredMembership(MembershipId.New(), current.Id, user, "new@example.com", role, Statuses[step.Actor % 3], Now), AuditActions.MembershipAdded);
                        break;
                    case 5:
                        // The user changes: an invitation accepted by a user, or (not a real operation) another user.
                        e.PutMembership(target with { UserId = UserId.New() }, AuditActions.MembershipReactivated);
                        break;
                    case 6:
                        var subject = step.Extra % 2 == 0 ? GrantSubject.ForMembership(target.Id) : GrantSubject.ForGroup(current.Groups.Keys.First());
                        e.PutGrant(new Grant(GrantId.New(), current.Id, subject, Resources[step.Actor % 2], [.. GrantedPermissions[step.Role % GrantedPermissions.Length]], UserId.New()), AuditActions.GrantGiven);
                        break;
                    case 7:
                        if (current.Grants.Count > 0 && step.Extra % 2 == 0)
                        {
                            e.RemoveGrant(current.Grants.Keys.OrderBy(k => k.Value).ElementAt(step.Actor % current.Grants.Count), AuditActions.GrantRevoked);
                        }
                        else
                        {
                            var group = current.Groups.Values.First();
                            e.PutGroup(group with { Members = group.Members.Contains(target.Id) ? group.Members.Remove(target.Id) : group.Members.Add(target.Id) }, AuditActions.GroupMemberAdded);
                        }

                        break;
                    case 8:
                        e.SetTeam(current.Team with { Name = $"T{step.Extra}", Status = step.Extra % 16 == 0 ? TeamStatus.Deleted : current.Team.Status }, AuditActions.TeamRenamed);
                        break;
                    default:
                        // A role change like case 0, which the patched engine misses (below): its next delta starts from a version it does not hold.
                        e.PutMembership(target with { Role = role }, AuditActions.MembershipRoleChanged);
                        break;
                }
            });

            current = snapshot;
            history.Add((snapshot, delta));
            if (step.Kind % 10 == 9)
            {
                continue;
            }

            patched.Apply(snapshot, delta);
            if (step.Extra % 3 == 0 && history.Count > 1)
            {
                // A late publish of an older write, which must change nothing.
                var (older, olderDelta) = history[step.Actor % (history.Count - 1)];
                Assert.False(patched.Apply(older, olderDelta));
            }

            AssertSameAnswers(snapshot, patched);
        }

        return true;
    }

    /// <summary>A team of eight: every role, an Invited, an Inactive, a Removed and a user-less invitation; a group and grants.</summary>
    private static (AccessEngine Engine, TeamSnapshot Snapshot) Seeded()
    {
        var team = new Team(TeamId.New(), "T", "ttt", TeamTier.Free, TeamStatus.Active, Now) { Version = 1 };
        (string Role, MembershipStatus Status, bool HasUser)[] seeds =
        [
            (RolePresets.Owner, MembershipStatus.Active, true), (RolePresets.Administrator, MembershipStatus.Active, true),
            (RolePresets.Member, MembershipStatus.Active, true), (RolePresets.Member, MembershipStatus.Active, true),
            (RolePresets.Observer, MembershipStatus.Active, true), (RolePresets.Member, MembershipStatus.Invited, true),
            (RolePresets.Observer, MembershipStatus.Inactive, true), (RolePresets.Member, MembershipStatus.Removed, true),
            (RolePresets.Member, MembershipStatus.Invited, false),
        ];
        var memberships = seeds.Select((s, i) => new StoredMembership(MembershipId.New(), team.Id, s.HasUser ? UserId.New() : null, $"{i}@example.com", s.Role, s.Status, Now))
            .ToImmutableDictionary(m => m.Id);
        var ordered = memberships.Values.OrderBy(m => m.Email, StringComparer.Ordinal).ToArray();
        var group = new Group(GroupId.New(), team.Id, "G", "g", [ordered[3].Id, ordered[4].Id]);
        var direct = new Grant(GrantId.New(), team.Id, GrantSubject.ForMembership(ordered[2].Id), "r0", ["resources.write"], ordered[0].UserId!.Value);
        var viaGroup = new Grant(GrantId.New(), team.Id, GrantSubject.ForGroup(group.Id), "r1", ["resources.read", "resources.write"], ordered[0].UserId!.Value);
        var snapshot = TeamSnapshot.Empty(team) with
        {
            Memberships = memberships,
            Groups = ImmutableDictionary<GroupId, Group>.Empty.Add(group.Id, group),
            Grants = ImmutableDictionary<GrantId, Grant>.Empty.Add(direct.Id, direct).Add(viaGroup.Id, viaGroup),
        };
        var engine = new AccessEngine(Roles);
        engine.Apply(snapshot);
        return (engine, snapshot);
    }

    /// <summary>An Active membership in the role that no grant reaches, directly or through a group: one a patch takes.</summary>
    private static StoredMembership Unreached(TeamSnapshot snapshot, string role) =>
        snapshot.Memberships.Values.Single(m => m.Role == role && m.Status == MembershipStatus.Active && !snapshot.Grants.Values.Any(g => AccessRules.Reaches(snapshot.Groups, g, m.Id)));

    private static MembershipId GroupMember(TeamSnapshot snapshot) => snapshot.Groups.Values.First().Members.First();

    private static (TeamSnapshot Snapshot, IndexDelta? Delta) Write(TeamSnapshot current, Action<TeamAggregate> change)
    {
        var builder = new ChangeSetBuilder(null, Now);
        change(builder.Edit(current));
        builder.Build(out var stored);
        var written = Assert.Single(stored);
        return (written.Snapshot, written.Delta);
    }

    private static void AssertSameAnswers(TeamSnapshot snapshot, AccessEngine patched)
    {
        var rebuilt = new AccessEngine(Roles);
        rebuilt.Apply(snapshot);
        var users = snapshot.Memberships.Values.Where(m => m.UserId is not null).Select(m => m.UserId!.Value).Append(UserId.New());
        foreach (var user in users)
        {
            var (expectedHandle, actualHandle) = (rebuilt.Resolve(user, snapshot.Id), patched.Resolve(user, snapshot.Id));
            Assert.Equal(expectedHandle.IsMember, actualHandle.IsMember);
            Assert.Equal(expectedHandle.MembershipId, actualHandle.MembershipId);
            foreach (var permission in Roles.PermissionCatalog.All)
            {
                Assert.Equal(rebuilt.HasPermission(user, snapshot.Id, permission), patched.HasPermission(user, snapshot.Id, permission));
                Assert.Equal(expectedHandle.Has(permission), actualHandle.Has(permission));
                Assert.Equal(rebuilt.Explain(user, snapshot.Id, permission.Name), patched.Explain(user, snapshot.Id, permission.Name));
                foreach (var resource in Resources)
                {
                    Assert.Equal(rebuilt.HasPermission(user, snapshot.Id, permission, resource), patched.HasPermission(user, snapshot.Id, permission, resource));
                    Assert.Equal(expectedHandle.Has(permission, resource), actualHandle.Has(permission, resource));
                    Assert.Equal(rebuilt.Explain(user, snapshot.Id, permission.Name, resource), patched.Explain(user, snapshot.Id, permission.Name, resource));
                }
            }
        }
    }
}
