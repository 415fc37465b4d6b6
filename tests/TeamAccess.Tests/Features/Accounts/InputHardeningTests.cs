using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

/// <summary>Inputs that pass a naive check: long passwords in few graphemes, names that read backwards, undefined tiers, public-only signing keys.</summary>
public sealed class InputHardeningTests
{
    [Fact]
    public async Task SignUp_PasswordOfFewGraphemesCarryingManyCombiningMarks_IsTooLongByCodePoints()
    {
        await using var bed = TestBed.Create();
        var heavy = string.Concat(Enumerable.Range(0, 20).Select(i => (char)('a' + i) + new string('\u0316', 50)));

        var result = await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = heavy });

        Assert.Equal(TeamAccessErrorCode.PasswordPolicy, result.Code);
        Assert.Contains(nameof(PasswordCriterion.TooLong), result.Error!.Details);
    }

    [Theory]
    [InlineData("Ada\u202Egnp.exe")]
    [InlineData("\u2066Ada\u2069")]
    [InlineData("A\u200Bda")]
    [InlineData("Ada\u200F")]
    [InlineData("\uFEFFAda")]
    public async Task Names_WithBidirectionalOverridesOrInvisibleFormatCharacters_AreInvalidName(string name)
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync("ada");

        Assert.Equal(TeamAccessErrorCode.InvalidName, (await bed.Users.UpdateNameAsync(ada.User.Id, ada.User.Id, name, "Lovelace")).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidName, (await bed.Teams.RenameAsync(ada.User.Id, ada.Team.Id, name)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidName, (await bed.Users.SignUpAsync(new SignUpRequest("grace@example.com", name, "Hopper", "Lab", "grace-lab") { Password = "correct horse battery staple" })).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidName, (await bed.Groups.CreateAsync(ada.User.Id, ada.Team.Id, name, "some-group")).Code);
    }

    [Fact]
    public async Task Names_WithZeroWidthNonJoinerAsPersianSpellsIt_AreAccepted()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync("ada");

        var renamed = await bed.Users.UpdateNameAsync(ada.User.Id, ada.User.Id, "نیلوفر", "می\u200Cخواهم");

        Assert.True(renamed.Succeeded, renamed.ToString());
    }

    [Fact]
    public async Task ChangeTier_UndefinedTier_IsInvalidTierAndChangesNothing()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync("ada");

        var changed = await bed.Teams.ChangeTierAsync(ada.User.Id, ada.Team.Id, (TeamTier)42);

        Assert.Equal(TeamAccessErrorCode.InvalidTier, changed.Code);
        Assert.Equal(TeamTier.Free, (await bed.SnapshotAsync(ada.Team.Id)).Team.Tier);
    }

    [Fact]
    public async Task Start_FirstSessionSigningKeyWithoutItsPrivatePart_FailsValidation()
    {
        using var rsa = RSA.Create(2048);
        var services = new ServiceCollection();
        services.AddTeamAccess(o => o.Sessions.SigningKeys.Add(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "public-only" })).AddInMemoryStores();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TeamAccessOptions>>().Value);
        Assert.Contains("private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PublicOnlyKeyAfterASigningKey_IsAcceptedForValidation()
    {
        using var rsa = RSA.Create(2048);
        await using var bed = TestBed.Create(o =>
        {
            o.Sessions.SigningKeys.Add(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "signer" });
            o.Sessions.SigningKeys.Add(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "old-public" });
        });

        Assert.NotNull(bed.Services.GetRequiredService<IOptions<TeamAccessOptions>>().Value);
    }
}
