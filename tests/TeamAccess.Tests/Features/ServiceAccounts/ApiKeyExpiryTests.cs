using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.Events;
using TeamAccess.Hosting;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.Tests;

/// <summary>
/// An API key that reaches its expiry unrevoked is an audit action with its event, recorded once at about its time by the
/// expiry sweep that closes invitations and ownership offers (no loop of its own).
/// </summary>
public sealed class ApiKeyExpiryTests
{
    private static async Task<(SignUpResult Owner, ServiceAccount Account)> AccountAsync(TestBed bed)
    {
        var owner = await bed.SignUpAsync();
        var account = await ServiceAccountServiceTests.Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Gateway", RolePresets.Member));
        Assert.True(account.Succeeded, account.ToString());
        return (owner, account.Value!);
    }

    private static async Task<IssuedApiKey> KeyAsync(TestBed bed, SignUpResult owner, ServiceAccount account, string name, TimeSpan lifetime)
    {
        var key = await ServiceAccountServiceTests.Accounts(bed).CreateKeyAsync(owner.User.Id, owner.Team.Id, account.Id, new CreateApiKeyRequest(name) { Lifetime = lifetime });
        Assert.True(key.Succeeded, key.ToString());
        return key.Value!;
    }

    private static async Task<List<AuditEvent>> ExpiredAsync(TestBed bed, SignUpResult owner) =>
        [.. (await bed.Audit.ListAsync(owner.User.Id, owner.Team.Id)).Value!.Where(e => e.Action == AuditActions.ApiKeyExpired)];

    [Fact]
    public async Task SweepOnceAsync_AKeyPastItsExpiry_IsRecordedOnceWithItsEvent_AsTheHost()
    {
        await using var bed = TestBed.Create();
        var (owner, account) = await AccountAsync(bed);
        var key = await KeyAsync(bed, owner, account, "gateway-1", TimeSpan.FromDays(30));
        var sweeper = bed.Services.GetRequiredService<ExpirySweeper>();

        // Not before its time ...
        bed.Time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await sweeper.SweepOnceAsync(CancellationToken.None));
        Assert.Empty(await ExpiredAsync(bed, owner));

        // ... then once, as the host, and never again.
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sweeper.SweepOnceAsync(CancellationToken.None));
        Assert.Equal(0, await sweeper.SweepOnceAsync(CancellationToken.None));
        var expired = Assert.Single(await ExpiredAsync(bed, owner));
        Assert.Equal((AuditSubjectKind.ApiKey, key.Key.Id.Value, (UserId?)null), (expired.SubjectKind, expired.SubjectId, expired.ActorId));
        Assert.IsType<ApiKeyExpiredEvent>(TeamAccessEvent.From(expired));
        Assert.Equal(bed.Time.GetUtcNow(), (await bed.SnapshotAsync(owner.Team.Id)).ApiKeys[key.Key.Id].ExpiryRecordedAt);
        Assert.Empty(await bed.Services.GetRequiredService<IExpiryStore>().ListTeamsWithExpiredAsync(bed.Time.GetUtcNow(), 10, CancellationToken.None));

        // Recording changes nothing about the key: it is refused as expired, not as revoked.
        Assert.Equal(TeamAccessErrorCode.ApiKeyExpired, bed.Services.GetRequiredService<IApiKeyValidator>().Validate(key.Secret).Code);
    }

    [Fact]
    public async Task SweepOnceAsync_ARevokedKey_IsNeverRecordedAsExpired_AndARotatedOneIsAtTheEndOfItsOverlap()
    {
        await using var bed = TestBed.Create();
        var (owner, account) = await AccountAsync(bed);
        var revoked = await KeyAsync(bed, owner, account, "revoked", TimeSpan.FromDays(7));
        var rotated = await KeyAsync(bed, owner, account, "rotated", TimeSpan.FromDays(90));
        var accounts = ServiceAccountServiceTests.Accounts(bed);
        Assert.True((await accounts.RevokeKeyAsync(owner.User.Id, owner.Team.Id, revoked.Key.Id)).Succeeded);
        Assert.True((await accounts.RotateKeyAsync(owner.User.Id, owner.Team.Id, rotated.Key.Id, TimeSpan.FromDays(1))).Succeeded);
        var sweeper = bed.Services.GetRequiredService<ExpirySweeper>();

        bed.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await sweeper.SweepOnceAsync(CancellationToken.None));
        Assert.Equal(rotated.Key.Id.Value, Assert.Single(await ExpiredAsync(bed, owner)).SubjectId);

        bed.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await sweeper.SweepOnceAsync(CancellationToken.None));
        Assert.Single(await ExpiredAsync(bed, owner));
    }

    [Fact]
    public async Task SweepOnceAsync_TwoInstancesAtOnce_RecordEachKeyExpiryOnce()
    {
        await using var bed = TestBed.Create();
        await using var sibling = bed.Sibling();
        var (owner, account) = await AccountAsync(bed);
        for (var i = 0; i < 3; i++)
        {
            await KeyAsync(bed, owner, account, $"gateway-{i}", TimeSpan.FromDays(30));
        }

        bed.Time.Advance(TimeSpan.FromDays(30));
        var sweeps = await Task.WhenAll(
            Task.Run(async () => await bed.Services.GetRequiredService<ExpirySweeper>().SweepOnceAsync(CancellationToken.None)),
            Task.Run(async () => await sibling.Services.GetRequiredService<ExpirySweeper>().SweepOnceAsync(CancellationToken.None)));

        Assert.Equal(3, sweeps.Sum());
        Assert.Equal(3, (await ExpiredAsync(bed, owner)).Count);
    }
}
