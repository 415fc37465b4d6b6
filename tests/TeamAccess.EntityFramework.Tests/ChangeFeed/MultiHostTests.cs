using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamAccess.Accounts;
using TeamAccess.Grants;
using TeamAccess.Hosting;
using TeamAccess.Members;
using TeamAccess.TeamRoles;
using TeamAccess.Teams;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// Two instances of a host on one store (two service providers, each with its own index and follower): what one
/// changes, the other's checks and session validation see within the staleness bound, and at once with the write's
/// consistency token. Run on the in-memory store (one instance shared), a SQLite file (polling alone) and PostgreSQL
/// (polling and LISTEN/NOTIFY).
/// </summary>
public abstract partial class MultiHostTests
{
    /// <summary>
    /// How long past the staleness bound a change may take to show on the real clock before the test calls it a hang: on
    /// a machine whose cores are busy the follower may not run for seconds. That the follower keeps within the bound on
    /// its own clock is proved on a fake one (<c>ChangeFeedFollowerTests</c>).
    /// </summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(30);

    /// <summary>Creates an empty store; returns how a host is put on it and how to throw it away.</summary>
    internal abstract Task<(Action<TeamAccessBuilder> Storage, Func<ValueTask> Drop)> CreateStoreAsync();

    /// <summary>Runs <paramref name="scenario"/> on a new, empty store (given as how a host is put on it), thrown away afterwards.</summary>
    private async Task OnOneStoreAsync(Func<Action<TeamAccessBuilder>, Task> scenario)
    {
        var (storage, drop) = await CreateStoreAsync();
        try
        {
            await scenario(storage);
        }
        finally
        {
            await drop();
        }
    }

    private static TimeSpan Limit(Host host) => host.Options.ChangeFeed.StalenessBound + Slack;

    [SkippableFact]
    public async Task ExpirySweep_OnTwoInstancesAtOnce_RecordsEachExpiryOnce()
    {
        await OnOneStoreAsync(async storage =>
        {
            // Both instances on one clock the test moves; the sweep reads the store, so no feed is needed between them.
            var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
            await using var a = await Host.StartAsync(storage, services: s => s.AddSingleton<TimeProvider>(time));
            await using var b = await Host.StartAsync(storage, services: s => s.AddSingleton<TimeProvider>(time));
            var owner = await a.SignUpAsync("sweeping");
            var team = owner.Team.Id;
            var invited = await a.Use<Invitations.IInvitationService, Result<Invitations.InviteBatchResult>>(i =>
                i.InviteAsync(owner.User.Id, team, Invitations.InviteRequest.FromText("a@example.com b@example.com c@example.com d@example.com e@example.com", RolePresets.Member)));
            Assert.True(invited.Succeeded, invited.ToString());

            time.Advance(TimeSpan.FromDays(7));
            var swept = await Task.WhenAll(
                Task.Run(async () => await a.Services.GetRequiredService<ExpirySweeper>().SweepOnceAsync(CancellationToken.None)),
                Task.Run(async () => await b.Services.GetRequiredService<ExpirySweeper>().SweepOnceAsync(CancellationToken.None)));

            Assert.Equal(5, swept.Sum());
            var expired = await a.UseAsync(async sp => (await StoreBed.TeamAuditAsync(sp.GetRequiredService<IAuditStore>(), team)).Count(e => e.Action == AuditActions.InvitationExpired));
            Assert.Equal(5, expired);
            Assert.Empty(await a.Services.GetRequiredService<IExpiryStore>().ListTeamsWithExpiredAsync(time.GetUtcNow(), 10, CancellationToken.None));
        });
    }

