using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.Provisioning;
using TeamAccess.ServiceAccounts;

// Test methods are documented by their names (Method_Scenario_Expectation), as in the repository's own test projects.
#pragma warning disable CS1591

namespace TeamAccess.Specification.Tests;

/// <content>The directory (SCIM): a membership's origin and externalId stored and loaded, and the directory's reads by address, externalId, id and position.</content>
public abstract partial class StoreSpecificationTests
{
    [SkippableFact]
    public async Task ProvisionAsync_OriginAndExternalId_AreStoredLoadedListedAndAudited()
    {
        await using var bed = await CreateBedAsync();
        var (owner, directory, provisioning) = await DirectoryAsync(bed, verified: true);
        var teamId = owner.Team.Id;
        var joined = await provisioning.ProvisionAsync(directory, teamId, new DirectoryUserRequest("Ada@Example.com") { ExternalId = "00u-ada", FirstName = "Ada", LastName = "Lovelace" });
        Assert.True(joined.Succeeded, joined.ToString());

        var stored = await bed.SnapshotAsync(teamId);
        var streamed = Assert.Single(await ListAsync(bed.TeamStore.LoadAllAsync(CancellationToken.None)), s => s.Id == teamId);
        foreach (var snapshot in new[] { stored, streamed })
        {
            var membership = snapshot.Memberships[joined.Value!.Id];
            Assert.Equal((MembershipOrigin.Scim, "00u-ada", MembershipStatus.Active), (membership.Origin, membership.ExternalId, membership.Status));
            Assert.Equal(MembershipOrigin.Team, snapshot.Memberships.Values.Single(m => m.UserId == owner.User.Id).Origin);
        }

        AuditAssert.ReplayEquals(stored, await bed.AuditAsync(teamId));
        var listed = Assert.Single((await bed.Members.ListAsync(owner.User.Id, teamId)).Value!, m => m.MembershipId == joined.Value!.Id);
        Assert.Equal((MembershipOrigin.Scim, "00u-ada", "Ada", "Lovelace"), (listed.Origin, listed.ExternalId, listed.FirstName, listed.LastName));
        var added = (await bed.AuditAsync(teamId)).Last(e => e.SubjectId == joined.Value!.Id.Value);
        Assert.Contains("\"externalId\":\"00u-ada\"", added.After, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ListDirectoryMembersAsync_FiltersAndPages_PeopleOnlyCurrentOnly()
    {
        await using var bed = await CreateBedAsync();
        var (owner, directory, provisioning) = await DirectoryAsync(bed, verified: false);
        var teamId = owner.Team.Id;
        var ids = new List<MembershipId>();
        foreach (var name in new[] { "carol", "alice", "bob", "dave" })
        {
            var invited = await provisioning.ProvisionAsync(directory, teamId, new DirectoryUserRequest($"{name}@other.example") { ExternalId = $"x-{name}" });
            Assert.True(invited.Succeeded, invited.ToString());
            ids.Add(invited.Value!.Id);
        }

        Assert.True((await provisioning.RemoveAsync(directory, teamId, ids[3])).Succeeded);
        var store = bed.Services.GetRequiredService<IDirectoryStore>();
        var all = await store.ListDirectoryMembersAsync(teamId, new DirectoryMemberQuery { Count = 10 }, CancellationToken.None);

        // The owner and three invited people; the service account and the removed invitation are not the directory's.
        Assert.Equal(4, all.Total);
        Assert.Equal(["alice@other.example", "bob@other.example", "carol@other.example", owner.User.Email], all.Members.Select(m => m.Membership.Email));
        var page = await store.ListDirectoryMembersAsync(teamId, new DirectoryMemberQuery { Offset = 1, Count = 2 }, CancellationToken.None);
        Assert.Equal(4, page.Total);
        Assert.Equal(["bob@other.example", "carol@other.example"], page.Members.Select(m => m.Membership.Email));
        var byExternalId = await store.ListDirectoryMembersAsync(teamId, new DirectoryMemberQuery { ExternalId = "x-carol", Count = 10 }, CancellationToken.None);
        Assert.Equal(ids[0], Assert.Single(byExternalId.Members).Membership.Id);
        var byEmail = await store.ListDirectoryMembersAsync(teamId, new DirectoryMemberQuery { Email = owner.User.Email, Count = 10 }, CancellationToken.None);
        Assert.Equal((owner.User.FirstName, owner.User.LastName), (Assert.Single(byEmail.Members).FirstName, byEmail.Members[0].LastName));
        var byId = await store.ListDirectoryMembersAsync(teamId, new DirectoryMemberQuery { Id = ids[1], Count = 10 }, CancellationToken.None);
        Assert.Equal("x-alice", Assert.Single(byId.Members).Membership.ExternalId);
        Assert.Equal(0, (await store.ListDirectoryMembersAsync(teamId, new DirectoryMemberQuery { ExternalId = "x-dave", Count = 10 }, CancellationToken.None)).Total);
        var countOnly = await store.ListDirectoryMembersAsync(teamId, new DirectoryMemberQuery { Count = 0 }, CancellationToken.None);
        Assert.Equal((4, 0), (countOnly.Total, countOnly.Members.Count));
    }

    /// <summary>A team whose guardian made a directory service account (its role holds directory.provision); <paramref name="verified"/> makes example.com the team's verified domain.</summary>
    private static async Task<(SignUpResult Owner, UserId Directory, IProvisioningService Provisioning)> DirectoryAsync(StoreBed bed, bool verified)
    {
        var owner = await bed.SignUpAsync();
        if (verified)
        {
            var policy = await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, new TeamSignInPolicy(false, bed.Host.Name) { VerifiedDomain = "example.com" });
            Assert.True(policy.Succeeded, policy.ToString());
        }

        var account = await bed.Services.GetRequiredService<IServiceAccountService>().CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Directory", RolePresets.Administrator));
        Assert.True(account.Succeeded, account.ToString());
        return (owner, account.Value!.PrincipalId, bed.Services.GetRequiredService<IProvisioningService>());
    }
}
