using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.Events;
using TeamAccess.Invitations;
using TeamAccess.Members;

// Test methods are documented by their names (Method_Scenario_Expectation), as in the repository's own test projects.
#pragma warning disable CS1591

namespace TeamAccess.Specification.Tests;

/// <summary>
/// What every TeamAccess store must do, in the manner of ASP.NET Core Identity's specification tests: a store package
/// derives a test class from this one in its xUnit project and implements <see cref="CreateBedAsync"/>. The repository
/// runs it on the in-memory store, SQLite and PostgreSQL. Writes go through the services, as a host's would; concurrent
/// writers each get their own unit of work.
/// </summary>
public abstract partial class StoreSpecificationTests
{
    /// <summary>Gets how many rounds the concurrency tests run; each round is a fresh team. Ten by default.</summary>
    protected virtual int ConcurrencyRounds => 10;

    /// <summary>
    /// Creates a host on a new, empty store of the kind under test: called once per test, and disposed when it ends. An
    /// implementation calls <see cref="StoreBed.CreateAsync"/> with its store call (<c>b =&gt; b.AddMyStores()</c>), and
    /// for a database with how to create its schema and how to drop it.
    /// </summary>
    /// <returns>The host.</returns>
    protected abstract Task<StoreBed> CreateBedAsync();

    [SkippableFact]
    public async Task SignUpAsync_ReadsAfterCommit_ReturnWhatWasCommitted()
    {
        await using var bed = await CreateBedAsync();
        var signedUp = await bed.SignUpAsync("ada");

        var stored = await bed.UserStore.FindByIdAsync(signedUp.User.Id, CancellationToken.None);
        AssertStoredAs(signedUp.User, stored);
        Assert.Equal(stored, await bed.UserStore.FindByEmailAsync("ada@example.com", CancellationToken.None));
        Assert.Null(await bed.UserStore.FindByEmailAsync("nobody@example.com", CancellationToken.None));
        Assert.Equal(signedUp.Team.Id, await bed.TeamStore.FindIdByHandleAsync("ada-team", CancellationToken.None));
        Assert.Null(await bed.TeamStore.FindIdByHandleAsync("no-team", CancellationToken.None));
        Assert.Null(await bed.TeamStore.LoadAsync(TeamId.New(), CancellationToken.None));

        var snapshot = await bed.SnapshotAsync(signedUp.Team.Id);
        Assert.Equal(1, snapshot.Version);
        Assert.Equal(signedUp.Team with { Version = 1 }, snapshot.Team);
        var membership = Assert.Single(snapshot.Memberships.Values);
        Assert.Equal(signedUp.User.Id, membership.UserId);
        Assert.Equal(RolePresets.Owner, membership.Role);
        Assert.Equal([signedUp.Team.Id], await ListAsync(bed.TeamStore.ListTeamIdsForUserAsync(signedUp.User.Id, CancellationToken.None)));
        AuditAssert.ReplayEquals(snapshot, await bed.AuditAsync(signedUp.Team.Id));
    }

    [SkippableFact]
    public async Task GroupsAndGrants_ChangedThroughTheServices_LoadAsCommittedAndReplayFromTheAudit()
    {
        await using var bed = await CreateBedAsync();
        var (owner, members) = await bed.CrewAsync(RolePresets.Member, RolePresets.Member);
        var teamId = owner.Team.Id;
        var group = (await bed.Groups.CreateAsync(owner.User.Id, teamId, "Maintenance", "maintenance-team")).Value!;
        Assert.True((await bed.Groups.AddMemberAsync(owner.User.Id, teamId, group.Id, members[0].Membership.Id)).Succeeded);
        Assert.True((await bed.Groups.AddMemberAsync(owner.User.Id, teamId, group.Id, members[1].Membership.Id)).Succeeded);
        var toGroup = await bed.Grants.GrantAsync(owner.User.Id, teamId, GrantSubject.ForGroup(group.Id), "project-7", ["devices.read", "devices.write"]);
        var toMember = await bed.Grants.GrantAsync(owner.User.Id, teamId, GrantSubject.ForMembership(members[1].Membership.Id), "project-8", ["devices.read"]);
        Assert.True(toGroup.Succeeded, toGroup.ToString());
        Assert.True(toMember.Succeeded, toMember.ToString());
        Assert.True((await bed.Members.RemoveAsync(owner.User.Id, teamId, members[1].Membership.Id)).Succeeded);

        var snapshot = await bed.SnapshotAsync(teamId);
        var stored = Assert.Single(snapshot.Groups.Values);
        Assert.Equal([members[0].Membership.Id], stored.Members);
        var grant = Assert.Single(snapshot.Grants.Values);
        Assert.Equal(["devices.read", "devices.write"], grant.Permissions.ToArray());
        Assert.Equal(MembershipStatus.Removed, snapshot.Memberships[members[1].Membership.Id].Status);
        AuditAssert.ReplayEquals(snapshot, await bed.AuditAsync(teamId));

        var all = await ListAsync(bed.TeamStore.LoadAllAsync(CancellationToken.None));
        Assert.Equal(AuditAssert.Canonical(snapshot), AuditAssert.Canonical(Assert.Single(all, s => s.Id == teamId)));
        Assert.Equal(3, all.Count);
        Assert.DoesNotContain(teamId, await ListAsync(bed.TeamStore.ListTeamIdsForUserAsync(members[1].User.Id, CancellationToken.None)));
        Assert.Contains(teamId, await ListAsync(bed.TeamStore.ListTeamIdsForUserAsync(members[0].User.Id, CancellationToken.None)));
    }

