using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Hosting;
using TeamAccess.TeamSso;
using TeamAccess.Testing;

namespace TeamAccess.Tests;

public sealed class TeamDomainTests
{
    [Fact]
    public async Task Check_MovesTheClaimThroughItsStates()
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network);
        var owner = await bed.SignUpAsync();
        var sso = bed.Sso();

        var claimed = await sso.ClaimDomainAsync(owner.User.Id, owner.Team.Id, "  Acme.Example. ");
        Assert.Equal("acme.example", claimed.Value!.Domain);
        Assert.Equal(TeamDomainState.Pending, claimed.Value.State);
        Assert.Matches("^teamaccess-verification=[A-Za-z0-9_-]{32}$", claimed.Value.TxtRecord);
        var id = claimed.Value.Id;

        // No record yet: failed. Someone else's value: failed. The team's value among others: verified.
        Assert.Equal(TeamDomainState.Failed, (await sso.CheckDomainAsync(owner.User.Id, owner.Team.Id, id)).Value!.State);
        network.Publish("acme.example", "teamaccess-verification=not-this-team");
        Assert.Equal(TeamDomainState.Failed, (await sso.CheckDomainAsync(owner.User.Id, owner.Team.Id, id)).Value!.State);
        network.Publish("acme.example", "google-site-verification=x", claimed.Value.TxtRecord);
        Assert.Equal(TeamDomainState.Verified, (await sso.CheckDomainAsync(owner.User.Id, owner.Team.Id, id)).Value!.State);

        // A resolver that does not answer changes nothing, and says so.
        network.DnsDown = true;
        Assert.Equal(TeamAccessErrorCode.DomainCheckUnavailable, (await sso.CheckDomainAsync(owner.User.Id, owner.Team.Id, id)).Code);
        Assert.Equal(TeamDomainState.Verified, (await bed.SnapshotAsync(owner.Team.Id)).Domains[id].State);
        network.DnsDown = false;

        // The record withdrawn: expired, and published again: verified again.
        network.Publish("acme.example");
        Assert.Equal(TeamDomainState.Expired, (await sso.CheckDomainAsync(owner.User.Id, owner.Team.Id, id)).Value!.State);
        network.Publish("acme.example", claimed.Value.TxtRecord);
        Assert.Equal(TeamDomainState.Verified, (await sso.CheckDomainAsync(owner.User.Id, owner.Team.Id, id)).Value!.State);

        Assert.Equal(TeamAccessErrorCode.DomainAlreadyClaimed, (await sso.ClaimDomainAsync(owner.User.Id, owner.Team.Id, "acme.example")).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidHandle, (await sso.ClaimDomainAsync(owner.User.Id, owner.Team.Id, "not a domain")).Code);
        var audit = (await bed.Audit.ListAsync(owner.User.Id, owner.Team.Id)).Value!.Where(e => e.Action.StartsWith("team_domain.", StringComparison.Ordinal)).ToList();

        // Only changes of state are audited (claimed, failed, verified, expired, verified), not the checks that found the same.
        Assert.Equal(5, audit.Count);
    }

    [Fact]
    public async Task Domain_IsVerifiedForAtMostOneTeam()
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network);
        var acme = await bed.SignUpAsync();
        var rival = await bed.SignUpAsync();
        var held = await bed.VerifiedDomainAsync(network, acme, "acme.example");

        // The rival proves control of the domain too (its record beside the first): still the first team's.
        var claim = await bed.Sso().ClaimDomainAsync(rival.User.Id, rival.Team.Id, "acme.example");
        network.Publish("acme.example", held.TxtRecord, claim.Value!.TxtRecord);
        Assert.Equal(TeamAccessErrorCode.DomainVerifiedElsewhere, (await bed.Sso().CheckDomainAsync(rival.User.Id, rival.Team.Id, claim.Value.Id)).Code);
        Assert.Equal(TeamDomainState.Failed, (await bed.SnapshotAsync(rival.Team.Id)).Domains[claim.Value.Id].State);

        // The store refuses a second verified claim even when a writer skips the check (a race between two teams).
        var snapshot = await bed.SnapshotAsync(rival.Team.Id);
        var verified = snapshot.Domains[claim.Value.Id] with { State = TeamDomainState.Verified };
        var change = new TeamChange(snapshot.Version, snapshot.Team with { Version = snapshot.Version + 1 }, [new TeamDomainPut(snapshot.Domains[claim.Value.Id], verified, AuditActions.TeamDomainChecked)]);
        Assert.Equal(TeamAccessErrorCode.DomainVerifiedElsewhere, (await bed.Store.CommitAsync(new ChangeSet([], [change], []), CancellationToken.None)).Code);

        // Released by the first team, it can be verified for the rival.
        Assert.True((await bed.Sso().RemoveDomainAsync(acme.User.Id, acme.Team.Id, held.Id)).Succeeded);
        Assert.Equal(TeamDomainState.Verified, (await bed.Sso().CheckDomainAsync(rival.User.Id, rival.Team.Id, claim.Value.Id)).Value!.State);
    }

    [Fact]
    public async Task Recheck_OnTheSchedule_ExpiresADomainWhoseRecordDisappeared()
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network);
        var owner = await bed.SignUpAsync();
        var held = await bed.VerifiedDomainAsync(network, owner, "acme.example");
        var sweeper = bed.Services.GetRequiredService<DomainRecheckSweeper>();

        network.Publish("acme.example");
        Assert.Equal(0, await sweeper.CheckDueOnceAsync(CancellationToken.None));
        bed.Time.Advance(new TeamAccessOptions().TeamSso.DomainRecheckInterval);
        Assert.Equal(1, await sweeper.CheckDueOnceAsync(CancellationToken.None));
        Assert.Equal(TeamDomainState.Expired, (await bed.SnapshotAsync(owner.Team.Id)).Domains[held.Id].State);

        // An expired domain no longer counts: the policy cannot name it for the team's own provider.
        var idp = new TestIdentityProvider("runtime", "https://login.acme.example", bed.Time, TestIdentityProvider.SharedKey);
        var provider = await bed.ActiveProviderAsync(network, owner, idp);
        var policy = new TeamSignInPolicy(true, provider.Name) { VerifiedDomain = "acme.example", JustInTimeRole = "Member" };
        Assert.Equal(TeamAccessErrorCode.DomainNotVerified, (await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, policy)).Code);
    }

    [Fact]
    public async Task JustInTime_JoinsOnlyThroughAVerifiedDomain()
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network);
        var owner = await bed.SignUpAsync();
        var idp = new TestIdentityProvider("runtime", "https://login.acme.example", bed.Time, TestIdentityProvider.SharedKey);
        var provider = await bed.ActiveProviderAsync(network, owner, idp);
        var held = await bed.VerifiedDomainAsync(network, owner, "acme.example");
        var policy = new TeamSignInPolicy(false, provider.Name) { VerifiedDomain = "acme.example", JustInTimeRole = "Member" };
        Assert.True((await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, policy)).Succeeded);

        var joined = await bed.Sessions.SignInAsync(TeamSsoTestBed.Token(idp, provider, "new-1", "new.one@acme.example"), owner.Team.Id);
        Assert.True(joined.Succeeded, joined.ToString());

        // The record gone and the claim expired: the next stranger does not join.
        network.Publish("acme.example");
        Assert.Equal(TeamDomainState.Expired, (await bed.Sso().CheckDomainAsync(owner.User.Id, owner.Team.Id, held.Id)).Value!.State);
        var refused = await bed.Sessions.SignInAsync(TeamSsoTestBed.Token(idp, provider, "new-2", "new.two@acme.example"), owner.Team.Id);
        Assert.Equal(TeamAccessErrorCode.NotFound, refused.Code);
    }
}
