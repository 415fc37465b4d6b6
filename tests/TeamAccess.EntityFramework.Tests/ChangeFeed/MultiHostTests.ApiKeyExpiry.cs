using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Hosting;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.EntityFramework.Tests;

/// <content>API key expiry across instances: two instances sweeping one database at once record each key's expiry once.</content>
public abstract partial class MultiHostTests
{
    [SkippableFact]
    public async Task ExpirySweep_OnTwoInstancesAtOnce_RecordsEachKeyExpiryOnce()
    {
        await OnOneStoreAsync(async storage =>
        {
            var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
            await using var a = await Host.StartAsync(storage, services: s => s.AddSingleton<TimeProvider>(time));
            await using var b = await Host.StartAsync(storage, services: s => s.AddSingleton<TimeProvider>(time));
            var owner = await a.SignUpAsync("keyexpiry");
            var team = owner.Team.Id;
            var account = await a.Use<IServiceAccountService, Result<ServiceAccount>>(s => s.CreateAsync(owner.User.Id, team, new CreateServiceAccountRequest("Gateway", RolePresets.Member)));
            Assert.True(account.Succeeded, account.ToString());
            for (var i = 0; i < 4; i++)
            {
                var key = await a.Use<IServiceAccountService, Result<IssuedApiKey>>(s => s.CreateKeyAsync(owner.User.Id, team, account.Value!.Id, new CreateApiKeyRequest($"gateway-{i}") { Lifetime = TimeSpan.FromDays(30) }));
                Assert.True(key.Succeeded, key.ToString());
            }

            time.Advance(TimeSpan.FromDays(30));
            var swept = await Task.WhenAll(
                Task.Run(async () => await a.Services.GetRequiredService<ExpirySweeper>().SweepOnceAsync(CancellationToken.None)),
                Task.Run(async () => await b.Services.GetRequiredService<ExpirySweeper>().SweepOnceAsync(CancellationToken.None)));

            Assert.Equal(4, swept.Sum());
            var expired = await a.UseAsync(async sp => (await StoreBed.TeamAuditAsync(sp.GetRequiredService<IAuditStore>(), team)).Count(e => e.Action == AuditActions.ApiKeyExpired));
            Assert.Equal(4, expired);
            Assert.Empty(await a.Services.GetRequiredService<IExpiryStore>().ListTeamsWithExpiredAsync(time.GetUtcNow(), 10, CancellationToken.None));
        });
    }
}
