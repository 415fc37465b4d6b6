using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.Index;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.Tests;

public sealed partial class ApiKeyTests
{
    private static IServiceAccountService Accounts(TestBed bed) => ServiceAccountServiceTests.Accounts(bed);

    private static IApiKeyValidator Keys(TestBed bed) => bed.Services.GetRequiredService<IApiKeyValidator>();

    private static async Task<(SignUpResult Owner, ServiceAccount Account)> AccountAsync(TestBed bed, string role = RolePresets.Administrator)
    {
        var owner = await bed.SignUpAsync();
        var account = await Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Gateway", role));
        Assert.True(account.Succeeded, account.ToString());
        return (owner, account.Value!);
    }

    private static async Task<IssuedApiKey> KeyAsync(TestBed bed, SignUpResult owner, ServiceAccount account, CreateApiKeyRequest? request = null)
    {
        var key = await Accounts(bed).CreateKeyAsync(owner.User.Id, owner.Team.Id, account.Id, request ?? new CreateApiKeyRequest("gateway-1"));
        Assert.True(key.Succeeded, key.ToString());
        return key.Value!;
    }

    [GeneratedRegex("^ta_[a-z2-7]{52}_[a-z2-7]{59}$")]
    private static partial Regex KeyShape();

    [Fact]
    public async Task Create_GivesAKeyInAScannableFormatThatActsAsItsServiceAccount()
    {
        await using var bed = TestBed.Create();
        var (owner, account) = await AccountAsync(bed);

        var issued = await KeyAsync(bed, owner, account);
        var validated = Keys(bed).Validate(issued.Secret);

        Assert.Matches(KeyShape(), issued.Secret);
        Assert.True(validated.Succeeded, validated.ToString());
        var principal = validated.Value!;
        Assert.Equal((owner.Team.Id, account.Id, account.PrincipalId, issued.Key.Id), (principal.TeamId, principal.ServiceAccountId, principal.PrincipalId, principal.KeyId));
        Assert.True(principal.HasPermission(owner.Team.Id, Permissions.MembersManage));
        Assert.False(principal.HasPermission(owner.Team.Id, Permissions.TeamDelete));
        Assert.Contains((await bed.Audit.ListAsync(owner.User.Id, owner.Team.Id)).Value!, e => e.Action == AuditActions.ApiKeyCreated && e.SubjectKind == AuditSubjectKind.ApiKey && e.SubjectId == issued.Key.Id.Value);
    }

