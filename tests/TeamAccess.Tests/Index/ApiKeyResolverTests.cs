using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Domain;
using TeamAccess.Index;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.Tests;

/// <summary>A key is judged from the index alone: these validators have an engine and a clock, and no store at all.</summary>
public sealed class ApiKeyResolverTests
{
    private static async Task<(TestBed Bed, TeamSnapshot Snapshot, IssuedApiKey Key)> KeyedTeamAsync()
    {
        var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var accounts = bed.Services.GetRequiredService<IServiceAccountService>();
        var account = (await accounts.CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Gateway", RolePresets.Administrator))).Value!;
        var key = (await accounts.CreateKeyAsync(owner.User.Id, owner.Team.Id, account.Id, new CreateApiKeyRequest("gateway-1"))).Value!;
        return (bed, await bed.SnapshotAsync(owner.Team.Id), key);
    }

    [Fact]
    public async Task Validate_FromAnEngineWithNoStore_AcceptsTheKeyAndRefusesUnknownOnes()
    {
        var (bed, snapshot, key) = await KeyedTeamAsync();
        await using var _ = bed;
        var engine = new AccessEngine(bed.Roles);
        engine.Apply(snapshot);
        var validator = new ApiKeyValidator(engine, bed.Time);

        var unknownKey = ApiKeyFormat.Issue(snapshot.Id, ApiKeyId.New()).Key;
        var wrongSecret = ApiKeyFormat.Issue(snapshot.Id, key.Key.Id).Key;
        var unknownTeam = ApiKeyFormat.Issue(TeamId.New(), key.Key.Id).Key;

        Assert.True(validator.Validate(key.Secret).Succeeded);
        Assert.Equal(TeamAccessErrorCode.InvalidApiKey, validator.Validate(unknownKey).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidApiKey, validator.Validate(wrongSecret).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidApiKey, validator.Validate(unknownTeam).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidApiKey, new ApiKeyValidator(new AccessEngine(bed.Roles), bed.Time).Validate(key.Secret).Code);
    }

    [Fact]
    public async Task Validate_AMalformedKey_IsRefusedBeforeTheIndexIsAsked()
    {
        var (bed, snapshot, key) = await KeyedTeamAsync();
        await using var _ = bed;
        var engine = new AccessEngine(bed.Roles) { Refusing = true };
        engine.Apply(snapshot);
        var validator = new ApiKeyValidator(engine, bed.Time);

        // A refusing engine answers IndexStale to any question: a malformed key never gets as far as asking it.
        Assert.Equal(TeamAccessErrorCode.InvalidApiKey, validator.Validate(key.Secret[..^1] + (key.Secret[^1] == 'a' ? 'b' : 'a')).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidApiKey, validator.Validate("ta_not-a-key").Code);
        Assert.Equal(TeamAccessErrorCode.IndexStale, validator.Validate(key.Secret).Code);
    }

    [Fact]
    public void Format_IssuedKeys_ReadBackToTheirIdsAndTheHashOfTheirSecret()
    {
        var team = TeamId.New();
        var id = ApiKeyId.New();
        var (key, hash) = ApiKeyFormat.Issue(team, id);
        Span<byte> read = stackalloc byte[ApiKeyFormat.HashBytes];

        Assert.Equal(ApiKeyFormat.Length, key.Length);
        Assert.True(ApiKeyFormat.TryRead(key, out var readTeam, out var readId, read));
        Assert.Equal((team, id, hash), (readTeam, readId, Convert.ToHexString(read).ToLowerInvariant()));
        Assert.NotEqual(key, ApiKeyFormat.Issue(team, id).Key);
    }

    [Fact]
    public async Task Validate_AnAcceptedKey_AllocatesNothingAndStillAnswersFromTheLiveIndex()
    {
        var (bed, snapshot, key) = await KeyedTeamAsync();
        await using var _ = bed;
        var engine = new AccessEngine(bed.Roles);
        engine.Apply(snapshot);
        var validator = new ApiKeyValidator(engine, bed.Time);
        var first = validator.Validate(key.Secret);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(validator.Validate(key.Secret).Succeeded);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var again = validator.Validate(key.Secret);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Same(first.Value, again.Value);
        Assert.Equal((snapshot.Id, key.Key.Id), (again.Value!.TeamId, again.Value.KeyId));

        // Another engine holding the same team gets its own principal, which answers from that engine.
        var other = new AccessEngine(bed.Roles);
        other.Apply(snapshot);
        var elsewhere = new ApiKeyValidator(other, bed.Time).Validate(key.Secret);
        Assert.True(elsewhere.Succeeded);
        Assert.Equal(first.Value!.PrincipalId, elsewhere.Value!.PrincipalId);

        // A revocation is a new compiled key: the kept principal is not handed out for it.
        var owner = snapshot.Memberships.Values.First(m => !m.IsServiceAccount).UserId!.Value;
        Assert.True((await bed.Services.GetRequiredService<IServiceAccountService>().RevokeKeyAsync(owner, snapshot.Id, key.Key.Id)).Succeeded);
        engine.Apply(await bed.SnapshotAsync(snapshot.Id));
        Assert.Equal(TeamAccessErrorCode.ApiKeyRevoked, validator.Validate(key.Secret).Code);
    }
}
