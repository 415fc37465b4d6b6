using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>
/// MapTeamAccessApi's service-account and key routes, and the TeamAccess scheme accepting a key as
/// <c>Authorization: Bearer ta_...</c>: the principal is the service account, checks are its role's, refusals are problems.
/// </summary>
public sealed class ServiceAccountApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(Person Owner, Guid Account, JsonElement Key)> KeyedAccountAsync(string name, string role, object? key = null)
    {
        var owner = await _host.SignUpAsync(name);
        var account = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/service-accounts", owner.Token, new { name = "Gateway", role, description = "Berlin" }));
        var id = account.GetProperty("serviceAccountId").GetGuid();

        // Creating a key is a dangerous action (DESIGN 9): a session without a recent second factor is asked for one.
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/service-accounts/{id}/keys", owner.Token, new { name = "early" }), HttpStatusCode.Forbidden, "SecondFactorEnrolmentRequired");
        owner = owner with { Token = await _host.StepUpAsync(owner.Email, owner.Token) };
        var issued = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/service-accounts/{id}/keys", owner.Token, key ?? new { name = "gateway-1" }));
        return (owner, id, issued);
    }

    private static string Secret(JsonElement issued) => issued.GetProperty("secret").GetString()!;

    [Fact]
    public async Task AKey_AuthenticatesAsItsServiceAccountAndHoldsItsRolesPermissions()
    {
        var (owner, account, issued) = await KeyedAccountAsync("keyed", RolePresets.Administrator);
        var key = Secret(issued);

        var members = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members", key));
        var listed = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/service-accounts", owner.Token));
        var keys = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/service-accounts/{account}/keys", owner.Token));

        // A key never mints a key: it has no session, so no second factor to be recent.
        var minted = await _host.SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/service-accounts/{account}/keys", key, new { name = "minted by a key" });
        Assert.False(minted.IsSuccessStatusCode);
        Assert.Equal(keys.GetArrayLength(), (await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/service-accounts/{account}/keys", owner.Token))).GetArrayLength());

        Assert.StartsWith("ta_", key, StringComparison.Ordinal);
        Assert.True(Assert.Single(members.GetProperty("members").EnumerateArray(), m => m.GetProperty("membershipId").GetGuid() == account).GetProperty("isServiceAccount").GetBoolean());
        Assert.Equal(("Gateway", "Berlin"), (Assert.Single(listed.EnumerateArray()).GetProperty("name").GetString(), listed[0].GetProperty("description").GetString()));
        var row = Assert.Single(keys.EnumerateArray());
        Assert.False(row.TryGetProperty("secret", out _));
        Assert.DoesNotContain(key[56..], row.ToString(), StringComparison.Ordinal);

        // The guardian's own actions stay out of reach, as for any non-guardian member.
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Delete, $"/account/teams/{owner.TeamId}/members/{owner.MembershipId}", key), HttpStatusCode.Forbidden, "RoleRankTooHigh");

        // What the key does is audited as the account acting through that key.
        Assert.True((await _host.SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/groups", key, new { name = "Gateways", handle = "gateways" })).IsSuccessStatusCode);
        var audit = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/audit?newestFirst=true&pageSize=1", owner.Token));
        var made = Assert.Single(audit.GetProperty("events").EnumerateArray());
        var keyId = issued.GetProperty("key").GetProperty("keyId").GetString();
        Assert.Equal(("group.created", keyId), (made.GetProperty("action").GetString(), made.GetProperty("actorKeyId").GetString()));
    }

    [Fact]
    public async Task ANarrowedKey_IsRefusedWhatItsListLeavesOut()
    {
        var (owner, _, issued) = await KeyedAccountAsync("narrow", RolePresets.Administrator, new { name = "reader", permissions = new[] { "devices.read" } });

        var members = await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members", Secret(issued));

        await ApiHost.AssertProblemAsync(members, HttpStatusCode.Forbidden, "PermissionDenied");
        Assert.Equal(["devices.read"], issued.GetProperty("key").GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task AMalformedOrUnknownKey_IsInvalidApiKeyWithoutAStoreRead()
    {
        var (owner, _, issued) = await KeyedAccountAsync("malformed", RolePresets.Administrator);
        var key = Secret(issued);
        var reads = _host.Reads.Count;
        var loads = _host.Reads.Loads;

        foreach (var bad in new[] { key[..^1] + (key[^1] == 'a' ? 'b' : 'a'), "ta_" + new string('a', 112), "ta_short" })
        {
            await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members", bad), HttpStatusCode.Unauthorized, "InvalidApiKey");
        }

        Assert.Equal((reads, loads), (_host.Reads.Count, _host.Reads.Loads));
    }

    [Fact]
    public async Task AKeyOfTeamA_IsRefusedOnTeamBsRoutes()
    {
        var (_, _, issued) = await KeyedAccountAsync("team-a", RolePresets.Administrator);
        var other = await _host.SignUpAsync("team-b");

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{other.TeamId}/members", Secret(issued)), HttpStatusCode.Forbidden, "WrongTeam");
    }

    [Fact]
    public async Task RevokedExpiredAndRotatedKeys_AnswerWithTheirCodes()
    {
        var (owner, account, issued) = await KeyedAccountAsync("lifecycle", RolePresets.Administrator, new { name = "short", lifetimeSeconds = 3600 });
        var members = $"/account/teams/{owner.TeamId}/members";
        var keyId = issued.GetProperty("key").GetProperty("keyId").GetGuid();

        var rotated = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/api-keys/{keyId}/rotate", owner.Token, new { overlapSeconds = 600 }));
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Get, members, Secret(issued))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Get, members, Secret(rotated))).StatusCode);
        _host.Time.Advance(TimeSpan.FromSeconds(600));
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, members, Secret(issued)), HttpStatusCode.Unauthorized, "ApiKeyExpired");

        var newId = rotated.GetProperty("key").GetProperty("keyId").GetGuid();
        var revoked = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Delete, $"/account/teams/{owner.TeamId}/api-keys/{newId}", owner.Token));
        Assert.NotEqual(JsonValueKind.Null, revoked.GetProperty("revokedAt").ValueKind);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, members, Secret(rotated)), HttpStatusCode.Unauthorized, "ApiKeyRevoked");
        // Ten minutes on, the session's second factor is no longer recent: a key needs a new one.
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/service-accounts/{account}/keys", owner.Token, new { name = "late" }), HttpStatusCode.Unauthorized, "RecentSecondFactorRequired");
        var again = await _host.StepUpAsync(owner.Email, owner.Token);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/service-accounts/{account}/keys", again, new { name = "too long", lifetimeSeconds = 400L * 24 * 3600 }), HttpStatusCode.BadRequest, "InvalidApiKeyLifetime");
    }

    [Fact]
    public async Task ServiceAccountRoutes_RefuseTheGuardianRoleAndActorsWithoutThePermission()
    {
        var owner = await _host.SignUpAsync("guarded");
        var (_, memberToken) = await _host.JoinAsync(owner, "plain@example.com", RolePresets.Member);
        var accounts = $"/account/teams/{owner.TeamId}/service-accounts";

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, accounts, owner.Token, new { name = "Root", role = RolePresets.Owner }), HttpStatusCode.Forbidden, "GuardianRoleNotForServiceAccounts");
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(HttpMethod.Post, accounts, memberToken, new { name = "Bot", role = RolePresets.Observer })).StatusCode);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, accounts, owner.Token, new { role = RolePresets.Observer }), HttpStatusCode.BadRequest, "MissingField");
        var created = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, accounts, owner.Token, new { name = "Bot", role = RolePresets.Observer }));
        var id = created.GetProperty("serviceAccountId").GetGuid();
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Patch, $"{accounts}/{id}", owner.Token, new { role = RolePresets.Owner }), HttpStatusCode.Forbidden, "GuardianRoleNotForServiceAccounts");
        Assert.Equal(RolePresets.Member, (await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Patch, $"{accounts}/{id}", owner.Token, new { role = RolePresets.Member }))).GetProperty("role").GetString());
        Assert.Equal("Removed", (await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Delete, $"{accounts}/{id}", owner.Token))).GetProperty("status").GetString());
        Assert.Equal(0, (await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, accounts, owner.Token))).GetArrayLength());
    }

    [Fact]
    public async Task TheXApiKeyHeader_IsReadOnlyWhenTheHostTurnsItOn()
    {
        var (owner, _, issued) = await KeyedAccountAsync("header-off", RolePresets.Administrator);
        var off = new HttpRequestMessage(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members");
        off.Headers.Add(TeamAccessHeaders.ApiKey, Secret(issued));
        await ApiHost.AssertProblemAsync(await _host.Client.SendAsync(off), HttpStatusCode.Unauthorized, "SignInRequired");

        await using var on = await ApiHost.StartAsync(b => b.Services.PostConfigure<TeamAccessAuthenticationOptions>(TeamAccessAuthenticationDefaults.AuthenticationScheme, o => o.ReadApiKeyHeader = true));
        var other = await on.SignUpAsync("header-on");
        other = other with { Token = await on.StepUpAsync(other.Email, other.Token) };
        var account = await ApiHost.JsonAsync(await on.SendAsync(HttpMethod.Post, $"/account/teams/{other.TeamId}/service-accounts", other.Token, new { name = "Gateway", role = RolePresets.Administrator }));
        var key = await ApiHost.JsonAsync(await on.SendAsync(HttpMethod.Post, $"/account/teams/{other.TeamId}/service-accounts/{account.GetProperty("serviceAccountId").GetGuid()}/keys", other.Token, new { name = "k" }));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/account/teams/{other.TeamId}/members");
        request.Headers.Add(TeamAccessHeaders.ApiKey, Secret(key));
        Assert.Equal(HttpStatusCode.OK, (await on.Client.SendAsync(request)).StatusCode);
    }
}
