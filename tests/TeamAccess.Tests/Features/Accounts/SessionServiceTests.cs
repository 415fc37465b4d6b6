using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

public sealed class SessionServiceTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task SignIn_WithPassword_IssuesASessionBoundToThatTeamOnly()
    {
        await using var bed = TestBed.Create();
        var (ada, other) = (await SignUpWithPasswordAsync(bed, "ada"), await bed.SignUpAsync());

        var session = await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ADA@example.com", Password), ada.Team.Id);

        Assert.True(session.Succeeded, session.ToString());
        Assert.Equal((ada.User.Id, ada.Team.Id, RolePresets.Owner, IdentityProviderNames.Password), (session.Value!.Info.UserId, session.Value.Info.TeamId, session.Value.Info.Role, session.Value.Info.Provider));
        Assert.True((await bed.Sessions.ValidateAsync(session.Value.AccessToken, ada.Team.Id)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.WrongTeam, (await bed.Sessions.ValidateAsync(session.Value.AccessToken, other.Team.Id)).Code);
        Assert.DoesNotContain(session.Value.AccessToken, session.Value.ToString(), StringComparison.Ordinal);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), other.Team.Id)).Code);
    }

    [Fact]
    public async Task SignIn_WrongPasswordUnknownEmailOrNoPassword_AllAnswerInvalidCredentials()
    {
        await using var bed = TestBed.Create();
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        var noPassword = await bed.SignUpAsync("nopassword");

        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", "wrong horse battery staple"), ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("nobody@example.com", Password), ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("not an email", Password), ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword(noPassword.User.Email, Password), noPassword.Team.Id)).Code);
        Assert.DoesNotContain(bed.Logs.Lines, line => line.Contains("wrong horse", StringComparison.Ordinal) || line.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_LockTheAccountEvenForTheRightPasswordUntilTheLockoutEnds()
    {
        await using var bed = TestBed.Create(o => o.Passwords.MaxFailedAttempts = 3);
        var ada = await SignUpWithPasswordAsync(bed, "ada");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", $"wrong guess number {i}!"), ada.Team.Id)).Code);
        }

        // Locked: the right password is not judged, and the answer is the one an unknown address gets.
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Code);
        Assert.Contains(bed.Logs.Lines, l => l.Contains("locked out", StringComparison.Ordinal));
        bed.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.True((await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Succeeded);
        Assert.Equal(0, (await bed.Store.FindByIdAsync(ada.User.Id, CancellationToken.None))!.FailedSignInCount);
    }

    [Fact]
    public async Task SignIn_ManyGuessesInParallel_JudgesNoMoreThanTheLimitAndTheLockoutHolds()
    {
        await using var bed = TestBed.Create(o => o.Passwords.MaxFailedAttempts = 3);
        var ada = await SignUpWithPasswordAsync(bed, "ada");

        var guesses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
            await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", $"parallel guess {i:D4}!"), ada.Team.Id))));

        Assert.All(guesses, g => Assert.Equal(TeamAccessErrorCode.InvalidCredentials, g.Code));
        // Each judged guess logs its refusal; the others were refused before any PBKDF2 work.
        var judged = bed.Logs.Lines.Count(l => l.Contains("refused a password sign-in", StringComparison.Ordinal));
        Assert.InRange(judged, 1, 3);
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Code);
        Assert.NotNull((await bed.Store.FindByIdAsync(ada.User.Id, CancellationToken.None))!.LockoutEnd);
    }

    [Fact]
    public async Task SignIn_HashMadeWithAnOlderWorkFactor_IsRehashedWithoutSigningAnybodyOut()
    {
        var shared = new SymmetricSecurityKey(Enumerable.Repeat((byte)3, 32).ToArray());
        await using var old = TestBed.Create(o => o.Sessions.SigningKeys.Add(shared));
        var ada = await SignUpWithPasswordAsync(old, "ada");
        var before = await old.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id);
        await using var raised = old.Sibling(o => { o.Sessions.SigningKeys.Add(shared); o.Passwords.Iterations = PasswordOptions.MinimumIterations + 1000; });

        var after = await raised.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id);

        Assert.True(after.Succeeded, after.ToString());
        Assert.StartsWith($"v1.pbkdf2-sha512.{PasswordOptions.MinimumIterations + 1000}.", (await raised.Store.FindByIdAsync(ada.User.Id, CancellationToken.None))!.PasswordHash, StringComparison.Ordinal);
        Assert.True((await raised.Sessions.ValidateAsync(before.Value!.AccessToken, before.Value!.Info.TeamId)).Succeeded);
    }

    [Fact]
    public async Task Validate_SessionRevoked_SaysWhyTheSessionEnded()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var grace = await SignUpWithPasswordAsync(bed, "grace");
        var added = (await bed.Members.AddAsHostAsync(owner.Team.Id, grace.User.Id, RolePresets.Administrator)).Value!;
        var credential = SignInCredential.ForPassword("grace@example.com", Password);
        async Task<IReadOnlyList<string>> WhyAsync(Session session)
        {
            var validated = await bed.Sessions.ValidateAsync(session.AccessToken, session.Info.TeamId);
            Assert.Equal(TeamAccessErrorCode.SessionRevoked, validated.Code);
            return validated.Error!.Details;
        }

        var roleChanged = (await bed.Sessions.SignInAsync(credential, owner.Team.Id)).Value!;
        await bed.Members.ChangeRoleAsync(owner.User.Id, owner.Team.Id, added.Id, RolePresets.Member);
        Assert.Equal([SessionEndReasons.RoleChanged], await WhyAsync(roleChanged));

        var signedOut = (await bed.Sessions.SignInAsync(credential, owner.Team.Id)).Value!;
        var other = (await bed.Sessions.SignInAsync(credential, owner.Team.Id)).Value!;
        Assert.Equal(1, (await bed.Sessions.SignOutOtherSessionsAsync(other.AccessToken)).Value);
        Assert.Equal([SessionEndReasons.SignedOut], await WhyAsync(signedOut));

        var everywhere = (await bed.Sessions.SignInAsync(credential, owner.Team.Id)).Value!;
        var changer = (await bed.Sessions.SignInAsync(credential, owner.Team.Id)).Value!;
        Assert.True((await bed.Sessions.ChangePasswordAsync(changer.AccessToken, Password, Password + " again")).Succeeded);
        Assert.Equal([SessionEndReasons.SignedOutEverywhere], await WhyAsync(everywhere));

        var deactivated = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("grace@example.com", Password + " again"), owner.Team.Id)).Value!;
        await bed.Members.DeactivateAsync(owner.User.Id, owner.Team.Id, added.Id);
        Assert.Equal([SessionEndReasons.Deactivated], await WhyAsync(deactivated));
    }

    [Fact]
    public async Task Validate_AfterRoleChangeDeactivationOrDeletion_IsSessionRevoked()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var grace = await SignUpWithPasswordAsync(bed, "grace");
        var added = await bed.Members.AddAsHostAsync(owner.Team.Id, grace.User.Id, RolePresets.Administrator);
        var credential = SignInCredential.ForPassword("grace@example.com", Password);

        var first = (await bed.Sessions.SignInAsync(credential, owner.Team.Id)).Value!;
        await bed.Members.ChangeRoleAsync(owner.User.Id, owner.Team.Id, added.Value!.Id, RolePresets.Member);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(first.AccessToken, first.Info.TeamId)).Code);

        var second = (await bed.Sessions.SignInAsync(credential, owner.Team.Id)).Value!;
        Assert.Equal(RolePresets.Member, second.Info.Role);
        await bed.Members.DeactivateAsync(owner.User.Id, owner.Team.Id, added.Value.Id);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(second.AccessToken, second.Info.TeamId)).Code);
        Assert.Equal(TeamAccessErrorCode.PermissionDenied, (await bed.Sessions.SignInAsync(credential, owner.Team.Id)).Code);

        await bed.Members.ReactivateAsync(owner.User.Id, owner.Team.Id, added.Value.Id);
        var third = (await bed.Sessions.SignInAsync(credential, owner.Team.Id)).Value!;
        Assert.True((await bed.Teams.DeleteAsync(grace.User.Id, grace.Team.Id)).Succeeded);
        Assert.True((await bed.Users.DeleteAsync(grace.User.Id, grace.User.Id)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(third.AccessToken, third.Info.TeamId)).Code);
    }

    [Fact]
    public async Task Validate_ExpiredOrForeignOrGarbageTokens_AreRefusedWithTheirCodes()
    {
        await using var bed = TestBed.Create(o => o.Sessions.Lifetime = TimeSpan.FromMinutes(30));
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Value!;

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ValidateAsync("not a token", TeamId.New())).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ValidateAsync(bed.Acme.Mint("someone"), TeamId.New())).Code);
        var parts = session.AccessToken.Split('.');
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ValidateAsync($"{parts[0]}.{parts[1]}.", TeamId.New())).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ValidateAsync($"{UnsignedHeader()}.{parts[1]}.", TeamId.New())).Code);

        bed.Time.Advance(TimeSpan.FromMinutes(33));
        Assert.Equal(TeamAccessErrorCode.SessionExpired, (await bed.Sessions.ValidateAsync(session.AccessToken, session.Info.TeamId)).Code);
    }

    [Fact]
    public async Task Validate_AfterKeyRotation_OldSessionsStayValidUntilTheOldKeyIsDropped()
    {
        var oldKey = new SymmetricSecurityKey(new byte[32]) { KeyId = "old" };
        var newKey = new SymmetricSecurityKey(Enumerable.Repeat((byte)7, 32).ToArray()) { KeyId = "new" };
        await using var before = TestBed.Create(o => o.Sessions.SigningKeys.Add(oldKey));
        var ada = await SignUpWithPasswordAsync(before, "ada");
        var oldSession = (await before.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Value!;

        await using var rotating = before.Sibling(o => { o.Sessions.SigningKeys.Add(newKey); o.Sessions.SigningKeys.Add(oldKey); });
        Assert.True((await rotating.Sessions.ValidateAsync(oldSession.AccessToken, oldSession.Info.TeamId)).Succeeded);
        var newSession = (await rotating.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Value!;

        await using var rotated = before.Sibling(o => o.Sessions.SigningKeys.Add(newKey));
        Assert.True((await rotated.Sessions.ValidateAsync(newSession.AccessToken, newSession.Info.TeamId)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await rotated.Sessions.ValidateAsync(oldSession.AccessToken, oldSession.Info.TeamId)).Code);
    }

    [Fact]
    public async Task SwitchTeam_ToATeamAcceptingTheProvider_NeedsNoCredentialsAndToAnSsoTeamNeedsReauthentication()
    {
        await using var bed = TestBed.Create();
        var grace = await SignUpWithPasswordAsync(bed, "grace");
        var open = await bed.SignUpAsync();
        var sso = await bed.SignUpAsync();
        var stranger = await bed.SignUpAsync();
        await bed.Members.AddAsHostAsync(open.Team.Id, grace.User.Id, RolePresets.Member);
        await bed.Members.AddAsHostAsync(sso.Team.Id, grace.User.Id, RolePresets.Observer);
        await bed.RequireSsoAsync(sso, bed.Acme.Name);
        var home = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("grace@example.com", Password), grace.Team.Id)).Value!;

        var switched = await bed.Sessions.SwitchTeamAsync(home.AccessToken, open.Team.Id);
        Assert.True(switched.Succeeded, switched.ToString());
        Assert.Equal((open.Team.Id, RolePresets.Member, IdentityProviderNames.Password), (switched.Value!.Info.TeamId, switched.Value.Info.Role, switched.Value.Info.Provider));
        Assert.True((await bed.Sessions.ValidateAsync(switched.Value.AccessToken, open.Team.Id)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.ReauthenticationRequired, (await bed.Sessions.SwitchTeamAsync(home.AccessToken, sso.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SwitchTeamAsync(home.AccessToken, stranger.Team.Id)).Code);

        var teams = (await bed.Sessions.ListSwitchableTeamsAsync(home.AccessToken)).Value!;
        Assert.Equal(3, teams.Count);
        Assert.Equal([sso.Team.Id], teams.Where(t => t.RequiresReauthentication).Select(t => t.TeamId));
    }

    [Fact]
    public async Task SignIn_ToAnSsoTeam_RefusesPasswordsAndOtherProvidersAndTakesItsOwn()
    {
        await using var bed = TestBed.Create(null, (name, o) => o.AuthoritativeDomains.Add("example.com"));
        var owner = await SignUpWithPasswordAsync(bed, "owner");
        var grace = await bed.SignUpAsync("grace");
        await bed.Members.AddAsHostAsync(owner.Team.Id, grace.User.Id, RolePresets.Member);
        await bed.RequireSsoAsync(owner, bed.Acme.Name);

        Assert.Equal(TeamAccessErrorCode.SsoRequired, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("owner@example.com", Password), owner.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.SsoRequired, (await bed.Sessions.SignInAsync(bed.Globex.Credential("g-1", "grace@example.com"), owner.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.UnknownProvider, (await bed.Sessions.SignInAsync(SignInCredential.ForToken("nobody-sso", "x"), owner.Team.Id)).Code);

        var session = await bed.Sessions.SignInAsync(bed.Acme.Credential("a-grace", "grace@example.com"), owner.Team.Id);
        Assert.True(session.Succeeded, session.ToString());
        Assert.Equal(bed.Acme.Name, session.Value!.Info.Provider);
    }

    [Fact]
    public async Task SignIn_ExternalIdentity_LinksByIssuerAndSubjectNeverByTheEmailClaimAlone()
    {
        await using var bed = TestBed.Create();
        var grace = await bed.SignUpAsync("grace");

        // Not verified: no first link by email.
        Assert.Equal(TeamAccessErrorCode.EmailNotVerified, (await bed.Sessions.SignInAsync(bed.Host.Credential("h-1", "grace@example.com", emailVerified: false), grace.Team.Id)).Code);
        Assert.Null(await bed.Store.FindByLoginAsync(bed.Host.Issuer, "h-1", CancellationToken.None));

        // Verified by a provider the host marked authoritative for example.com: the first sign-in links (issuer, subject) to Grace.
        Assert.True((await bed.Sessions.SignInAsync(bed.Host.Credential("h-1", "grace@example.com"), grace.Team.Id)).Succeeded);
        Assert.Equal(grace.User.Id, (await bed.Store.FindByLoginAsync(bed.Host.Issuer, "h-1", CancellationToken.None))!.Id);

        // From then on the subject decides, whatever email the provider claims later.
        var later = await bed.Sessions.SignInAsync(bed.Host.Credential("h-1", "renamed@elsewhere.example"), grace.Team.Id);
        Assert.Equal(grace.User.Id, later.Value!.Info.UserId);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SignInAsync(bed.Host.Credential("h-2", "someone-new@example.com"), grace.Team.Id)).Code);
    }

    [Fact]
    public async Task SignIn_ThroughTheTeamsSsoWithAVerifiedDomain_JoinsJustInTimeAndIsAudited()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        await bed.RequireSsoAsync(owner, bed.Acme.Name, verifiedDomain: "acme.example", justInTimeRole: RolePresets.Member);

        var joined = await bed.Sessions.SignInAsync(bed.Acme.Credential("a-new", "newcomer@acme.example"), owner.Team.Id);

        Assert.True(joined.Succeeded, joined.ToString());
        Assert.Equal(RolePresets.Member, joined.Value!.Info.Role);
        Assert.Equal("newcomer@acme.example", (await bed.Users.FindByIdAsync(joined.Value.Info.UserId))!.Email);
        var events = (await bed.Audit.ListAsync(owner.User.Id, owner.Team.Id)).Value!;
        Assert.Single(events, e => e.Action == AuditActions.MembershipJoinedJustInTime);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SignInAsync(bed.Acme.Credential("a-out", "outsider@other.example"), owner.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.EmailNotVerified, (await bed.Sessions.SignInAsync(bed.Acme.Credential("a-unverified", "unverified@acme.example", emailVerified: false), owner.Team.Id)).Code);
    }

    [Fact]
    public async Task SignUpWithIdentity_VerifiedEmail_CreatesALinkedUserAndTeamWithoutAPassword()
    {
        await using var bed = TestBed.Create();

        var signedUp = await bed.Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(bed.Globex.Name, bed.Globex.Mint("g-ada", "ada@globex.example"), "Ada", "Lovelace", "Ada's lab", "ada-lab"));

        Assert.True(signedUp.Succeeded, signedUp.ToString());
        Assert.Null((await bed.Store.FindByIdAsync(signedUp.Value!.User.Id, CancellationToken.None))!.PasswordHash);
        Assert.Equal(signedUp.Value.User.Id, (await bed.Store.FindByLoginAsync(bed.Globex.Issuer, "g-ada", CancellationToken.None))!.Id);
        Assert.True((await bed.Sessions.SignInAsync(bed.Globex.Credential("g-ada", "ada@globex.example"), signedUp.Value.Team.Id)).Succeeded);
        var unverified = await bed.Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(bed.Globex.Name, bed.Globex.Mint("g-x", "x@globex.example", emailVerified: false), "X", "Y", "X's lab", "x-lab"));
        Assert.Equal(TeamAccessErrorCode.EmailNotVerified, unverified.Code);
        var again = await bed.Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(bed.Globex.Name, bed.Globex.Mint("g-ada", "other@globex.example"), "Ada", "Lovelace", "Second lab", "second-lab"));
        Assert.Equal(TeamAccessErrorCode.LoginAlreadyLinked, again.Code);
    }

    [Fact]
    public async Task SignUpWithIdentity_TeamBoundOrNonAuthoritativeProvider_IsRefusedAndCreatesNothing()
    {
        await using var bed = TestBed.Create();

        // A team's own SSO serves that team, not sign-up; a global provider proves only the domains the host named.
        var teamBound = await bed.Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(bed.Acme.Name, bed.Acme.Mint("a-ceo", "ceo@acme.example"), "C", "E", "Lab", "ceo-lab"));
        var squatting = await bed.Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(bed.Globex.Name, bed.Globex.Mint("g-ceo", "ceo@victim.example"), "C", "E", "Lab", "ceo-lab"));

        Assert.Equal(TeamAccessErrorCode.ProviderNotAccepted, teamBound.Code);
        Assert.Equal(TeamAccessErrorCode.ProviderNotAuthoritative, squatting.Code);
        Assert.Null(await bed.Users.FindByEmailAsync("ceo@acme.example"));
        Assert.Null(await bed.Users.FindByEmailAsync("ceo@victim.example"));
    }

    [Fact]
    public async Task SignUp_WithAWeakPassword_ListsTheFailedCriteriaAndCreatesNothing()
    {
        await using var bed = TestBed.Create();

        var result = await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = "short" });

        Assert.Equal(TeamAccessErrorCode.PasswordPolicy, result.Code);
        Assert.Equal([nameof(PasswordCriterion.TooShort)], result.Error!.Details);
        Assert.Null(await bed.Users.FindByEmailAsync("ada@example.com"));
    }

    [Fact]
    public async Task SetSignInPolicy_ByANonGuardianOrNamingAnUnknownProvider_IsRefused()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);

        Assert.Equal(TeamAccessErrorCode.GuardianRequired, (await bed.Teams.SetSignInPolicyAsync(crew[0], crew.TeamId, new TeamSignInPolicy(true, bed.Acme.Name))).Code);
        Assert.Equal(TeamAccessErrorCode.UnknownProvider, (await bed.Teams.SetSignInPolicyAsync(crew.OwnerId, crew.TeamId, new TeamSignInPolicy(true, "nobody-sso"))).Code);
        Assert.Equal(TeamAccessErrorCode.UnknownProvider, (await bed.Teams.SetSignInPolicyAsync(crew.OwnerId, crew.TeamId, new TeamSignInPolicy(true, null))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidRole, (await bed.Teams.SetSignInPolicyAsync(crew.OwnerId, crew.TeamId, new TeamSignInPolicy(true, bed.Acme.Name) { JustInTimeRole = RolePresets.Owner })).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidHandle, (await bed.Teams.SetSignInPolicyAsync(crew.OwnerId, crew.TeamId, new TeamSignInPolicy(true, bed.Acme.Name) { VerifiedDomain = "Not A Domain" })).Code);
        Assert.Equal(TeamSignInPolicy.Open, (await bed.SnapshotAsync(crew.TeamId)).Team.SignInPolicy);
    }

    [Fact]
    public async Task Start_WithAnUnfitSessionKey_FailsValidation()
    {
        await using var bed = TestBed.Create(o => o.Sessions.SigningKeys.Add(new SymmetricSecurityKey(new byte[16])));

        var error = Assert.Throws<OptionsValidationException>(() => bed.Services.GetService(typeof(IOptions<TeamAccessOptions>)) is IOptions<TeamAccessOptions> o ? o.Value : null);
        Assert.Contains("Sessions.SigningKeys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_AfterTheTeamStartsRequiringSso_EndsPasswordSessions()
    {
        await using var bed = TestBed.Create();
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Value!;

        await bed.RequireSsoAsync(ada, bed.Acme.Name);

        Assert.Equal(TeamAccessErrorCode.ReauthenticationRequired, (await bed.Sessions.ValidateAsync(session.AccessToken, session.Info.TeamId)).Code);
    }

    [Fact]
    public async Task SignIn_JustInTime_DoesNotBringBackAMemberTheTeamRemoved()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        await bed.RequireSsoAsync(owner, bed.Acme.Name, verifiedDomain: "acme.example", justInTimeRole: RolePresets.Member);
        var joined = (await bed.Sessions.SignInAsync(bed.Acme.Credential("a-eve", "eve@acme.example"), owner.Team.Id)).Value!;
        Assert.True((await bed.Members.RemoveAsync(owner.User.Id, owner.Team.Id, joined.Info.MembershipId)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SignInAsync(bed.Acme.Credential("a-eve", "eve@acme.example"), owner.Team.Id)).Code);
    }

    [Fact]
    public async Task SignIn_JustInTime_RemovedMemberWhoseProviderEmailChanged_DoesNotComeBack()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        await bed.RequireSsoAsync(owner, bed.Acme.Name, verifiedDomain: "acme.example", justInTimeRole: RolePresets.Member);
        var joined = (await bed.Sessions.SignInAsync(bed.Acme.Credential("a-eve", "eve@acme.example"), owner.Team.Id)).Value!;
        Assert.True((await bed.Members.RemoveAsync(owner.User.Id, owner.Team.Id, joined.Info.MembershipId)).Succeeded);

        // The same identity, now with another address of the domain: the removed user stays out.
        var renamed = await bed.Sessions.SignInAsync(bed.Acme.Credential("a-eve", "eve.new@acme.example"), owner.Team.Id);

        Assert.Equal(TeamAccessErrorCode.NotFound, renamed.Code);
        Assert.Null((await bed.SnapshotAsync(owner.Team.Id)).FindCurrentMembership(joined.Info.UserId));
    }

    [Fact]
    public async Task SignIn_JustInTime_NewIdentityWithTheAddressOfARemovedMember_DoesNotComeBack()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        await bed.RequireSsoAsync(owner, bed.Acme.Name, verifiedDomain: "acme.example", justInTimeRole: RolePresets.Member);
        var joined = (await bed.Sessions.SignInAsync(bed.Acme.Credential("a-eve", "eve@acme.example"), owner.Team.Id)).Value!;
        Assert.True((await bed.Members.RemoveAsync(owner.User.Id, owner.Team.Id, joined.Info.MembershipId)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SignInAsync(bed.Acme.Credential("a-eve-2", "eve@acme.example"), owner.Team.Id)).Code);
    }

    [Fact]
    public async Task SignIn_TokenNamingThePasswordProvider_IsUnknownProviderNotACrash()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync();

        Assert.Equal(TeamAccessErrorCode.UnknownProvider, (await bed.Sessions.SignInAsync(SignInCredential.ForToken(IdentityProviderNames.Password, "x.y.z"), ada.Team.Id)).Code);
    }

    [Fact]
    public async Task User_ToString_NeverShowsThePasswordHash()
    {
        await using var bed = TestBed.Create();
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        var user = (await bed.Store.FindByIdAsync(ada.User.Id, CancellationToken.None))!;

        Assert.NotNull(user.PasswordHash);
        Assert.DoesNotContain(user.PasswordHash!, user.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", ada.ToString(), StringComparison.Ordinal);
    }

    internal static Task<SignUpResult> SignUpWithPasswordAsync(TestBed bed, string name) => bed.SignUpWithPasswordAsync(name, Password);

    private static string UnsignedHeader() => UrlSafeBase64.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8);
}
