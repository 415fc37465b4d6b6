using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.Audit;
using TeamAccess.Events;
using TeamAccess.TeamSso;
using TeamAccess.Testing;

namespace TeamAccess.Tests;

public sealed class TeamProviderTests
{
    [Fact]
    public async Task SignIn_ActiveTeamProviderWithVerifiedDomain_LinksTheMemberAndSuspensionEndsItsSessions()
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network);
        var idp = new TestIdentityProvider("runtime", "https://login.acme.example", bed.Time, TestIdentityProvider.SharedKey);
        var crew = await bed.CrewAsync("Member");
        var provider = await bed.ActiveProviderAsync(network, crew.Owner, idp);
        await bed.VerifiedDomainAsync(network, crew.Owner, "example.com");
        var policy = new TeamSignInPolicy(false, provider.Name) { AcceptedProviders = [provider.Name, bed.Host.Name] };
        Assert.True((await bed.Teams.SetSignInPolicyAsync(crew.OwnerId, crew.TeamId, policy)).Succeeded);
        var member = await bed.Users.FindByEmailAsync(crew.Members[0].User.Email);

        // The verified domain makes the team's provider authoritative for the member's address: the identity links.
        var session = await bed.Sessions.SignInAsync(TeamSsoTestBed.Token(idp, provider, "sub-1", member!.Email), crew.TeamId);
        Assert.True(session.Succeeded, session.ToString());
        Assert.True((await bed.Sessions.ValidateAsync(session.Value!.AccessToken, crew.TeamId)).Succeeded);

        var suspended = await bed.Sso().SuspendProviderAsync(crew.OwnerId, crew.TeamId, provider.Id);
        Assert.Equal(TeamProviderState.Suspended, suspended.Value!.State);
        Assert.Equal(TeamAccessErrorCode.ReauthenticationRequired, (await bed.Sessions.ValidateAsync(session.Value.AccessToken, crew.TeamId)).Code);
        var again = await bed.Sessions.SignInAsync(TeamSsoTestBed.Token(idp, provider, "sub-1", member.Email), crew.TeamId);
        Assert.Equal(TeamAccessErrorCode.ProviderNotAccepted, again.Code);

        // Activated again, it signs in again (a new session).
        Assert.True((await bed.Sso().ActivateProviderAsync(crew.OwnerId, crew.TeamId, provider.Id)).Succeeded);
        Assert.True((await bed.Sessions.SignInAsync(TeamSsoTestBed.Token(idp, provider, "sub-1", member.Email), crew.TeamId)).Succeeded);
    }

    [Fact]
    public async Task SignIn_ProviderFlaggedForSecondFactor_CountsItOnlyWhenTheTokenSaysSo_ElseTheTeamPolicyAsks()
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network);
        var idp = new TestIdentityProvider("runtime", "https://login.acme.example", bed.Time, TestIdentityProvider.SharedKey);
        var crew = await bed.CrewAsync("Member");
        var provider = await bed.ActiveProviderAsync(network, crew.Owner, idp);
        await bed.VerifiedDomainAsync(network, crew.Owner, "example.com");
        var policy = new TeamSignInPolicy(false, provider.Name) { AcceptedProviders = [provider.Name, bed.Host.Name], SecondFactorRequired = true };
        Assert.True((await bed.Teams.SetSignInPolicyAsync(crew.OwnerId, crew.TeamId, policy)).Succeeded);
        var email = crew.Members[0].User.Email;
        SignInCredential Token(params (string Claim, object Value)[] claims) =>
            SignInCredential.ForToken(provider.Name, idp.Mint("sub-mfa", email, tweak: d => { foreach (var (claim, value) in claims) { d.Claims[claim] = value; } }));

        // Not flagged: the provider's mfa is its own business; the team's policy asks for a second factor here.
        var unflagged = await bed.Sessions.SignInAsync(Token(("amr", new[] { "pwd", "mfa" })), crew.TeamId);
        Assert.Equal(TeamAccessErrorCode.SecondFactorEnrolmentRequired, unflagged.Code);

        var flagged = await bed.Sso().UpdateProviderAsync(crew.OwnerId, crew.TeamId, provider.Id, new TeamProviderRequest("Acme SSO", idp.Issuer, TestIdentityProvider.Audience) { RequiresSecondFactor = true });
        Assert.True(flagged.Succeeded, flagged.ToString());

        // Flagged, but the token does not say a second factor was proven: still asked.
        Assert.Equal(TeamAccessErrorCode.SecondFactorEnrolmentRequired, (await bed.Sessions.SignInAsync(Token(("amr", new[] { "pwd" })), crew.TeamId)).Code);
        Assert.Equal(TeamAccessErrorCode.SecondFactorEnrolmentRequired, (await bed.Sessions.SignInAsync(Token(("acr", "urn:acme:loa:1")), crew.TeamId)).Code);

        // Flagged and the token's amr (RFC 8176) or acr (PAPE multi-factor) says so: a session that proved a second factor.
        foreach (var credential in new[] { Token(("amr", new[] { "pwd", "mfa" })), Token(("acr", "http://schemas.openid.net/pape/policies/2007/06/multi-factor")) })
        {
            var session = await bed.Sessions.SignInAsync(credential, crew.TeamId);
            Assert.True(session.Succeeded, session.ToString());
            var info = (await bed.Sessions.ValidateAsync(session.Value!.AccessToken, crew.TeamId)).Value!;
            Assert.Equal(bed.Time.GetUtcNow().ToUnixTimeSeconds(), info.SecondFactorAt!.Value.ToUnixTimeSeconds());
            Assert.Equal(new[] { AuthenticationMethods.External, AuthenticationMethods.MultipleFactors }, info.AuthenticationMethods);
        }

        // A passkey-only team still asks for a passkey.
        Assert.True((await bed.Teams.SetSignInPolicyAsync(crew.OwnerId, crew.TeamId, policy with { PasskeyRequired = true })).Succeeded);
        Assert.NotNull((await bed.Sessions.SignInAsync(Token(("amr", new[] { "mfa" })), crew.TeamId)).Error);
    }

    [Fact]
    public async Task SignIn_UnverifiedDomain_DoesNotLinkByEmail()
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network);
        var idp = new TestIdentityProvider("runtime", "https://login.acme.example", bed.Time, TestIdentityProvider.SharedKey);
        var crew = await bed.CrewAsync("Member");
        var provider = await bed.ActiveProviderAsync(network, crew.Owner, idp);
        Assert.True((await bed.Teams.SetSignInPolicyAsync(crew.OwnerId, crew.TeamId, new TeamSignInPolicy(false, provider.Name))).Succeeded);

        // Claimed but not verified: the provider's word picks nobody's account.
        await bed.Sso().ClaimDomainAsync(crew.OwnerId, crew.TeamId, "example.com");
        var refused = await bed.Sessions.SignInAsync(TeamSsoTestBed.Token(idp, provider, "sub-1", crew.Members[0].User.Email), crew.TeamId);
        Assert.Equal(TeamAccessErrorCode.NotFound, refused.Code);
    }

    [Fact]
    public async Task AnotherTeam_CannotNameOrUseTheTeamsProvider()
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network);
        var idp = new TestIdentityProvider("runtime", "https://login.acme.example", bed.Time, TestIdentityProvider.SharedKey);
        var acme = await bed.SignUpAsync();
        var other = await bed.SignUpAsync();
        var provider = await bed.ActiveProviderAsync(network, acme, idp);
        await bed.VerifiedDomainAsync(network, acme, "example.com");

        // Naming it in another team's policy is refused, as for a provider the host never bound to that team.
        var named = await bed.Teams.SetSignInPolicyAsync(other.User.Id, other.Team.Id, new TeamSignInPolicy(false, provider.Name));
        Assert.Equal(TeamAccessErrorCode.ProviderNotAccepted, named.Code);
        var accepted = await bed.Teams.SetSignInPolicyAsync(other.User.Id, other.Team.Id, new TeamSignInPolicy(false, null) { AcceptedProviders = [provider.Name] });
        Assert.Equal(TeamAccessErrorCode.ProviderNotAccepted, accepted.Code);

        // Signing in to the other team with it is refused, and so is switching a session it issued into that team.
        var signIn = await bed.Sessions.SignInAsync(TeamSsoTestBed.Token(idp, provider, "sub-o", other.User.Email), other.Team.Id);
        Assert.Equal(TeamAccessErrorCode.ProviderNotAccepted, signIn.Code);
        Assert.True((await bed.Teams.SetSignInPolicyAsync(acme.User.Id, acme.Team.Id, new TeamSignInPolicy(false, provider.Name) { AcceptedProviders = [provider.Name, bed.Host.Name] })).Succeeded);
        Assert.True((await bed.Members.AddAsHostAsync(acme.Team.Id, other.User.Id, "Member")).Succeeded);
        var session = await bed.Sessions.SignInAsync(TeamSsoTestBed.Token(idp, provider, "sub-o", other.User.Email), acme.Team.Id);
        Assert.True(session.Succeeded, session.ToString());
        var switched = await bed.Sessions.SwitchTeamAsync(session.Value!.AccessToken, other.Team.Id);
        Assert.Equal(TeamAccessErrorCode.ReauthenticationRequired, switched.Code);

        // Nor does the other team's guardian reach the provider by its id: not in their team, and only a member in acme.
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sso().SuspendProviderAsync(other.User.Id, other.Team.Id, provider.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.PermissionDenied, (await bed.Sso().SuspendProviderAsync(other.User.Id, acme.Team.Id, provider.Id)).Code);
        Assert.Equal(TeamProviderState.Active, (await bed.SnapshotAsync(acme.Team.Id)).Providers[provider.Id].State);
    }

    [Theory]
    [InlineData("http://login.acme.example")]
    [InlineData("https://127.0.0.1")]
    [InlineData("https://[::1]")]
    [InlineData("https://10.1.2.3")]
    [InlineData("https://169.254.169.254")]
    [InlineData("https://0.0.0.0")]
    [InlineData("https://user:pass@login.acme.example")]
    [InlineData("https://internal.acme.example")]
    [InlineData("https://rebind.acme.example")]
    public async Task Discovery_RefusesNonHttpsAndPrivateAddresses(string issuer)
    {
        var network = new TeamSsoFakes();
        network.Resolve("login.acme.example", "93.184.216.34");
        network.Resolve("internal.acme.example", "192.168.1.10");
        network.Resolve("rebind.acme.example", "93.184.216.34", "127.0.0.1");
        await using var bed = TeamSsoTestBed.Create(network);
        var owner = await bed.SignUpAsync();
        var request = new TeamProviderRequest("X", issuer, "client") { ClientSecret = "secret" };

        Assert.Equal(TeamAccessErrorCode.IssuerNotAllowed, (await bed.Sso().TestProviderAsync(owner.User.Id, owner.Team.Id, request)).Code);
        Assert.Equal(TeamAccessErrorCode.IssuerNotAllowed, (await bed.Sso().AddProviderAsync(owner.User.Id, owner.Team.Id, request)).Code);
        Assert.Equal(0, network.Requests);
        Assert.Empty((await bed.SnapshotAsync(owner.Team.Id)).Providers);
    }

    [Fact]
    public async Task Discovery_PrivateAddressAllowedByHost_IsFetched()
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network, o => o.TeamSso.AllowPrivateAddresses = true);
        var idp = new TestIdentityProvider("runtime", "https://idp.internal.example", bed.Time, TestIdentityProvider.SharedKey);
        network.Serve(idp);
        network.Resolve("idp.internal.example", "10.0.0.7");
        var owner = await bed.SignUpAsync();
        Assert.True((await bed.Sso().TestProviderAsync(owner.User.Id, owner.Team.Id, TeamSsoTestBed.Request(idp))).Succeeded);
    }

    [Fact]
    public async Task Discovery_MismatchedIssuer_IsRefusedAndNothingIsSaved()
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network);
        var idp = new TestIdentityProvider("runtime", "https://login.acme.example", bed.Time, TestIdentityProvider.SharedKey);
        network.Serve(idp, documentIssuer: "https://evil.example");
        var owner = await bed.SignUpAsync();

        Assert.Equal(TeamAccessErrorCode.IssuerMismatch, (await bed.Sso().TestProviderAsync(owner.User.Id, owner.Team.Id, TeamSsoTestBed.Request(idp))).Code);
        Assert.Empty((await bed.SnapshotAsync(owner.Team.Id)).Providers);
        var added = await bed.Sso().AddProviderAsync(owner.User.Id, owner.Team.Id, TeamSsoTestBed.Request(idp));
        Assert.Equal(TeamAccessErrorCode.IssuerMismatch, (await bed.Sso().ActivateProviderAsync(owner.User.Id, owner.Team.Id, added.Value!.Id)).Code);
        Assert.Equal(TeamProviderState.Draft, (await bed.SnapshotAsync(owner.Team.Id)).Providers[added.Value.Id].State);
    }

    [Fact]
    public async Task HostLists_DenyAndAllowIssuers_AndTheFeatureCanBeOff()
    {
        var network = new TeamSsoFakes();
        network.Resolve("login.okta.example", "93.184.216.34");
        network.Resolve("login.acme.example", "93.184.216.34");
        await using var bed = TeamSsoTestBed.Create(network, o =>
        {
            o.TeamSso.AllowedIssuerHosts.Add("*.okta.example");
            o.TeamSso.DeniedIssuerHosts.Add("bad.okta.example");
        });
        var owner = await bed.SignUpAsync();
        async Task<TeamAccessErrorCode> AddAsync(string issuer) =>
            (await bed.Sso().AddProviderAsync(owner.User.Id, owner.Team.Id, new TeamProviderRequest("X", issuer, "client") { ClientSecret = "s" })).Code;

        Assert.Equal(TeamAccessErrorCode.None, await AddAsync("https://login.okta.example"));
        Assert.Equal(TeamAccessErrorCode.IssuerNotAllowed, await AddAsync("https://login.acme.example"));
        Assert.Equal(TeamAccessErrorCode.IssuerNotAllowed, await AddAsync("https://bad.okta.example"));

        await using var off = TeamSsoTestBed.Create(network, o => o.TeamSso.Enabled = false);
        var other = await off.SignUpAsync();
        Assert.Equal(TeamAccessErrorCode.TeamSsoDisabled, (await off.Sso().AddProviderAsync(other.User.Id, other.Team.Id, new TeamProviderRequest("X", "https://login.okta.example", "c") { ClientSecret = "s" })).Code);
        Assert.Equal(TeamAccessErrorCode.TeamSsoDisabled, (await off.Sso().ClaimDomainAsync(other.User.Id, other.Team.Id, "acme.example")).Code);
    }

    [Fact]
    public async Task Providers_CappedPerTeam_DeletedOnlyWhenNotActiveNorNamed()
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network, o => o.TeamSso.MaxProvidersPerTeam = 1);
        var idp = new TestIdentityProvider("runtime", "https://login.acme.example", bed.Time, TestIdentityProvider.SharedKey);
        var owner = await bed.SignUpAsync();
        var provider = await bed.ActiveProviderAsync(network, owner, idp);
        Assert.Equal(TeamAccessErrorCode.TeamProviderLimitReached, (await bed.Sso().AddProviderAsync(owner.User.Id, owner.Team.Id, TeamSsoTestBed.Request(idp))).Code);

        Assert.Equal(TeamAccessErrorCode.TeamProviderStateConflict, (await bed.Sso().DeleteProviderAsync(owner.User.Id, owner.Team.Id, provider.Id)).Code);
        Assert.True((await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, new TeamSignInPolicy(false, provider.Name))).Succeeded);
        Assert.True((await bed.Sso().SuspendProviderAsync(owner.User.Id, owner.Team.Id, provider.Id)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.TeamProviderInUse, (await bed.Sso().DeleteProviderAsync(owner.User.Id, owner.Team.Id, provider.Id)).Code);
        Assert.True((await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, TeamSignInPolicy.Open)).Succeeded);
        Assert.True((await bed.Sso().DeleteProviderAsync(owner.User.Id, owner.Team.Id, provider.Id)).Succeeded);
        Assert.Empty((await bed.Sso().ListProvidersAsync(owner.User.Id, owner.Team.Id)).Value!);
    }

    [Fact]
    public async Task ClientSecret_IsEncryptedAtRest_NeverAuditedReturnedOrLogged()
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network);
        var idp = new TestIdentityProvider("runtime", "https://login.acme.example", bed.Time, TestIdentityProvider.SharedKey);
        var owner = await bed.SignUpAsync();
        var provider = await bed.ActiveProviderAsync(network, owner, idp);
        var changed = await bed.Sso().UpdateProviderAsync(owner.User.Id, owner.Team.Id, provider.Id, new TeamProviderRequest("Renamed", idp.Issuer, TestIdentityProvider.Audience) { ClientSecret = "another-" + TeamSsoTestBed.Secret });
        Assert.Equal(TeamProviderState.Active, changed.Value!.State);

        var stored = (await bed.SnapshotAsync(owner.Team.Id)).Providers[provider.Id];
        Assert.DoesNotContain(TeamSsoTestBed.Secret, stored.ProtectedClientSecret, StringComparison.Ordinal);
        Assert.Equal("another-" + TeamSsoTestBed.Secret, System.Text.Encoding.UTF8.GetString(TestBed.SecretKey.Unprotect(stored.ProtectedClientSecret)));
        Assert.DoesNotContain("redacted", stored.ProtectedClientSecret, StringComparison.Ordinal);
        Assert.Contains("[redacted]", stored.ToString(), StringComparison.Ordinal);

        var audit = await bed.Audit.ListAsync(owner.User.Id, owner.Team.Id);
        var events = audit.Value!.Where(e => e.Action.StartsWith("team_provider.", StringComparison.Ordinal)).ToList();
        Assert.Equal([AuditActions.TeamProviderActivated, AuditActions.TeamProviderAdded, AuditActions.TeamProviderChanged], events.Select(e => e.Action).Distinct().Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.DoesNotContain(stored.ProtectedClientSecret, (e.Before ?? "") + e.After, StringComparison.Ordinal));
        Assert.All(events, e => Assert.IsNotType<UnrecognizedEvent>(TeamAccessEvents.From(e)));
        Assert.Contains(events, e => e.After!.Contains(idp.Issuer, StringComparison.Ordinal) && e.After.Contains("\"state\"", StringComparison.Ordinal));
        Assert.DoesNotContain(bed.Logs.Lines, line => line.Contains(TeamSsoTestBed.Secret, StringComparison.Ordinal) || line.Contains(stored.ProtectedClientSecret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RoleKind.Member, false)]
    [InlineData(RoleKind.Administrator, false)]
    [InlineData(RoleKind.Owner, true)]
    [InlineData(RoleKind.PresetGuardian, true)]
    public async Task EveryOperation_NeedsTheSignInPolicyPermission(RoleKind kind, bool allowed)
    {
        var network = new TeamSsoFakes();
        await using var bed = TeamSsoTestBed.Create(network, kind == RoleKind.PresetGuardian ? o => o.Roles.UsePreset(RolePresets.AdministratorViewer) : null);
        var idp = new TestIdentityProvider("runtime", "https://login.acme.example", bed.Time, TestIdentityProvider.SharedKey);
        network.Serve(idp);
        var crew = await bed.CrewAsync(kind switch { RoleKind.Member => "Member", RoleKind.Administrator => "Administrator", RoleKind.PresetGuardian => "Administrator", _ => "Administrator" });
        var actor = kind == RoleKind.Owner ? crew.OwnerId : crew[0];
        var existing = await bed.Sso().AddProviderAsync(crew.OwnerId, crew.TeamId, TeamSsoTestBed.Request(idp));
        var claim = await bed.Sso().ClaimDomainAsync(crew.OwnerId, crew.TeamId, "owned.example");
        Assert.True(existing.Succeeded && claim.Succeeded);
        var expected = allowed ? TeamAccessErrorCode.None : TeamAccessErrorCode.PermissionDenied;
        var sso = bed.Sso();

        Assert.Equal(expected, (await sso.ListProvidersAsync(actor, crew.TeamId)).Code);
        Assert.Equal(expected, (await sso.AddProviderAsync(actor, crew.TeamId, TeamSsoTestBed.Request(idp))).Code);
        Assert.Equal(expected, (await sso.TestProviderAsync(actor, crew.TeamId, TeamSsoTestBed.Request(idp))).Code);
        Assert.Equal(expected, (await sso.UpdateProviderAsync(actor, crew.TeamId, existing.Value!.Id, TeamSsoTestBed.Request(idp))).Code);
        Assert.Equal(expected, (await sso.ActivateProviderAsync(actor, crew.TeamId, existing.Value.Id)).Code);
        Assert.Equal(expected, (await sso.SuspendProviderAsync(actor, crew.TeamId, existing.Value.Id)).Code);
        Assert.Equal(expected, (await sso.DeleteProviderAsync(actor, crew.TeamId, existing.Value.Id)).Code);
        Assert.Equal(expected, (await sso.ListDomainsAsync(actor, crew.TeamId)).Code);
        Assert.Equal(expected, (await sso.ClaimDomainAsync(actor, crew.TeamId, "acme.example")).Code);
        network.Publish("owned.example", claim.Value!.TxtRecord);
        Assert.Equal(expected, (await sso.CheckDomainAsync(actor, crew.TeamId, claim.Value.Id)).Code);
        Assert.Equal(expected, (await sso.RemoveDomainAsync(actor, crew.TeamId, claim.Value.Id)).Code);
        if (!allowed)
        {
            // A refused actor changed nothing and made the server fetch nothing beyond the owner's own add.
            var team = await bed.SnapshotAsync(crew.TeamId);
            Assert.Single(team.Providers);
            Assert.Equal(TeamProviderState.Draft, team.Providers.Values.Single().State);
            Assert.Equal(TeamDomainState.Pending, team.Domains.Values.Single().State);
            Assert.Equal(0, network.Requests);
        }
    }

    public enum RoleKind
    {
        Member,
        Administrator,
        Owner,
        PresetGuardian,
    }
}