    [Fact]
    public async Task TheSecret_IsStoredOnlyAsItsHashAndNeverPrintedOrAudited()
    {
        await using var bed = TestBed.Create();
        var (owner, account) = await AccountAsync(bed);

        var issued = await KeyAsync(bed, owner, account);

        var stored = Assert.Single((await bed.SnapshotAsync(owner.Team.Id)).ApiKeys.Values);
        var secretPart = issued.Secret[56..^7];
        Assert.Equal(64, stored.Hash.Length);
        Assert.DoesNotContain(secretPart, stored.Hash, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Secret, issued.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(stored.Hash, stored.ToString(), StringComparison.Ordinal);
        await foreach (var e in bed.Store.ListAsync(owner.Team.Id, CancellationToken.None))
        {
            Assert.DoesNotContain(stored.Hash, (e.Before ?? string.Empty) + e.After, StringComparison.Ordinal);
            Assert.DoesNotContain(secretPart, (e.Before ?? string.Empty) + e.After, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AMalformedKey_IsInvalidApiKey()
    {
        await using var bed = TestBed.Create();
        var (owner, account) = await AccountAsync(bed);
        var key = (await KeyAsync(bed, owner, account)).Secret;

        // Every single-character change breaks the checksum (or the shape), so the key is refused before any look-up.
        for (var i = 0; i < key.Length; i++)
        {
            var changed = key[..i] + (key[i] == 'a' ? 'b' : 'a') + key[(i + 1)..];
            Assert.Equal(TeamAccessErrorCode.InvalidApiKey, Keys(bed).Validate(changed).Code);
        }

        Assert.Equal(TeamAccessErrorCode.InvalidApiKey, Keys(bed).Validate(key[..^1]).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidApiKey, Keys(bed).Validate(key.ToUpperInvariant()).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidApiKey, Keys(bed).Validate(string.Empty).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidApiKey, Keys(bed).Validate(null).Code);
    }

    [Fact]
    public async Task Narrowed_AKeyHoldsOnlyItsPermissionsAndNeverMoreThanItsAccount()
    {
        await using var bed = TestBed.Create();
        var (owner, account) = await AccountAsync(bed, RolePresets.Member);
        await bed.Grants.GrantAsync(owner.User.Id, owner.Team.Id, GrantSubject.ForMembership(account.Id), "device-1", [Permissions.ResourcesWrite]);

        var narrowed = Keys(bed).Validate((await KeyAsync(bed, owner, account, new CreateApiKeyRequest("reader") { Permissions = ["devices.read", Permissions.MembersManage] })).Secret).Value!;
        var full = Keys(bed).Validate((await KeyAsync(bed, owner, account)).Secret).Value!;

        Assert.True(narrowed.IsNarrowed);
        Assert.False(narrowed.HasPermission(owner.Team.Id, Permissions.ResourcesWrite, "device-1"));
        Assert.True(full.HasPermission(owner.Team.Id, Permissions.ResourcesWrite, "device-1"));
        Assert.False(narrowed.HasPermission(owner.Team.Id, Permissions.MembersManage));
        Assert.False(full.HasPermission(owner.Team.Id, Permissions.MembersManage));
    }

    [Fact]
    public async Task Create_AnUnknownPermissionOrALifetimeBeyondTheMaximum_IsRefusedAndChangesNothing()
    {
        await using var bed = TestBed.Create(o => (o.ApiKeys.MaxLifetime, o.ApiKeys.DefaultLifetime) = (TimeSpan.FromDays(30), TimeSpan.FromDays(7)));
        var (owner, account) = await AccountAsync(bed);
        var version = (await bed.SnapshotAsync(owner.Team.Id)).Version;

        var unknown = await Accounts(bed).CreateKeyAsync(owner.User.Id, owner.Team.Id, account.Id, new CreateApiKeyRequest("k") { Permissions = ["nope.read"], Lifetime = TimeSpan.FromDays(1) });
        var tooLong = await Accounts(bed).CreateKeyAsync(owner.User.Id, owner.Team.Id, account.Id, new CreateApiKeyRequest("k") { Lifetime = TimeSpan.FromDays(31) });
        var negative = await Accounts(bed).CreateKeyAsync(owner.User.Id, owner.Team.Id, account.Id, new CreateApiKeyRequest("k") { Lifetime = TimeSpan.FromDays(-1) });

        Assert.Equal(TeamAccessErrorCode.InvalidPermission, unknown.Code);
        Assert.Equal(TeamAccessErrorCode.InvalidApiKeyLifetime, tooLong.Code);
        Assert.Equal(TeamAccessErrorCode.InvalidApiKeyLifetime, negative.Code);
        Assert.Equal(version, (await bed.SnapshotAsync(owner.Team.Id)).Version);
    }

    [Fact]
    public async Task Expiry_AKeyPastItsLifetime_IsApiKeyExpired()
    {
        await using var bed = TestBed.Create();
        var (owner, account) = await AccountAsync(bed);
        var key = (await KeyAsync(bed, owner, account, new CreateApiKeyRequest("short") { Lifetime = TimeSpan.FromHours(2) })).Secret;

        bed.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.True(Keys(bed).Validate(key).Succeeded);
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TeamAccessErrorCode.ApiKeyExpired, Keys(bed).Validate(key).Code);
    }

    [Fact]
    public async Task Rotate_KeepsBothKeysValidDuringTheOverlapAndOnlyTheNewOneAfter()
    {
        await using var bed = TestBed.Create();
        var (owner, account) = await AccountAsync(bed);
        var old = await KeyAsync(bed, owner, account);

        var rotated = await Accounts(bed).RotateKeyAsync(owner.User.Id, owner.Team.Id, old.Key.Id, TimeSpan.FromHours(1));

        Assert.True(rotated.Succeeded, rotated.ToString());
        Assert.NotEqual(old.Secret, rotated.Value!.Secret);
        Assert.True(Keys(bed).Validate(old.Secret).Succeeded);
        Assert.True(Keys(bed).Validate(rotated.Value.Secret).Succeeded);
        bed.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TeamAccessErrorCode.ApiKeyExpired, Keys(bed).Validate(old.Secret).Code);
        Assert.True(Keys(bed).Validate(rotated.Value.Secret).Succeeded);
        var listed = (await Accounts(bed).ListKeysAsync(owner.User.Id, owner.Team.Id, account.Id)).Value!;
        Assert.Equal(rotated.Value.Key.Id, Assert.Single(listed, k => k.Id == old.Key.Id).ReplacedBy);
        Assert.Contains((await bed.Audit.ListAsync(owner.User.Id, owner.Team.Id)).Value!, e => e.Action == AuditActions.ApiKeyRotated);
        Assert.Equal(TeamAccessErrorCode.ApiKeyExpired, (await Accounts(bed).RotateKeyAsync(owner.User.Id, owner.Team.Id, old.Key.Id, TimeSpan.Zero)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidApiKeyLifetime, (await Accounts(bed).RotateKeyAsync(owner.User.Id, owner.Team.Id, rotated.Value.Key.Id, TimeSpan.FromDays(-1))).Code);
    }

    [Fact]
    public async Task Revoke_IsApiKeyRevokedHereAndOnASecondInstance()
    {
        await using var bed = TestBed.Create();
        var (owner, account) = await AccountAsync(bed);
        var key = await KeyAsync(bed, owner, account);
        await using var other = bed.Sibling();
        var follower = other.Services.GetRequiredService<ChangeFeedFollower>();
        await follower.CatchUpAsync(CancellationToken.None);
        Assert.True(Keys(other).Validate(key.Secret).Succeeded);

        var revoked = await Accounts(bed).RevokeKeyAsync(owner.User.Id, owner.Team.Id, key.Key.Id);

        Assert.True(revoked.Succeeded, revoked.ToString());
        Assert.Equal(TeamAccessErrorCode.ApiKeyRevoked, Keys(bed).Validate(key.Secret).Code);
        // The second instance hears of the revocation by reading the change feed, as its follower does in the background.
        await follower.CatchUpAsync(CancellationToken.None);
        Assert.Equal(TeamAccessErrorCode.ApiKeyRevoked, Keys(other).Validate(key.Secret).Code);
        Assert.Contains((await bed.Audit.ListAsync(owner.User.Id, owner.Team.Id)).Value!, e => e.Action == AuditActions.ApiKeyRevoked);
    }

    [Fact]
    public async Task ARoleChange_ReachesTheKeysOfTheAccount()
    {
        await using var bed = TestBed.Create();
        var (owner, account) = await AccountAsync(bed);
        var principal = Keys(bed).Validate((await KeyAsync(bed, owner, account)).Secret).Value!;
        Assert.True(principal.HasPermission(owner.Team.Id, Permissions.MembersManage));

        var changed = await Accounts(bed).ChangeAsync(owner.User.Id, owner.Team.Id, account.Id, new ChangeServiceAccountRequest { Role = RolePresets.Observer });

        Assert.True(changed.Succeeded, changed.ToString());
        Assert.False(principal.HasPermission(owner.Team.Id, Permissions.MembersManage));
    }

    [Fact]
    public async Task AKeyOfTeamA_NeverActsInTeamB()
    {
        await using var bed = TestBed.Create();
        var (owner, account) = await AccountAsync(bed);
        var other = await bed.SignUpAsync();
        var principal = Keys(bed).Validate((await KeyAsync(bed, owner, account)).Secret).Value!;

        Assert.False(principal.HasPermission(other.Team.Id, Permissions.MembersRead));
        Assert.False(bed.Access.HasPermission(principal.PrincipalId, other.Team.Id, Permissions.MembersRead));
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Groups.CreateAsync(principal.PrincipalId, other.Team.Id, "Sneaky", "sneaky")).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await Accounts(bed).RevokeKeyAsync(other.User.Id, other.Team.Id, principal.KeyId)).Code);
    }

