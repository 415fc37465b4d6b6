using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TeamAccess.Events;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>MapTeamAccessApi's list of the user's sessions (issue 24): <c>/sessions</c>, and a team admin's <c>/members/{id}/sign-out</c>.</summary>
public sealed class SessionApiTests : IAsyncLifetime
{
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string Safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Sessions_ListShowsDeviceFromTheUserAgent_SignOutOneThenTheOthers()
    {
        var ada = await _host.SignUpAsync("ada");
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        var laptop = await SignInWithAgentAsync(ada, Firefox);
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        var phone = await SignInWithAgentAsync(ada, Safari);

        var listed = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "/account/sessions", laptop));
        var sessions = listed.EnumerateArray().ToList();
        Assert.Equal(3, sessions.Count);
        Assert.Equal(["Safari on iOS", "Firefox on Windows"], sessions.Take(2).Select(s => s.GetProperty("device").GetString()));
        Assert.Equal([false, true, false], sessions.Select(s => s.GetProperty("isCurrent").GetBoolean()));
        Assert.Equal("pwd", sessions[1].GetProperty("authenticationMethods")[0].GetString());
        Assert.False(string.IsNullOrEmpty(sessions[1].GetProperty("signedInAt").GetString()));
        var phoneId = sessions[0].GetProperty("sessionId").GetGuid();

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Delete, $"/account/sessions/{Guid.NewGuid()}", laptop), HttpStatusCode.NotFound, "NotFound");
        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Delete, $"/account/sessions/{phoneId}", laptop)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Get, "/account/me", phone)).StatusCode);

        var others = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, "/account/sessions/sign-out-others", laptop));
        Assert.Equal(1, others.GetProperty("signedOut").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Get, "/account/me", ada.Token)).StatusCode);
        Assert.Single((await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "/account/sessions", laptop))).EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Get, "/account/sessions", null)).StatusCode);
    }

    [Fact]
    public async Task SignOutMember_AdminEndsTheMembersSessionInThisTeam_NeverTheOwners_AMemberMayNot()
    {
        var owner = await _host.SignUpAsync("boss");
        var (adminId, adminToken) = await _host.JoinAsync(owner, "admin@example.com", RolePresets.Administrator);
        var (memberId, memberToken) = await _host.JoinAsync(owner, "staff@example.com", RolePresets.Member);
        var members = $"/account/teams/{owner.TeamId}/members";

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"{members}/{adminId}/sign-out", memberToken), HttpStatusCode.Forbidden, "PermissionDenied");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"{members}/{owner.MembershipId}/sign-out", adminToken), HttpStatusCode.Forbidden, "RoleRankTooHigh");
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Post, $"{members}/{memberId}/sign-out", adminToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Get, "/account/me", memberToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Get, "/account/me", owner.Token)).StatusCode);
        var audit = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/audit", owner.Token));
        Assert.Contains(audit.GetProperty("events").EnumerateArray(), e => e.GetProperty("action").GetString() == TeamAccessEvent.ActionOf<MemberSessionsEndedEvent>());
    }

    private async Task<string> SignInWithAgentAsync(Person person, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin") { Content = JsonContent.Create(new { email = person.Email, password = ApiHost.Password, teamHandle = person.TeamHandle }) };
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        var response = await _host.Client.SendAsync(request);
        return (await ApiHost.JsonAsync(response)).GetProperty("accessToken").GetString()!;
    }
}
