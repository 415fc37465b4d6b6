using System.Net;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>
/// MapTeamAccessApi's team-SSO routes: only a holder of <c>team.sign-in-policy</c> (the guardian) reaches them, changing
/// who may sign in needs a recent second factor, and a client secret never comes back.
/// </summary>
public sealed class TeamSsoApiTests : IAsyncLifetime
{
    // A public address as the issuer's host: the issuer check passes without a DNS lookup (nothing is fetched on add).
    private static readonly object Provider = new { displayName = "Acme SSO", issuer = "https://93.184.216.34", clientId = "portal", clientSecret = "very-secret-client-secret" };

    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Guardian_AddsAProviderAndClaimsADomain_AfterAStepUp_AndNeverSeesTheSecret()
    {
        var owner = await _host.SignUpAsync("sso-owner");
        var providers = $"/account/teams/{owner.TeamId}/sso/providers";
        var domains = $"/account/teams/{owner.TeamId}/sso/domains";

        // Adding a provider or claiming a domain changes who may sign in: a dangerous action.
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, providers, owner.Token, Provider), HttpStatusCode.Forbidden, "SecondFactorEnrolmentRequired");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, domains, owner.Token, new { domain = "acme.example" }), HttpStatusCode.Forbidden, "SecondFactorEnrolmentRequired");
        var token = await _host.StepUpAsync(owner.Email, owner.Token);

        var added = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, providers, token, Provider));
        Assert.Equal("Draft", added.GetProperty("state").GetString());
        Assert.StartsWith("team-", added.GetProperty("name").GetString(), StringComparison.Ordinal);
        var listed = await _host.SendAsync(HttpMethod.Get, providers, token);
        var text = await listed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.DoesNotContain("very-secret-client-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("clientSecret", text, StringComparison.OrdinalIgnoreCase);

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, providers, token, new { displayName = "X", issuer = "http://93.184.216.34", clientId = "c", clientSecret = "s" }), HttpStatusCode.BadRequest, "IssuerNotAllowed");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, providers, token, new { displayName = "X", issuer = "https://127.0.0.1", clientId = "c", clientSecret = "s" }), HttpStatusCode.BadRequest, "IssuerNotAllowed");

        var claimed = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, domains, token, new { domain = "acme.example" }));
        Assert.StartsWith("teamaccess-verification=", claimed.GetProperty("txtRecord").GetString(), StringComparison.Ordinal);
        Assert.Equal("Pending", claimed.GetProperty("state").GetString());
        Assert.Equal(1, (await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, domains, token))).GetArrayLength());

        var id = added.GetProperty("providerId").GetGuid();
        Assert.True((await _host.SendAsync(HttpMethod.Delete, $"{providers}/{id}", token)).IsSuccessStatusCode);
        Assert.Equal(0, (await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, providers, token))).GetArrayLength());
    }

    [Theory]
    [InlineData("Member")]
    [InlineData("Administrator")]
    public async Task NonGuardian_IsRefusedEveryRoute(string role)
    {
        var owner = await _host.SignUpAsync($"sso-{role.ToLowerInvariant()}");
        var (_, token) = await _host.JoinAsync(owner, $"{role.ToLowerInvariant()}@example.com", role);
        var team = $"/account/teams/{owner.TeamId}/sso";
        var any = Guid.NewGuid();

        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Get, "/providers", null), (HttpMethod.Post, "/providers", Provider), (HttpMethod.Post, "/providers/test", Provider),
            (HttpMethod.Put, $"/providers/{any}", Provider), (HttpMethod.Post, $"/providers/{any}/activate", null), (HttpMethod.Post, $"/providers/{any}/suspend", null),
            (HttpMethod.Delete, $"/providers/{any}", null), (HttpMethod.Get, "/domains", null), (HttpMethod.Post, "/domains", new { domain = "acme.example" }),
            (HttpMethod.Post, $"/domains/{any}/check", null), (HttpMethod.Delete, $"/domains/{any}", null),
        })
        {
            var response = await _host.SendAsync(method, team + path, token, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {response.StatusCode}");
        }
    }
}
