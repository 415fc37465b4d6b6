using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Events;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>MapTeamAccessApi's routes in the session's team: members, invitations, groups and grants.</summary>
public sealed class TeamApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Task<JsonElement> JsonAsync(HttpResponseMessage response) => ApiHost.JsonAsync(response);

    [Fact]
    public async Task Members_Paged_FollowsTheCursorAndTheFilters()
    {
        var owner = await _host.SignUpAsync("pager");
        var invited = await JsonAsync(await _host.SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/invitations", owner.Token, new { addresses = "a@example.com b@example.com; c@example.com, bad-address", role = RolePresets.Observer }));
        Assert.Equal(["Invited", "Invited", "Invited", "InvalidEmail"], invited.EnumerateArray().Select(o => o.GetProperty("outcome").GetString()));

        var first = await JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members?pageSize=3", owner.Token));
        Assert.Equal(4, first.GetProperty("totalCount").GetInt64());
        Assert.Equal(["a@example.com", "b@example.com", "c@example.com"], first.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("email").GetString()));
        var second = await JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members?pageSize=3&after={first.GetProperty("next").GetString()}", owner.Token));
        Assert.Equal(["pager@example.com"], second.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("email").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);

        Assert.Equal(3, (await JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members?status=invited", owner.Token))).GetProperty("totalCount").GetInt64());
        var owners = await JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members?role=Owner", owner.Token));
        Assert.Equal("Active", Assert.Single(owners.GetProperty("members").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(1, (await JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members?email=B", owner.Token))).GetProperty("totalCount").GetInt64());

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members?status=Removed", owner.Token), HttpStatusCode.BadRequest, "InvalidStatus");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members?after=garbage", owner.Token), HttpStatusCode.BadRequest, "InvalidToken");
    }

    [Fact]
    public async Task TeamRoutes_NamingAnotherTeam_Are403WithoutAStoreRead()
    {
        var owner = await _host.SignUpAsync("home");
        var stranger = await _host.SignUpAsync("away");
        var target = stranger.MembershipId;
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members", owner.Token)).StatusCode);

        var before = _host.Reads.Count;
        var attempts = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, "members", null), (HttpMethod.Patch, $"members/{target}", new { firstName = "X", lastName = "Y" }),
            (HttpMethod.Post, $"members/{target}/deactivate", null), (HttpMethod.Post, $"members/{target}/reactivate", null),
            (HttpMethod.Delete, $"members/{target}", null), (HttpMethod.Post, "invitations", new { addresses = "z@example.com", role = "Member" }),
            (HttpMethod.Get, "invitations", null), (HttpMethod.Post, $"invitations/{target}/resend", null), (HttpMethod.Delete, $"invitations/{target}", null),
            (HttpMethod.Get, "groups", null), (HttpMethod.Post, "groups", new { name = "G", handle = "g-team" }), (HttpMethod.Get, "grants", null),
            (HttpMethod.Get, "roles", null), (HttpMethod.Post, "roles", new { name = "Tech", rank = 150, permissions = new[] { "devices.read" } }),
            (HttpMethod.Put, "roles/Tech", new { rank = 150, permissions = new[] { "devices.read" } }), (HttpMethod.Delete, "roles/Tech", null),
            (HttpMethod.Get, "ownership-offer", null), (HttpMethod.Post, "ownership-offer", new { membershipId = target }),
            (HttpMethod.Post, "ownership-offer/accept", new { offerId = Guid.NewGuid() }), (HttpMethod.Post, "ownership-offer/decline", new { offerId = Guid.NewGuid() }),
            (HttpMethod.Delete, "ownership-offer", null), (HttpMethod.Get, "permissions", null), (HttpMethod.Get, "holders?permission=members.read", null),
            (HttpMethod.Get, "resources?permission=devices.read", null),
        };
        foreach (var (method, path, body) in attempts)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(method, $"/account/teams/{stranger.TeamId}/{path}", owner.Token, body)).StatusCode);
        }

        Assert.Equal(before, _host.Reads.Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(HttpMethod.Get, "/account/teams/not-a-guid/members", owner.Token)).StatusCode);
    }

    [Fact]
    public async Task EditMember_RoleByGuardianOnly_AndNamesOnlyByTheirOwner()
    {
        var owner = await _host.SignUpAsync("editor");
        var (member, memberToken) = await _host.JoinAsync(owner, "edited@example.com", RolePresets.Member);

        // A team never edits a member's names: they are the user's, in every team (security review 3, M3).
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Patch, $"/account/teams/{owner.TeamId}/members/{member}", owner.Token, new { firstName = "Grace", lastName = "Hopper", role = RolePresets.Administrator }), HttpStatusCode.Forbidden, "NamesAreTheUsers");
        var edited = await JsonAsync(await _host.SendAsync(HttpMethod.Patch, $"/account/teams/{owner.TeamId}/members/{member}", owner.Token, new { role = RolePresets.Administrator }));
        Assert.Equal(("Administrator", "edited@example.com"), (edited.GetProperty("role").GetString(), edited.GetProperty("email").GetString()));

        // The role change ended the member's session; a Member signs in again and is refused the guardian's routes.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Get, "/account/me", memberToken)).StatusCode);
        await _host.SendAsync(HttpMethod.Patch, $"/account/teams/{owner.TeamId}/members/{member}", owner.Token, new { role = RolePresets.Member });
        var memberAgain = await _host.SignInAsync("edited@example.com", owner.TeamHandle);
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(HttpMethod.Patch, $"/account/teams/{owner.TeamId}/members/{owner.MembershipId}", memberAgain, new { firstName = "Not", lastName = "Mine" })).StatusCode);

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Patch, $"/account/teams/{owner.TeamId}/members/{member}", owner.Token, new { role = "Emperor" }), HttpStatusCode.BadRequest, "InvalidRole");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Patch, $"/account/teams/{owner.TeamId}/members/{member}", owner.Token, new { firstName = " ", lastName = "Hopper" }), HttpStatusCode.BadRequest, "InvalidName");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Patch, $"/account/teams/{owner.TeamId}/members/{Guid.NewGuid()}", owner.Token, new { role = "Member" }), HttpStatusCode.NotFound, "NotFound");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Patch, $"/account/teams/{owner.TeamId}/members/{owner.MembershipId}", owner.Token, new { role = RolePresets.Member }), HttpStatusCode.Conflict, "LastGuardian");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Patch, $"/account/teams/{owner.TeamId}/members/{member}", owner.Token, new { }), HttpStatusCode.BadRequest, "NoChange");
    }

    [Fact]
    public async Task MemberVerbs_DeactivateReactivateRemoveLeave_AnswerWithTheStatus()
    {
        var owner = await _host.SignUpAsync("boss");
        var (member, _) = await _host.JoinAsync(owner, "worker@example.com", RolePresets.Member);
        var (_, leaverToken) = await _host.JoinAsync(owner, "quitter@example.com", RolePresets.Observer);
        var team = $"/account/teams/{owner.TeamId}/members";

        Assert.Equal("Inactive", (await JsonAsync(await _host.SendAsync(HttpMethod.Post, $"{team}/{member}/deactivate", owner.Token))).GetProperty("status").GetString());
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"{team}/{member}/deactivate", owner.Token), HttpStatusCode.Conflict, "InvalidTransition");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/signin", null, new { email = "worker@example.com", password = ApiHost.Password, teamHandle = owner.TeamHandle }), HttpStatusCode.Forbidden, "PermissionDenied");
        Assert.Equal("Active", (await JsonAsync(await _host.SendAsync(HttpMethod.Post, $"{team}/{member}/reactivate", owner.Token))).GetProperty("status").GetString());
        Assert.Equal("Removed", (await JsonAsync(await _host.SendAsync(HttpMethod.Delete, $"{team}/{member}", owner.Token))).GetProperty("status").GetString());
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Delete, $"{team}/{owner.MembershipId}", owner.Token), HttpStatusCode.Conflict, "LastGuardian");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Delete, $"{team}/not-a-guid", owner.Token), HttpStatusCode.NotFound, "NotFound");
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(HttpMethod.Post, $"{team}/{owner.MembershipId}/deactivate", leaverToken)).StatusCode);

        Assert.Equal("Removed", (await JsonAsync(await _host.SendAsync(HttpMethod.Post, "/account/leave", leaverToken))).GetProperty("status").GetString());
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/leave", owner.Token), HttpStatusCode.Conflict, "LastGuardian");
    }

    [Fact]
    public async Task Invitations_ListResendRevokeAcceptDecline_FollowTheLifecycle()
    {
        var owner = await _host.SignUpAsync("host");
        var path = $"/account/teams/{owner.TeamId}/invitations";
        await JsonAsync(await _host.SendAsync(HttpMethod.Post, path, owner.Token, new { addresses = "one@example.com two@example.com three@example.com", role = RolePresets.Member }));
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, path, owner.Token, new { addresses = "four@example.com", role = "Emperor" }), HttpStatusCode.BadRequest, "InvalidRole");

        var list = await JsonAsync(await _host.SendAsync(HttpMethod.Get, path, owner.Token));
        Assert.Equal(3, list.GetArrayLength());
        Assert.DoesNotContain("token", list.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var one = list.EnumerateArray().Single(r => r.GetProperty("email").GetString() == "one@example.com").GetProperty("membershipId").GetGuid();
        var two = list.EnumerateArray().Single(r => r.GetProperty("email").GetString() == "two@example.com").GetProperty("membershipId").GetGuid();

        var oldToken = _host.Outbox.InvitationTo("one@example.com").Token;
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"{path}/{one}/resend", owner.Token), HttpStatusCode.TooManyRequests, "RateLimited");
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, (await JsonAsync(await _host.SendAsync(HttpMethod.Post, $"{path}/{one}/resend", owner.Token))).GetProperty("sendCount").GetInt32());
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/invitations/peek", null, new { token = oldToken }), HttpStatusCode.BadRequest, "InvalidToken");
        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Delete, $"{path}/{two}", owner.Token)).StatusCode);
        var revoked = _host.Outbox.InvitationTo("two@example.com").Token;
        Assert.Equal("Revoked", (await JsonAsync(await _host.SendAsync(HttpMethod.Post, "/account/invitations/peek", null, new { token = revoked }))).GetProperty("status").GetString());
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/invitations/accept-new", null, new { token = revoked, firstName = "Two", lastName = "Person", password = ApiHost.Password }), HttpStatusCode.Gone, "InvitationRevoked");

        var fresh = _host.Outbox.InvitationTo("one@example.com").Token;
        Assert.Equal("Member", (await JsonAsync(await _host.SendAsync(HttpMethod.Post, "/account/invitations/peek", null, new { token = fresh }))).GetProperty("role").GetString());
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/invitations/accept-new", null, new { token = fresh, firstName = "One", lastName = "Person", password = "short" }), HttpStatusCode.BadRequest, "PasswordPolicy");
        Assert.Equal(owner.TeamId, (await JsonAsync(await _host.SendAsync(HttpMethod.Post, "/account/invitations/accept-new", null, new { token = fresh, firstName = "One", lastName = "Person", password = ApiHost.Password }))).GetProperty("teamId").GetGuid());
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/invitations/accept-new", null, new { token = fresh, firstName = "One", lastName = "Person", password = ApiHost.Password }), HttpStatusCode.Conflict, "InvitationAlreadyAccepted");

        var three = _host.Outbox.InvitationTo("three@example.com");
        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Post, "/account/invitations/decline", null, new { teamHandle = owner.TeamHandle, email = "three@example.com", code = three.Code })).StatusCode);
        Assert.Equal("Declined", (await JsonAsync(await _host.SendAsync(HttpMethod.Get, path, owner.Token))).EnumerateArray().Single(r => r.GetProperty("email").GetString() == "three@example.com").GetProperty("status").GetString());
    }

    [Fact]
    public async Task GroupsAndGrants_CreateAddGrantRevoke_WithTheirPermissions()
    {
        var owner = await _host.SignUpAsync("grouper");
        var (member, memberToken) = await _host.JoinAsync(owner, "crew@example.com", RolePresets.Member);
        var team = $"/account/teams/{owner.TeamId}";

        var group = await JsonAsync(await _host.SendAsync(HttpMethod.Post, $"{team}/groups", owner.Token, new { name = "Maintenance", handle = "maintenance-team" }));
        var groupId = group.GetProperty("groupId").GetGuid();
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"{team}/groups", owner.Token, new { name = "Bad", handle = "Bad Handle" }), HttpStatusCode.BadRequest, "InvalidHandle");
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(HttpMethod.Post, $"{team}/groups", memberToken, new { name = "Mine", handle = "mine-team" })).StatusCode);
        Assert.Equal(member, Assert.Single((await JsonAsync(await _host.SendAsync(HttpMethod.Post, $"{team}/groups/{groupId}/members", owner.Token, new { membershipId = member }))).GetProperty("members").EnumerateArray()).GetGuid());
        Assert.Single((await JsonAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/groups", memberToken))).EnumerateArray());

        var grant = await JsonAsync(await _host.SendAsync(HttpMethod.Post, $"{team}/grants", owner.Token, new { subjectKind = "Group", subjectId = groupId, resourceId = "line-1", permissions = new[] { "devices.read" } }));
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"{team}/grants", owner.Token, new { subjectKind = "Membership", subjectId = member, resourceId = "line-1", permissions = new[] { "no.such" } }), HttpStatusCode.BadRequest, "InvalidPermission");
        Assert.Equal("line-1", Assert.Single((await JsonAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/grants", owner.Token))).EnumerateArray()).GetProperty("resourceId").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Delete, $"{team}/grants/{grant.GetProperty("grantId").GetGuid()}", owner.Token)).StatusCode);

        Assert.Empty((await JsonAsync(await _host.SendAsync(HttpMethod.Delete, $"{team}/groups/{groupId}/members/{member}", owner.Token))).GetProperty("members").EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Delete, $"{team}/groups/{groupId}", owner.Token)).StatusCode);
    }

    [Fact]
    public async Task Audit_PagedNewestFirst_FollowsTheCursorAndNeedsAuditRead()
    {
        var owner = await _host.SignUpAsync("auditor");
        var (member, _) = await _host.JoinAsync(owner, "watched@example.com", RolePresets.Member);
        var (_, readerToken) = await _host.JoinAsync(owner, "reader@example.com", RolePresets.Member);
        var team = $"/account/teams/{owner.TeamId}";
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Patch, $"{team}/members/{member}", owner.Token, new { role = RolePresets.Observer })).StatusCode);

        var seen = new List<long>();
        string? after = null;
        do
        {
            var page = await JsonAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/audit?newestFirst=true&pageSize=2{after}", owner.Token));
            var events = page.GetProperty("events").EnumerateArray().ToList();
            Assert.InRange(events.Count, 1, 2);
            seen.AddRange(events.Select(e => e.GetProperty("sequence").GetInt64()));
            after = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : $"&after={page.GetProperty("next").GetInt64()}";
        }
        while (after is not null);

        Assert.Equal(seen.OrderByDescending(s => s), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var newest = await JsonAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/audit?newestFirst=true&pageSize=1", owner.Token));
        var changed = Assert.Single(newest.GetProperty("events").EnumerateArray());
        Assert.Equal(TeamAccessEvent.ActionOf<MemberRoleChangedEvent>(), changed.GetProperty("action").GetString());
        Assert.Equal(RolePresets.Observer, changed.GetProperty("after").GetProperty("role").GetString());
        Assert.DoesNotContain("securityStamp", changed.GetRawText(), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.Forbidden, (await _host.SendAsync(HttpMethod.Get, $"{team}/audit", readerToken)).StatusCode);
    }

    [Fact]
    public async Task Audit_AMemberWithAPendingResetRenamedThemselves_ShowsOnlyTheFieldsTheEventsShow()
    {
        var owner = await _host.SignUpAsync("renamer");
        var (member, memberToken) = await _host.JoinAsync(owner, "renamed@example.com", RolePresets.Administrator);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Post, "/account/password-reset", null, new { email = "renamed@example.com" })).StatusCode);
        var team = $"/account/teams/{owner.TeamId}";

        // Only the user edits their names (review 3, M3): an Administrator renames themselves on the Edit User route,
        // and the rename lands in that team's log.
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Patch, $"{team}/members/{member}", memberToken, new { firstName = "Grace", lastName = "Hopper" })).StatusCode);

        var page = await JsonAsync(await _host.SendAsync(HttpMethod.Get, $"{team}/audit?pageSize=100", owner.Token));

        var events = page.GetProperty("events").EnumerateArray().ToList();
        var renamed = Assert.Single(events, e => e.GetProperty("action").GetString() == TeamAccessEvent.ActionOf<UserRenamedEvent>());
        Assert.Equal("Hopper", renamed.GetProperty("after").GetProperty("lastName").GetString());
        string[] never = ["passwordResetExpiresAt", "emailConfirmationExpiresAt", "concurrencyStamp", "sessionStamp", "securityStamp", "failedSignInCount", "lockoutEnd", "codeAttempts", "Hash\"", "version"];
        Assert.All(never, name => Assert.DoesNotContain(name, page.GetRawText(), StringComparison.OrdinalIgnoreCase));

        // The route and the events agree on every event's fields.
        var stored = _host.App.Services.GetRequiredService<IAuditStore>().ListAsync(new TeamId(owner.TeamId), CancellationToken.None);
        var delivered = new Dictionary<long, TeamAccessEvent>();
        await foreach (var e in stored)
        {
            delivered[e.Sequence] = TeamAccessEvent.From(e);
        }

        Assert.Equal(delivered.Keys.Order(), events.Select(e => e.GetProperty("sequence").GetInt64()).Order());
        foreach (var shown in events)
        {
            var e = delivered[shown.GetProperty("sequence").GetInt64()];
            Assert.Equal(Fields(e.Before), Fields(shown.GetProperty("before")));
            Assert.Equal(Fields(e.After), Fields(shown.GetProperty("after")));
        }
    }

    /// <summary>Every field path of a JSON value, in order.</summary>
    private static List<string> Fields(JsonElement? json)
    {
        var paths = new List<string>();
        void Walk(JsonElement node, string prefix)
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in node.EnumerateObject())
                    {
                        paths.Add(prefix + p.Name);
                        Walk(p.Value, prefix + p.Name + ".");
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in node.EnumerateArray())
                    {
                        Walk(item, prefix + "[].");
                    }

                    break;
            }
        }

        if (json is { ValueKind: not JsonValueKind.Null } root)
        {
            Walk(root, "");
        }

        return [.. paths.Distinct().Order(StringComparer.Ordinal)];
    }
}
