using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

/// <summary>
/// The account takeover of issue 13, as a hostile team would try it: its own SSO provider (whose tokens its
/// administrators mint) or any registered provider asserting somebody else's address as verified.
/// </summary>
public sealed class AccountTakeoverTests
{
    [Fact]
    public async Task SignIn_TeamSsoAssertingAnotherTeamsAddress_NeitherVerifiesTheDomainNorLinksNorJoins()
    {
        await using var bed = TestBed.Create();
        var ceo = await bed.SignUpAsync("ceo");
        var mallory = await bed.SignUpAsync("mallory");

        // 1. Mallory, guardian of her team, names the victim's domain as her team's verified domain.
        var claimed = await bed.Teams.SetSignInPolicyAsync(mallory.User.Id, mallory.Team.Id, new TeamSignInPolicy(false, bed.Acme.Name) { VerifiedDomain = "example.com", JustInTimeRole = RolePresets.Member });
        Assert.Equal(TeamAccessErrorCode.DomainNotVerified, claimed.Code);
        await bed.RequireSsoAsync(mallory, bed.Acme.Name, justInTimeRole: RolePresets.Member);

        // 2. She mints a token of her team's SSO with a new subject and the CEO's address, verified, and signs in.
        var minted = bed.Acme.Credential("evil-1", ceo.User.Email);
        var signedIn = await bed.Sessions.SignInAsync(minted, mallory.Team.Id);

        Assert.Equal(TeamAccessErrorCode.NotFound, signedIn.Code);
        Assert.Null(await bed.Store.FindByLoginAsync(bed.Acme.Issuer, "evil-1", CancellationToken.None));
        Assert.Null((await bed.SnapshotAsync(mallory.Team.Id)).FindCurrentMembership(ceo.User.Id));

        // 3. Nor does the token open the CEO's own team.
        Assert.False((await bed.Sessions.SignInAsync(bed.Acme.Credential("evil-1", ceo.User.Email), ceo.Team.Id)).Succeeded);
    }

    [Fact]
    public async Task SignIn_AnyProviderAssertingAnAddressItIsNotAuthoritativeFor_DoesNotOpenTheVictimsTeam()
    {
        await using var bed = TestBed.Create();
        var ceo = await bed.SignUpAsync("ceo");

        // No team policy needed: a global provider, and a team's own provider, each asserting the CEO's address as verified.
        var global = await bed.Sessions.SignInAsync(bed.Globex.Credential("g-evil", ceo.User.Email), ceo.Team.Id);
        var teamBound = await bed.Sessions.SignInAsync(bed.Acme.Credential("a-evil", ceo.User.Email), ceo.Team.Id);

        Assert.Equal(TeamAccessErrorCode.NotFound, global.Code);
        Assert.Equal(TeamAccessErrorCode.ProviderNotAccepted, teamBound.Code);
        Assert.Null(await bed.Store.FindByLoginAsync(bed.Globex.Issuer, "g-evil", CancellationToken.None));
        Assert.Null(await bed.Store.FindByLoginAsync(bed.Acme.Issuer, "a-evil", CancellationToken.None));
    }