    [SkippableFact]
    public async Task MembershipChanges_ThroughA_ReachBsChecksAndSessionsWithinTheBound()
    {
        await OnOneStoreAsync(async storage =>
        {
            await using var a = await Host.StartAsync(storage);
            await using var b = await Host.StartAsync(storage);
            var owner = await a.SignUpAsync("owner");
            var team = owner.Team.Id;
            var admin = await a.SignUpAsync("admin");
            var other = await a.SignUpAsync("other");

            // Added through A: B lets the new administrator in, and validates the session A issues.
            var added = await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(team, admin.User.Id, RolePresets.Administrator));
            Assert.True(added.Succeeded, added.ToString());
            await Host.EventuallyAsync(() => b.Access.HasPermission(admin.User.Id, team, Permissions.MembersInvite), Limit(b), "added member on B");
            var session = await a.SignInAsync("admin@example.com", team);
            Assert.True((await b.ValidateAsync(session.AccessToken, team)).Succeeded);

            // Demoted through A: B stops letting them invite, and refuses the session issued before.
            var demoted = await a.Use<IMemberService, Result<Membership>>(m => m.ChangeRoleAsync(owner.User.Id, team, added.Value!.Id, RolePresets.Observer));
            Assert.True(demoted.Succeeded, demoted.ToString());
            await Host.EventuallyAsync(() => !b.Access.HasPermission(admin.User.Id, team, Permissions.MembersInvite), Limit(b), "demotion on B");
            await Host.EventuallyAsync(async () => (await b.ValidateAsync(session.AccessToken, team)).Code == TeamAccessErrorCode.SessionRevoked, Limit(b), "old session refused on B");

            // Signed in again through B as an Observer: B's index must not let the new session write.
            var observerSession = await b.SignInAsync("admin@example.com", team);
            Assert.Equal(RolePresets.Observer, (await b.ValidateAsync(observerSession.AccessToken, team)).Value!.Role);
            Assert.False(b.Access.HasPermission(admin.User.Id, team, "devices.write"));

            // Deactivated, then removed, through A.
            var deactivated = await a.Use<IMemberService, Result<Membership>>(m => m.DeactivateAsync(owner.User.Id, team, added.Value!.Id));
            Assert.True(deactivated.Succeeded, deactivated.ToString());
            await Host.EventuallyAsync(() => !b.Access.HasPermission(admin.User.Id, team, Permissions.MembersRead), Limit(b), "deactivation on B");
            await Host.EventuallyAsync(async () => (await b.ValidateAsync(observerSession.AccessToken, team)).Code == TeamAccessErrorCode.SessionRevoked, Limit(b), "session of a deactivated member on B");

            var otherAdded = await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(team, other.User.Id, RolePresets.Administrator));
            await Host.EventuallyAsync(() => b.Access.HasPermission(other.User.Id, team, Permissions.MembersRead), Limit(b), "second member on B");
            var removed = await a.Use<IMemberService, Result<Membership>>(m => m.RemoveAsync(owner.User.Id, team, otherAdded.Value!.Id));
            Assert.True(removed.Succeeded, removed.ToString());
            await Host.EventuallyAsync(() => !b.Access.HasPermission(other.User.Id, team, Permissions.MembersRead), Limit(b), "removal on B");
        });
    }

    [SkippableFact]
    public async Task SignOuts_ThroughA_EndTheSessionsOnBWithinTheBound()
    {
        await OnOneStoreAsync(async storage =>
        {
            await using var a = await Host.StartAsync(storage);
            await using var b = await Host.StartAsync(storage);
            var owner = await a.SignUpAsync("owner");
            var team = owner.Team.Id;
            var one = await a.SignInAsync("owner@example.com", team);
            var two = await a.SignInAsync("owner@example.com", team);
            var three = await a.SignInAsync("owner@example.com", team);

            // B has validated each session once, so it answers them from memory from here on.
            foreach (var session in new[] { one, two, three })
            {
                Assert.True((await b.ValidateAsync(session.AccessToken, team)).Succeeded);
            }

            Assert.True((await a.Use<ISessionService, Result>(s => s.SignOutAsync(one.AccessToken))).Succeeded);
            await Host.EventuallyAsync(async () => (await b.ValidateAsync(one.AccessToken, team)).Code == TeamAccessErrorCode.SessionRevoked, Limit(b), "one session signed out, on B");
            Assert.True((await b.ValidateAsync(two.AccessToken, team)).Succeeded);

            Assert.True((await a.Use<ISessionService, Result>(s => s.SignOutEverywhereAsync(two.AccessToken))).Succeeded);
            await Host.EventuallyAsync(async () => (await b.ValidateAsync(three.AccessToken, team)).Code == TeamAccessErrorCode.SessionRevoked, Limit(b), "signed out everywhere, on B");
            await Host.EventuallyAsync(async () => (await b.ValidateAsync(two.AccessToken, team)).Code == TeamAccessErrorCode.SessionRevoked, Limit(b), "the session that signed out everywhere, on B");
        });
    }

    [SkippableFact]
    public async Task GrantPolicyAndTeamChanges_ThroughA_ReachBWithinTheBound()
    {
        await OnOneStoreAsync(async storage =>
        {
            await using var a = await Host.StartAsync(storage);
            await using var b = await Host.StartAsync(storage);
            var owner = await a.SignUpAsync("owner");
            var team = owner.Team.Id;
            var member = await a.SignUpAsync("member");
            var added = await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(team, member.User.Id, RolePresets.Member));
            var grant = await a.Use<IGrantService, Result<Grant>>(g => g.GrantAsync(owner.User.Id, team, GrantSubject.ForMembership(added.Value!.Id), "line-1", ["devices.write"]));
            Assert.True(grant.Succeeded, grant.ToString());
            await Host.EventuallyAsync(() => b.Access.HasPermission(member.User.Id, team, "devices.write", "line-1"), Limit(b), "grant on B");

            var revoked = await a.Use<IGrantService, Result>(g => g.RevokeAsync(owner.User.Id, team, grant.Value!.Id));
            Assert.True(revoked.Succeeded, revoked.ToString());
            await Host.EventuallyAsync(() => !b.Access.HasPermission(member.User.Id, team, "devices.write", "line-1"), Limit(b), "revoked grant on B");

            // A policy that requires the team's SSO ends password sessions on B.
            var session = await b.SignInAsync("owner@example.com", team);
            var policy = await a.Use<ITeamService, Result<Team>>(t => t.SetSignInPolicyAsync(owner.User.Id, team, new TeamSignInPolicy(true, "corp-sso")));
            Assert.True(policy.Succeeded, policy.ToString());
            await Host.EventuallyAsync(async () => (await b.ValidateAsync(session.AccessToken, team)).Code == TeamAccessErrorCode.ReauthenticationRequired, Limit(b), "policy on B");

            var deleted = await a.Use<ITeamService, Result>(t => t.DeleteAsync(owner.User.Id, team));
            Assert.True(deleted.Succeeded, deleted.ToString());
            await Host.EventuallyAsync(() => !b.Access.HasPermission(owner.User.Id, team, Permissions.MembersRead), Limit(b), "deleted team on B");
        });
    }

    [SkippableFact]
    public async Task TeamRoleEdits_ThroughA_ChangeBsChecksWithinTheBound()
    {
        await OnOneStoreAsync(async storage =>
        {
            await using var a = await Host.StartAsync(storage);
            await using var b = await Host.StartAsync(storage);
            var owner = await a.SignUpAsync("owner");
            var team = owner.Team.Id;
            var tech = await a.SignUpAsync("tech");
            var created = await a.Use<ITeamRoleService, Result<TeamRole>>(r => r.CreateAsync(owner.User.Id, team, new TeamRoleRequest { Name = "Technician", Rank = 150, Permissions = ["devices.read"] }));
            Assert.True(created.Succeeded, created.ToString());
            var added = await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(team, tech.User.Id, "Technician"));
            Assert.True(added.Succeeded, added.ToString());
            await Host.EventuallyAsync(() => b.Access.HasPermission(tech.User.Id, team, "devices.read"), Limit(b), "team role holder on B");
            Assert.False(b.Access.HasPermission(tech.User.Id, team, "devices.write"));

            // The role changed through A: its holder's checks on B follow, with no change to the membership.
            var changed = await a.Use<ITeamRoleService, Result<TeamRole>>(r => r.UpdateAsync(owner.User.Id, team, new TeamRoleRequest { Name = "Technician", Rank = 150, Permissions = ["devices.read", "devices.write"] }));
            Assert.True(changed.Succeeded, changed.ToString());
            await Host.EventuallyAsync(() => b.Access.HasPermission(tech.User.Id, team, "devices.write"), Limit(b), "role edit on B");

            // B's own writes decide on the role as A left it.
            var session = await b.SignInAsync("tech@example.com", team);
            Assert.Equal("Technician", (await b.ValidateAsync(session.AccessToken, team)).Value!.Role);
            var narrowed = await b.Use<ITeamRoleService, Result<TeamRole>>(r => r.UpdateAsync(owner.User.Id, team, new TeamRoleRequest { Name = "Technician", Rank = 150, Permissions = [] }));
            Assert.True(narrowed.Succeeded, narrowed.ToString());
            await Host.EventuallyAsync(() => !a.Access.HasPermission(tech.User.Id, team, "devices.read"), Limit(a), "role edit on A");
        });
    }

    [SkippableFact]
    public async Task ConsistencyToken_OfAWriteOnA_MakesBAnswerAtOnce()
    {
        await OnOneStoreAsync(async storage =>
        {
            await using var a = await Host.StartAsync(storage);

            // B polls once an hour and hears no notifications: only the token can bring it up to date in time. Its
            // follower reads the feed once at start, whenever the thread pool gets to it: waited for, so that read
            // cannot come after A's writes and tell B of them first.
            await using var b = await Host.StartAsync(storage, o => o.ChangeFeed.StalenessBound = TimeSpan.FromHours(1), Deaf);
            await Host.EventuallyAsync(() => b.Follower.CompletedReads > 0, Host.Hang, "B's first read of the feed");
            var owner = await a.SignUpAsync("owner");
            var member = await a.SignUpAsync("member");
            var added = await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(owner.Team.Id, member.User.Id, RolePresets.Administrator));
            var token = added.ConsistencyToken!.Value;
            Assert.Equal(owner.Team.Id, token.TeamId);
            Assert.True(ConsistencyToken.TryParse(token.ToString(), out var carried));
            Assert.False(b.Access.HasPermission(member.User.Id, owner.Team.Id, Permissions.MembersInvite));

            Assert.True(await b.Access.CatchUpAsync(carried));

            Assert.True(b.Access.HasPermission(member.User.Id, owner.Team.Id, Permissions.MembersInvite));
            Assert.True(b.Engine.VersionOf(owner.Team.Id) >= token.Version);
        });
    }

    /// <summary>
    /// Whether or not A's index already knows of B's writes (a host that hears of commits may learn of them before its
    /// next write, or not, as the machine schedules it), A's write decides on the team as B left it. A deaf A is the
    /// case that proves the write reads the store: nothing else can tell it of B's writes.
    /// </summary>
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Write_OnAWhoseTeamBChangedSinceAsLastWrite_DecidesOnBsChangeAtOnce(bool aHearsOfCommits)
    {
        await OnOneStoreAsync(async storage =>
        {
            // A deaf A polls once an hour and hears no notifications: only what its writes read from the store can tell
            // it of B's. Its follower reads the feed once at start, whenever the thread pool gets to it: waited for, so
            // that read cannot come after B's writes below and tell A of them.
            await using var a = aHearsOfCommits
                ? await Host.StartAsync(storage)
                : await Host.StartAsync(storage, o => o.ChangeFeed.StalenessBound = TimeSpan.FromHours(1), Deaf);
            await Host.EventuallyAsync(() => a.Follower.CompletedReads > 0, Host.Hang, "A's first read of the feed");
            await using var b = await Host.StartAsync(storage);
            var owner = await a.SignUpAsync("owner");
            var team = owner.Team.Id;
            var leaving = await a.SignUpAsync("leaving");
            var joining = await a.SignUpAsync("joining");
            var steady = await a.SignUpAsync("steady");
            var leavingMembership = await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(team, leaving.User.Id, RolePresets.Member));
            var steadyMembership = await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(team, steady.User.Id, RolePresets.Member));
            Assert.True(leavingMembership.Succeeded && steadyMembership.Succeeded);

            // Through B: one member removed, one administrator added.
            Assert.True((await b.Use<IMemberService, Result<Membership>>(m => m.RemoveAsync(owner.User.Id, team, leavingMembership.Value!.Id))).Succeeded);
            Assert.True((await b.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(team, joining.User.Id, RolePresets.Administrator))).Succeeded);
            if (!aHearsOfCommits)
            {
                Assert.False(a.Access.HasPermission(joining.User.Id, team, Permissions.MembersRead));
            }

            // A's next writes decide on B's team: the removed membership is no longer one to promote, and the new
            // administrator may change a role.
            var promoted = await a.Use<IMemberService, Result<Membership>>(m => m.ChangeRoleAsync(owner.User.Id, team, leavingMembership.Value!.Id, RolePresets.Administrator));
            var removed = await b.Use<IMemberService, Result<Membership>>(m => m.ChangeRoleAsync(owner.User.Id, team, leavingMembership.Value!.Id, RolePresets.Administrator));
            Assert.False(promoted.Succeeded);
            Assert.Equal(removed.Code, promoted.Code);
            var byNewcomer = await a.Use<IMemberService, Result<Membership>>(m => m.ChangeRoleAsync(joining.User.Id, team, steadyMembership.Value!.Id, RolePresets.Observer));
            Assert.True(byNewcomer.Succeeded, byNewcomer.ToString());
            Assert.Equal(RolePresets.Observer, byNewcomer.Value!.Role);
        });
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RandomWritesThroughRandomHosts_AfterQuiescence_EveryIndexAnswersAsAFreshLoad(int seed)
    {
        await OnOneStoreAsync(async storage =>
        {
            var random = new Random(seed);
            var hosts = new[] { await Host.StartAsync(storage), await Host.StartAsync(storage), await Host.StartAsync(storage) };
            try
            {
                var people = new List<SignUpResult>();
                for (var i = 0; i < 6; i++)
                {
                    people.Add(await hosts[random.Next(hosts.Length)].SignUpAsync($"p{seed}x{i}"));
                }

                var roles = new[] { RolePresets.Administrator, RolePresets.Member, RolePresets.Observer };
                for (var step = 0; step < 60; step++)
                {
                    var host = hosts[random.Next(hosts.Length)];
                    var owner = people[random.Next(people.Count)];
                    var person = people[random.Next(people.Count)];
                    var team = owner.Team.Id;
                    var snapshot = await host.Use<ITeamStore, TeamSnapshot?>(t => t.LoadAsync(team, CancellationToken.None));
                    var current = snapshot!.FindCurrentMembership(person.User.Id);
                    switch (random.Next(5))
                    {
                        case 0 when current is null:
                            await host.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(team, person.User.Id, roles[random.Next(roles.Length)]));
                            break;
                        case 1 when current is not null:
                            await host.Use<IMemberService, Result<Membership>>(m => m.ChangeRoleAsync(owner.User.Id, team, current.Id, roles[random.Next(roles.Length)]));
                            break;
                        case 2 when current is not null:
                            await host.Use<IMemberService, Result<Membership>>(m => current.Status == MembershipStatus.Active
                                ? m.DeactivateAsync(owner.User.Id, team, current.Id)
                                : m.ReactivateAsync(owner.User.Id, team, current.Id));
                            break;
                        case 3 when current is not null:
                            await host.Use<IMemberService, Result<Membership>>(m => m.RemoveAsync(owner.User.Id, team, current.Id));
                            break;
                        case 4 when current is not null:
                            await host.Use<IGrantService, Result<Grant>>(g => g.GrantAsync(owner.User.Id, team, GrantSubject.ForMembership(current.Id), $"line-{random.Next(3)}", ["devices.read", "devices.write"]));
                            break;
                    }
                }

                await using var fresh = await Host.StartAsync(storage);
                foreach (var host in hosts)
                {
                    await host.Follower.CatchUpAsync(CancellationToken.None);
                }

                var permissions = new[] { Permissions.MembersRead, Permissions.MembersInvite, "devices.read", "devices.write" };
                foreach (var team in people.Select(p => p.Team.Id))
                {
                    foreach (var user in people.Select(p => p.User.Id))
                    {
                        foreach (var permission in permissions)
                        {
                            foreach (var resource in new string?[] { null, "line-0", "line-1", "line-2" })
                            {
                                var expected = fresh.Access.Explain(user, team, permission, resource);
                                foreach (var host in hosts)
                                {
                                    Assert.Equal(expected, host.Access.Explain(user, team, permission, resource));
                                }
                            }
                        }
                    }
                }
            }
            finally
            {
                foreach (var host in hosts)
                {
                    await host.DisposeAsync();
                }
            }
        });
    }

    /// <summary>A host that hears of no commit: the store's notifier (the in-memory store's, PostgreSQL's LISTEN) removed.</summary>
    private static void Deaf(IServiceCollection services) => services.RemoveAll<IChangeFeedNotifier>();
}
