using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Events;
using TeamAccess.ServiceAccounts;

// Test methods are documented by their names (Method_Scenario_Expectation), as in the repository's own test projects.
#pragma warning disable CS1591

namespace TeamAccess.Specification.Tests;

/// <content>Service accounts and their API keys: stored with the team, loaded by every path, changed under its version.</content>
public abstract partial class StoreSpecificationTests
{
    [SkippableFact]
    public async Task CreateAsync_ServiceAccountAndItsKeys_AreStoredWithTheTeamAndLoadedOnEveryPath()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var teamId = owner.Team.Id;
        var accounts = Service<IServiceAccountService>(bed.Services);
        var keys = Service<IApiKeyValidator>(bed.Services);

        var account = await accounts.CreateAsync(owner.User.Id, teamId, new CreateServiceAccountRequest("Gateway Berlin", RolePresets.Member) { Description = "Reports device state\nfrom Berlin" });
        Assert.True(account.Succeeded, account.ToString());
        var first = await accounts.CreateKeyAsync(owner.User.Id, teamId, account.Value!.Id, new CreateApiKeyRequest("gateway-1") { Permissions = [Permissions.ResourcesRead] });
        Assert.True(first.Succeeded, first.ToString());
        var rotated = await accounts.RotateKeyAsync(owner.User.Id, teamId, first.Value!.Key.Id, TimeSpan.FromHours(1));
        Assert.True(rotated.Succeeded, rotated.ToString());
        var second = await accounts.CreateKeyAsync(owner.User.Id, teamId, account.Value.Id, new CreateApiKeyRequest("gateway-2"));
        Assert.True(second.Succeeded, second.ToString());
        var revoked = await accounts.RevokeKeyAsync(owner.User.Id, teamId, second.Value!.Key.Id);
        Assert.True(revoked.Succeeded, revoked.ToString());

        var stored = await bed.SnapshotAsync(teamId);
        var streamed = Assert.Single(await ListAsync(bed.TeamStore.LoadAllAsync(CancellationToken.None)), s => s.Id == teamId);
        foreach (var snapshot in new[] { stored, streamed })
        {
            var membership = snapshot.Memberships[account.Value.Id];
            Assert.Equal(("Gateway Berlin", "Reports device state\nfrom Berlin", account.Value.PrincipalId), (membership.ServiceAccountName, membership.Description, membership.UserId));
            Assert.Equal(3, snapshot.ApiKeys.Count);
            var old = snapshot.ApiKeys[first.Value.Key.Id];
            Assert.Equal(new[] { Permissions.ResourcesRead }, old.Permissions.ToArray());
            Assert.Equal((rotated.Value!.Key.Id, rotated.Value.Key.ExpiresAt), (old.ReplacedBy, snapshot.ApiKeys[rotated.Value.Key.Id].ExpiresAt));
            Assert.Equal(first.Value.Key.CreatedAt.AddHours(1), old.ExpiresAt);
            Assert.Equal(bed.Time.GetUtcNow(), snapshot.ApiKeys[second.Value.Key.Id].RevokedAt);
            Assert.All(snapshot.ApiKeys.Values, k => Assert.Matches("^[0-9a-f]{64}$", k.Hash));
            Assert.Empty(snapshot.ApiKeys[second.Value.Key.Id].Permissions);
        }

