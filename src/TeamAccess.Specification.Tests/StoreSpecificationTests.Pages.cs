using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Audit;
using TeamAccess.Invitations;

// Test methods are documented by their names (Method_Scenario_Expectation), as in the repository's own test projects.
#pragma warning disable CS1591

namespace TeamAccess.Specification.Tests;

/// <summary>
/// The keyset-paged lists beyond members, on every store: a page boundary never repeats an item and never skips one
/// that existed throughout, while items are added (with keys before and after the boundary) and removed between pages.
/// </summary>
public abstract partial class StoreSpecificationTests
{
    [SkippableFact]
    public async Task InvitationsListPageAsync_InvitationsAddedAndRevokedBetweenPages_NoneRepeatedAndNoSteadyOneSkipped()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var teamId = owner.Team.Id;
        var invited = (await bed.Invitations.InviteAsync(owner.User.Id, teamId, new InviteRequest([.. Enumerable.Range(0, 10).Select(i => $"guest{i}@example.com")], RolePresets.Member))).Value!;
        var ids = invited.Outcomes.Select(o => o.MembershipId!.Value).ToList();
        var leaving = new Queue<MembershipId>(ids.Where((_, i) => i % 3 == 1));
        var steady = ids.Except(leaving).ToHashSet();

        var (seen, boundaries) = await PageThroughAsync<InvitationView, MemberPageKey>(
            async after => (await bed.Invitations.ListPageAsync(owner.User.Id, teamId, new InvitationQuery { PageSize = 2, OutstandingOnly = true, After = after })).Value!,
            async boundary =>
            {
                if (leaving.TryDequeue(out var gone))
                {
                    Assert.True((await bed.Invitations.RevokeAsync(owner.User.Id, teamId, gone)).Succeeded);
                }

                var more = await bed.Invitations.InviteAsync(owner.User.Id, teamId, new InviteRequest([boundary % 2 == 0 ? $"aaa{boundary}@example.com" : $"zzz{boundary}@example.com"], RolePresets.Member));
                Assert.True(more.Succeeded, more.ToString());
            });

        AssertNoneRepeatedAndNoSteadySkipped(seen.Select(v => v.MembershipId).ToList(), steady, boundaries);

