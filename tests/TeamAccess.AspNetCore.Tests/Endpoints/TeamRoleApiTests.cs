using System.Net;
using System.Text.Json;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>MapTeamAccessApi's team-role routes: <c>/teams/{teamId}/roles</c>.</summary>
public sealed class TeamRoleApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TeamRoles_CreateListUpdateDelete_ChangeWhatTheHolderMayDo()
    {
        var owner = await _host.SignUpAsync("roler");
        var (member, _) = await _host.JoinAsync(owner, "tech@example.com", RolePresets.Member);
        var roles = $"/account/teams/{owner.TeamId}/roles";

        var created = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, roles, owner.Token, new { name = "Line Technician", rank = 150, permissions = new[] { "devices.write", "devices.read" } }));
        Assert.Equal(("Line Technician", 150, false, false), (created.GetProperty("name").GetString(), created.GetProperty("rank").GetInt32(), created.GetProperty("isReadOnly").GetBoolean(), created.GetProperty("isScopedToGrants").GetBoolean()));
        Assert.Equal(["devices.read", "devices.write"], created.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Patch, $"/account/teams/{owner.TeamId}/members/{member}", owner.Token, new { role = "Line Technician" })).StatusCode);
        var tech = await _host.SignInAsync("tech@example.com", owner.TeamHandle);
        Assert.Equal(["devices.read", "devices.write"], Names(await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/permissions?resourceId=line-1", tech))));

        var updated = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Put, $"{roles}/Line Technician", owner.Token, new { rank = 160, permissions = new[] { "devices.read" }, isReadOnly = true }));
        Assert.Equal((160, true), (updated.GetProperty("rank").GetInt32(), updated.GetProperty("isReadOnly").GetBoolean()));
        Assert.Equal(created.GetProperty("roleId").GetGuid(), updated.GetProperty("roleId").GetGuid());
        Assert.Equal(["devices.read"], Names(await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/permissions?resourceId=line-1", tech))));
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(HttpMethod.Get, roles, tech)).StatusCode);
        var listed = Assert.Single((await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, roles, owner.Token))).EnumerateArray());
        Assert.Equal(160, listed.GetProperty("rank").GetInt32());

        var inUse = await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Delete, $"{roles}/Line Technician", owner.Token), HttpStatusCode.Conflict, "RoleInUse");
        Assert.Equal(member.ToString("D"), Assert.Single(inUse.GetProperty("details").EnumerateArray()).GetString());
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Patch, $"/account/teams/{owner.TeamId}/members/{member}", owner.Token, new { role = RolePresets.Member })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Delete, $"{roles}/line technician", owner.Token)).StatusCode);
        Assert.Equal(0, (await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, roles, owner.Token))).GetArrayLength());
    }

    [Fact]
    public async Task TeamRoles_WithoutRolesManageOrWithBadInput_AreRefusedWithTheCode()
    {
        var owner = await _host.SignUpAsync("strict");
        var (_, memberToken) = await _host.JoinAsync(owner, "plain@example.com", RolePresets.Member);
        var (_, adminToken) = await _host.JoinAsync(owner, "admin@example.com", RolePresets.Administrator);
        var roles = $"/account/teams/{owner.TeamId}/roles";
        var valid = new { name = "Tech", rank = 150, permissions = new[] { "devices.read" } };

        Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(HttpMethod.Post, roles, memberToken, valid)).StatusCode);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, roles, adminToken, new { name = "Deputy", rank = 300, permissions = new[] { "devices.read" } }), HttpStatusCode.Forbidden, "RoleRankTooHigh");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, roles, owner.Token, new { name = "Tech", permissions = new[] { "devices.read" } }), HttpStatusCode.BadRequest, "MissingField");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, roles, owner.Token, new { name = "Tech", rank = 150 }), HttpStatusCode.BadRequest, "MissingField");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, roles, owner.Token, new { rank = 150, permissions = new[] { "devices.read" } }), HttpStatusCode.BadRequest, "InvalidRoleName");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, roles, owner.Token, new { name = " Tech!", rank = 150, permissions = new[] { "devices.read" } }), HttpStatusCode.BadRequest, "InvalidRoleName");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, roles, owner.Token, new { name = "Tech", rank = 150, permissions = new[] { "devices.read", null } }), HttpStatusCode.BadRequest, "InvalidPermission");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, roles, owner.Token, new { name = "Tech", rank = 150, permissions = new[] { "no.such" } }), HttpStatusCode.BadRequest, "InvalidPermission");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, roles, owner.Token, new { name = RolePresets.Administrator, rank = 150, permissions = new[] { "devices.read" } }), HttpStatusCode.Conflict, "CatalogRole");

        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Post, roles, owner.Token, valid)).StatusCode);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, roles, owner.Token, valid), HttpStatusCode.Conflict, "RoleNameTaken");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Put, $"{roles}/Tech", owner.Token, new { name = "Renamed", rank = 150, permissions = new[] { "devices.read" } }), HttpStatusCode.BadRequest, "InvalidRoleName");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Put, $"{roles}/Tech", owner.Token, new { rank = 150 }), HttpStatusCode.BadRequest, "MissingField");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Put, $"{roles}/Nobody", owner.Token, new { rank = 150, permissions = new[] { "devices.read" } }), HttpStatusCode.NotFound, "NotFound");
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(HttpMethod.Delete, $"{roles}/Tech", memberToken)).StatusCode);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Delete, $"{roles}/Tech!", owner.Token), HttpStatusCode.BadRequest, "InvalidRoleName");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Delete, $"{roles}/{RolePresets.Owner}", owner.Token), HttpStatusCode.Conflict, "CatalogRole");
        Assert.Equal("Tech", Assert.Single((await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, roles, owner.Token))).EnumerateArray()).GetProperty("name").GetString());
    }

    private static IEnumerable<string?> Names(JsonElement permissions) =>
        permissions.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Where(p => p!.StartsWith("devices.", StringComparison.Ordinal));
}
