using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace TeamAccess.AspNetCore.Tests;

/// <summary>
/// Issue 23: the personal-key routes beside the service-account ones. Creating a key needs a recent second factor (as a
/// service account's does); the key authenticates as its person, leaves out service-accounts.manage unless narrowed to
/// it, never mints a key, and is refused once revoked.
/// </summary>
public sealed class PersonalKeyApiTests
{
    [Fact]
    public async Task APersonalKey_IsMadeAfterAStepUpAndActsAsItsPersonWithinItsLimits()
    {
        await using var host = await ApiHost.StartAsync(b => b.Services.Configure<TeamAccessOptions>(o => o.ApiKeys.AllowPersonalKeys = true));
        var owner = await host.SignUpAsync("keen");
        var keys = $"/account/teams/{owner.TeamId}/personal-keys";

        await ApiHost.AssertProblemAsync(await host.SendAsync(HttpMethod.Post, keys, owner.Token, new { name = "early" }), HttpStatusCode.Forbidden, "SecondFactorEnrolmentRequired");
        owner = owner with { Token = await host.StepUpAsync(owner.Email, owner.Token) };
        var issued = await ApiHost.JsonAsync(await host.SendAsync(HttpMethod.Post, keys, owner.Token, new { name = "laptop-script" }));
        var key = issued.GetProperty("secret").GetString()!;

        // It acts as its person: the members list, but not the key routes (an unnarrowed personal key leaves service-accounts.manage out).
        Assert.True((await host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members", key)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Get, $"{keys}/all", key)).StatusCode);
        Assert.False((await host.SendAsync(HttpMethod.Post, keys, key, new { name = "minted by a key" })).IsSuccessStatusCode);

        var mine = await ApiHost.JsonAsync(await host.SendAsync(HttpMethod.Get, keys, owner.Token));
        var row = Assert.Single(mine.EnumerateArray());
        Assert.True(row.GetProperty("isPersonal").GetBoolean());
        Assert.Equal(owner.MembershipId, row.GetProperty("serviceAccountId").GetGuid());
        Assert.False(row.TryGetProperty("secret", out _));
        Assert.Equal(1, (await ApiHost.JsonAsync(await host.SendAsync(HttpMethod.Get, $"{keys}/all", owner.Token))).GetArrayLength());

        var id = issued.GetProperty("key").GetProperty("keyId").GetGuid();
        Assert.True((await host.SendAsync(HttpMethod.Delete, $"{keys}/{id}", owner.Token)).IsSuccessStatusCode);
        await ApiHost.AssertProblemAsync(await host.SendAsync(HttpMethod.Get, $"/account/teams/{owner.TeamId}/members", key), HttpStatusCode.Unauthorized, "ApiKeyRevoked");
    }

    [Fact]
    public async Task CreatingAPersonalKey_WhenTheHostDoesNotAllowThem_IsPersonalKeysDisabled()
    {
        await using var host = await ApiHost.StartAsync();
        var owner = await host.SignUpAsync("plain");
        owner = owner with { Token = await host.StepUpAsync(owner.Email, owner.Token) };

        await ApiHost.AssertProblemAsync(await host.SendAsync(HttpMethod.Post, $"/account/teams/{owner.TeamId}/personal-keys", owner.Token, new { name = "k" }), HttpStatusCode.Forbidden, "PersonalKeysDisabled");
    }
}
