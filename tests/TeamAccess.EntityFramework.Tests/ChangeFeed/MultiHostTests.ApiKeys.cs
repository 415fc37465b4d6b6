using TeamAccess.ServiceAccounts;

namespace TeamAccess.EntityFramework.Tests;

/// <content>API keys across instances: a key issued through A works on B, and its revocation, its account's role change and its account's deletion reach B within the bound.</content>
public abstract partial class MultiHostTests
{
    [SkippableFact]
    public async Task ApiKeyChanges_ThroughA_ReachBsKeyChecksWithinTheBound()
    {
        await OnOneStoreAsync(async storage =>
        {
            await using var a = await Host.StartAsync(storage);
            await using var b = await Host.StartAsync(storage);
            var owner = await a.SignUpAsync("owner");
            var team = owner.Team.Id;
            var keysOnB = (IApiKeyValidator)b.Services.GetService(typeof(IApiKeyValidator))!;

            var account = await a.Use<IServiceAccountService, Result<ServiceAccount>>(s => s.CreateAsync(owner.User.Id, team, new CreateServiceAccountRequest("Gateway", RolePresets.Administrator)));
            Assert.True(account.Succeeded, account.ToString());
            var first = await a.Use<IServiceAccountService, Result<IssuedApiKey>>(s => s.CreateKeyAsync(owner.User.Id, team, account.Value!.Id, new CreateApiKeyRequest("gateway-1")));
            var second = await a.Use<IServiceAccountService, Result<IssuedApiKey>>(s => s.CreateKeyAsync(owner.User.Id, team, account.Value!.Id, new CreateApiKeyRequest("gateway-2")));
            Assert.True(first.Succeeded && second.Succeeded, first.ToString() + second);
            await Host.EventuallyAsync(() => keysOnB.Validate(second.Value!.Secret).Succeeded, Limit(b), "new keys on B");
            Assert.True(keysOnB.Validate(first.Value!.Secret).Value!.HasPermission(team, Permissions.MembersInvite));

            // Revoked through A: B refuses the key, and keeps the other.
            var revoked = await a.Use<IServiceAccountService, Result<ApiKey>>(s => s.RevokeKeyAsync(owner.User.Id, team, first.Value!.Key.Id));
            Assert.True(revoked.Succeeded, revoked.ToString());
            await Host.EventuallyAsync(() => keysOnB.Validate(first.Value!.Secret).Code == TeamAccessErrorCode.ApiKeyRevoked, Limit(b), "revoked key on B");
            Assert.True(keysOnB.Validate(second.Value!.Secret).Succeeded);

            // The account's role changed through A: the key's checks on B follow.
            var demoted = await a.Use<IServiceAccountService, Result<ServiceAccount>>(s => s.ChangeAsync(owner.User.Id, team, account.Value!.Id, new ChangeServiceAccountRequest { Role = RolePresets.Observer }));
            Assert.True(demoted.Succeeded, demoted.ToString());
            await Host.EventuallyAsync(() => !keysOnB.Validate(second.Value!.Secret).Value!.HasPermission(team, Permissions.MembersInvite), Limit(b), "role change on B");

            // Deleted through A: every key of the account is refused on B.
            var deleted = await a.Use<IServiceAccountService, Result<ServiceAccount>>(s => s.DeleteAsync(owner.User.Id, team, account.Value!.Id));
            Assert.True(deleted.Succeeded, deleted.ToString());
            await Host.EventuallyAsync(() => keysOnB.Validate(second.Value!.Secret).Code == TeamAccessErrorCode.ApiKeyRevoked, Limit(b), "deleted account on B");
            Assert.False(b.Access.HasPermission(account.Value!.PrincipalId, team, Permissions.MembersRead));
        });
    }
}