    [Fact]
    public async Task SwitchTeam_SessionOfATeamBoundProvider_SwitchesOnlyIntoTeamsThatNameIt()
    {
        await using var bed = TestBed.Create();
        var acme = await bed.SignUpAsync("acme");
        var open = await bed.SignUpAsync("open");
        var naming = await bed.SignUpAsync("naming");
        await bed.RequireSsoAsync(acme, bed.Acme.Name, verifiedDomain: "acme.example", justInTimeRole: RolePresets.Member);
        Assert.True((await bed.Teams.SetSignInPolicyAsync(naming.User.Id, naming.Team.Id, new TeamSignInPolicy(false, null) { AcceptedProviders = [bed.Acme.Name] })).Succeeded);
        var session = (await bed.Sessions.SignInAsync(bed.Acme.Credential("a-bob", "bob@acme.example"), acme.Team.Id)).Value!;
        Assert.True((await bed.Members.AddAsHostAsync(open.Team.Id, session.Info.UserId, RolePresets.Member)).Succeeded);
        Assert.True((await bed.Members.AddAsHostAsync(naming.Team.Id, session.Info.UserId, RolePresets.Member)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.ReauthenticationRequired, (await bed.Sessions.SwitchTeamAsync(session.AccessToken, open.Team.Id)).Code);
        Assert.True((await bed.Sessions.SwitchTeamAsync(session.AccessToken, naming.Team.Id)).Succeeded);
        var teams = (await bed.Sessions.ListSwitchableTeamsAsync(session.AccessToken)).Value!;
        Assert.Equal([open.Team.Id], teams.Where(t => t.RequiresReauthentication).Select(t => t.TeamId));
    }

    [Fact]
    public async Task SetSignInPolicy_DomainItsSsoProviderIsAuthoritativeFor_IsVerifiedByDefault()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();

        var byOwnProvider = await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, new TeamSignInPolicy(true, bed.Acme.Name) { VerifiedDomain = "acme.example" });
        var byOtherProvider = await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, new TeamSignInPolicy(true, bed.Acme.Name) { VerifiedDomain = "globex.example" });
        var withoutProvider = await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, new TeamSignInPolicy(false, null) { VerifiedDomain = "acme.example" });

        Assert.True(byOwnProvider.Succeeded, byOwnProvider.ToString());
        Assert.Equal(TeamAccessErrorCode.DomainNotVerified, byOtherProvider.Code);
        Assert.Equal(TeamAccessErrorCode.DomainNotVerified, withoutProvider.Code);
        Assert.Equal("acme.example", (await bed.SnapshotAsync(owner.Team.Id)).Team.SignInPolicy.VerifiedDomain);
    }

    [Fact]
    public async Task SetSignInPolicy_HostsOwnDomainVerifier_DecidesAndIsAskedAgainAtEachJoin()
    {
        var verifier = new HostVerifier();
        await using var bed = TestBed.WithServices(s => s.AddSingleton<IDomainVerifier>(verifier));
        var owner = await bed.SignUpAsync();

        // The default would refuse (acme-sso is not authoritative for this domain); the host's DNS check says yes.
        verifier.Verified.Add((owner.Team.Id, "plant.example"));
        await bed.RequireSsoAsync(owner, bed.Acme.Name, verifiedDomain: "plant.example", justInTimeRole: RolePresets.Member);
        Assert.True((await bed.Sessions.SignInAsync(bed.Acme.Credential("a-1", "one@plant.example"), owner.Team.Id)).Succeeded);

        // The host withdraws the verification: nobody else joins just in time.
        verifier.Verified.Clear();
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SignInAsync(bed.Acme.Credential("a-2", "two@plant.example"), owner.Team.Id)).Code);
    }

    [Fact]
    public void Accepts_OpenPolicy_TakesPasswordsAndGlobalProvidersButNoTeamBoundOneItDoesNotName()
    {
        var open = TeamSignInPolicy.Open;
        var naming = new TeamSignInPolicy(false, "acme-sso");

        Assert.True(open.Accepts(IdentityProviderNames.Password, IdentityProviderScope.Global));
        Assert.True(open.Accepts("google", IdentityProviderScope.Global));
        Assert.False(open.Accepts("acme-sso", IdentityProviderScope.TeamBound));
        Assert.True(naming.Accepts("acme-sso", IdentityProviderScope.TeamBound));
        Assert.False(naming.Accepts("other-sso", IdentityProviderScope.TeamBound));
        Assert.True(naming.Accepts("google", IdentityProviderScope.Global));
    }

    private sealed class HostVerifier : IDomainVerifier
    {
        public HashSet<(TeamId, string)> Verified { get; } = [];

        public ValueTask<bool> IsVerifiedAsync(TeamId teamId, string domain, TeamSignInPolicy policy, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Verified.Contains((teamId, domain)));
    }
}
