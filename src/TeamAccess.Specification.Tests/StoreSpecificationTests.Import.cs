using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Import;

// Test methods are documented by their names (Method_Scenario_Expectation), as in the repository's own test projects.
#pragma warning disable CS1591

namespace TeamAccess.Specification.Tests;

/// <content>Bulk import: the batched write path (many users, memberships, group joins and audit rows in one commit) on every store.</content>
public abstract partial class StoreSpecificationTests
{
    private const string ImportedHash = "v1.pbkdf2-sha512.100000.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    [SkippableFact]
    public async Task ImportAsHostAsync_BatchesOverTwoTeams_StoreEveryRowOnceAndReadBackInAnotherUnitOfWork()
    {
        await using var bed = await CreateBedAsync();
        var (owner, crew) = await bed.CrewAsync(RolePresets.Member);
        var teamId = owner.Team.Id;
        var second = (await bed.Teams.CreateAsync(owner.User.Id, "Second", "second-import")).Value!;
        var group = (await bed.Groups.CreateAsync(owner.User.Id, teamId, "Crew", "crew")).Value!;
        var rows = new List<ImportRow>
        {
            new() { Email = crew[0].User.Email, TeamHandle = owner.Team.Handle, Role = RolePresets.Administrator, Groups = ["crew"] },
            new() { Email = "invitee@example.com", TeamHandle = owner.Team.Handle, Role = RolePresets.Member, Invite = true },
        };
        rows.AddRange(Enumerable.Range(0, 300).Select(i => new ImportRow
        {
            Email = $"imported{i}@example.com",
            FirstName = "Imported",
            LastName = $"Person {i}",
            TeamHandle = i % 3 == 0 ? second.Handle : owner.Team.Handle,
            Role = RolePresets.Member,
            Groups = i % 3 == 1 ? ["crew"] : [],
            PasswordHash = i == 5 ? ImportedHash : null,
        }));
        rows.Add(new ImportRow { Email = "imported0@example.com", TeamHandle = owner.Team.Handle, Role = RolePresets.Observer });
        var request = new ImportRequest { ImportId = "contract", BatchSize = 64 };

        var outcomes = await ListAsync(bed.Services.GetRequiredService<IImportService>().ImportAsHostAsync(request, ToAsync(rows)));

        Assert.Equal(rows.Count, outcomes.Count);
        Assert.Equal(ImportOutcomeKind.Updated, outcomes[0].Kind);
        Assert.Equal(ImportOutcomeKind.Invited, outcomes[1].Kind);
        Assert.All(outcomes.Skip(2), o => Assert.Equal(ImportOutcomeKind.Created, o.Kind));
        await using (var scope = bed.Scope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ITeamStore>();
            var team = (await store.LoadAsync(teamId, CancellationToken.None))!;
            var other = (await store.LoadAsync(second.Id, CancellationToken.None))!;
            Assert.Equal(RolePresets.Administrator, team.Memberships[crew[0].Membership.Id].Role);
            Assert.Equal(MembershipStatus.Invited, team.FindCurrentMembershipByEmail("invitee@example.com")!.Status);
            Assert.Equal(RolePresets.Observer, team.FindCurrentMembershipByEmail("imported0@example.com")!.Role);
            Assert.Equal(200 + 1 + 2 + 1, team.Memberships.Values.Count(m => !m.Status.IsTerminal()));
            Assert.Equal(100 + 1, other.Memberships.Count);
            Assert.Equal(100 + 1, team.Groups[group.Id].Members.Count);
            AuditAssert.ReplayEquals(team, await bed.AuditAsync(teamId));
            AuditAssert.ReplayEquals(other, await bed.AuditAsync(second.Id));

            var users = scope.ServiceProvider.GetRequiredService<IUserStore>();
            var found = await users.FindByEmailsAsync(["imported5@example.com", "imported6@example.com", "nobody@example.com", "imported5@example.com"], CancellationToken.None);
            Assert.Equal(["imported5@example.com", "imported6@example.com"], found.Select(u => u.Email).Order(StringComparer.Ordinal));
            Assert.Equal(ImportedHash, found.Single(u => u.Email == "imported5@example.com").PasswordHash);
        }

        Assert.Equal("invitee@example.com", Assert.Single(bed.Outbox.Sent).Email);
        var again = await ListAsync(bed.Services.GetRequiredService<IImportService>().ImportAsHostAsync(new ImportRequest { ImportId = "contract-again", BatchSize = 64 }, ToAsync(rows)));
        Assert.All(again, o => Assert.Equal(ImportOutcomeKind.Unchanged, o.Kind));
        Assert.Empty(await ListAsync(bed.Services.GetRequiredService<IImportService>().ImportAsHostAsync(request, ToAsync(rows))));
    }

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
