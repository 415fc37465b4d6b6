using System.Net;
using System.Text.Json;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>MapTeamAccessApi's ownership-transfer routes: <c>/teams/{teamId}/ownership-offer</c>.</summary>
public sealed class OwnershipApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Ownership_OfferThenAccept_HandsTheGuardianRoleOver()
    {
        var owner = await _host.SignUpAsync("founder");
        var (heir, heirToken) = await _host.JoinAsync(owner, "heir@example.com", RolePresets.Member);
        var offerPath = $"/account/teams/{owner.TeamId}/ownership-offer";

        // Offering and accepting are dangerous actions: each side proves a second factor first.
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, offerPath, owner.Token, new { membershipId = heir }), HttpStatusCode.Forbidden, "SecondFactorEnrolmentRequired");
        var ownerToken = await _host.StepUpAsync(owner.Email, owner.Token);
        heirToken = await _host.StepUpAsync("heir@example.com", heirToken);
        var offer = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, offerPath, ownerToken, new { membershipId = heir }));
        Assert.Equal((owner.MembershipId, heir, false), (offer.GetProperty("fromMembershipId").GetGuid(), offer.GetProperty("toMembershipId").GetGuid(), offer.GetProperty("keepRole").GetBoolean()));
        var seen = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, offerPath, heirToken));
        Assert.Equal(offer.GetProperty("offerId").GetGuid(), seen.GetProperty("offerId").GetGuid());

        var accepted = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, $"{offerPath}/accept", heirToken, new { offerId = seen.GetProperty("offerId").GetGuid() }));
        Assert.Equal((heir, RolePresets.Owner), (accepted.GetProperty("membershipId").GetGuid(), accepted.GetProperty("role").GetString()));

        // Both roles changed, so both sessions ended; the new owner signs in again and sees the hand-over.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.SendAsync(HttpMethod.Get, offerPath, ownerToken)).StatusCode);
        var newOwner = await _host.SignInAsync("heir@example.com", owner.TeamHandle);
        var members = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members", newOwner));
        Assert.Equal(
            [("founder@example.com", RolePresets.Administrator), ("heir@example.com", RolePresets.Owner)],
            members.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("email").GetString(), m.GetProperty("role").GetString())));
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, offerPath, newOwner), HttpStatusCode.NotFound, "OwnershipOfferNotFound");
    }

    [Fact]
    public async Task Ownership_DeclineAndWithdraw_CloseTheOfferAndChangeNoRole()
    {
        var owner = await _host.SignUpAsync("keeper");
        var (heir, heirToken) = await _host.JoinAsync(owner, "maybe@example.com", RolePresets.Administrator);
        var offerPath = $"/account/teams/{owner.TeamId}/ownership-offer";
        owner = owner with { Token = await _host.StepUpAsync(owner.Email, owner.Token) };
        heirToken = await _host.StepUpAsync("maybe@example.com", heirToken);

        var first = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, offerPath, owner.Token, new { membershipId = heir }));
        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Post, $"{offerPath}/decline", heirToken, new { offerId = first.GetProperty("offerId").GetGuid() })).StatusCode);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Get, offerPath, owner.Token), HttpStatusCode.NotFound, "OwnershipOfferNotFound");

        var second = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, offerPath, owner.Token, new { membershipId = heir, keepRole = true }));
        Assert.True(second.GetProperty("keepRole").GetBoolean());
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, offerPath, owner.Token, new { membershipId = heir }), HttpStatusCode.Conflict, "OwnershipOfferPending");
        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Delete, offerPath, owner.Token)).StatusCode);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"{offerPath}/accept", heirToken, new { offerId = second.GetProperty("offerId").GetGuid() }), HttpStatusCode.NotFound, "OwnershipOfferNotFound");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Delete, offerPath, owner.Token), HttpStatusCode.NotFound, "OwnershipOfferNotFound");

        var members = await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members", owner.Token));
        Assert.Equal(
            [("keeper@example.com", RolePresets.Owner), ("maybe@example.com", RolePresets.Administrator)],
            members.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("email").GetString(), m.GetProperty("role").GetString())));
    }

    [Fact]
    public async Task Ownership_WrongActorOrBadInput_AreRefusedWithTheCode()
    {
        var owner = await _host.SignUpAsync("careful");
        var (heir, heirToken) = await _host.JoinAsync(owner, "chosen@example.com", RolePresets.Member);
        var (_, adminToken) = await _host.JoinAsync(owner, "other@example.com", RolePresets.Administrator);
        var offerPath = $"/account/teams/{owner.TeamId}/ownership-offer";
        owner = owner with { Token = await _host.StepUpAsync(owner.Email, owner.Token) };
        heirToken = await _host.StepUpAsync("chosen@example.com", heirToken);
        adminToken = await _host.StepUpAsync("other@example.com", adminToken);

        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, offerPath, adminToken, new { membershipId = heir }), HttpStatusCode.Forbidden, "GuardianRequired");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, offerPath, owner.Token, new { keepRole = true }), HttpStatusCode.BadRequest, "MissingField");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, offerPath, owner.Token, new { membershipId = "not-a-guid" }), HttpStatusCode.BadRequest, "InvalidId");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, offerPath, owner.Token, new { membershipId = Guid.NewGuid() }), HttpStatusCode.NotFound, "NotFound");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, offerPath, owner.Token, new { membershipId = owner.MembershipId }), HttpStatusCode.BadRequest, "NoChange");

        var offer = (await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Post, offerPath, owner.Token, new { membershipId = heir }))).GetProperty("offerId").GetGuid();
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"{offerPath}/accept", heirToken, new { }), HttpStatusCode.BadRequest, "MissingField");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"{offerPath}/decline", heirToken, new { offerId = "42" }), HttpStatusCode.BadRequest, "InvalidId");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"{offerPath}/accept", heirToken, new { offerId = Guid.NewGuid() }), HttpStatusCode.NotFound, "OwnershipOfferNotFound");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"{offerPath}/accept", adminToken, new { offerId = offer }), HttpStatusCode.NotFound, "OwnershipOfferNotFound");
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Delete, offerPath, adminToken), HttpStatusCode.NotFound, "OwnershipOfferNotFound");

        // Past the offer's lifetime (7 days by default) the sessions have ended too: both sign in again.
        _host.Time.Advance(TimeSpan.FromDays(8));
        var heirAgain = await _host.SignInAsync("chosen@example.com", owner.TeamHandle);
        await ApiHost.AssertProblemAsync(await _host.SendAsync(HttpMethod.Post, $"{offerPath}/accept", heirAgain, new { offerId = offer }), HttpStatusCode.Gone, "OwnershipOfferExpired");
        var ownerAgain = await _host.SignInAsync(owner.Email, owner.TeamHandle);
        Assert.Equal(RolePresets.Owner, (await ApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "/account/me", ownerAgain))).GetProperty("role").GetString());
    }
}