    [Fact]
    public async Task DeletingTheAccountOrTheTeam_RevokesItsKeys()
    {
        await using var bed = TestBed.Create();
        var (owner, account) = await AccountAsync(bed);
        var second = (await Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Second", RolePresets.Member))).Value!;
        var first = await KeyAsync(bed, owner, account);
        var other = await KeyAsync(bed, owner, second);

        Assert.True((await Accounts(bed).DeleteAsync(owner.User.Id, owner.Team.Id, account.Id)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.ApiKeyRevoked, Keys(bed).Validate(first.Secret).Code);
        Assert.True(Keys(bed).Validate(other.Secret).Succeeded);

        Assert.True((await bed.Teams.DeleteAsync(owner.User.Id, owner.Team.Id)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.ApiKeyRevoked, Keys(bed).Validate(other.Secret).Code);
        var snapshot = await bed.SnapshotAsync(owner.Team.Id);
        Assert.All(snapshot.Memberships.Values.Where(m => m.IsServiceAccount), m => Assert.Equal(MembershipStatus.Removed, m.Status));
        Assert.All(snapshot.ApiKeys.Values, k => Assert.NotNull(k.RevokedAt));
    }

    [Fact]
    public async Task ADeactivatedAccount_ItsKeysHoldNothing()
    {
        await using var bed = TestBed.Create();
        var (owner, account) = await AccountAsync(bed);
        var key = await KeyAsync(bed, owner, account);

        Assert.True((await bed.Members.DeactivateAsync(owner.User.Id, owner.Team.Id, account.Id)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, Keys(bed).Validate(key.Secret).Code);
        Assert.False(bed.Access.HasPermission(account.PrincipalId, owner.Team.Id, Permissions.MembersRead));
    }
}
