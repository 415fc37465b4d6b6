using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

/// <summary>
/// 2,000 random and mutated tokens (broken base64, huge headers, extra parts, JSON of the wrong types, signed and
/// unsigned) through session validation and OIDC validation: every one answers a result code, none throws.
/// </summary>
public sealed class TokenFuzzTests
{
    private static readonly SymmetricSecurityKey SessionKey = new(Enumerable.Repeat((byte)11, 32).ToArray()) { KeyId = "fuzz" };

    [Fact]
    public async Task Validate_TwoThousandRandomAndMutatedTokens_AnswerResultCodesAndNeverThrow()
    {
        await using var bed = TestBed.Create(o => o.Sessions.SigningKeys.Add(SessionKey));
        var ada = await SessionServiceTests.SignUpWithPasswordAsync(bed, "ada");
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", "correct horse battery staple"), ada.Team.Id)).Value!;
        var acme = bed.Services.GetServices<IIdentityProvider>().Single(p => p.Name == bed.Host.Name);
        var random = new Random(20261130);
        var seeds = new[] { session.AccessToken, bed.Acme.Mint("a-1", "ada@example.com") };

        for (var i = 0; i < 2000; i++)
        {
            var token = Next(random, seeds, bed, i);
            var what = $"token {i}: {(token.Length > 200 ? token[..200] + "..." : token)}";

            var validated = await bed.Sessions.ValidateAsync(token, ada.Team.Id);
            Assert.True(validated.Succeeded || validated.Code is not TeamAccessErrorCode.None, what);
            var identity = await acme.ValidateAsync(token, i % 2 == 0 ? null : "n-1", CancellationToken.None);
            Assert.True(identity.Succeeded || identity.Code is not TeamAccessErrorCode.None, what);
            if (i % 10 == 0)
            {
                // Through the services too: each answers a result, whatever the token.
                _ = await bed.Sessions.SignInAsync(SignInCredential.ForToken(bed.Host.Name, token), ada.Team.Id);
                _ = await bed.Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(bed.Host.Name, token, "Ada", "Lovelace", "Lab", $"fuzz-{i}"));
                _ = await bed.Sessions.SwitchTeamAsync(token, ada.Team.Id);
                _ = await bed.Sessions.SignOutAsync(token);
            }
        }
    }

    [Fact]
    public async Task SignIn_FivePartTokenWithAnUndecodablePart_IsInvalidTokenNotAFormatException()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync("ada");
        foreach (var jwe in new[] { "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.A.A.A.A", "A.B.C.D.E", "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.Zm9v.YmFy.YmF6.A", "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.!!!.%%%.***.~~~" })
        {
            await AssertRefusedAsync(bed, ada, jwe);
        }
    }

    private static async Task AssertRefusedAsync(TestBed bed, SignUpResult ada, string jwe)
    {
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.SignInAsync(SignInCredential.ForToken(bed.Host.Name, jwe), ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(bed.Host.Name, jwe, "Ada", "Lovelace", "Lab", "ada-lab-2"))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ValidateAsync(jwe, ada.Team.Id)).Code);
    }

    private static string Next(Random random, string[] seeds, TestBed bed, int i)
    {
        var seed = seeds[random.Next(seeds.Length)];
        var parts = seed.Split('.');
        return (i % 12) switch
        {
            0 => RandomText(random, random.Next(0, 300)),
            1 => Flip(random, seed),
            2 => seed[..random.Next(seed.Length)],
            3 => $"{parts[0]}.{RandomBase64(random, random.Next(1, 400))}.{parts[2]}",
            4 => string.Join('.', Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(3) == 0 ? RandomText(random, 20) : RandomBase64(random, random.Next(0, 60)))),
            5 => $"{Encode("{\"alg\":\"HS256\",\"kid\":\"" + new string('k', random.Next(1000, 7000)) + "\"}")}.{parts[1]}.{parts[2]}",
            6 => $"{Encode(WrongTypesHeader(random))}.{parts[1]}.{parts[2]}",
            7 => SignedSession(WrongTypesPayload(random, bed)),
            8 => bed.Acme.Mint("a-1", tweak: d => { foreach (var (k, v) in WrongTypesPayload(random, bed)) { d.Claims[k] = v; } }),
            9 => random.Next(2) == 0
                ? $"{parts[0]}.{parts[1]}.{parts[2]}.{RandomText(random, 10)}.{RandomBase64(random, 30)}"
                : string.Join('.', Enumerable.Range(0, 5).Select(p => p == 0 && random.Next(2) == 0 ? parts[0] : RandomBase64(random, random.Next(1, 40))[..^random.Next(2)])),
            10 => seed + new string('.', random.Next(1, 4)) + RandomBase64(random, 10),
            _ => Flip(random, Flip(random, seed)),
        };
    }

    private static string SignedSession(Dictionary<string, object> claims) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = true }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "teamaccess",
            Audience = "teamaccess",
            Claims = claims,
            SigningCredentials = new SigningCredentials(SessionKey, SecurityAlgorithms.HmacSha256),
        });

    private static Dictionary<string, object> WrongTypesPayload(Random random, TestBed bed)
    {
        object[] odd = [5, -1L, "", "not a guid", new[] { 1, 2 }, new Dictionary<string, object> { ["x"] = 1 }, true, 1e300, long.MaxValue, "2026-13-45"];
        var claims = new Dictionary<string, object>();
        foreach (var name in new[] { "sub", "tid", "mid", "sst", "idp", "role", "sid", "auth_time", "ust", "email", "email_verified", "nonce", "azp", "exp", "nbf" })
        {
            if (random.Next(3) > 0)
            {
                claims[name] = odd[random.Next(odd.Length)];
            }
        }

        return claims;
    }

    private static string WrongTypesHeader(Random random) => (random.Next(5)) switch
    {
        0 => "{\"alg\":5}",
        1 => "{\"alg\":\"RS256\",\"kid\":[1,2,3]}",
        2 => "{\"alg\":null,\"typ\":{}}",
        3 => "[1,2,3]",
        _ => "{\"alg\":\"RS256\",\"crit\":[\"exp\"],\"b64\":false}",
    };

    private static string Flip(Random random, string token)
    {
        if (token.Length == 0)
        {
            return "x";
        }

        var chars = token.ToCharArray();
        chars[random.Next(chars.Length)] = "AZaz09-_.=+/!é\0"[random.Next(15)];
        return new string(chars);
    }

    private static string RandomText(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)random.Next(1, 0x3000)).ToArray());

    private static string RandomBase64(Random random, int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Base64UrlEncoder.Encode(buffer);
    }

    private static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
