using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.TeamSso;
using TeamAccess.Testing;

namespace TeamAccess.Tests;

/// <summary>A test bed with the fake network of team providers and domains, and helpers that drive them as a guardian would.</summary>
internal static class TeamSsoTestBed
{
    public const string Secret = "s3cr3t-client-secret-value";

    public static TestBed Create(TeamSsoFakes network, Action<TeamAccessOptions>? configure = null) =>
        TestBed.Create(configure, (_, _) => { }, network.AddTo);

    public static ITeamSsoService Sso(this TestBed bed) => bed.Services.GetRequiredService<ITeamSsoService>();

    public static TeamProviderRequest Request(TestIdentityProvider provider) =>
        new("Acme SSO", provider.Issuer, TestIdentityProvider.Audience) { ClientSecret = Secret };

    /// <summary>Adds and activates a provider for the owner's team, served by the fake network.</summary>
    public static async Task<TeamProviderView> ActiveProviderAsync(this TestBed bed, TeamSsoFakes network, SignUpResult owner, TestIdentityProvider provider)
    {
        network.Serve(provider);
        var added = await bed.Sso().AddProviderAsync(owner.User.Id, owner.Team.Id, Request(provider));
        Assert.True(added.Succeeded, added.ToString());
        var active = await bed.Sso().ActivateProviderAsync(owner.User.Id, owner.Team.Id, added.Value!.Id);
        Assert.True(active.Succeeded, active.ToString());
        return active.Value!;
    }

    /// <summary>Claims a domain for the owner's team, publishes its TXT record and checks it: verified.</summary>
    public static async Task<TeamDomainView> VerifiedDomainAsync(this TestBed bed, TeamSsoFakes network, SignUpResult owner, string domain)
    {
        var claimed = await bed.Sso().ClaimDomainAsync(owner.User.Id, owner.Team.Id, domain);
        Assert.True(claimed.Succeeded, claimed.ToString());
        network.Publish(domain, "v=spf1 -all", claimed.Value!.TxtRecord);
        var verified = await bed.Sso().CheckDomainAsync(owner.User.Id, owner.Team.Id, claimed.Value.Id);
        Assert.True(verified.Succeeded, verified.ToString());
        Assert.Equal(TeamDomainState.Verified, verified.Value!.State);
        return verified.Value;
    }

    public static SignInCredential Token(TestIdentityProvider idp, TeamProviderView provider, string subject, string email) =>
        SignInCredential.ForToken(provider.Name, idp.Mint(subject, email));
}
