using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>Every refusal of the scheme, the policies and MapTeamAccessApi is a problem with a stable code; ids are strings.</summary>
public sealed class RefusalApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MailRoutes_PastTheClientsHourlyBudget_Answer429WhateverTheAddress_UntilTheHourIsOver()
    {
        // Security review 3, L3: a client cannot make the server mail on and on, to one address or to many.
        await using var host = await ApiHost.StartAsync(b => b.Services.Configure<TeamAccessApiOptions>(o => o.MailRequestsPerClientPerHour = 3));
        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(HttpMethod.Post, "/account/password-reset", null, new { email = "a@example.com" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(HttpMethod.Post, "/account/confirm-email/resend", null, new { email = "b@example.com" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(HttpMethod.Post, "/account/password-reset", null, new { email = "c@example.com" })).StatusCode);

        var refused = await host.SendAsync(HttpMethod.Post, "/account/password-reset", null, new { email = "d@example.com" });
        await ApiHost.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "RateLimited");
        Assert.Equal("3600", refused.Headers.GetValues("Retry-After").Single());
        await ApiHost.AssertProblemAsync(
            await host.SendAsync(HttpMethod.Post, "/account/signup", null, new { email = "e@example.com", password = "correct horse battery staple", firstName = "E", lastName = "E", teamName = "E", teamHandle = "e-team" }),
            HttpStatusCode.TooManyRequests,
            "RateLimited");

        host.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(HttpMethod.Post, "/account/password-reset", null, new { email = "d@example.com" })).StatusCode);
    }

    [Fact]
    public async Task Scheme_Refusals_AreProblemsWithTheRfc6750Challenge()
    {
        var person = await _host.SignUpAsync("refused");

        var none = await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, "/account/me", null), HttpStatusCode.Unauthorized, "SignInRequired");
        var bare = await _host.SendAsync(HttpMethod.Get, "/account/me", null);
        Assert.Equal("Bearer", Assert.Single(bare.Headers.WwwAuthenticate).ToString());
        Assert.Equal(401, none.GetProperty("status").GetInt32());

        var garbage = await _host.SendAsync(HttpMethod.Get, "/account/me", "not-a-token");
        await ApiHost.AssertProblemAsync(garbage, HttpStatusCode.Unauthorized, "InvalidToken");
        AssertChallenge(garbage, "invalid_token");

        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Post, "/account/signout", person.Token)).StatusCode);
        var signedOut = await _host.SendAsync(HttpMethod.Get, "/account/me", person.Token);
        await ApiHost.AssertProblemAsync(signedOut, HttpStatusCode.Unauthorized, "SessionRevoked");
        AssertChallenge(signedOut, "invalid_token");

        var token = await _host.SignInAsync(person.Email, person.TeamHandle);
        _host.Time.Advance(TimeSpan.FromDays(400));
        var expired = await _host.SendAsync(HttpMethod.Get, "/account/me", token);
        await ApiHost.AssertProblemAsync(expired, HttpStatusCode.Unauthorized, "SessionExpired");
        AssertChallenge(expired, "invalid_token");
    }

    [Fact]
    public async Task Policies_Refusals_AreProblemsWithInsufficientScope()
    {
        var owner = await _host.SignUpAsync("policy");
        var other = await _host.SignUpAsync("elsewhere");
        var (_, memberToken) = await _host.JoinAsync(owner, "plain@example.com", RolePresets.Member);

        var denied = await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/audit", memberToken);
        var problem = await ApiHost.AssertProblemAsync(denied, HttpStatusCode.Forbidden, "PermissionDenied");
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        AssertChallenge(denied, "insufficient_scope");

        var wrongTeam = await _host.SendAsync(HttpMethod.Get, $"/account/teams/{other.TeamId}/members", owner.Token);
        await ApiHost.AssertProblemAsync(wrongTeam, HttpStatusCode.Forbidden, "WrongTeam");
        AssertChallenge(wrongTeam, "insufficient_scope");

        // A browser's page navigation keeps the empty body, for the host's own status-code page.
        var page = new HttpRequestMessage(HttpMethod.Get, "/account/me");
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        var html = await _host.Client.SendAsync(page);
        Assert.Equal(HttpStatusCode.Unauthorized, html.StatusCode);
        Assert.Empty(await html.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task MalformedJson_IsMalformedBody()
    {
        var owner = await _host.SignUpAsync("malformed");

        await ApiHost.AssertProblemAsync(await PostRawAsync("/account/signin", null, "{not json"), HttpStatusCode.BadRequest, "MalformedBody");
        await ApiHost.AssertProblemAsync(await PostRawAsync("/account/signup", null, "{\"email\": 5}"), HttpStatusCode.BadRequest, "MalformedBody");
        await ApiHost.AssertProblemAsync(await PostRawAsync("/account/switch-team", owner.Token, "[1, 2"), HttpStatusCode.BadRequest, "MalformedBody");
        await ApiHost.AssertProblemAsync(await PostRawAsync($"/account/teams/{owner.TeamId}/grants", owner.Token, "{\"subjectKind\": \"Nobody\"}"), HttpStatusCode.BadRequest, "MalformedBody");
        await ApiHost.AssertProblemAsync(await PostRawAsync("/account/confirm-email", null, ""), HttpStatusCode.BadRequest, "MalformedBody");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members?pageSize=many", owner.Token), HttpStatusCode.BadRequest, "InvalidParameter");

        // A malformed id in a body is InvalidId on every route now, the older ones too.
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/switch-team", owner.Token, new { teamId = "not-a-guid" }), HttpStatusCode.BadRequest, "InvalidId");
    }

    [Fact]
    public async Task EveryBodyRoute_AbsentField_IsMissingFieldNamingIt()
    {
        var owner = await _host.SignUpAsync("fields");
        var team = $"/account/teams/{owner.TeamId}";
        (string Path, string? Token, string Field)[] routes =
        [
            ("/account/signup", null, "email"),
            ("/account/confirm-email", null, "token"),
            ("/account/confirm-email/resend", null, "email"),
            ("/account/password-reset", null, "email"),
            ("/account/password-reset/confirm", null, "token"),
            ("/account/signin", null, "email"),
            ("/account/switch-team", owner.Token, "teamId"),
            ("/account/password", owner.Token, "currentPassword"),
            ("/account/invitations/peek", null, "token"),
            ("/account/invitations/accept-new", null, "token"),
            ("/account/invitations/accept", owner.Token, "token"),
            ("/account/invitations/decline", null, "token"),
            ($"{team}/invitations", owner.Token, "addresses"),
            ($"{team}/groups", owner.Token, "name"),
            ($"{team}/groups/{Guid.NewGuid()}/members", owner.Token, "membershipId"),
            ($"{team}/grants", owner.Token, "subjectKind"),
            ($"{team}/ownership-offer", owner.Token, "membershipId"),
            ($"{team}/ownership-offer/accept", owner.Token, "offerId"),
        ];
        foreach (var (path, token, field) in routes)
        {
            var problem = await ApiHost.AssertProblemAsync(await PostRawAsync(path, token, "{}"), HttpStatusCode.BadRequest, "MissingField");
            Assert.True(field == problem.GetProperty("field").GetString(), $"{path}: {problem}");
            Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await AssertMissingAsync(await _host.SendAsync(HttpMethod.Put, "/account/me/names", owner.Token, new { firstName = "Only" }), "lastName");
        await AssertMissingAsync(await _host.SendAsync(HttpMethod.Post, "/account/signin", null, new { email = owner.Email, password = ApiHost.Password }), "teamHandle");
        await AssertMissingAsync(await _host.SendAsync(HttpMethod.Post, "/account/signin", null, new { provider = "oidc", teamHandle = owner.TeamHandle }), "token");
        await AssertMissingAsync(await _host.SendAsync(HttpMethod.Post, "/account/invitations/peek", null, new { teamHandle = owner.TeamHandle, email = "x@example.com" }), "code");
        await AssertMissingAsync(await _host.SendAsync(HttpMethod.Post, "/account/signup", null, new { email = "half@example.com", password = ApiHost.Password, firstName = "Half", lastName = "Done", teamName = "Half" }), "teamHandle");

        // Changing nothing: the names are as before, and the half sign-up made no account.
        var me = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "/account/me", owner.Token));
        Assert.Equal(("fields", "Tester"), (me.GetProperty("firstName").GetString(), me.GetProperty("lastName").GetString()));
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/signin", null, new { email = "half@example.com", password = ApiHost.Password, teamHandle = "half" }), HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task ConfirmEmail_BadToken_NamesTheActivationLink()
    {
        var problem = await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/confirm-email", null, new { token = "used-or-wrong" }), HttpStatusCode.BadRequest, "InvalidToken");
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("activation link", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("invitation", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EditMember_RoleOnly_ReturnsTheNamesItKept_AndOneNameAloneIsMissingField()
    {
        var owner = await _host.SignUpAsync("editor");
        var (member, _) = await _host.JoinAsync(owner, "kept@example.com", RolePresets.Member);

        var edited = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Patch, $"/account/teams/{owner.TeamId}/members/{member}", owner.Token, new { role = RolePresets.Observer }));
        Assert.Equal((RolePresets.Observer, "New", "Member"), (edited.GetProperty("role").GetString(), edited.GetProperty("firstName").GetString(), edited.GetProperty("lastName").GetString()));

        await AssertMissingAsync(await _host.SendAsync(HttpMethod.Patch, $"/account/teams/{owner.TeamId}/members/{member}", owner.Token, new { firstName = "Alone", role = RolePresets.Member }), "lastName");
        var page = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members?email=kept", owner.Token));
        var row = Assert.Single(page.GetProperty("members").EnumerateArray());
        Assert.Equal((RolePresets.Observer, "New"), (row.GetProperty("role").GetString(), row.GetProperty("firstName").GetString()));
    }

    [Fact]
    public async Task Permissions_OfAnotherTeamsUser_IsNotFound()
    {
        var owner = await _host.SignUpAsync("asker");
        var stranger = await _host.SignUpAsync("stranger");

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/permissions?userId={stranger.UserId}", owner.Token), HttpStatusCode.NotFound, "NotFound");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/resources?permission=devices.read&userId={stranger.UserId}", owner.Token), HttpStatusCode.NotFound, "NotFound");
        var own = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/permissions?userId={owner.UserId}", owner.Token));
        Assert.NotEmpty(own.GetProperty("permissions").EnumerateArray());
    }

    [Fact]
    public async Task Json_IdsAreStrings_InTheAuditSnapshotsAndThroughToHttpResult()
    {
        var owner = await _host.SignUpAsync("ids");
        await _host.JoinAsync(owner, "logged@example.com", RolePresets.Member);

        var page = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/audit?pageSize=50", owner.Token));
        var snapshots = page.GetProperty("events").EnumerateArray()
            .SelectMany(e => new[] { e.GetProperty("before"), e.GetProperty("after") })
            .Where(s => s.ValueKind == JsonValueKind.Object)
            .ToArray();
        Assert.NotEmpty(snapshots);
        Assert.All(snapshots, s => Assert.DoesNotContain("\"value\"", s.GetRawText(), StringComparison.Ordinal));
        Assert.Contains(snapshots, s => s.TryGetProperty("teamId", out var teamId) && teamId.GetString() == owner.TeamId.ToString());

        var json = _host.App.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var (role, offer) = (Guid.NewGuid(), Guid.NewGuid());
        var written = JsonSerializer.Serialize(new { Role = new TeamRoleId(role), Offer = new OwnershipOfferId(offer) }, json);
        Assert.Equal($"{{\"role\":\"{role}\",\"offer\":\"{offer}\"}}", written);
        Assert.Equal(new TeamRoleId(role), JsonSerializer.Deserialize<TeamRoleId>($"\"{role}\"", json));
    }

    private static void AssertChallenge(HttpResponseMessage response, string error)
    {
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains($"error=\"{error}\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains("error_description=\"", challenge.Parameter, StringComparison.Ordinal);
    }

    private static async Task AssertMissingAsync(HttpResponseMessage response, string field)
    {
        var problem = await ApiHost.AssertProblemAsync(response, HttpStatusCode.BadRequest, "MissingField");
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    private Task<HttpResponseMessage> PostRawAsync(string path, string? token, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return _host.Client.SendAsync(request);
    }
}
