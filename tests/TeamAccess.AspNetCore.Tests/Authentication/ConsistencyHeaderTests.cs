using System.Net;
using System.Net.Http.Headers;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>
/// Security review 3, M2: a consistency header costs the server a wait and a store read, so only a valid session may
/// spend it, only for its own team, and a token ahead of the store never loads the team.
/// </summary>
public sealed class ConsistencyHeaderTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Authenticate_GarbageTokenWithAConsistencyHeader_RefusedWithoutAStoreRead()
    {
        var victim = await _host.SignUpAsync("victim");
        var reads = _host.Reads.Count;

        var response = await SendAsync("/account/me", "not.a.token", Future(victim.TeamId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(reads, _host.Reads.Count);
    }

    [Fact]
    public async Task Authenticate_ValidSessionWithAnotherTeamsToken_IgnoresTheHeader()
    {
        var ada = await _host.SignUpAsync("ada");
        var other = await _host.SignUpAsync("other");
        var before = _host.Reads.Count;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/account/me", ada.Token, null)).StatusCode);
        var plain = _host.Reads.Count - before;

        before = _host.Reads.Count;
        var response = await SendAsync("/account/me", ada.Token, Future(other.TeamId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(plain, _host.Reads.Count - before);
    }

    [Fact]
    public async Task Authenticate_ValidSessionWithAFutureTokenOfItsTeam_NeverLoadsTheTeam()
    {
        var ada = await _host.SignUpAsync("ada2");
        var loads = _host.Reads.Loads;

        var response = await SendAsync("/account/me", ada.Token, Future(ada.TeamId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(loads, _host.Reads.Loads);
    }

    private static string Future(Guid teamId) => new ConsistencyToken(new TeamId(teamId), 999_999_999).ToString();

    private Task<HttpResponseMessage> SendAsync(string path, string token, string? consistency)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (consistency is not null)
        {
            request.Headers.Add(TeamAccessHeaders.ConsistencyToken, consistency);
        }

        return _host.Client.SendAsync(request);
    }
}
