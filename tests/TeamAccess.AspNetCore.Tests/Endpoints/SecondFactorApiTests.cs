using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Teams;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>MapTeamAccessApi's second-factor routes (issue 24): enrolment, the two-step sign-in, recovery codes, step-up.</summary>
public sealed class SecondFactorApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    // A dangerous endpoint of the host's own, guarded by the step-up filter.
    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(endpoints: app => app.MapPost("/dangerous", () => Results.Ok("done")).RequireRecentSecondFactor());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Authenticator_EnrolSignInWithCodeRegenerateAndRemove_OverHttp()
    {
        var ada = await _host.SignUpAsync("ada");
        var status = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "/account/me/second-factors", ada.Token));
        Assert.False(status.GetProperty("authenticatorEnabled").GetBoolean());

        var enrolment = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, "/account/me/authenticator", ada.Token));
        Assert.StartsWith("otpauth://totp/", enrolment.GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], Convert.FromBase64String(enrolment.GetProperty("qrCodePng").GetString()!)[..4]);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/me/authenticator/confirm", ada.Token, new { code = "12345" }), HttpStatusCode.Unauthorized, "InvalidSecondFactor");
        var stepped = await _host.StepUpAsync(ada.Email, ada.Token);
        status = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "/account/me/second-factors", stepped));
        Assert.Equal((true, 10), (status.GetProperty("authenticatorEnabled").GetBoolean(), status.GetProperty("recoveryCodesLeft").GetInt32()));

        // A password alone now answers with a ticket; the code completes the sign-in, a replayed code does not.
        var owed = await ApiHost.AssertProblemAsync(
            await _host.SendAsync(HttpMethod.Post, "/account/signin", null, new { email = ada.Email, password = ApiHost.Password, teamHandle = ada.TeamHandle }),
            HttpStatusCode.Unauthorized,
            "SecondFactorRequired");
        var ticket = owed.GetProperty("ticket").GetString();
        Assert.True(owed.TryGetProperty("ticketExpiresAt", out _));
        var code = _host.NextCode(ada.Email);
        var signedIn = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, "/account/signin/second-factor", null, new { ticket, code }));
        var token = signedIn.GetProperty("session").GetProperty("accessToken").GetString()!;
        Assert.Equal(0, signedIn.GetProperty("recoveryCodes").GetArrayLength());
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/signin/second-factor", null, new { ticket, code }), HttpStatusCode.Unauthorized, "InvalidSecondFactor");

        var codes = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, "/account/me/recovery-codes", token));
        Assert.Equal(10, codes.GetProperty("recoveryCodes").GetArrayLength());

        // Past the step-up window, removing the last second factor asks for a new proof first.
        _host.Time.Advance(TimeSpan.FromMinutes(11));
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Delete, "/account/me/authenticator", token), HttpStatusCode.Unauthorized, "RecentSecondFactorRequired");
        var again = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, "/account/step-up", token, new { code = codes.GetProperty("recoveryCodes")[0].GetString() }));
        var removed = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Delete, "/account/me/authenticator", again.GetProperty("accessToken").GetString()));
        Assert.False((await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "/account/me/second-factors", removed.GetProperty("accessToken").GetString()))).GetProperty("authenticatorEnabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Get, "/account/me", token)).StatusCode);
    }

    [Fact]
    public async Task SignIn_TeamRequiringASecondFactor_LeadsAMemberWithoutOneToEnrol()
    {
        var owner = await _host.SignUpAsync("guardian");
        var (_, _) = await _host.JoinAsync(owner, "newcomer@example.com", RolePresets.Member);
        var teams = _host.App.Services.CreateScope().ServiceProvider.GetRequiredService<ITeamService>();
        var set = await teams.SetSignInPolicyAsync(new UserId(owner.UserId), new TeamId(owner.TeamId), TeamSignInPolicy.Open with { SecondFactorRequired = true });
        Assert.True(set.Succeeded, set.ToString());

        var owed = await ApiHost.AssertProblemAsync(
            await _host.SendAsync(HttpMethod.Post, "/account/signin", null, new { email = "newcomer@example.com", password = ApiHost.Password, teamHandle = owner.TeamHandle }),
            HttpStatusCode.Forbidden,
            "SecondFactorEnrolmentRequired");
        var ticket = owed.GetProperty("ticket").GetString();
        var enrolment = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, "/account/signin/second-factor/enrol", null, new { ticket }));
        var secret = OtpNet.Base32Encoding.ToBytes(enrolment.GetProperty("secret").GetString());
        var code = new OtpNet.Totp(secret).ComputeTotp(_host.Time.GetUtcNow().UtcDateTime);

        var done = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, "/account/signin/second-factor", null, new { ticket, code }));

        Assert.Equal(10, done.GetProperty("recoveryCodes").GetArrayLength());
        var me = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "/account/me", done.GetProperty("session").GetProperty("accessToken").GetString()));
        Assert.Equal(owner.TeamId, me.GetProperty("teamId").GetGuid());
    }

    [Fact]
    public async Task RequireRecentSecondFactor_OnAHostsEndpoint_AsksForAStepUpOutsideTheWindow()
    {
        var ada = await _host.SignUpAsync("bold");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Post, "/dangerous", null)).StatusCode);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/dangerous", ada.Token), HttpStatusCode.Forbidden, "SecondFactorEnrolmentRequired");

        var stepped = await _host.StepUpAsync(ada.Email, ada.Token);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/dangerous", ada.Token), HttpStatusCode.Unauthorized, "RecentSecondFactorRequired");
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Post, "/dangerous", stepped)).StatusCode);

        _host.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/dangerous", stepped), HttpStatusCode.Unauthorized, "RecentSecondFactorRequired");
        var again = await _host.StepUpAsync(ada.Email, stepped);
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Post, "/dangerous", again)).StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheSecondFactorRoutes()
    {
        var document = await (await _host.Client.GetAsync("/openapi/v1.json")).Content.ReadFromJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        foreach (var route in new[]
        {
            "/account/signin/second-factor", "/account/signin/second-factor/enrol", "/account/me/second-factors", "/account/me/authenticator",
            "/account/me/authenticator/confirm", "/account/me/recovery-codes", "/account/step-up",
        })
        {
            Assert.Contains(route, paths);
        }
    }
}
