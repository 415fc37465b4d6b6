using System.Net;
using System.Text.Json;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>MapTeamAccessApi's "who can" and "what can" routes: <c>/teams/{teamId}/permissions</c>, <c>/holders</c>, <c>/resources</c>.</summary>
public sealed class AccessQueryApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Permissions_OfTheCallerOrAnother_AreTheEffectiveSetAndAnotherNeedsMembersRead()
    {
        var owner = await _host.SignUpAsync("perms");
        var team = $"/account/teams/{owner.TeamId}";
        var (member, memberToken) = await _host.JoinAsync(owner, "member@example.com", RolePresets.Member);
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Post, $"{team}/roles", owner.Token, new { name = "Device Reader", rank = 150, permissions = new[] { "devices.read" } })).StatusCode);
        var (_, readerToken) = await _host.JoinAsync(owner, "reader@example.com", "Device Reader");
        await GrantAsync(owner, "Membership", member, "line-1", "devices.read");

        Assert.Contains("team.delete", await PermissionsAsync($"{team}/permissions", owner.Token));
        var memberOwn = await PermissionsAsync($"{team}/permissions", memberToken);
        Assert.Contains(Permissions.MembersRead, memberOwn);
        Assert.DoesNotContain(Permissions.MembersManage, memberOwn);
        Assert.DoesNotContain("devices.read", memberOwn);
        Assert.Contains("devices.read", await PermissionsAsync($"{team}/permissions?resourceId=line-1", memberToken));
        var aboutOwner = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/permissions?userId={owner.UserId}", memberToken));
        Assert.Equal(owner.UserId, aboutOwner.GetProperty("userId").GetGuid());
        Assert.Contains("team.delete", aboutOwner.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/permissions?userId={Guid.NewGuid()}", memberToken), HttpStatusCode.NotFound, "NotFound");

        // A role without members.read asks about itself only.
        Assert.Equal(["devices.read"], await PermissionsAsync($"{team}/permissions", readerToken));
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/permissions?userId={owner.UserId}", readerToken), HttpStatusCode.Forbidden, "PermissionDenied");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/resources?permission=devices.read&userId={owner.UserId}", readerToken), HttpStatusCode.Forbidden, "PermissionDenied");
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(HttpMethod.Get, $"{team}/holders?permission=devices.read", readerToken)).StatusCode);

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/permissions?userId=not-a-guid", owner.Token), HttpStatusCode.BadRequest, "InvalidId");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/permissions?resourceId={Uri.EscapeDataString(" line-1")}", owner.Token), HttpStatusCode.BadRequest, "InvalidResource");
    }

    [Fact]
    public async Task Holders_PagedWithACursor_SayWhetherMoreFollowAndHowEachHolds()
    {
        var owner = await _host.SignUpAsync("holders");
        var team = $"/account/teams/{owner.TeamId}";
        var members = new List<Guid> { owner.MembershipId };
        foreach (var name in new[] { "direct", "grouped", "plain", "other" })
        {
            members.Add((await _host.JoinAsync(owner, $"{name}@example.com", RolePresets.Member)).MembershipId);
        }

        var pages = await AllPagesAsync($"{team}/holders?permission=members.read&pageSize=2", owner.Token, "holders");
        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        var holders = pages.SelectMany(p => p).ToList();
        Assert.Equal(members.Order(), holders.Select(h => h.GetProperty("membershipId").GetGuid()).Order());
        var users = holders.Select(h => h.GetProperty("userId").GetGuid()).ToList();
        Assert.Equal(users.Order(), users);
        Assert.All(holders, h => Assert.Equal(["Role"], h.GetProperty("via").EnumerateArray().Select(v => v.GetString())));

        var group = (await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, $"{team}/groups", owner.Token, new { name = "Line crew", handle = "line-crew" }))).GetProperty("groupId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Post, $"{team}/groups/{group}/members", owner.Token, new { membershipId = members[2] })).StatusCode);
        await GrantAsync(owner, "Membership", members[1], "line-1", "devices.write");
        await GrantAsync(owner, "Group", group, "line-1", "devices.write");
        var onLine = await AllPagesAsync($"{team}/holders?permission=devices.write&resourceId=line-1&pageSize=1", owner.Token, "holders");
        Assert.Equal([1, 1, 1], onLine.Select(p => p.Count));
        var via = onLine.SelectMany(p => p).ToDictionary(h => h.GetProperty("membershipId").GetGuid(), h => string.Join(",", h.GetProperty("via").EnumerateArray().Select(v => v.GetString())));
        Assert.Equal(new Dictionary<Guid, string> { [owner.MembershipId] = "Role", [members[1]] = "DirectGrant", [members[2]] = "GroupGrant" }, via);

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/holders", owner.Token), HttpStatusCode.BadRequest, "MissingField");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/holders?permission=no.such", owner.Token), HttpStatusCode.BadRequest, "InvalidPermission");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/holders?permission=members.read&cursor=garbage", owner.Token), HttpStatusCode.BadRequest, "InvalidCursor");
    }

    [Fact]
    public async Task Resources_PagedWithACursor_SayWhetherMoreFollowAndWhetherTheRoleReachesAll()
    {
        var owner = await _host.SignUpAsync("reach");
        var team = $"/account/teams/{owner.TeamId}";
        var (member, memberToken) = await _host.JoinAsync(owner, "device-user@example.com", RolePresets.Member);
        var group = (await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, $"{team}/groups", owner.Token, new { name = "Crew", handle = "crew" }))).GetProperty("groupId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Post, $"{team}/groups/{group}/members", owner.Token, new { membershipId = member })).StatusCode);
        foreach (var line in new[] { "line-3", "line-1", "line-2" })
        {
            await GrantAsync(owner, "Membership", member, line, "devices.read");
        }

        await GrantAsync(owner, "Group", group, "line-2", "devices.read");
        await GrantAsync(owner, "Group", group, "line-4", "devices.read");

        var first = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/resources?permission=devices.read&pageSize=2", memberToken));
        Assert.False(first.GetProperty("roleReachesEveryResource").GetBoolean());
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.Equal(["line-1:DirectGrant", "line-2:DirectGrant,GroupGrant"], Reaches(first));
        var second = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/resources?permission=devices.read&pageSize=2&cursor={first.GetProperty("next").GetString()}", memberToken));
        Assert.Equal(["line-3:DirectGrant", "line-4:GroupGrant"], Reaches(second));
        Assert.False(second.GetProperty("hasMore").GetBoolean());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);

        var asked = await AllPagesAsync($"{team}/resources?permission=devices.read&userId={await UserIdAsync(memberToken)}&pageSize=3", owner.Token, "resources");
        Assert.Equal([3, 1], asked.Select(p => p.Count));
        var ownerOwn = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/resources?permission=devices.read", owner.Token));
        Assert.True(ownerOwn.GetProperty("roleReachesEveryResource").GetBoolean());
        Assert.Equal(0, ownerOwn.GetProperty("resources").GetArrayLength());

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/resources", memberToken), HttpStatusCode.BadRequest, "MissingField");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/resources?permission=devices.read&cursor=u{Guid.NewGuid():N}", memberToken), HttpStatusCode.BadRequest, "InvalidCursor");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/resources?permission=devices.read&userId=12", memberToken), HttpStatusCode.BadRequest, "InvalidId");
    }

    private static IEnumerable<string> Reaches(JsonElement page) =>
        page.GetProperty("resources").EnumerateArray().Select(r => $"{r.GetProperty("resourceId").GetString()}:{string.Join(",", r.GetProperty("via").EnumerateArray().Select(v => v.GetString()))}");

    private async Task GrantAsync(Person owner, string subjectKind, Guid subjectId, string resourceId, string permission) =>
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/grants", owner.Token, new { subjectKind, subjectId, resourceId, permissions = new[] { permission } })).StatusCode);

    private async Task<List<string?>> PermissionsAsync(string path, string token) =>
        [.. (await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, path, token))).GetProperty("permissions").EnumerateArray().Select(p => p.GetString())];

    private async Task<Guid> UserIdAsync(string token) => (await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "/account/me", token))).GetProperty("userId").GetGuid();

    /// <summary>Follows a list's cursor to its end; asserts every page but the last says more follow, and the last says none do.</summary>
    private async Task<List<List<JsonElement>>> AllPagesAsync(string path, string token, string items)
    {
        var pages = new List<List<JsonElement>>();
        string? cursor = null;
        do
        {
            var page = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, cursor is null ? path : $"{path}&cursor={cursor}", token));
            pages.Add([.. page.GetProperty(items).EnumerateArray()]);
            var hasMore = page.GetProperty("hasMore").GetBoolean();
            cursor = page.GetProperty("next").GetString();
            Assert.Equal(hasMore, cursor is not null);
            Assert.True(pages.Count < 20, "the cursor does not end the list");
        }
        while (cursor is not null);

        return pages;
    }
}
