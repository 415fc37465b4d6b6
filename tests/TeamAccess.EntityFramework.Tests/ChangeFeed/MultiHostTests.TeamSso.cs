using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.Teams;
using TeamAccess.TeamSso;
using TeamAccess.Testing;

namespace TeamAccess.EntityFramework.Tests;

/// <content>
/// A team's own provider across instances: configured and activated through A, it signs in on B; suspended through A,
/// it signs nobody in on B and B refuses the sessions it issued, within the bound.
/// </content>
public abstract partial class MultiHostTests
{
    private static readonly KeyedSecretProtector HostKey = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [SkippableFact]
    public async Task TeamProviderSuspendedThroughA_StopsSigningInAndEndsItsSessionsOnB()
    {
        await OnOneStoreAsync(async storage =>
        {
            var network = new TeamSsoFakes();
            void Services(IServiceCollection s)
            {
                s.AddSingleton<ISecretProtector>(HostKey);
                network.AddTo(s);
            }

            await using var a = await Host.StartAsync(storage, services: Services);
            await using var b = await Host.StartAsync(storage, services: Services);
            var idp = new TestIdentityProvider("runtime", "https://login.owner.example", new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow), TestIdentityProvider.SharedKey);
            network.Serve(idp);
            var owner = await a.SignUpAsync("ssoowner");
            var team = owner.Team.Id;

            var added = await a.Use<ITeamSsoService, Result<TeamProviderView>>(s => s.AddProviderAsync(owner.User.Id, team, new TeamProviderRequest("Owner SSO", idp.Issuer, TestIdentityProvider.Audience) { ClientSecret = "client-secret" }));
            Assert.True(added.Succeeded, added.ToString());
            var provider = added.Value!;
            Assert.True((await a.Use<ITeamSsoService, Result<TeamProviderView>>(s => s.ActivateProviderAsync(owner.User.Id, team, provider.Id))).Succeeded);
            var claim = (await a.Use<ITeamSsoService, Result<TeamDomainView>>(s => s.ClaimDomainAsync(owner.User.Id, team, "example.com"))).Value!;
            network.Publish("example.com", claim.TxtRecord);
            Assert.Equal(TeamDomainState.Verified, (await a.Use<ITeamSsoService, Result<TeamDomainView>>(s => s.CheckDomainAsync(owner.User.Id, team, claim.Id))).Value!.State);
            var policy = new TeamSignInPolicy(false, provider.Name) { AcceptedProviders = [provider.Name, IdentityProviderNames.Password] };
            Assert.True((await a.Use<ITeamService, Result<Team>>(s => s.SetSignInPolicyAsync(owner.User.Id, team, policy))).Succeeded);

            // B signs the owner in through the team's provider (read from the store's snapshot of the team), and validates.
            SignInCredential Token() => SignInCredential.ForToken(provider.Name, idp.Mint("owner-sub", owner.User.Email));
            Result<Session>? signedIn = null;
            await Host.EventuallyAsync(async () => (signedIn = await b.Use<ISessionService, Result<Session>>(s => s.SignInAsync(Token(), team))).Succeeded, Limit(b), "sign-in through the team's provider on B");
            var session = signedIn!.Value!;
            Assert.True((await b.ValidateAsync(session.AccessToken, team)).Succeeded);

            Assert.True((await a.Use<ITeamSsoService, Result<TeamProviderView>>(s => s.SuspendProviderAsync(owner.User.Id, team, provider.Id))).Succeeded);
            await Host.EventuallyAsync(async () => (await b.ValidateAsync(session.AccessToken, team)).Code == TeamAccessErrorCode.ReauthenticationRequired, Limit(b), "suspended provider's session refused on B");
            Assert.Equal(TeamAccessErrorCode.ProviderNotAccepted, (await b.Use<ISessionService, Result<Session>>(s => s.SignInAsync(Token(), team))).Code);

            // The stored secret is the protector's, on both instances alike.
            var stored = (await b.Services.GetRequiredService<ITeamStore>().LoadAsync(team, CancellationToken.None))!.Providers[provider.Id];
            Assert.Equal("client-secret", System.Text.Encoding.UTF8.GetString(HostKey.Unprotect(stored.ProtectedClientSecret)));
            Assert.Equal(TeamProviderState.Suspended, stored.State);
        });
    }
}
