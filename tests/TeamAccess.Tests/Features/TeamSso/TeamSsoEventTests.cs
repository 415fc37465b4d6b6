using TeamAccess.Events;
using TeamAccess.Testing;

namespace TeamAccess.Tests;

/// <summary>
/// The events of a team's own providers and domains, which the shipped store suite cannot drive (they need an issuer and
/// a resolver to reach): every one is emitted by its service path, with the team and the subject.
/// </summary>
public sealed class TeamSsoEventTests
{
    [Fact]
    public async Task EveryTeamSsoPath_EmitsItsTypedEvent()
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network);
        var idp = new TestIdentityProvider("runtime", "https://login.acme.example", bed.Time, TestIdentityProvider.SharedKey);
        var owner = await bed.SignUpAsync();
        var provider = await bed.ActiveProviderAsync(network, owner, idp);
        var sso = bed.Sso();
        Assert.True((await sso.UpdateProviderAsync(owner.User.Id, owner.Team.Id, provider.Id, TeamSsoTestBed.Request(idp))).Succeeded);
        Assert.True((await sso.SuspendProviderAsync(owner.User.Id, owner.Team.Id, provider.Id)).Succeeded);
        Assert.True((await sso.DeleteProviderAsync(owner.User.Id, owner.Team.Id, provider.Id)).Succeeded);
        var domain = await bed.VerifiedDomainAsync(network, owner, "acme.example");
        Assert.True((await sso.RemoveDomainAsync(owner.User.Id, owner.Team.Id, domain.Id)).Succeeded);

        var events = (await bed.Audit.ListAsync(owner.User.Id, owner.Team.Id)).Value!.Select(TeamAccessEvents.From).ToList();
        var expected = typeof(TeamAccessEvent).Assembly.GetExportedTypes()
            .Where(t => t.IsSealed && typeof(TeamAccessEvent).IsAssignableFrom(t) && (t.Name.StartsWith("TeamProvider", StringComparison.Ordinal) || t.Name.StartsWith("TeamDomain", StringComparison.Ordinal)))
            .ToHashSet();
        Assert.Equal(8, expected.Count);
        Assert.Empty(expected.Except(events.Select(e => e.GetType())).Select(t => t.Name));
        Assert.All(events.Where(e => expected.Contains(e.GetType())), e => Assert.Equal(owner.Team.Id, e.TeamId));
    }
}
