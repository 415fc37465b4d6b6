using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Specification.Tests;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>MapTeamAccessApi's passkey routes (issue 24): each ceremony's options and verification, the challenge in a cookie.</summary>
public sealed class PasskeyApiTests : IAsyncLifetime
{
    private const string Origin = "https://app.example.com";
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(teamAccess: t => t.Services.Configure<TeamAccessOptions>(o =>
    {
        o.Passkeys.RelyingPartyId = "example.com";
        o.Passkeys.Origins.Add(Origin);
    }));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Passkey_RegisterListAndSignInAlone_OverHttpWithTheChallengeInACookie()
    {
        var ada = await _host.SignUpAsync("ada");
        using var key = new SoftwareAuthenticator(Origin);

        var (options, cookie) = await OptionsAsync("/account/me/passkeys/options", ada.Token);
        Assert.Contains("HttpOnly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("SameSite=Strict", cookie, StringComparison.OrdinalIgnoreCase);
        var registered = await ApiHost.JsonAsync(await SendAsync(HttpMethod.Post, "/account/me/passkeys", ada.Token, cookie, new { credential = JsonDocument.Parse(key.Create(options)).RootElement, name = "Laptop" }));
        Assert.Equal("Laptop", registered.GetProperty("name").GetString());
        var listed = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "/account/me/passkeys", ada.Token));
        Assert.Equal(1, listed.GetArrayLength());

        // Without the browser's cookie the answer names no challenge; with it, once.
        var (signIn, signInCookie) = await OptionsAsync("/account/signin/passkey/options", null);
        var answer = JsonDocument.Parse(key.Get(signIn)).RootElement;
        await ApiHost.AssertProblemAsync(await SendAsync(HttpMethod.Post, "/account/signin/passkey", null, null, new { credential = answer, teamId = ada.TeamId }), HttpStatusCode.Unauthorized, "InvalidPasskey");
        var session = await ApiHost.JsonAsync(await SendAsync(HttpMethod.Post, "/account/signin/passkey", null, signInCookie, new { credential = answer, teamId = ada.TeamId }));
        Assert.False(string.IsNullOrEmpty(session.GetProperty("accessToken").GetString()));
        await ApiHost.AssertProblemAsync(await SendAsync(HttpMethod.Post, "/account/signin/passkey", null, signInCookie, new { credential = answer, teamId = ada.TeamId }), HttpStatusCode.Unauthorized, "InvalidPasskey");
    }

    [Fact]
    public async Task PasskeyOnlyTeam_AMemberWithoutAPasskeyEnrolsOneWithTheSignInsTicketAndIsSignedIn()
    {
        var owner = await _host.SignUpAsync("strict");
        var (_, _) = await _host.JoinAsync(owner, "fresh@example.com", RolePresets.Member);
        var teams = _host.App.Services.CreateScope().ServiceProvider.GetRequiredService<TeamAccess.Teams.ITeamService>();
        Assert.True((await teams.SetSignInPolicyAsync(new UserId(owner.UserId), new TeamId(owner.TeamId), TeamSignInPolicy.Open with { PasskeyRequired = true })).Succeeded);
        using var key = new SoftwareAuthenticator(Origin);

        var owed = await ApiHost.AssertProblemAsync(
            await _host.SendAsync(HttpMethod.Post, "/account/signin", null, new { email = "fresh@example.com", password = ApiHost.Password, teamHandle = owner.TeamHandle }),
            HttpStatusCode.Forbidden,
            "PasskeyEnrolmentRequired");
        var ticket = owed.GetProperty("ticket").GetString();

        // The enrolment ticket is no sign-in ticket: the authenticator's enrolment refuses it.
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/signin/second-factor/enrol", null, new { ticket }), HttpStatusCode.BadRequest, "InvalidToken");
        var response = await _host.SendAsync(HttpMethod.Post, "/account/signin/second-factor/passkey-enrolment/options", null, new { ticket });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        var options = await response.Content.ReadAsStringAsync();
        var session = await ApiHost.JsonAsync(await SendAsync(HttpMethod.Post, "/account/signin/second-factor/passkey-enrolment", null, cookie, new { ticket, credential = JsonDocument.Parse(key.Create(options)).RootElement, name = "Phone" }));

        // The session counts for the passkey-only team: it proved the new passkey.
        var token = session.GetProperty("accessToken").GetString();
        Assert.True((await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members", token)).IsSuccessStatusCode);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/signin/second-factor/passkey-enrolment/options", null, new { ticket }), HttpStatusCode.BadRequest, "InvalidToken");
    }

    private async Task<(string Options, string Cookie)> OptionsAsync(string path, string? token)
    {
        var response = await _host.SendAsync(HttpMethod.Post, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        return (await response.Content.ReadAsStringAsync(), cookie);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? setCookie, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (setCookie is not null)
        {
            request.Headers.Add("Cookie", setCookie.Split(';')[0]);
        }

        return _host.Client.SendAsync(request);
    }
}
