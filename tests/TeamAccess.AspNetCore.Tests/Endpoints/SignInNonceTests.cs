using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TeamAccess.Specification.Tests;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>
/// Security review 3, L2: <c>POST /signin</c> took the nonce from the request body, so a provider's RequireNonce
/// protected nothing. The nonce is now issued by the server to the browser (an HttpOnly cookie) and used once.
/// </summary>
public sealed class SignInNonceTests
{
    private static readonly TestIdentityProvider Sso = new("corp-sso", "https://sso.corp.example", new FakeTimeProvider(DateTimeOffset.UtcNow), TestIdentityProvider.SharedKey);

    [Fact]
    public async Task SignIn_NonceInTheBodyInsteadOfTheServersCookie_IsRefusedAndTheServersNonceWorksOnce()
    {
        await using var host = await ApiHost.StartAsync(b => b.AddOidcProvider(Sso.Name, o =>
        {
            Sso.Configure(o);
            o.Scope = IdentityProviderScope.Global;
            o.RequireNonce = true;
            o.AuthoritativeDomains.Add("example.com");
        }));
        var ada = await host.SignUpAsync("ada");

        // A token stolen or minted for a nonce the attacker picked, presented with that nonce in the body.
        var chosen = await SignInAsync(host, Sso.Mint("sub-ada", ada.Email, nonce: "attacker-chosen"), ada.TeamHandle, cookie: null, bodyNonce: "attacker-chosen");
        Assert.Equal("InvalidToken", await CodeAsync(chosen));

        var started = await host.Client.PostAsync("/account/signin/nonce", null);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var nonce = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nonce").GetString()!;
        var cookie = Assert.Single(started.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-teamaccess-nonce=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        var pair = cookie.Split(';')[0];
        var token = Sso.Mint("sub-ada", ada.Email, nonce: nonce);

        var otherBrowser = await SignInAsync(host, token, ada.TeamHandle, cookie: null, bodyNonce: nonce);
        var signedIn = await SignInAsync(host, token, ada.TeamHandle, pair, bodyNonce: null);

        Assert.Equal("InvalidToken", await CodeAsync(otherBrowser));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-teamaccess-nonce=;", StringComparison.Ordinal));

        // A copy of the cookie kept and sent again (the browser deleted its own): the server remembers the nonce as used.
        var replayed = await SignInAsync(host, token, ada.TeamHandle, pair, bodyNonce: null);
        Assert.Equal("InvalidToken", await CodeAsync(replayed));
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    private static Task<HttpResponseMessage> SignInAsync(ApiHost host, string token, string teamHandle, string? cookie, string? bodyNonce)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = JsonContent.Create(new { provider = Sso.Name, token, teamHandle, nonce = bodyNonce }),
        };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return host.Client.SendAsync(request);
    }
}