        AuditAssert.ReplayEquals(stored, await bed.AuditAsync(teamId));
        Assert.True(keys.Validate(first.Value.Secret).Succeeded);
        Assert.True(keys.Validate(rotated.Value!.Secret).Succeeded);
        Assert.Equal(TeamAccessErrorCode.ApiKeyRevoked, keys.Validate(second.Value.Secret).Code);
        var listed = await bed.Members.ListAsync(owner.User.Id, teamId);
        Assert.True(Assert.Single(listed.Value!, m => m.MembershipId == account.Value.Id).IsServiceAccount);
        Assert.Equal(
            [TeamAccessEvent.ActionOf<ApiKeyCreatedEvent>(), TeamAccessEvent.ActionOf<ApiKeyRotatedEvent>(), TeamAccessEvent.ActionOf<ApiKeyCreatedEvent>(), TeamAccessEvent.ActionOf<ApiKeyCreatedEvent>(), TeamAccessEvent.ActionOf<ApiKeyRevokedEvent>()],
            (await bed.AuditAsync(teamId)).Where(e => e.SubjectKind == AuditSubjectKind.ApiKey).Select(e => e.Action));
    }

    [SkippableFact]
    public async Task Audit_AChangeMadeThroughAKey_NamesTheAccountAndTheKey_AndASessionsChangeNoKey()
    {
        // Issue 23: every action by a key is audited with the service account and the key as the actor.
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var teamId = owner.Team.Id;
        var accounts = Service<IServiceAccountService>(bed.Services);
        var account = (await accounts.CreateAsync(owner.User.Id, teamId, new CreateServiceAccountRequest("Provisioner", RolePresets.Administrator))).Value!;
        var key = (await accounts.CreateKeyAsync(owner.User.Id, teamId, account.Id, new CreateApiKeyRequest("provisioner"))).Value!;

        await using (var request = bed.Services.CreateAsyncScope())
        {
            request.ServiceProvider.GetRequiredService<ActingCredential>().ApiKeyId = key.Key.Id;
            var created = await request.ServiceProvider.GetRequiredService<TeamAccess.Groups.IGroupService>().CreateAsync(account.PrincipalId, teamId, "Gateways", "gateways");
            Assert.True(created.Succeeded, created.ToString());
        }

        Assert.True((await bed.Services.GetRequiredService<TeamAccess.Groups.IGroupService>().CreateAsync(owner.User.Id, teamId, "Staff", "staff")).Succeeded);

        var groups = (await bed.AuditAsync(teamId)).Where(e => e.SubjectKind == AuditSubjectKind.Group).ToList();
        Assert.Equal(2, groups.Count);
        Assert.Equal((account.PrincipalId, key.Key.Id), (groups[0].ActorId, groups[0].ActorKeyId));
        Assert.Equal((owner.User.Id, (ApiKeyId?)null), (groups[1].ActorId, groups[1].ActorKeyId));
    }

    [SkippableFact]
    public async Task DeleteAsync_TheTeam_DeletesItsServiceAccountsAndRevokesTheirKeysInTheStore()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var teamId = owner.Team.Id;
        var accounts = Service<IServiceAccountService>(bed.Services);
        var account = (await accounts.CreateAsync(owner.User.Id, teamId, new CreateServiceAccountRequest("Pipeline", RolePresets.Administrator))).Value!;
        var key = (await accounts.CreateKeyAsync(owner.User.Id, teamId, account.Id, new CreateApiKeyRequest("ci"))).Value!;

        Assert.True((await bed.Teams.DeleteAsync(owner.User.Id, teamId)).Succeeded);

        var stored = await bed.SnapshotAsync(teamId);
        Assert.Equal(MembershipStatus.Removed, stored.Memberships[account.Id].Status);
        Assert.NotNull(stored.ApiKeys[key.Key.Id].RevokedAt);
        Assert.Equal(TeamAccessErrorCode.ApiKeyRevoked, Service<IApiKeyValidator>(bed.Services).Validate(key.Secret).Code);
        Assert.False(Service<IAccessChecker>(bed.Services).HasPermission(account.PrincipalId, teamId, Permissions.MembersRead));
    }

    [SkippableFact]
    public async Task RecordUsesAsync_MovesEachKeysLastUseForwardNeverBack_AndListsThemPerTeam()
    {
        await using var bed = await CreateBedAsync();
        var usage = Service<IApiKeyUsageStore>(bed.Services);
        var team = TeamId.New();
        var other = TeamId.New();
        var (a, b, c) = (ApiKeyId.New(), ApiKeyId.New(), ApiKeyId.New());
        var at = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

        await usage.RecordUsesAsync([new ApiKeyUse(team, a, at), new ApiKeyUse(team, b, at.AddMinutes(1)), new ApiKeyUse(other, c, at)], CancellationToken.None);
        await usage.RecordUsesAsync([new ApiKeyUse(team, a, at.AddMinutes(5)), new ApiKeyUse(team, b, at)], CancellationToken.None);

        var used = await usage.GetLastUsedAsync(team, CancellationToken.None);
        Assert.Equal(2, used.Count);
        Assert.Equal((at.AddMinutes(5), at.AddMinutes(1)), (used[a], used[b]));
        Assert.Equal(at, Assert.Single(await usage.GetLastUsedAsync(other, CancellationToken.None)).Value);
        Assert.Empty(await usage.GetLastUsedAsync(TeamId.New(), CancellationToken.None));
    }
}