        // Settled invitations stay on the full list; the prefix filter and the cap apply.
        var all = (await bed.Invitations.ListPageAsync(owner.User.Id, teamId, new InvitationQuery { PageSize = int.MaxValue })).Value!;
        Assert.Null(all.Next);
        Assert.Contains(all.Items, v => v.Status == InvitationStatus.Revoked);
        Assert.Equal(all.Items.Count, (await bed.Invitations.ListAsync(owner.User.Id, teamId)).Value!.Count);
        var byPrefix = (await bed.Invitations.ListPageAsync(owner.User.Id, teamId, new InvitationQuery { EmailPrefix = "GUEST1" })).Value!;
        Assert.Equal(["guest1@example.com"], byPrefix.Items.Select(v => v.Email));
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Invitations.ListPageAsync((await bed.SignUpAsync()).User.Id, teamId, new InvitationQuery())).Code);
    }

    [SkippableFact]
    public async Task TeamsListPageForUserAsync_TeamsJoinedAndLeftBetweenPages_NoneRepeatedAndNoSteadyOneSkipped()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var user = await bed.SignUpAsync();
        var memberships = new Dictionary<TeamId, MembershipId> { [user.Team.Id] = (await bed.SnapshotAsync(user.Team.Id)).FindCurrentMembership(user.User.Id)!.Id };
        async Task JoinAsync(string handle)
        {
            var team = (await bed.Teams.CreateAsync(owner.User.Id, handle, handle)).Value!;
            var added = await bed.Members.AddAsHostAsync(team.Id, user.User.Id, RolePresets.Member);
            Assert.True(added.Succeeded, added.ToString());
            memberships[team.Id] = added.Value!.Id;
        }

        for (var i = 0; i < 9; i++)
        {
            await JoinAsync($"mid-{i}");
        }

        var leaving = new Queue<TeamId>(memberships.Keys.Where((_, i) => i % 3 == 2));
        var steady = memberships.Keys.Except(leaving).ToHashSet();
        var (seen, boundaries) = await PageThroughAsync<TeamMembershipView, TeamPageKey>(
            async after => await bed.Teams.ListPageForUserAsync(user.User.Id, new UserTeamQuery { PageSize = 2, After = after }),
            async boundary =>
            {
                if (leaving.TryDequeue(out var gone))
                {
                    Assert.True((await bed.Members.RemoveAsync(owner.User.Id, gone, memberships[gone])).Succeeded);
                }

                await JoinAsync(boundary % 2 == 0 ? $"aaa-{boundary}" : $"zzz-{boundary}");
            });

        AssertNoneRepeatedAndNoSteadySkipped(seen.Select(v => v.Team.Id).ToList(), steady, boundaries);
        var all = await bed.Teams.ListPageForUserAsync(user.User.Id, new UserTeamQuery { PageSize = int.MaxValue });
        Assert.Equal((await bed.Teams.ListForUserAsync(user.User.Id)).Select(v => v.Team.Id).ToHashSet(), all.Items.Select(v => v.Team.Id).ToHashSet());
        Assert.All(all.Items, v => Assert.Equal(memberships[v.Team.Id], v.MembershipId));
    }

    [SkippableFact]
    public async Task GroupsListPageAsync_GroupsCreatedAndDeletedBetweenPages_NoneRepeatedAndNoSteadyOneSkipped()
    {
        await using var bed = await CreateBedAsync();
        var (owner, crew) = await bed.CrewAsync(RolePresets.Member);
        var teamId = owner.Team.Id;
        async Task<GroupId> CreateAsync(string handle)
        {
            var group = await bed.Groups.CreateAsync(owner.User.Id, teamId, handle, handle);
            Assert.True(group.Succeeded, group.ToString());
            return group.Value!.Id;
        }

        var ids = new List<GroupId>();
        for (var i = 0; i < 14; i++)
        {
            ids.Add(await CreateAsync($"mid-{i:D2}"));
        }

        Assert.True((await bed.Groups.AddMemberAsync(owner.User.Id, teamId, ids[0], crew[0].Membership.Id)).Succeeded);
        var leaving = new Queue<GroupId>(ids.Where((_, i) => i % 3 == 2));
        var steady = ids.Except(leaving).ToHashSet();
        var (seen, boundaries) = await PageThroughAsync<Group, GroupPageKey>(
            async after => (await bed.Groups.ListPageAsync(owner.User.Id, teamId, new GroupQuery { PageSize = 2, After = after })).Value!,
            async boundary =>
            {
                if (leaving.TryDequeue(out var gone))
                {
                    Assert.True((await bed.Groups.DeleteAsync(owner.User.Id, teamId, gone)).Succeeded);
                }

                await CreateAsync(boundary % 2 == 0 ? $"aaa-{boundary}" : $"zzz-{boundary}");
            });

        AssertNoneRepeatedAndNoSteadySkipped(seen.Select(g => g.Id).ToList(), steady, boundaries);
        var all = (await bed.Groups.ListPageAsync(owner.User.Id, teamId, new GroupQuery { PageSize = int.MaxValue })).Value!;
        Assert.Equal((await bed.Groups.ListAsync(owner.User.Id, teamId)).Value!.Select(g => (g.Id, g.Handle, g.Members.Count)), all.Items.Select(g => (g.Id, g.Handle, g.Members.Count)));
        Assert.Equal([crew[0].Membership.Id], Assert.Single(all.Items, g => g.Id == ids[0]).Members);
    }

    [SkippableFact]
    public async Task GrantsListPageAsync_GrantsGivenAndRevokedBetweenPages_NoneRepeatedAndNoSteadyOneSkipped()
    {
        await using var bed = await CreateBedAsync();
        var (owner, crew) = await bed.CrewAsync(RolePresets.Member, RolePresets.Member);
        var teamId = owner.Team.Id;
        var subject = GrantSubject.ForMembership(crew[0].Membership.Id);
        async Task<GrantId> GrantAsync(GrantSubject to, string resource)
        {
            var grant = await bed.Grants.GrantAsync(owner.User.Id, teamId, to, resource, ["devices.read"]);
            Assert.True(grant.Succeeded, grant.ToString());
            return grant.Value!.Id;
        }

        var ids = new List<GrantId>();
        for (var i = 0; i < 14; i++)
        {
            ids.Add(await GrantAsync(subject, $"mid-{i:D2}"));
        }

        var other = await GrantAsync(GrantSubject.ForMembership(crew[1].Membership.Id), "mid-00");
        var leaving = new Queue<GrantId>(ids.Where((_, i) => i % 3 == 2));
        var steady = ids.Except(leaving).ToHashSet();
        var (seen, boundaries) = await PageThroughAsync<Grant, GrantPageKey>(
            async after => (await bed.Grants.ListPageAsync(owner.User.Id, teamId, new GrantQuery { PageSize = 2, Subject = subject, After = after })).Value!,
            async boundary =>
            {
                if (leaving.TryDequeue(out var gone))
                {
                    Assert.True((await bed.Grants.RevokeAsync(owner.User.Id, teamId, gone)).Succeeded);
                }

                await GrantAsync(subject, boundary % 2 == 0 ? $"aaa-{boundary}" : $"zzz-{boundary}");
            });

        AssertNoneRepeatedAndNoSteadySkipped(seen.Select(g => g.Id).ToList(), steady, boundaries);
        Assert.DoesNotContain(other, seen.Select(g => g.Id));
        var all = (await bed.Grants.ListPageAsync(owner.User.Id, teamId, new GrantQuery { PageSize = int.MaxValue })).Value!;
        Assert.Equal((await bed.Grants.ListAsync(owner.User.Id, teamId)).Value!.Select(g => g.Id).ToHashSet(), all.Items.Select(g => g.Id).ToHashSet());
        var ofResource = (await bed.Grants.ListPageAsync(owner.User.Id, teamId, new GrantQuery { ResourceId = "mid-00" })).Value!;
        Assert.Contains(other, ofResource.Items.Select(g => g.Id));
        Assert.All(ofResource.Items, g => Assert.Equal("mid-00", g.ResourceId));
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AuditListPageAsync_EventsWrittenBetweenPages_NoneRepeatedAndNoneOfTheEarlierSkipped(bool newestFirst)
    {
        await using var bed = await CreateBedAsync();
        var (owner, crew) = await bed.CrewAsync(RolePresets.Member, RolePresets.Member, RolePresets.Member);
        var teamId = owner.Team.Id;
        var audit = bed.Services.GetRequiredService<IAuditLog>();
        var roles = crew.Select(_ => RolePresets.Member).ToArray();
        async Task FlipAsync(int boundary)
        {
            var i = boundary % roles.Length;
            roles[i] = roles[i] == RolePresets.Member ? RolePresets.Observer : RolePresets.Member;
            Assert.True((await bed.Members.ChangeRoleAsync(owner.User.Id, teamId, crew[i].Membership.Id, roles[i])).Succeeded);
        }

        for (var i = 0; i < 8; i++)
        {
            await FlipAsync(i);
        }

        var before = (await audit.ListAsync(owner.User.Id, teamId)).Value!.Select(e => e.Sequence).ToHashSet();

        var (seen, boundaries) = await PageThroughAsync<AuditEvent, long>(
            async after => (await audit.ListPageAsync(owner.User.Id, teamId, new AuditQuery { PageSize = 2, NewestFirst = newestFirst, After = after })).Value!,
            FlipAsync);

        var sequences = seen.Select(e => e.Sequence).ToList();
        AssertNoneRepeatedAndNoSteadySkipped(sequences, before, boundaries);
        Assert.Equal(newestFirst ? sequences.OrderDescending() : sequences.Order(), sequences);
        Assert.All(seen, e => Assert.Equal(teamId, e.TeamId));
        Assert.Equal(TeamAccessErrorCode.PermissionDenied, (await audit.ListPageAsync(crew[0].User.Id, teamId, new AuditQuery())).Code);
    }

    /// <summary>Reads page after page, changing the list at each boundary; returns the items seen and how many boundaries were crossed.</summary>
    private static async Task<(List<TItem> Seen, int Boundaries)> PageThroughAsync<TItem, TKey>(Func<TKey?, Task<Page<TItem, TKey>>> read, Func<int, Task> atBoundary)
        where TKey : struct
    {
        var seen = new List<TItem>();
        TKey? after = null;
        var boundaries = 0;
        while (true)
        {
            var page = await read(after);
            Assert.InRange(page.Items.Count, 0, 2);
            seen.AddRange(page.Items);
            if (page.Next is not { } next)
            {
                return (seen, boundaries);
            }

            boundaries++;
            Assert.True(boundaries < 100, "the pages never end");
            await atBoundary(boundaries);
            after = next;
        }
    }

    private static void AssertNoneRepeatedAndNoSteadySkipped<TId>(List<TId> seen, IReadOnlySet<TId> steady, int boundaries)
    {
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), steady.ToHashSet());
        Assert.True(boundaries >= 4, $"{boundaries} page boundaries");
    }
}
