using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>A session in the cookie authenticates an unsafe method only with an antiforgery token; a bearer header needs none.</summary>
public sealed class AntiforgeryTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static HttpRequestMessage WithCookies(HttpMethod method, string path, params string[] cookies)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return request;
    }

    private static string CookiePair(HttpResponseMessage response, string prefix) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public async Task SignIn_WithCookies_SetsASecureHttpOnlyStrictCookieAndNoTokenInTheBody()
    {
        var person = await _host.SignUpAsync("cookie");

        var signedIn = await _host.SendAsync(HttpMethod.Post, "/account/signin?useCookies=true", null, new { email = person.Email, password = ApiHost.Password, teamHandle = person.TeamHandle });

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").ValueKind);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(TeamAccessAuthenticationDefaults.CookieName, StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.SendAsync(WithCookies(HttpMethod.Get, "/account/me", cookie.Split(';')[0]))).StatusCode);
    }

    [Fact]
    public async Task CookieSession_UnsafeMethodWithoutAntiforgeryToken_Is400AndChangesNothing()
    {
        var person = await _host.SignUpAsync("forged");
        var signedIn = await _host.SendAsync(HttpMethod.Post, "/account/signin?useCookies=true", null, new { email = person.Email, password = ApiHost.Password, teamHandle = person.TeamHandle });
        var session = CookiePair(signedIn, TeamAccessAuthenticationDefaults.CookieName);

        var forged = WithCookies(HttpMethod.Post, $"/account/teams/{person.TeamId}/invitations", session);
        forged.Content = JsonContent.Create(new { addresses = "victim@example.com", role = "Owner" });
        var refused = await _host.Client.SendAsync(forged);

        await ApiHost.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "AntiforgeryFailed");
        var list = await (await _host.SendAsync(HttpMethod.Get, $"/account/teams/{person.TeamId}/invitations", person.Token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, list.GetArrayLength());

        var wrong = WithCookies(HttpMethod.Post, "/account/signout", session);
        wrong.Headers.Add("RequestVerificationToken", "not-a-token");
        await ApiHost.AssertProblemAsync(await _host.Client.SendAsync(wrong), HttpStatusCode.BadRequest, "AntiforgeryFailed");
    }

    [Fact]
    public async Task CookieSession_UnsafeMethodWithTheAntiforgeryToken_IsAuthenticated()
    {
        var person = await _host.SignUpAsync("honest");
        var signedIn = await _host.SendAsync(HttpMethod.Post, "/account/signin?useCookies=true", null, new { email = person.Email, password = ApiHost.Password, teamHandle = person.TeamHandle });
        var session = CookiePair(signedIn, TeamAccessAuthenticationDefaults.CookieName);

        // The token is asked for with the session, so it is bound to this user.
        var issued = await _host.Client.SendAsync(WithCookies(HttpMethod.Get, "/account/antiforgery", session));
        var tokens = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var antiforgeryCookie = CookiePair(issued, ".AspNetCore.Antiforgery");

        var invite = WithCookies(HttpMethod.Post, $"/account/teams/{person.TeamId}/invitations", session, antiforgeryCookie);
        invite.Headers.Add(tokens.GetProperty("headerName").GetString()!, tokens.GetProperty("requestToken").GetString());
        invite.Content = JsonContent.Create(new { addresses = "friend@example.com", role = "Member" });
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.SendAsync(invite)).StatusCode);

        var signOut = WithCookies(HttpMethod.Post, "/account/signout", session, antiforgeryCookie);
        signOut.Headers.Add(tokens.GetProperty("headerName").GetString()!, tokens.GetProperty("requestToken").GetString());
        var signedOut = await _host.Client.SendAsync(signOut);
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith(TeamAccessAuthenticationDefaults.CookieName + "=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client.SendAsync(WithCookies(HttpMethod.Get, "/account/me", session))).StatusCode);
    }

    [Fact]
    public async Task BearerSession_UnsafeMethodWithoutAntiforgeryToken_IsAuthenticated()
    {
        var person = await _host.SignUpAsync("bearer");

        var invited = await _host.SendAsync(HttpMethod.Post, $"/account/teams/{person.TeamId}/invitations", person.Token, new { addresses = "pal@example.com", role = "Member" });

        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
    }
}
