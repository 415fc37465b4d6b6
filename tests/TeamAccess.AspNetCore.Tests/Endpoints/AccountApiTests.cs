using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>MapTeamAccessApi's account and session routes, over HTTP.</summary>
public sealed class AccountApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SignUp_ConfirmThenSignInByHandle_GivesASessionInThatTeam()
    {
        var signedUp = await _host.SendAsync(HttpMethod.Post, "/account/signup", null, new { email = "ada@example.com", password = ApiHost.Password, firstName = "Ada", lastName = "Lovelace", teamName = "Engines", teamHandle = "engines" });
        Assert.Equal(HttpStatusCode.NoContent, signedUp.StatusCode);
        Assert.Empty(await signedUp.Content.ReadAsByteArrayAsync());

        var early = await _host.SendAsync(HttpMethod.Post, "/account/signin", null, new { email = "ada@example.com", password = ApiHost.Password, teamHandle = "engines" });
        // Nothing exists before the link is used: neither the account nor its team (whose handle a stranger could probe).
        await ApiHost.AssertProblemAsync(early, HttpStatusCode.NotFound, "NotFound");
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Post, "/account/confirm-email", null, new { token = _host.Outbox.ActivationTo("ada@example.com") })).StatusCode);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/confirm-email", null, new { token = "used-or-wrong" }), HttpStatusCode.BadRequest, "InvalidToken");

        var token = await _host.SignInAsync("ada@example.com", "ENGINES");
        var me = await (await _host.SendAsync(HttpMethod.Get, "/account/me", token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Ada", "Owner"), (me.GetProperty("firstName").GetString(), me.GetProperty("role").GetString()));
        Assert.True(me.GetProperty("emailConfirmed").GetBoolean());
    }

    [Fact]
    public async Task SignUp_OfATakenAddress_AnswersExactlyAsAFreshOne_AndMailsTheOwner()
    {
        // Security review 3, L3: the status, the headers and the body tell nobody which addresses have accounts.
        await _host.SignUpAsync("ada");
        var fresh = await _host.SendAsync(HttpMethod.Post, "/account/signup", null, new { email = "eve@example.com", password = ApiHost.Password, firstName = "Eve", lastName = "E", teamName = "T", teamHandle = "eves-team" });
        var taken = await _host.SendAsync(HttpMethod.Post, "/account/signup", null, new { email = "ada@example.com", password = ApiHost.Password, firstName = "Eve", lastName = "E", teamName = "T", teamHandle = "eves-other-team" });

        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(HeaderNames(fresh), HeaderNames(taken));
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await taken.Content.ReadAsStringAsync());
        Assert.Equal("ada@example.com", Assert.Single(_host.Outbox.AccountExists).Email);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, "/account/sign-in-options/eves-other-team", null), HttpStatusCode.NotFound, "NotFound");

        static string[] HeaderNames(HttpResponseMessage response) =>
            [.. response.Headers.Concat(response.Content.Headers).Select(h => h.Key).Where(k => k != "Date").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task SignUp_WithMailInTheBackground_AnswersBeforeTheSenderHasTheMessage()
    {
        // AddAspNetCore sends anonymous forms' mail after the answer: a sender that never returns does not hold it up.
        var gate = new TaskCompletionSource();
        await using var host = await ApiHost.StartAsync(b => b.Services.Configure<TeamAccessOptions>(o => o.Mail.DeliverInBackground = null));
        host.Outbox.Gate = gate.Task;

        var answered = await host.SendAsync(HttpMethod.Post, "/account/signup", null, new { email = "slow@example.com", password = ApiHost.Password, firstName = "S", lastName = "L", teamName = "T", teamHandle = "slow-team" });

        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        Assert.Empty(host.Outbox.Activations);
        gate.SetResult();
        await host.Outbox.Delivered.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Single(host.Outbox.Activations);
    }

    [Fact]
    public async Task SignUp_BadInput_IsAProblemWithTheCode()
    {
        await _host.SignUpAsync("taken");

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/signup", null, new { email = "not-an-email", password = ApiHost.Password, firstName = "A", lastName = "B", teamName = "T", teamHandle = "tee" }), HttpStatusCode.BadRequest, "InvalidEmail");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/signup", null, new { email = "x@example.com", password = ApiHost.Password, firstName = "A", lastName = "B", teamName = "T", teamHandle = "Not A Handle" }), HttpStatusCode.BadRequest, "InvalidHandle");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/signup", null, new { email = "x@example.com", password = ApiHost.Password, firstName = "A", lastName = "B", teamName = "T", teamHandle = "taken-team" }), HttpStatusCode.Conflict, "DuplicateHandle");
        var weak = await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/signup", null, new { email = "x@example.com", password = "short", firstName = "A", lastName = "B", teamName = "T", teamHandle = "x-team" }), HttpStatusCode.BadRequest, "PasswordPolicy");
        Assert.True(weak.TryGetProperty("details", out _));
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/signin", null, new { email = "taken@example.com", password = "wrong horse battery", teamHandle = "taken-team" }), HttpStatusCode.Unauthorized, "InvalidCredentials");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/signin", null, new { email = "taken@example.com", password = ApiHost.Password, teamHandle = "no-such-team" }), HttpStatusCode.NotFound, "NotFound");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/signin", null, new { email = "taken@example.com", password = ApiHost.Password }), HttpStatusCode.BadRequest, "MissingField");
    }

    [Fact]
    public async Task SignInOptions_ByHandle_SaysHowTheTeamSignsIn()
    {
        await _host.SignUpAsync("opts");

        var found = await (await _host.SendAsync(HttpMethod.Get, "/account/sign-in-options/opts-team", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(found.GetProperty("requiresSso").GetBoolean());
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, "/account/sign-in-options/nobody-team", null), HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task Teams_AndSwitchTeam_MoveTheSessionToTheOtherTeam()
    {
        var owner = await _host.SignUpAsync("switcher");
        var other = await _host.SignUpAsync("other");
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Post, $"/account/teams/{other.TeamId}/invitations", other.Token, new { addresses = owner.Email, role = RolePresets.Member })).StatusCode);
        var invitation = _host.Outbox.InvitationTo(owner.Email);
        var peeked = await (await _host.SendAsync(HttpMethod.Post, "/account/invitations/peek", null, new { teamHandle = other.TeamHandle, email = owner.Email, code = invitation.Code })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("other's team", "Member"), (peeked.GetProperty("teamName").GetString(), peeked.GetProperty("role").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Post, "/account/invitations/accept", owner.Token, new { token = invitation.Token })).StatusCode);

        var teams = await (await _host.SendAsync(HttpMethod.Get, "/account/teams", owner.Token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, teams.GetArrayLength());

        var switched = await _host.SendAsync(HttpMethod.Post, "/account/switch-team", owner.Token, new { teamId = other.TeamId });
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        var session = await switched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(other.TeamId, session.GetProperty("teamId").GetGuid());
        Assert.Equal("Member", session.GetProperty("role").GetString());
        var me = await (await _host.SendAsync(HttpMethod.Get, "/account/me", session.GetProperty("accessToken").GetString())).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(other.TeamId, me.GetProperty("teamId").GetGuid());

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/switch-team", owner.Token, new { teamId = Guid.NewGuid() }), HttpStatusCode.NotFound, "NotFound");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Post, "/account/switch-team", null, new { teamId = other.TeamId })).StatusCode);
    }

    [Fact]
    public async Task SignOut_OneOrEverywhere_EndsTheSessions()
    {
        var person = await _host.SignUpAsync("leaver");
        var second = await _host.SignInAsync(person.Email, person.TeamHandle);

        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Post, "/account/signout", person.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Get, "/account/me", person.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Get, "/account/me", second)).StatusCode);

        var third = await _host.SignInAsync(person.Email, person.TeamHandle);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Post, "/account/signout?everywhere=true", third)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Get, "/account/me", second)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Post, "/account/signout", null)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_AndReset_ReplaceThePassword()
    {
        var person = await _host.SignUpAsync("pw");

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/password", person.Token, new { currentPassword = "wrong horse battery", newPassword = "another long passphrase" }), HttpStatusCode.Unauthorized, "InvalidCredentials");
        var changed = await _host.SendAsync(HttpMethod.Post, "/account/password", person.Token, new { currentPassword = ApiHost.Password, newPassword = "another long passphrase" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var fresh = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Get, "/account/me", person.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Get, "/account/me", fresh)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Post, "/account/password-reset", null, new { email = person.Email })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Post, "/account/password-reset", null, new { email = "nobody@example.com" })).StatusCode);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, "/account/password-reset/confirm", null, new { token = _host.Outbox.ResetTo(person.Email), newPassword = "short" }), HttpStatusCode.BadRequest, "PasswordPolicy");
        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Post, "/account/password-reset/confirm", null, new { token = _host.Outbox.ResetTo(person.Email), newPassword = "a third long passphrase" })).StatusCode);
        await _host.SignInAsync(person.Email, person.TeamHandle, "a third long passphrase");
    }

    [Fact]
    public async Task UpdateOwnNames_ChangesTheSignedInUsersNames()
    {
        var person = await _host.SignUpAsync("named");

        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(HttpMethod.Put, "/account/me/names", person.Token, new { firstName = "Grace", lastName = "Hopper" })).StatusCode);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Put, "/account/me/names", person.Token, new { firstName = "", lastName = "Hopper" }), HttpStatusCode.BadRequest, "InvalidName");
        var me = await (await _host.SendAsync(HttpMethod.Get, "/account/me", person.Token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Grace", me.GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryAccountRoute()
    {
        var document = await (await _host.Client.GetAsync("/openapi/v1.json")).Content.ReadFromJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        foreach (var route in new[]
        {
            "/account/signup", "/account/confirm-email", "/account/signin", "/account/switch-team", "/account/signout", "/account/password",
            "/account/password-reset", "/account/password-reset/confirm", "/account/me", "/account/teams", "/account/leave",
            "/account/teams/{teamId}/members", "/account/teams/{teamId}/members/{membershipId}", "/account/teams/{teamId}/members/{membershipId}/deactivate",
            "/account/teams/{teamId}/invitations", "/account/teams/{teamId}/invitations/{membershipId}/resend", "/account/invitations/peek",
            "/account/invitations/accept", "/account/invitations/accept-new", "/account/invitations/decline", "/account/teams/{teamId}/groups",
            "/account/teams/{teamId}/grants", "/account/teams/{teamId}/roles", "/account/teams/{teamId}/roles/{name}", "/account/teams/{teamId}/ownership-offer",
            "/account/teams/{teamId}/ownership-offer/accept", "/account/teams/{teamId}/ownership-offer/decline", "/account/teams/{teamId}/permissions",
            "/account/teams/{teamId}/holders", "/account/teams/{teamId}/resources",
        })
        {
            Assert.Contains(route, paths);
        }

        var signUp = document.GetProperty("paths").GetProperty("/account/signup").GetProperty("post");
        Assert.Equal("TeamAccess.SignUp", signUp.GetProperty("operationId").GetString());
        Assert.True(signUp.GetProperty("responses").TryGetProperty("400", out _));
    }
}
