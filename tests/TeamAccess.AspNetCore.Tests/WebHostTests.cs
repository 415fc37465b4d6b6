using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.AspNetCore;
using TeamAccess.Grants;
using TeamAccess.Members;
using TeamAccess.Teams;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>A minimal ASP.NET Core host built from the package, as a new user would write it, driven over HTTP.</summary>
public sealed class WebHostTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddTeamAccess(o =>
        {
            o.Permissions.Add("devices.read", "devices.write");
            o.EmailConfirmation.RequiredForPasswordSignIn = false;
        }).AddInMemoryStores().AddAspNetCore();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGet("/devices", () => "list").RequireTeamPermission("devices.read");
        _app.MapPost("/devices", () => "written").RequireTeamPermission("devices.write");
        _app.MapGet("/devices/{deviceId}", (string deviceId) => deviceId).RequireTeamPermission("devices.read", "deviceId");
        _app.MapGet("/teams/{teamId}/members", (string teamId) => teamId).RequireTeamPermission(Permissions.MembersRead);
        _app.MapGet("/me", (HttpContext http) => new { User = new UserId(Guid.Parse(http.User.FindFirst(TeamAccessClaimTypes.UserId)!.Value)), Status = MembershipStatus.Active })
            .RequireAuthorization();
        _app.MapPost("/teams/{teamId}/name", async (Guid teamId, string name, HttpContext http, ITeamService teams) =>
            (await teams.RenameAsync(new UserId(Guid.Parse(http.User.FindFirst(TeamAccessClaimTypes.UserId)!.Value)), new TeamId(teamId), name)).ToHttpResult())
            .RequireTeamPermission(Permissions.TeamManage);
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<(SignUpResult Owner, string Token)> OwnerAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var signedUp = (await scope.ServiceProvider.GetRequiredService<IUserService>()
            .SignUpAsync(new SignUpRequest($"{name}@example.com", name, "Tester", $"{name}'s team", $"{name}-team") { Password = Password })).Value!;
        var session = await scope.ServiceProvider.GetRequiredService<ISessionService>().SignInAsync(SignInCredential.ForPassword($"{name}@example.com", Password), signedUp.Team.Id);
        return (signedUp, session.Value!.AccessToken);
    }

    private async Task<string> MemberAsync(SignUpResult owner, string name, string role, string? grantOn = null)
    {
        var (person, _) = await OwnerAsync(name);
        await using var scope = Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<IMemberService>().AddAsHostAsync(owner.Team.Id, person.User.Id, role);
        if (grantOn is not null)
        {
            await scope.ServiceProvider.GetRequiredService<IGrantService>().GrantAsync(owner.User.Id, owner.Team.Id, GrantSubject.ForMembership(added.Value!.Id), grantOn, ["devices.read"]);
        }

        var session = await scope.ServiceProvider.GetRequiredService<ISessionService>().SignInAsync(SignInCredential.ForPassword($"{name}@example.com", Password), owner.Team.Id);
        return session.Value!.AccessToken;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    [Fact]
    public async Task RequireTeamPermission_ByRoleAndSession_AnswersOk401Or403()
    {
        var (owner, ownerToken) = await OwnerAsync("owner");
        var observerToken = await MemberAsync(owner, "observer", RolePresets.Administrator);
        await using (var scope = Services.CreateAsyncScope())
        {
            var snapshot = await scope.ServiceProvider.GetRequiredService<ITeamStore>().LoadAsync(owner.Team.Id, CancellationToken.None);
            var membership = snapshot!.Memberships.Values.Single(m => m.Email == "observer@example.com");
            await scope.ServiceProvider.GetRequiredService<IMemberService>().ChangeRoleAsync(owner.User.Id, owner.Team.Id, membership.Id, RolePresets.Observer);
        }

        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(Request(HttpMethod.Get, "/devices", ownerToken))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(Request(HttpMethod.Post, "/devices", ownerToken))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(Request(HttpMethod.Get, "/devices", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(Request(HttpMethod.Get, "/devices", "not.a.token"))).StatusCode);

        // The demotion replaced the stamp: the Administrator session issued before it is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(Request(HttpMethod.Get, "/devices", observerToken))).StatusCode);
    }

    [Fact]
    public async Task RequireTeamPermission_ReadOnlyRole_IsForbiddenToWrite()
    {
        var (owner, _) = await OwnerAsync("owner2");
        var viewer = await MemberAsync(owner, "viewer", RolePresets.Observer);

        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(Request(HttpMethod.Post, "/devices", viewer))).StatusCode);
    }

    [Fact]
    public async Task RequireTeamPermission_OnAResourceRouteValue_FollowsTheGrants()
    {
        var (owner, _) = await OwnerAsync("owner3");
        var member = await MemberAsync(owner, "member3", RolePresets.Member, grantOn: "line-1");

        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(Request(HttpMethod.Get, "/devices/line-1", member))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(Request(HttpMethod.Get, "/devices/line-2", member))).StatusCode);
    }

    [Fact]
    public async Task RequireTeamPermission_RouteNamingAnotherTeam_IsForbidden()
    {
        var (owner, token) = await OwnerAsync("owner4");
        var (other, _) = await OwnerAsync("stranger4");

        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(Request(HttpMethod.Get, $"/teams/{owner.Team.Id}/members", token))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(Request(HttpMethod.Get, $"/teams/{other.Team.Id}/members", token))).StatusCode);
    }

    [Fact]
    public async Task SessionCookie_WithoutBearerHeader_Authenticates()
    {
        var (_, token) = await OwnerAsync("owner5");
        var request = new HttpRequestMessage(HttpMethod.Get, "/devices");
        request.Headers.Add("Cookie", $"{TeamAccessAuthenticationDefaults.CookieName}={token}");

        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task ToHttpResult_RefusalAndWrite_GiveProblemDetailsAndAConsistencyToken()
    {
        var (owner, token) = await OwnerAsync("owner6");

        var refused = await _client.SendAsync(Request(HttpMethod.Post, $"/teams/{owner.Team.Id}/name?name=", token));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:teamaccess:error:invalid-name", problem.GetProperty("type").GetString());
        Assert.Equal("InvalidName", problem.GetProperty("code").GetString());

        var renamed = await _client.SendAsync(Request(HttpMethod.Post, $"/teams/{owner.Team.Id}/name?name=Renamed", token));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var header = Assert.Single(renamed.Headers.GetValues(TeamAccessHeaders.ConsistencyToken));
        Assert.True(ConsistencyToken.TryParse(header, out var consistency));
        Assert.Equal(owner.Team.Id, consistency.TeamId);

        // Ids are plain strings and enums are names in the response body.
        var team = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(owner.Team.Id.Value.ToString("D"), team.GetProperty("id").GetString());
        Assert.Equal("Free", team.GetProperty("tier").GetString());

        var next = Request(HttpMethod.Get, "/devices", token);
        next.Headers.Add(TeamAccessHeaders.ConsistencyToken, header);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(next)).StatusCode);
    }

    [Fact]
    public void StatusCodeFor_EveryCode_IsMappedToAnErrorStatus()
    {
        // Refusals are the client's (4xx) but for one: an instance that fails closed on a stale index is unavailable.
        var unmapped = Enum.GetValues<TeamAccessErrorCode>().Where(c => c is not TeamAccessErrorCode.None and not TeamAccessErrorCode.IndexStale && TeamAccessProblems.StatusCodeFor(c) is < 400 or > 499).ToArray();

        Assert.Empty(unmapped);
        Assert.Equal(503, TeamAccessProblems.StatusCodeFor(TeamAccessErrorCode.IndexStale));
        Assert.Equal("urn:teamaccess:error:last-guardian", TeamAccessProblems.TypeFor(TeamAccessErrorCode.LastGuardian));
        Assert.Equal(Enum.GetValues<TeamAccessErrorCode>().Length, Enum.GetValues<TeamAccessErrorCode>().Select(TeamAccessProblems.TypeFor).Distinct().Count());
    }
}
