using System.Collections.Immutable;
using TeamAccess.Index;

namespace TeamAccess.Tests;

public sealed class AccessEngineTests
{
    private static readonly RoleCatalog Roles = RoleCatalog.Create(new TeamAccessOptions());

    private static TeamSnapshot Team(long version, params (UserId User, string Role, MembershipStatus Status)[] members)
    {
        var team = new Team(new TeamId(new Guid("00000000-0000-0000-0000-000000000001")), "T", "ttt", TeamTier.Free, TeamStatus.Active, default) { Version = version };
        var memberships = members.Select(m => new StoredMembership(MembershipId.New(), team.Id, m.User, $"{m.User}@example.com", m.Role, m.Status, default))
            .ToImmutableDictionary(m => m.Id);
        return TeamSnapshot.Empty(team) with { Memberships = memberships };
    }

    [Fact]
    public void Apply_OlderVersionAfterNewer_KeepsTheNewer()
    {
        var engine = new AccessEngine(Roles);
        var user = UserId.New();
        var newer = Team(3, (user, RolePresets.Owner, MembershipStatus.Active));
        var older = Team(2, (user, RolePresets.Observer, MembershipStatus.Active));

        engine.Apply(newer);
        engine.Apply(older);

        Assert.True(engine.HasPermission(user, newer.Id, Permissions.TeamDelete));
    }

    [Fact]
    public void Apply_ThousandsOfTeams_EveryTeamAndMemberIsFound()
    {
        var engine = new AccessEngine(Roles);
        var teams = new List<(TeamId Team, UserId[] Users)>();
        for (var t = 0; t < 5000; t++)
        {
            var id = TeamId.New();
            var users = Enumerable.Range(0, t % 7 + 1).Select(_ => UserId.New()).ToArray();
            var team = new Team(id, "T", "ttt", TeamTier.Free, TeamStatus.Active, default) { Version = 1 };
            var memberships = users.Select((u, i) => new StoredMembership(MembershipId.New(), id, u, $"{i}@x.io", i == 0 ? RolePresets.Owner : RolePresets.Observer, MembershipStatus.Active, default))
                .ToImmutableDictionary(m => m.Id);
            engine.Apply(TeamSnapshot.Empty(team) with { Memberships = memberships });
            teams.Add((id, users));
        }

        Assert.Equal(5000, engine.TeamCount);
        foreach (var (team, users) in teams)
        {
            Assert.True(engine.HasPermission(users[0], team, Permissions.TeamDelete));
            Assert.All(users.Skip(1), u => Assert.False(engine.HasPermission(u, team, Permissions.MembersManage)));
            Assert.All(users.Skip(1), u => Assert.True(engine.HasPermission(u, team, Permissions.MembersRead)));
            Assert.False(engine.HasPermission(UserId.New(), team, Permissions.MembersRead));
        }
    }

    [Fact]
    public void Apply_RoleNamesInAnyCaseUnknownAndMany_ResolveAsTheCatalogDoes()
    {
        // More distinct spellings than the build's name cache keeps, so the catalog answers the rest.
        string[] names = ["Owner", "owner", "OWNER", "Observer", "observer", "Member", "MEMBER", "Administrator", "administrator", "nobody", "Owner ", "ObServer"];
        var members = names.Select(n => (UserId.New(), n, MembershipStatus.Active)).ToArray();
        var snapshot = Team(1, members);
        var engine = new AccessEngine(Roles);
        engine.Apply(snapshot);

        foreach (var (user, name, _) in members)
        {
            var expected = Roles.TryGet(name, out var role) ? role : null;
            foreach (var permission in Roles.PermissionCatalog.All)
            {
                Assert.Equal(expected?.Has(permission) ?? false, engine.HasPermission(user, snapshot.Id, permission));
            }

            Assert.Equal(expected?.Name, engine.Explain(user, snapshot.Id, Permissions.MembersRead).Role);
        }
    }

    [Fact]
    public void Find_EmptyGuidUser_IsNotConfusedWithAFreeEntry()
    {
        var engine = new AccessEngine(Roles);
        var snapshot = Team(1, (UserId.New(), RolePresets.Owner, MembershipStatus.Active));
        engine.Apply(snapshot);

        Assert.False(engine.HasPermission(new UserId(Guid.Empty), snapshot.Id, Permissions.MembersRead));
        Assert.False(engine.HasPermission(new UserId(Guid.Empty), new TeamId(Guid.Empty), Permissions.MembersRead));
    }

    [Fact]
    public void Resolve_Handle_AnswersLikeTheChecker()
    {
        var engine = new AccessEngine(Roles);
        var (owner, invited, inactive) = (UserId.New(), UserId.New(), UserId.New());
        var snapshot = Team(1, (owner, RolePresets.Owner, MembershipStatus.Active), (invited, RolePresets.Member, MembershipStatus.Invited), (inactive, RolePresets.Administrator, MembershipStatus.Inactive));
        engine.Apply(snapshot);

        foreach (var user in new[] { owner, invited, inactive, UserId.New() })
        {
            var handle = engine.Resolve(user, snapshot.Id);
            Assert.Equal(user != owner && snapshot.FindCurrentMembership(user) is null ? false : true, handle.IsMember);
            foreach (var permission in Roles.PermissionCatalog.All)
            {
                Assert.Equal(engine.HasPermission(user, snapshot.Id, permission), handle.Has(permission));
                Assert.Equal(engine.HasPermission(user, snapshot.Id, permission, "r"), handle.Has(permission, "r"));
            }
        }

        Assert.False(default(AccessHandle).Has(Roles.PermissionCatalog.Get(Permissions.MembersRead)));
        Assert.False(default(AccessHandle).IsMember);
    }

    [Fact]
    public async Task Checks_WhileTheTeamTableGrows_AlwaysFindTheTeamsAlreadyThere()
    {
        var engine = new AccessEngine(Roles);
        var early = Enumerable.Range(0, 64).Select(_ => Single(UserId.New())).ToArray();
        foreach (var snapshot in early)
        {
            engine.Apply(snapshot);
        }

        using var stop = new CancellationTokenSource();
        using var started = new CountdownEvent(2);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(
            () =>
            {
                var rounds = 0;
                do
                {
                    foreach (var snapshot in early)
                    {
                        var owner = snapshot.Memberships.Values.Single().UserId!.Value;
                        Assert.True(engine.HasPermission(owner, snapshot.Id, Permissions.TeamDelete));
                    }

                    if (rounds++ == 0)
                    {
                        started.Signal();
                    }
                }
                while (!stop.IsCancellationRequested);
                return rounds;
            },
            TaskCreationOptions.LongRunning)).ToArray();
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));

        // Adding teams grows the table several times over while the readers read.
        for (var i = 0; i < 20_000; i++)
        {
            engine.Apply(Single(UserId.New()));
        }

        await stop.CancelAsync();
        Assert.All(await Task.WhenAll(readers), rounds => Assert.True(rounds > 0));
        Assert.Equal(20_064, engine.TeamCount);
    }

    private static TeamSnapshot Single(UserId owner)
    {
        var team = new Team(TeamId.New(), "T", "ttt", TeamTier.Free, TeamStatus.Active, default) { Version = 1 };
        var membership = new StoredMembership(MembershipId.New(), team.Id, owner, "o@x.io", RolePresets.Owner, MembershipStatus.Active, default);
        return TeamSnapshot.Empty(team) with { Memberships = ImmutableDictionary<MembershipId, StoredMembership>.Empty.Add(membership.Id, membership) };
    }
}