    [SkippableFact]
    public async Task ListPageAsync_MembersAddedAndRemovedBetweenPages_NoneRepeatedAndNoSteadyMemberSkipped()
    {
        await using var bed = await CreateBedAsync();
        var (owner, crew) = await bed.CrewAsync([.. Enumerable.Repeat(RolePresets.Member, 12)]);
        var teamId = owner.Team.Id;
        var leaving = new Queue<MembershipId>(crew.Where((_, i) => i % 3 == 0).Select(c => c.Membership.Id));
        var steady = crew.Select(c => c.Membership.Id).Except(leaving).Append((await bed.SnapshotAsync(teamId)).FindCurrentMembership(owner.User.Id)!.Id).ToHashSet();

        var seen = new List<MembershipId>();
        var query = new MemberQuery { PageSize = 2 };
        var pages = 0;
        while (true)
        {
            var page = (await bed.Members.ListPageAsync(owner.User.Id, teamId, query)).Value!;
            Assert.InRange(page.Members.Count, 0, 2);
            seen.AddRange(page.Members.Select(m => m.MembershipId));
            if (page.Next is not { } next)
            {
                break;
            }

            // Between pages one member leaves and a newcomer (whose address may sort before or after the boundary) joins.
            pages++;
            if (leaving.TryDequeue(out var gone))
            {
                Assert.True((await bed.Members.RemoveAsync(owner.User.Id, teamId, gone)).Succeeded);
            }

            var newcomer = await bed.SignUpAsync(pages % 2 == 0 ? $"aaa{pages}" : $"zzz{pages}");
            Assert.True((await bed.Members.AddAsHostAsync(teamId, newcomer.User.Id, RolePresets.Member)).Succeeded);
            query = new MemberQuery { PageSize = 2, After = next };
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), steady);
        Assert.True(pages >= 4, $"{pages} page boundaries");
    }

    [SkippableFact]
    public async Task ListPageAsync_FiltersAndCount_MatchTheTeamWithNamesJoined()
    {
        await using var bed = await CreateBedAsync();
        var (owner, crew) = await bed.CrewAsync(RolePresets.Member, RolePresets.Member, RolePresets.Administrator, RolePresets.Member);
        var teamId = owner.Team.Id;
        Assert.True((await bed.Members.DeactivateAsync(owner.User.Id, teamId, crew[1].Membership.Id)).Succeeded);
        Assert.True((await bed.Members.RemoveAsync(owner.User.Id, teamId, crew[3].Membership.Id)).Succeeded);
        Assert.True((await bed.Invitations.InviteAsync(owner.User.Id, teamId, new InviteRequest(["invitee@example.com"], RolePresets.Member))).Succeeded);

        var all = (await bed.Members.ListPageAsync(owner.User.Id, teamId, new MemberQuery { PageSize = int.MaxValue })).Value!;
        Assert.Equal((long?)5, all.TotalCount);
        Assert.Null(all.Next);
        Assert.Equal(all.Members.OrderBy(m => m.Email, StringComparer.Ordinal).Select(m => m.Email), all.Members.Select(m => m.Email));
        var admin = Assert.Single(all.Members, m => m.MembershipId == crew[2].Membership.Id);
        Assert.Equal((crew[2].User.FirstName, crew[2].User.LastName, RolePresets.Administrator), (admin.FirstName, admin.LastName, admin.Role));
        var invitee = Assert.Single(all.Members, m => m.Status == MembershipStatus.Invited);
        Assert.Equal(("invitee@example.com", null, null), (invitee.Email, invitee.FirstName, invitee.LastName));

        var inactive = (await bed.Members.ListPageAsync(owner.User.Id, teamId, new MemberQuery { Status = MembershipStatus.Inactive })).Value!;
        Assert.Equal([crew[1].Membership.Id], inactive.Members.Select(m => m.MembershipId));
        Assert.Equal((long?)1, inactive.TotalCount);
        var removed = (await bed.Members.ListPageAsync(owner.User.Id, teamId, new MemberQuery { Status = MembershipStatus.Removed })).Value!;
        Assert.Equal([crew[3].Membership.Id], removed.Members.Select(m => m.MembershipId));
        var admins = (await bed.Members.ListPageAsync(owner.User.Id, teamId, new MemberQuery { Role = RolePresets.Administrator })).Value!;
        Assert.Equal([crew[2].Membership.Id], admins.Members.Select(m => m.MembershipId));
        var prefix = crew[0].User.Email[..^"@example.com".Length];
        var byPrefix = (await bed.Members.ListPageAsync(owner.User.Id, teamId, new MemberQuery { EmailPrefix = prefix.ToUpperInvariant() + "@" })).Value!;
        Assert.Equal([crew[0].Membership.Id], byPrefix.Members.Select(m => m.MembershipId));

        var first = (await bed.Members.ListPageAsync(owner.User.Id, teamId, new MemberQuery { PageSize = 2 })).Value!;
        Assert.Equal((2, (long?)5), (first.Members.Count, first.TotalCount));
        Assert.Equal(new MemberPageKey(first.Members[1].Email, first.Members[1].MembershipId), first.Next);
        var second = (await bed.Members.ListPageAsync(owner.User.Id, teamId, new MemberQuery { PageSize = 2, After = first.Next })).Value!;
        Assert.Equal((2, (long?)null), (second.Members.Count, second.TotalCount));
        Assert.Equal(all.Members.Skip(2).Take(2).Select(m => m.MembershipId), second.Members.Select(m => m.MembershipId));
        Assert.Equal(all.Members.Select(m => (m.MembershipId, m.Email, m.FirstName, m.LastName, m.Role, m.Status)), (await bed.Members.ListAsync(owner.User.Id, teamId)).Value!.Select(m => (m.MembershipId, m.Email, m.FirstName, m.LastName, m.Role, m.Status)));

        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Members.ListPageAsync(crew[3].User.Id, teamId, new MemberQuery())).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Members.ListPageAsync(owner.User.Id, TeamId.New(), new MemberQuery())).Code);
    }

    [SkippableFact]
    public async Task ChangeFeed_EveryCommit_IsReadInOrderOncePerTeamAndUser_AndAConsumerResumesFromItsStoredPosition()
    {
        await using var bed = await CreateBedAsync();
        var feed = bed.Services.GetRequiredService<IChangeFeed>();
        var reader = bed.Services.GetRequiredService<ChangeFeedReader>();
        var start = await feed.GetHeadAsync(CancellationToken.None);
        var owner = await bed.SignUpAsync("feed-owner");
        var renamed = await bed.Teams.RenameAsync(owner.User.Id, owner.Team.Id, "Renamed");
        Assert.True(renamed.Succeeded, renamed.ToString());

        var entries = await feed.ReadAsync(start, 100, CancellationToken.None);
        Assert.Equal(await feed.GetHeadAsync(CancellationToken.None), entries[^1].Position);
        Assert.True(entries.Zip(entries.Skip(1)).All(p => p.First.Position < p.Second.Position));
        Assert.Equal([1L, 2L], entries.Where(e => e.TeamId == owner.Team.Id).Select(e => e.TeamVersion));
        Assert.Contains(entries, e => e.UserId == owner.User.Id);
        Assert.Equal(renamed.ConsistencyToken, new ConsistencyToken(owner.Team.Id, 2));

        Assert.Null(await bed.Services.GetRequiredService<IChangeFeedCheckpoints>().GetPositionAsync("events", CancellationToken.None));
        var first = await reader.ReadNextAsync("events", 1);
        await reader.AcknowledgeAsync("events", first[^1].Position);
        await reader.AcknowledgeAsync("events", 0);
        var next = await reader.ReadNextAsync("events", 1000);
        Assert.Equal(first[^1].Position, await bed.Services.GetRequiredService<IChangeFeedCheckpoints>().GetPositionAsync("events", CancellationToken.None));
        Assert.DoesNotContain(next, e => e.Position <= first[^1].Position);
        Assert.Equal(entries[^1].Position, next[^1].Position);
    }

    [SkippableFact]
    public async Task HeldEvents_AreStoredPerConsumerInSequenceOrder_ReplacedBySequence_AndRemoved()
    {
        await using var bed = await CreateBedAsync();
        var held = bed.Services.GetRequiredService<IHeldEventStore>();
        var at = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);
        await held.SaveHeldEventAsync(new HeldEvent("events", 12, "team:b", HeldEventState.Held, 0, at), CancellationToken.None);
        await held.SaveHeldEventAsync(new HeldEvent("events", 10, "team:a", HeldEventState.Held, 1, at, "System.InvalidOperationException"), CancellationToken.None);
        await held.SaveHeldEventAsync(new HeldEvent("other", 10, "team:a", HeldEventState.Held, 3, at), CancellationToken.None);

        Assert.Equal([10L, 12L], (await held.ListHeldEventsAsync("events", CancellationToken.None)).Select(h => h.Sequence));
        var skipped = new HeldEvent("events", 10, "team:a", HeldEventState.DeadLetter, 2, at, "System.InvalidOperationException", at.AddMinutes(5));
        await held.SaveHeldEventAsync(skipped, CancellationToken.None);
        var listed = await held.ListHeldEventsAsync("events", CancellationToken.None);
        Assert.Equal(skipped, listed[0] with { HeldAt = listed[0].HeldAt.ToUniversalTime(), DeadLetteredAt = listed[0].DeadLetteredAt?.ToUniversalTime() });
        Assert.Equal(3, (await held.ListHeldEventsAsync("other", CancellationToken.None)).Single().Attempts);

        Assert.True(await held.RemoveHeldEventAsync("events", 10, CancellationToken.None));
        Assert.False(await held.RemoveHeldEventAsync("events", 10, CancellationToken.None));
        Assert.Equal([12L], (await held.ListHeldEventsAsync("events", CancellationToken.None)).Select(h => h.Sequence));
        Assert.Single(await held.ListHeldEventsAsync("other", CancellationToken.None));
        Assert.Empty(await held.ListHeldEventsAsync("nobody", CancellationToken.None));
    }

    [SkippableFact]
    public async Task SignUpAsync_SameHandleInParallel_OneSucceedsAndTheOthersGetDuplicateHandle()
    {
        await using var bed = await CreateBedAsync();
        var results = await InParallelAsync(bed, 8, (scope, i) => Service<IUserService>(scope).SignUpAsync(
            new SignUpRequest($"racer{i}@example.com", "Racer", "Tester", "Race", "race-team") { Password = "correct horse battery staple" }));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(TeamAccessErrorCode.DuplicateHandle, r.Code));
        var winner = results.Single(r => r.Succeeded).Value!;
        for (var i = 0; i < 8; i++)
        {
            var user = await bed.UserStore.FindByEmailAsync($"racer{i}@example.com", CancellationToken.None);
            Assert.Equal(user is not null, winner.User.Email == $"racer{i}@example.com");
        }
    }

    [SkippableFact]
    public async Task SignUpAsync_SameEmailInParallel_OneSucceedsAndTheOthersGetDuplicateEmail()
    {
        await using var bed = await CreateBedAsync();
        var results = await InParallelAsync(bed, 8, (scope, i) => Service<IUserService>(scope).SignUpAsync(
            new SignUpRequest("twin@example.com", "Twin", "Tester", "Twins", $"twin-team-{i}") { Password = "correct horse battery staple" }));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(TeamAccessErrorCode.DuplicateEmail, r.Code));
        var teams = 0;
        for (var i = 0; i < 8; i++)
        {
            teams += await bed.TeamStore.FindIdByHandleAsync($"twin-team-{i}", CancellationToken.None) is null ? 0 : 1;
        }

        Assert.Equal(1, teams);
    }

    [SkippableFact]
    public async Task GuardiansDemotingAndRemovingEachOtherAtOnce_NeverLeaveTheTeamWithoutAnActiveGuardian()
    {
        await using var bed = await CreateBedAsync();
        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            var (owner, _) = await bed.CrewAsync(RolePresets.Owner, RolePresets.Owner, RolePresets.Owner);
            var teamId = owner.Team.Id;
            var owners = (await bed.SnapshotAsync(teamId)).Memberships.Values.Select(m => (User: m.UserId!.Value, Membership: m.Id)).ToArray();
            var pairs = owners.SelectMany(actor => owners.Where(t => t.User != actor.User).Select(target => (actor, target))).ToArray();

            // Every owner at once demotes, deactivates or removes every other owner, each in its own unit of work.
            var results = await InParallelAsync(bed, pairs.Length, (scope, i) =>
            {
                var members = Service<IMemberService>(scope);
                var (actor, target) = pairs[i];
                return (i % 3) switch
                {
                    0 => members.ChangeRoleAsync(actor.User, teamId, target.Membership, RolePresets.Observer),
                    1 => members.DeactivateAsync(actor.User, teamId, target.Membership),
                    _ => members.RemoveAsync(actor.User, teamId, target.Membership),
                };
            });

            var after = await bed.SnapshotAsync(teamId);
            Assert.Equal(1, after.Memberships.Values.Count(m => m.Status == MembershipStatus.Active && bed.Roles.TryGet(m.Role, out var role) && role!.IsGuardian));
            Assert.Contains(results, r => r.Succeeded);
            Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Code, new[]
            {
                TeamAccessErrorCode.LastGuardian, TeamAccessErrorCode.NotFound, TeamAccessErrorCode.PermissionDenied,
                TeamAccessErrorCode.RoleRankTooHigh, TeamAccessErrorCode.InvalidTransition, TeamAccessErrorCode.ConcurrencyFailure,
            }));
            AuditAssert.ReplayEquals(after, await bed.AuditAsync(teamId));
        }
    }

    [SkippableFact]
    public async Task AddAsync_SameUserInParallel_GetsExactlyOneMembership()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var person = await bed.SignUpAsync();

        var results = await InParallelAsync(bed, 12, (scope, _) =>
            Service<IMemberService>(scope).AddAsHostAsync(owner.Team.Id, person.User.Id, RolePresets.Member));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Code, new[] { TeamAccessErrorCode.AlreadyMember, TeamAccessErrorCode.ConcurrencyFailure }));
        var snapshot = await bed.SnapshotAsync(owner.Team.Id);
        Assert.Single(snapshot.Memberships.Values, m => m.UserId == person.User.Id);
        Assert.Equal(2, snapshot.Version);
    }

    [SkippableFact]
    public async Task ChangeRoleAsync_InParallel_NoUpdateIsLost()
    {
        await using var bed = await CreateBedAsync();
        var (owner, members) = await bed.CrewAsync(RolePresets.Member);
        var teamId = owner.Team.Id;
        var membershipId = members[0].Membership.Id;
        var versionBefore = (await bed.SnapshotAsync(teamId)).Version;
        string[] roles = [RolePresets.Observer, RolePresets.Administrator, RolePresets.Member];

        var results = await InParallelAsync(bed, 18, (scope, i) =>
            Service<IMemberService>(scope).ChangeRoleAsync(owner.User.Id, teamId, membershipId, roles[i % roles.Length]));

        // A writer that finds the role already set succeeds without a commit; every commit is one version and one
        // event, and the stored role is the last event's.
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(TeamAccessErrorCode.ConcurrencyFailure, r.Code));
        var snapshot = await bed.SnapshotAsync(teamId);
        var roleEvents = (await bed.AuditAsync(teamId)).Where(e => e.Action == TeamAccessEvent.ActionOf<MemberRoleChangedEvent>() && e.SubjectId == membershipId.Value).ToList();
        Assert.NotEmpty(roleEvents);
        Assert.InRange(roleEvents.Count, 1, results.Count(r => r.Succeeded));
        Assert.Equal(versionBefore + roleEvents.Count, snapshot.Version);
        Assert.Contains($"\"{snapshot.Memberships[membershipId].Role}\"", roleEvents[^1].After!, StringComparison.Ordinal);
        AuditAssert.ReplayEquals(snapshot, await bed.AuditAsync(teamId));
    }

    [SkippableFact]
    public async Task AddAsync_ManyWritersOnOneTeam_EveryCommittedChangeIsKeptAndVersioned()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var people = new List<SignUpResult>();
        for (var i = 0; i < 16; i++)
        {
            people.Add(await bed.SignUpAsync());
        }

        var results = await InParallelAsync(bed, people.Count, (scope, i) =>
            Service<IMemberService>(scope).AddAsHostAsync(owner.Team.Id, people[i].User.Id, RolePresets.Member));

        var snapshot = await bed.SnapshotAsync(owner.Team.Id);
        var added = results.Count(r => r.Succeeded);
        Assert.True(added > 0);
        Assert.Equal(added + 1, snapshot.Memberships.Count);
        Assert.Equal(added + 1, snapshot.Version);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(TeamAccessErrorCode.ConcurrencyFailure, r.Code));
    }

    [SkippableFact]
    public async Task InviteAsync_InvitationAndItsHashedSecret_RoundTripAndAcceptInAnotherUnitOfWork()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var invited = await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com", RolePresets.Administrator));
        var membershipId = invited.Value!.Outcomes[0].MembershipId!.Value;
        var message = Assert.Single(bed.Outbox.Sent);

        var snapshot = await bed.SnapshotAsync(owner.Team.Id);
        var stored = snapshot.Memberships[membershipId];
        Assert.Equal((MembershipStatus.Invited, 1, TimeSpan.FromDays(7)), (stored.Status, stored.Invitation!.SendCount, stored.Invitation.Lifetime));
        Assert.Equal(message.ExpiresAt, stored.Invitation.ExpiresAt);
        var secret = Assert.Single(snapshot.InvitationSecrets);
        Assert.Equal(membershipId, secret.Key);
        Assert.DoesNotContain(message.Token, secret.Value.ToString(), StringComparison.Ordinal);

        await using var scope = bed.Scope();
        var accepted = await Service<IInvitationService>(scope).AcceptWithNewAccountAsync(InvitationKey.FromToken(message.Token), new NewAccount("Grace", "Hopper", "a long passphrase nobody guesses"));
        Assert.True(accepted.Succeeded, accepted.ToString());
        var user = await bed.UserStore.FindByEmailAsync("grace@example.com", CancellationToken.None);
        AssertStoredAs(accepted.Value!.User, user);
        Assert.StartsWith("v1.pbkdf2-sha512.", user!.PasswordHash, StringComparison.Ordinal);
        var after = await bed.SnapshotAsync(owner.Team.Id);
        Assert.Equal(user.Id, after.Memberships[membershipId].UserId);
        Assert.NotNull(after.Memberships[membershipId].Invitation!.AcceptedAt);
        AuditAssert.ReplayEquals(after, await bed.AuditAsync(owner.Team.Id));
    }

    [SkippableFact]
    public async Task AcceptAsync_SameInvitationInParallel_IsAcceptedOnceAndTheOthersAreAlreadyAccepted()
    {
        await using var bed = await CreateBedAsync();
        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            var owner = await bed.SignUpAsync();
            var grace = await bed.SignUpAsync();
            await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText(grace.User.Email, RolePresets.Member));
            var key = InvitationKey.FromToken(bed.Outbox.Sent.Last(m => m.Email == grace.User.Email).Token);

            var results = await InParallelAsync(bed, 8, (scope, _) => Service<IInvitationService>(scope).AcceptAsync(grace.User.Id, key));

            Assert.Single(results, r => r.Succeeded);
            Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(TeamAccessErrorCode.InvitationAlreadyAccepted, r.Code));
            var events = await bed.AuditAsync(owner.Team.Id);
            Assert.Single(events, e => e.Action == TeamAccessEvent.ActionOf<InvitationAcceptedEvent>());
        }
    }

    [SkippableFact]
    public async Task AcceptWithNewAccountAsync_InParallel_CreatesOneUserAndOneAcceptance()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com", RolePresets.Member));
        var key = InvitationKey.FromToken(Assert.Single(bed.Outbox.Sent).Token);

        var results = await InParallelAsync(bed, 6, (scope, _) =>
            Service<IInvitationService>(scope).AcceptWithNewAccountAsync(key, new NewAccount("Grace", "Hopper", "a long passphrase nobody guesses")));

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(TeamAccessErrorCode.InvitationAlreadyAccepted, r.Code));
        Assert.Equal(winner.Value!.User.Id, (await bed.UserStore.FindByEmailAsync("grace@example.com", CancellationToken.None))!.Id);
        var userEvents = (await ListAsync(bed.AuditStore.ListAsync(owner.Team.Id, CancellationToken.None))).Count(e => e.Action == TeamAccessEvent.ActionOf<InvitationAcceptedEvent>());
        Assert.Equal(1, userEvents);
    }

    [SkippableFact]
    public async Task InviteAsync_SameAddressInParallel_GetsOneMembershipAndOneMessage()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();

        var results = await InParallelAsync(bed, 10, (scope, _) =>
            Service<IInvitationService>(scope).InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com", RolePresets.Member)));

        var outcomes = results.Where(r => r.Succeeded).SelectMany(r => r.Value!.Outcomes).ToList();
        Assert.Single(outcomes, o => o.Kind == InviteOutcomeKind.Invited);
        Assert.All(outcomes.Where(o => o.Kind != InviteOutcomeKind.Invited), o => Assert.Equal(InviteOutcomeKind.AlreadyInvited, o.Kind));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(TeamAccessErrorCode.ConcurrencyFailure, r.Code));
        var snapshot = await bed.SnapshotAsync(owner.Team.Id);
        Assert.Single(snapshot.Memberships.Values, m => m.Email == "grace@example.com");
        Assert.Single(snapshot.InvitationSecrets);

        // Mail goes out after the commit, once: the writers that lost the race and re-decided sent nothing.
        Assert.Single(bed.Outbox.Sent, m => m.Email == "grace@example.com");
    }

    [SkippableFact]
    public async Task SetSignInPolicyAsync_Policy_IsStoredWithTheTeamAndReplaysFromTheAudit()
    {
        await using var bed = await CreateBedAsync();
        var ada = await bed.SignUpAsync("ada");
        var policy = new TeamSignInPolicy(false, null) { AcceptedProviders = [IdentityProviderNames.Password] };

        var set = await bed.Teams.SetSignInPolicyAsync(ada.User.Id, ada.Team.Id, policy);

        Assert.True(set.Succeeded, set.ToString());
        var snapshot = await bed.SnapshotAsync(ada.Team.Id);
        Assert.Equal(policy, snapshot.Team.SignInPolicy);
        AuditAssert.ReplayEquals(snapshot, await bed.AuditAsync(ada.Team.Id));
    }

    [SkippableFact]
    public async Task ConfirmEmailAsync_UnconfirmedUserAndItsActivation_RoundTripAndWorkOnceInAnotherUnitOfWork()
    {
        await using var bed = await CreateBedAsync();
        const string password = "correct horse battery staple";
        var signedUp = (await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = password })).Value!;
        var stored = (await bed.UserStore.FindByIdAsync(signedUp.User.Id, CancellationToken.None))!;
        AssertStoredAs(signedUp.User, stored);
        Assert.False(stored.EmailConfirmed);
        Assert.NotNull(stored.EmailConfirmationHash);
        Assert.Equal(bed.Time.GetUtcNow() + TimeSpan.FromDays(3), stored.EmailConfirmationExpiresAt);
        var token = Assert.Single(bed.Activations.Sent).Token;
        Assert.Equal(TeamAccessErrorCode.EmailNotConfirmed, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", password), signedUp.Team.Id)).Code);

        await using (var scope = bed.Scope())
        {
            var confirmed = await Service<IUserService>(scope).ConfirmEmailAsync(token);
            Assert.True(confirmed.Succeeded, confirmed.ToString());
        }

        var after = (await bed.UserStore.FindByIdAsync(signedUp.User.Id, CancellationToken.None))!;
        Assert.True(after.EmailConfirmed);
        Assert.Null(after.EmailConfirmationHash);
        Assert.Null(after.EmailConfirmationExpiresAt);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ConfirmEmailAsync(token)).Code);
        Assert.True((await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", password), signedUp.Team.Id)).Succeeded);
    }

    [SkippableFact]
    public async Task SignInAsync_AuthoritativeProviderClaimsAnUnconfirmedAccount_PasswordAndStampsEndInTheStore()
    {
        await using var bed = await CreateBedAsync();
        const string password = "correct horse battery staple";
        var squatter = (await bed.Users.SignUpAsync(new SignUpRequest("alice@example.com", "Not", "Alice", "Squat", "squat-team") { Password = password })).Value!;
        var stampBefore = (await bed.SnapshotAsync(squatter.Team.Id)).Memberships[squatter.Membership.Id].SecurityStamp;

        var alice = await bed.Sessions.SignInAsync(SignInCredential.ForToken(bed.Host.Name, bed.Host.Mint("h-alice", "alice@example.com")), squatter.Team.Id);

        Assert.True(alice.Succeeded, alice.ToString());
        var user = (await bed.UserStore.FindByIdAsync(squatter.User.Id, CancellationToken.None))!;
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        var snapshot = await bed.SnapshotAsync(squatter.Team.Id);
        Assert.NotEqual(stampBefore, snapshot.Memberships[squatter.Membership.Id].SecurityStamp);
        Assert.Equal(squatter.User.Id, (await bed.UserStore.FindByLoginAsync(bed.Host.Issuer, "h-alice", CancellationToken.None))!.Id);
        AuditAssert.ReplayEquals(snapshot, await bed.AuditAsync(squatter.Team.Id));
    }

    [SkippableFact]
    public async Task SignInAsync_ProviderNotAuthoritativeForTheAddress_LinksNothingAndOpensNothing()
    {
        await using var bed = await CreateBedAsync();
        var ceo = await bed.SignUpAsync("ceo");
        var victim = (await bed.Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(bed.Host.Name, bed.Host.Mint("host-other", "ceo@victim.example"), "C", "E", "Lab", "victim-lab"))).Code;
        Assert.Equal(TeamAccessErrorCode.ProviderNotAuthoritative, victim);

        // The host's provider proves example.com only: asserting another domain's address picks nobody.
        Assert.True((await bed.Teams.SetSignInPolicyAsync(ceo.User.Id, ceo.Team.Id, new TeamSignInPolicy(false, bed.Host.Name) { VerifiedDomain = "example.com", JustInTimeRole = RolePresets.Member })).Succeeded);
        Assert.Equal(TeamAccessErrorCode.DomainNotVerified, (await bed.Teams.SetSignInPolicyAsync(ceo.User.Id, ceo.Team.Id, new TeamSignInPolicy(false, bed.Host.Name) { VerifiedDomain = "victim.example" })).Code);
        var outsider = await bed.Sessions.SignInAsync(SignInCredential.ForToken(bed.Host.Name, bed.Host.Mint("h-evil", "ceo@victim.example")), ceo.Team.Id);

        Assert.Equal(TeamAccessErrorCode.NotFound, outsider.Code);
        Assert.Null(await bed.UserStore.FindByLoginAsync(bed.Host.Issuer, "h-evil", CancellationToken.None));
        Assert.Null(await bed.UserStore.FindByEmailAsync("ceo@victim.example", CancellationToken.None));
    }

    [SkippableFact]
    public async Task SignInAsync_JustInTimeAfterRemovalWithAChangedProviderEmail_StaysOutOnEveryStore()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync("owner");
        var policy = new TeamSignInPolicy(true, bed.Host.Name) { VerifiedDomain = "example.com", JustInTimeRole = RolePresets.Member };
        Assert.True((await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, policy)).Succeeded);
        var joined = (await bed.Sessions.SignInAsync(SignInCredential.ForToken(bed.Host.Name, bed.Host.Mint("h-eve", "eve@example.com")), owner.Team.Id)).Value!;
        Assert.True((await bed.Members.RemoveAsync(owner.User.Id, owner.Team.Id, joined.Info.MembershipId)).Succeeded);

        await using var scope = bed.Scope();
        var again = await Service<ISessionService>(scope).SignInAsync(SignInCredential.ForToken(bed.Host.Name, bed.Host.Mint("h-eve", "eve.new@example.com")), owner.Team.Id);

        Assert.Equal(TeamAccessErrorCode.NotFound, again.Code);
        Assert.Null((await bed.SnapshotAsync(owner.Team.Id)).FindCurrentMembership(joined.Info.UserId));
    }

    [SkippableFact]
    public async Task SignInAsync_ManyWrongPasswordsInParallel_CountNoMoreThanTheLimitAndLockTheAccount()
    {
        await using var bed = await CreateBedAsync();
        const string password = "correct horse battery staple";
        var signedUp = await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = password });
        var team = signedUp.Value!.Team.Id;

        var guesses = await InParallelAsync(bed, 12, (scope, i) =>
            Service<ISessionService>(scope).SignInAsync(SignInCredential.ForPassword("ada@example.com", $"parallel guess {i:D4}!"), team));

        Assert.All(guesses, g => Assert.Equal(TeamAccessErrorCode.InvalidCredentials, g.Code));
        var user = (await bed.UserStore.FindByEmailAsync("ada@example.com", CancellationToken.None))!;
        Assert.InRange(user.FailedSignInCount, 1, 5);
        if (user.FailedSignInCount == 5)
        {
            Assert.NotNull(user.LockoutEnd);
            Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", password), team)).Code);
        }
    }

    [SkippableFact]
    public async Task FindMembershipAsync_OneMembershipOfAnActiveTeam_IsFoundAndNothingElse()
    {
        await using var bed = await CreateBedAsync();
        var ada = await bed.SignUpAsync("ada");
        var grace = await bed.SignUpAsync("grace");

        Assert.Equal(ada.Membership.Id, (await bed.TeamStore.FindMembershipAsync(ada.Team.Id, ada.Membership.Id, CancellationToken.None))?.Id);
        Assert.Equal((await bed.SnapshotAsync(ada.Team.Id)).Memberships[ada.Membership.Id], await bed.TeamStore.FindMembershipAsync(ada.Team.Id, ada.Membership.Id, CancellationToken.None));
        Assert.Null(await bed.TeamStore.FindMembershipAsync(grace.Team.Id, ada.Membership.Id, CancellationToken.None));
        Assert.Null(await bed.TeamStore.FindMembershipAsync(ada.Team.Id, MembershipId.New(), CancellationToken.None));

        Assert.True((await bed.Teams.DeleteAsync(ada.User.Id, ada.Team.Id)).Succeeded);
        Assert.Null(await bed.TeamStore.FindMembershipAsync(ada.Team.Id, ada.Membership.Id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task SignOutAsync_FromAnotherUnitOfWorkAndInParallel_EndsThatSessionOnlyAndIsListedUntilItExpires()
    {
        await using var bed = await CreateBedAsync();
        const string password = "correct horse battery staple";
        var ada = (await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = password })).Value!;
        Assert.True((await bed.Users.ConfirmEmailAsync(bed.Activations.Sent[^1].Token)).Succeeded);
        var credential = SignInCredential.ForPassword("ada@example.com", password);
        var one = (await bed.Sessions.SignInAsync(credential, ada.Team.Id)).Value!;
        var two = (await bed.Sessions.SignInAsync(credential, ada.Team.Id)).Value!;

        var signedOut = await InParallelAsync(bed, 4, (scope, _) => Service<ISessionService>(scope).SignOutAsync(one.AccessToken));

        Assert.All(signedOut, r => Assert.True(r.Succeeded, r.ToString()));
        await using (var scope = bed.Scope())
        {
            Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await Service<ISessionService>(scope).ValidateAsync(one.AccessToken, one.Info.TeamId)).Code);
            Assert.True((await Service<ISessionService>(scope).ValidateAsync(two.AccessToken, two.Info.TeamId)).Succeeded);
        }

        var sessions = Service<ISessionStore>(bed.Scope());
        var revoked = Assert.Single(await ListAsync(sessions.ListRevokedSessionsAsync(bed.Time.GetUtcNow(), CancellationToken.None)));
        Assert.Equal((one.Info.SessionId, ada.User.Id), (revoked.SessionId, revoked.UserId));
        var sessionStamp = (await bed.UserStore.FindByIdAsync(ada.User.Id, CancellationToken.None))!.SessionStamp;
        Assert.Equal(new UserSessionState(sessionStamp, true), await sessions.FindSessionStateAsync(ada.User.Id, one.Info.SessionId, CancellationToken.None));
        Assert.Equal(new UserSessionState(sessionStamp, false), await sessions.FindSessionStateAsync(ada.User.Id, two.Info.SessionId, CancellationToken.None));
        Assert.Null(await sessions.FindSessionStateAsync(UserId.New(), one.Info.SessionId, CancellationToken.None));

        // Past its natural end the entry guards nothing; the next sign-out drops it.
        bed.Time.Advance(TimeSpan.FromHours(13));
        Assert.Empty(await ListAsync(sessions.ListRevokedSessionsAsync(bed.Time.GetUtcNow(), CancellationToken.None)));
        var three = (await bed.Sessions.SignInAsync(credential, ada.Team.Id)).Value!;
        Assert.True((await bed.Sessions.SignOutAsync(three.AccessToken)).Succeeded);
        Assert.Equal([three.Info.SessionId], (await ListAsync(sessions.ListRevokedSessionsAsync(DateTimeOffset.MinValue, CancellationToken.None))).Select(r => r.SessionId));
    }

    [SkippableFact]
    public async Task ResetPasswordAsync_TokenFromTheSender_SetsThePasswordOnceAndEndsEverySessionOnEveryStore()
    {
        await using var bed = await CreateBedAsync();
        const string password = "correct horse battery staple";
        const string newPassword = "a different horse, battery and staple";
        var ada = (await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = password })).Value!;
        Assert.True((await bed.Users.ConfirmEmailAsync(bed.Activations.Sent[^1].Token)).Succeeded);
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", password), ada.Team.Id)).Value!;
        var changed = await bed.Sessions.ChangePasswordAsync(session.AccessToken, password, newPassword);
        Assert.True(changed.Succeeded, changed.ToString());
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(session.AccessToken, session.Info.TeamId)).Code);

        Assert.True((await bed.Users.RequestPasswordResetAsync("ada@example.com")).Succeeded);
        var message = Assert.Single(bed.Resets.Sent);
        var pending = (await bed.UserStore.FindByIdAsync(ada.User.Id, CancellationToken.None))!;
        Assert.Equal(message.ExpiresAt, pending.PasswordResetExpiresAt);
        Assert.NotNull(pending.PasswordResetTokenHash);

        var resets = await InParallelAsync(bed, 4, (scope, i) => Service<IUserService>(scope).ResetPasswordAsync(message.Token, $"{password} number {i}"));

        Assert.Single(resets, r => r.Succeeded);
        var after = (await bed.UserStore.FindByIdAsync(ada.User.Id, CancellationToken.None))!;
        Assert.Null(after.PasswordResetTokenHash);
        Assert.Null(after.PasswordResetExpiresAt);
        Assert.NotEqual(pending.SessionStamp, after.SessionStamp);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(changed.Value!.AccessToken, changed.Value!.Info.TeamId)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", newPassword), ada.Team.Id)).Code);
    }

    [SkippableFact]
    public async Task PeekAsync_RightCodeFromManyUnitsOfWorkThenWrongCodesBelowTheLimit_TheRightCodeIsNeverLockedOut()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com", RolePresets.Member));
        var message = Assert.Single(bed.Outbox.Sent);
        var right = InvitationKey.FromCode(owner.Team.Handle, "grace@example.com", message.Code);
        var wrong = InvitationKey.FromCode(owner.Team.Handle, "grace@example.com", message.Code.StartsWith('0') ? "11111-11111" : "00000-00000");

        // A try holds one of the MaxCodeAttempts places while it is judged, so as many right tries as there are places run at once.
        var peeks = await InParallelAsync(bed, new InvitationOptions().MaxCodeAttempts, (scope, _) => Service<IInvitationService>(scope).PeekAsync(right));

        Assert.All(peeks, p => Assert.True(p.Succeeded, p.ToString()));
        for (var i = 0; i < new InvitationOptions().MaxCodeAttempts - 1; i++)
        {
            Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(wrong)).Code);
        }

        // The right peeks took no place of the wrong codes: one wrong code short of the lock, the right one still works.
        var accepted = await bed.Invitations.AcceptWithNewAccountAsync(right, new NewAccount("Grace", "Hopper", "a long passphrase nobody guesses"));
        Assert.True(accepted.Succeeded, accepted.ToString());
        AuditAssert.ReplayEquals(await bed.SnapshotAsync(owner.Team.Id), await bed.AuditAsync(owner.Team.Id));
    }

    [SkippableFact]
    public async Task AddAsync_RacingTheUsersDeletion_NeverLeavesAMembershipOfADeletedUser()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync("owner");
        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            var person = await bed.SignUpAsync($"person{round}");
            Assert.True((await bed.Teams.DeleteAsync(person.User.Id, person.Team.Id)).Succeeded);

            await InParallelAsync(bed, 2, async (scope, i) => i == 0
                ? (Result)await Service<IMemberService>(scope).AddAsHostAsync(owner.Team.Id, person.User.Id, RolePresets.Administrator)
                : await Service<IUserService>(scope).DeleteAsync(person.User.Id, person.User.Id));

            var exists = await bed.UserStore.FindByIdAsync(person.User.Id, CancellationToken.None) is not null;
            var current = (await bed.SnapshotAsync(owner.Team.Id)).FindCurrentMembership(person.User.Id);
            Assert.True(exists || current is null, $"round {round}: a {current?.Status} membership of a deleted user");
        }
    }

    /// <summary>Reads a store's stream to the end.</summary>
    /// <typeparam name="T">The item.</typeparam>
    /// <param name="items">The stream.</param>
    /// <returns>Its items, in order.</returns>
    protected static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static void AssertStoredAs(User view, StoredUser? stored)
    {
        Assert.NotNull(stored);
        Assert.Equal((view.Id, view.Email, view.FirstName, view.LastName, view.CreatedAt, view.EmailConfirmed), (stored.Id, stored.Email, stored.FirstName, stored.LastName, stored.CreatedAt, stored.EmailConfirmed));
    }

    private static T Service<T>(AsyncServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Runs the writers at once, each on its own thread and in its own unit of work, released together.</summary>
    private static async Task<TResult[]> InParallelAsync<TResult>(StoreBed bed, int count, Func<AsyncServiceScope, int, ValueTask<TResult>> write)
    {
        using var gate = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await using var scope = bed.Scope();
            gate.Wait();
            return await write(scope, i);
        })).ToArray();
        gate.Set();
        return await Task.WhenAll(tasks);
    }
}
