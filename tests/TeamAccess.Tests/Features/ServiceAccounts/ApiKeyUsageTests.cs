using Microsoft.Extensions.DependencyInjection;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.Tests;

/// <summary>Last-used times: collected in memory as keys are validated, written in one batch per flush, never per request.</summary>
public sealed class ApiKeyUsageTests
{
    [Fact]
    public async Task Validations_WriteNothingUntilTheFlushWhichWritesOneUsePerKey()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var accounts = bed.Services.GetRequiredService<IServiceAccountService>();
        var account = (await accounts.CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Gateway", RolePresets.Administrator))).Value!;
        var first = (await accounts.CreateKeyAsync(owner.User.Id, owner.Team.Id, account.Id, new CreateApiKeyRequest("one"))).Value!;
        var second = (await accounts.CreateKeyAsync(owner.User.Id, owner.Team.Id, account.Id, new CreateApiKeyRequest("two"))).Value!;
        var validator = bed.Services.GetRequiredService<IApiKeyValidator>();
        var recorder = bed.Services.GetRequiredService<ApiKeyUsageRecorder>();
        var usedAt = bed.Time.GetUtcNow();

        for (var i = 0; i < 100; i++)
        {
            Assert.True(validator.Validate(first.Secret).Succeeded);
        }

        Assert.Empty(await bed.Store.GetLastUsedAsync(owner.Team.Id, CancellationToken.None));
        Assert.Equal(1, recorder.Pending);
        await recorder.FlushAsync(CancellationToken.None);

        Assert.Equal(0, recorder.Pending);
        Assert.Equal(usedAt, Assert.Single(await bed.Store.GetLastUsedAsync(owner.Team.Id, CancellationToken.None)).Value);
        var listed = (await accounts.ListKeysAsync(owner.User.Id, owner.Team.Id, account.Id)).Value!;
        Assert.Equal(usedAt, Assert.Single(listed, k => k.Id == first.Key.Id).LastUsedAt);
        Assert.Null(Assert.Single(listed, k => k.Id == second.Key.Id).LastUsedAt);

        // A later use moves the time forward; a refused key records nothing.
        bed.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(validator.Validate(first.Secret).Succeeded);
        Assert.False(validator.Validate(second.Secret[..^1] + (second.Secret[^1] == 'a' ? 'b' : 'a')).Succeeded);
        await recorder.FlushAsync(CancellationToken.None);
        Assert.Equal(usedAt.AddMinutes(5), Assert.Single(await bed.Store.GetLastUsedAsync(owner.Team.Id, CancellationToken.None)).Value);
    }
}
