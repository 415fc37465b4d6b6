using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

public sealed class OidcProviderTests
{
    [Fact]
    public async Task Validate_TokenSignedByTheProvidersKey_YieldsIssuerSubjectAndVerifiedEmail()
    {
        await using var bed = TestBed.Create();

        var identity = await Acme(bed).ValidateAsync(bed.Acme.Mint("a-1", "Grace@Example.com"), null, CancellationToken.None);

        Assert.True(identity.Succeeded, identity.ToString());
        Assert.Equal((bed.Acme.Name, bed.Acme.Issuer, "a-1", (string?)"Grace@Example.com", true), (identity.Value!.Provider, identity.Value.Issuer, identity.Value.Subject, identity.Value.Email, identity.Value.EmailVerified));
    }

    [Fact]
    public async Task Validate_UnsignedOrStrippedSignature_IsRefused()
    {
        await using var bed = TestBed.Create();
        var parts = bed.Acme.Mint("a-1", "grace@example.com").Split('.');
        var none = UrlSafeBase64.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8);

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync($"{none}.{parts[1]}.", null, CancellationToken.None)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync($"{parts[0]}.{parts[1]}.", null, CancellationToken.None)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync($"{parts[0]}.{parts[1]}", null, CancellationToken.None)).Code);
    }

    [Fact]
    public async Task Validate_HmacSignedWithThePublicKey_IsRefused()
    {
        await using var bed = TestBed.Create();
        var publicKeyBytes = Encoding.UTF8.GetBytes(bed.Acme.Jwks());
        var confused = bed.Acme.Mint("a-1", "grace@example.com", tweak: d => d.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(publicKeyBytes) { KeyId = bed.Acme.Key.KeyId }, SecurityAlgorithms.HmacSha256));

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(confused, null, CancellationToken.None)).Code);
    }

    [Theory]
    [InlineData("jku")]
    [InlineData("jwk")]
    [InlineData("x5u")]
    [InlineData("x5c")]
    public async Task Validate_HeaderPointingAtKeysOfItsOwn_IsRefused(string header)
    {
        await using var bed = TestBed.Create();
        var token = bed.Acme.Mint("a-1", "grace@example.com", tweak: d => d.AdditionalHeaderClaims = new Dictionary<string, object> { [header] = "https://attacker.example/keys" });

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(token, null, CancellationToken.None)).Code);
    }

    [Fact]
    public async Task Validate_WrongIssuerAudienceOrSigner_IsRefused()
    {
        await using var bed = TestBed.Create();

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(bed.Acme.Mint("a-1", tweak: d => d.Issuer = "https://evil.example"), null, CancellationToken.None)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(bed.Acme.Mint("a-1", tweak: d => d.Audience = "another-app"), null, CancellationToken.None)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(bed.Globex.Mint("a-1", tweak: d => d.Issuer = bed.Acme.Issuer), null, CancellationToken.None)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(bed.Acme.Mint("a-1", tweak: d => d.Claims.Remove("sub")), null, CancellationToken.None)).Code);
    }

    [Fact]
    public async Task Validate_Lifetime_AllowsTheSmallClockSkewAndNoMore()
    {
        await using var bed = TestBed.Create();
        var token = bed.Acme.Mint("a-1");

        bed.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.True((await Acme(bed).ValidateAsync(token, null, CancellationToken.None)).Succeeded);
        bed.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(token, null, CancellationToken.None)).Code);
        var future = bed.Acme.Mint("a-1", tweak: d => { d.NotBefore = d.NotBefore!.Value.AddMinutes(5); d.IssuedAt = d.NotBefore; d.Expires = d.NotBefore.Value.AddMinutes(10); });
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(future, null, CancellationToken.None)).Code);
    }

    [Fact]
    public async Task Validate_Nonce_MustMatchWhenTheRequestSentOne()
    {
        await using var bed = TestBed.Create();

        Assert.True((await Acme(bed).ValidateAsync(bed.Acme.Mint("a-1", nonce: "n-123"), "n-123", CancellationToken.None)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(bed.Acme.Mint("a-1", nonce: "n-999"), "n-123", CancellationToken.None)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(bed.Acme.Mint("a-1"), "n-123", CancellationToken.None)).Code);
    }

    [Fact]
    public async Task Validate_AfterTheProviderRotatesItsKey_FetchesTheNewKeysAtMostOncePerInterval()
    {
        await using var bed = TestBed.Create();
        Assert.True((await Acme(bed).ValidateAsync(bed.Acme.Mint("a-1"), null, CancellationToken.None)).Succeeded);
        Assert.Equal(1, bed.Acme.JwksFetches);

        bed.Acme.RotateKey();
        bed.Time.Advance(TimeSpan.FromMinutes(6));
        var rotated = await Acme(bed).ValidateAsync(bed.Acme.Mint("a-1"), null, CancellationToken.None);

        Assert.True(rotated.Succeeded, rotated.ToString());
        Assert.Equal(2, bed.Acme.JwksFetches);
        var unknownKey = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = bed.Acme.Issuer,
            Audience = TestIdentityProvider.Audience,
            Expires = bed.Time.GetUtcNow().UtcDateTime.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = "a-1" },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "stranger" }, SecurityAlgorithms.RsaSha256),
        });
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(unknownKey, null, CancellationToken.None)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(unknownKey, null, CancellationToken.None)).Code);
        Assert.Equal(2, bed.Acme.JwksFetches);
    }

    [Fact]
    public async Task Validate_AccessTokenOrForeignAuthorizedParty_IsRefused()
    {
        await using var bed = TestBed.Create();
        var accessToken = bed.Acme.Mint("a-1", tweak: d => d.TokenType = "at+jwt");
        var shared = bed.Acme.Mint("a-1", tweak: d => { d.Audience = null; d.Claims["aud"] = new[] { TestIdentityProvider.Audience, "another-app" }; d.Claims["azp"] = "another-app"; });
        var sharedForUs = bed.Acme.Mint("a-1", tweak: d => { d.Audience = null; d.Claims["aud"] = new[] { TestIdentityProvider.Audience, "another-app" }; d.Claims["azp"] = TestIdentityProvider.Audience; });

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(accessToken, null, CancellationToken.None)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await Acme(bed).ValidateAsync(shared, null, CancellationToken.None)).Code);
        Assert.True((await Acme(bed).ValidateAsync(sharedForUs, null, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public void Build_MisconfiguredProvider_FailsAtStart()
    {
        var services = new ServiceCollection();
        services.AddTeamAccess().AddInMemoryStores().AddOidcProvider("bad", o => { o.Issuer = "not a uri"; o.ValidAlgorithms.Add(SecurityAlgorithms.HmacSha256); });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetServices<IIdentityProvider>().ToList());
        Assert.Contains("Issuer", error.Message, StringComparison.Ordinal);
        Assert.Contains("asymmetric", error.Message, StringComparison.Ordinal);
    }

    private static IIdentityProvider Acme(TestBed bed) => bed.Services.GetServices<IIdentityProvider>().Single(p => p.Name == bed.Acme.Name);
}
