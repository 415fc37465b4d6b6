using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OtpNet;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

/// <summary>Issue 24: authenticator apps, recovery codes, the two-step sign-in, the team's policy and step-up.</summary>
public sealed class SecondFactorTests
{
    private const string Password = "correct horse battery staple";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ConfirmEnrolment_FirstCode_EnablesTheAuthenticatorWithTenRecoveryCodesAndASecondFactorSession()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        var session = (await bed.Sessions.SignInAsync(Credential("ada"), ada.Team.Id)).Value!;
        Assert.Equal([AuthenticationMethods.Password], session.Info.AuthenticationMethods);
        Assert.Null(session.Info.SecondFactorAt);

        var enrolment = (await bed.SecondFactors.BeginEnrolmentAsync(session.AccessToken)).Value!;
        Assert.StartsWith("otpauth://totp/TeamAccess:ada%40example.com?secret=" + enrolment.Secret, enrolment.Uri, StringComparison.Ordinal);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], enrolment.GetQrCodePng()[..4]);
        Assert.DoesNotContain(enrolment.Secret, enrolment.ToString(), StringComparison.Ordinal);
        var pending = (await bed.Users.FindByEmailAsync("ada@example.com"))!;
        Assert.False(pending.AuthenticatorEnabled);

        var confirmed = await bed.SecondFactors.ConfirmEnrolmentAsync(session.AccessToken, Code(bed, enrolment));

        Assert.True(confirmed.Succeeded, confirmed.ToString());
        Assert.Equal(10, confirmed.Value!.RecoveryCodes.Distinct().Count());
        Assert.Equal(session.Info.SessionId, confirmed.Value.Session.Info.SessionId);
        Assert.Equal(bed.Time.GetUtcNow(), confirmed.Value.Session.Info.SecondFactorAt);
        Assert.Equal([AuthenticationMethods.Password, AuthenticationMethods.OneTimePassword, AuthenticationMethods.MultipleFactors], confirmed.Value.Session.Info.AuthenticationMethods);
        var view = (await bed.Users.FindByEmailAsync("ada@example.com"))!;
        Assert.True(view.AuthenticatorEnabled);
        Assert.Equal(10, view.RecoveryCodesLeft);

        // The secret is stored encrypted with the host's key; neither it nor a recovery code is in the store's text or the logs.
        var stored = (await bed.Store.FindByIdAsync(ada.User.Id, CancellationToken.None))!;
        Assert.DoesNotContain(enrolment.Secret, stored.AuthenticatorSecret!, StringComparison.Ordinal);
        Assert.Equal(Base32Encoding.ToBytes(enrolment.Secret), TestBed.SecretKey.Unprotect(stored.AuthenticatorSecret!));
        Assert.DoesNotContain(confirmed.Value.RecoveryCodes[0], stored.RecoveryCodeHashes!, StringComparison.Ordinal);
        Assert.DoesNotContain(enrolment.Secret, stored.ToString(), StringComparison.Ordinal);
        foreach (var secret in confirmed.Value.RecoveryCodes.Append(enrolment.Secret))
        {
            Assert.DoesNotContain(bed.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }

        // The token carries what was proven, so a validation elsewhere reads the same.
        var validated = (await bed.Sessions.ValidateAsync(confirmed.Value.Session.AccessToken, ada.Team.Id)).Value!;
        Assert.Equal(confirmed.Value.Session.Info.AuthenticationMethods, validated.AuthenticationMethods);
        Assert.Equal(confirmed.Value.Session.Info.SecondFactorAt, validated.SecondFactorAt);
    }

    [Fact]
    public async Task ConfirmEnrolment_WrongCode_RefusesAndThePendingAuthenticatorIsNoSecondFactor()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        var session = (await bed.Sessions.SignInAsync(Credential("ada"), ada.Team.Id)).Value!;
        var enrolment = (await bed.SecondFactors.BeginEnrolmentAsync(session.AccessToken)).Value!;

        Assert.Equal(TeamAccessErrorCode.InvalidSecondFactor, (await bed.SecondFactors.ConfirmEnrolmentAsync(session.AccessToken, WrongCode(bed, enrolment))).Code);
        Assert.True((await bed.Sessions.SignInAsync(Credential("ada"), ada.Team.Id)).Succeeded, "an unconfirmed authenticator asks for nothing");
        Assert.Equal(TeamAccessErrorCode.NoSecondFactor, (await bed.SecondFactors.StepUpAsync(session.AccessToken, Code(bed, enrolment))).Code);
    }

    [Fact]
    public async Task SignIn_UserWithAuthenticator_NeedsTheSecondStepAndRecordsBothFactors()
    {
        await using var bed = TestBed.Create();
        var (ada, enrolment, _, _) = await EnrolledAsync(bed, "ada");

        Assert.Equal(TeamAccessErrorCode.SecondFactorRequired, (await bed.Sessions.SignInAsync(Credential("ada"), ada.Team.Id)).Code);
        var step = (await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!;
        Assert.Null(step.Session);
        Assert.Equal(TeamAccessErrorCode.SecondFactorRequired, step.Next);
        Assert.Equal(bed.Time.GetUtcNow() + TimeSpan.FromMinutes(5), step.TicketExpiresAt);
        Assert.DoesNotContain(step.Ticket!, step.ToString(), StringComparison.Ordinal);

        // A wrong password gets no ticket.
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.SecondFactors.SignInAsync(SignInCredential.ForPassword("ada@example.com", "wrong"), ada.Team.Id)).Code);

        var done = await bed.SecondFactors.CompleteSignInAsync(step.Ticket!, Code(bed, enrolment));

        Assert.True(done.Succeeded, done.ToString());
        var info = done.Value!.Session.Info;
        Assert.Equal([AuthenticationMethods.Password, AuthenticationMethods.OneTimePassword, AuthenticationMethods.MultipleFactors], info.AuthenticationMethods);
        Assert.Equal(info.AuthenticatedAt, info.SecondFactorAt);
        Assert.Empty(done.Value.RecoveryCodes);
        Assert.True((await bed.Sessions.ValidateAsync(done.Value.Session.AccessToken, ada.Team.Id)).Succeeded);
    }

    [Fact]
    public async Task CompleteSignIn_SameCodeTwice_RefusesTheReplayEvenWithAFreshTicket()
    {
        await using var bed = TestBed.Create();
        var (ada, enrolment, _, _) = await EnrolledAsync(bed, "ada");
        var code = Code(bed, enrolment);
        var first = (await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!.Ticket!;
        Assert.True((await bed.SecondFactors.CompleteSignInAsync(first, code)).Succeeded);

        var second = (await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!.Ticket!;
        Assert.Equal(TeamAccessErrorCode.InvalidSecondFactor, (await bed.SecondFactors.CompleteSignInAsync(second, code)).Code);

        // An earlier step's code, still within the window, is refused too once a later one was used.
        Assert.Equal(TeamAccessErrorCode.InvalidSecondFactor, (await bed.SecondFactors.CompleteSignInAsync(second, Code(bed, enrolment, -Step))).Code);
        bed.Time.Advance(Step);
        Assert.True((await bed.SecondFactors.CompleteSignInAsync(second, Code(bed, enrolment))).Succeeded);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(1, true)]
    [InlineData(-2, false)]
    [InlineData(2, false)]
    public async Task CompleteSignIn_CodeOfANeighbouringStep_IsAcceptedOnlyOneStepEitherSide(int steps, bool accepted)
    {
        await using var bed = TestBed.Create();
        var (ada, enrolment, _, _) = await EnrolledAsync(bed, "ada");
        bed.Time.Advance(Step * 3);
        var ticket = (await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!.Ticket!;

        var done = await bed.SecondFactors.CompleteSignInAsync(ticket, Code(bed, enrolment, Step * steps));

        Assert.Equal(accepted ? TeamAccessErrorCode.None : TeamAccessErrorCode.InvalidSecondFactor, done.Code);
    }

    [Fact]
    public async Task CompleteSignIn_OneCodeInParallelOnTwoInstances_SucceedsOnce()
    {
        await using var bed = TestBed.Create();
        await using var sibling = bed.Sibling();
        var (ada, enrolment, _, _) = await EnrolledAsync(bed, "ada");
        var code = Code(bed, enrolment);
        var tickets = new List<(TestBed Bed, string Ticket)>();
        for (var i = 0; i < 8; i++)
        {
            var on = i % 2 == 0 ? bed : sibling;
            tickets.Add((on, (await on.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!.Ticket!));
        }

        var results = await Task.WhenAll(tickets.Select(t => Task.Run(async () => await t.Bed.SecondFactors.CompleteSignInAsync(t.Ticket, code))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(TeamAccessErrorCode.InvalidSecondFactor, r.Code));
    }

    [Fact]
    public async Task CompleteSignIn_WrongCodes_LockTheAccountWithThePasswordsCounter()
    {
        await using var bed = TestBed.Create(o => o.Passwords.MaxFailedAttempts = 3);
        var (ada, enrolment, _, _) = await EnrolledAsync(bed, "ada");
        var ticket = (await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!.Ticket!;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TeamAccessErrorCode.InvalidSecondFactor, (await bed.SecondFactors.CompleteSignInAsync(ticket, WrongCode(bed, enrolment))).Code);
        }

        // Locked: the right code is refused, and so is the right password, until the lockout passes.
        Assert.Equal(TeamAccessErrorCode.InvalidSecondFactor, (await bed.SecondFactors.CompleteSignInAsync(ticket, Code(bed, enrolment))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Code);
        Assert.NotNull((await bed.Store.FindByIdAsync(ada.User.Id, CancellationToken.None))!.LockoutEnd);

        bed.Time.Advance(TimeSpan.FromMinutes(15));
        var fresh = (await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!.Ticket!;
        Assert.True((await bed.SecondFactors.CompleteSignInAsync(fresh, Code(bed, enrolment))).Succeeded);
        Assert.Equal(0, (await bed.Store.FindByIdAsync(ada.User.Id, CancellationToken.None))!.FailedSignInCount);
    }

    [Fact]
    public async Task CompleteSignIn_RecoveryCode_WorksOnceAndIsCountedDown()
    {
        await using var bed = TestBed.Create();
        var (ada, _, codes, _) = await EnrolledAsync(bed, "ada");
        var ticket = (await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!.Ticket!;

        Assert.True((await bed.SecondFactors.CompleteSignInAsync(ticket, codes[3].ToUpperInvariant())).Succeeded);
        Assert.Equal(TeamAccessErrorCode.InvalidSecondFactor, (await bed.SecondFactors.CompleteSignInAsync(ticket, codes[3])).Code);
        Assert.Equal(9, (await bed.Users.FindByEmailAsync("ada@example.com"))!.RecoveryCodesLeft);
        Assert.True((await bed.SecondFactors.CompleteSignInAsync(ticket, codes[4].Replace("-", "", StringComparison.Ordinal))).Succeeded);
        Assert.Equal(8, (await bed.Users.FindByEmailAsync("ada@example.com"))!.RecoveryCodesLeft);
    }

    [Fact]
    public async Task CompleteSignIn_OneRecoveryCodeInParallel_SucceedsOnce()
    {
        await using var bed = TestBed.Create();
        var (ada, _, codes, _) = await EnrolledAsync(bed, "ada");
        var tickets = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            tickets.Add((await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!.Ticket!);
        }

        var results = await Task.WhenAll(tickets.Select(t => Task.Run(async () => await bed.SecondFactors.CompleteSignInAsync(t, codes[0]))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(9, (await bed.Users.FindByEmailAsync("ada@example.com"))!.RecoveryCodesLeft);
    }

    [Fact]
    public async Task CompleteSignIn_ExpiredOrForeignTicket_IsRefused()
    {
        await using var bed = TestBed.Create();
        var (ada, enrolment, _, _) = await EnrolledAsync(bed, "ada");
        var step = (await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!;

        // A session token is no ticket, and a ticket is no session token.
        var session = (await bed.SecondFactors.CompleteSignInAsync(step.Ticket!, Code(bed, enrolment))).Value!.Session;
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.SecondFactors.CompleteSignInAsync(session.AccessToken, Code(bed, enrolment))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ValidateAsync(step.Ticket!, ada.Team.Id)).Code);

        bed.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.SecondFactors.CompleteSignInAsync(step.Ticket!, Code(bed, enrolment))).Code);
    }

    [Fact]
    public async Task CompleteSignIn_SignOutEverywhereAfterTheTicket_RefusesIt()
    {
        await using var bed = TestBed.Create();
        var (ada, enrolment, _, _) = await EnrolledAsync(bed, "ada");
        var ticket = (await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!.Ticket!;
        var other = (await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!.Ticket!;
        var session = (await bed.SecondFactors.CompleteSignInAsync(other, Code(bed, enrolment))).Value!.Session;
        Assert.True((await bed.Sessions.SignOutEverywhereAsync(session.AccessToken)).Succeeded);
        bed.Time.Advance(Step);

        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.SecondFactors.CompleteSignInAsync(ticket, Code(bed, enrolment))).Code);
    }

    [Fact]
    public async Task TeamPolicy_MemberWithoutSecondFactor_IsLedToEnrolAndSignedInWithIt()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        Assert.True((await bed.Members.AddAsHostAsync(owner.Team.Id, ada.User.Id, RolePresets.Member)).Succeeded);
        await RequireSecondFactorAsync(bed, owner);

        Assert.Equal(TeamAccessErrorCode.SecondFactorEnrolmentRequired, (await bed.Sessions.SignInAsync(Credential("ada"), owner.Team.Id)).Code);
        var step = (await bed.SecondFactors.SignInAsync(Credential("ada"), owner.Team.Id)).Value!;
        Assert.Equal(TeamAccessErrorCode.SecondFactorEnrolmentRequired, step.Next);

        // Her own team asks for nothing: the policy is the team's.
        Assert.True((await bed.Sessions.SignInAsync(Credential("ada"), ada.Team.Id)).Succeeded);

        var enrolment = (await bed.SecondFactors.BeginSignInEnrolmentAsync(step.Ticket!)).Value!;
        Assert.Equal(TeamAccessErrorCode.InvalidSecondFactor, (await bed.SecondFactors.CompleteSignInAsync(step.Ticket!, WrongCode(bed, enrolment))).Code);
        var done = await bed.SecondFactors.CompleteSignInAsync(step.Ticket!, Code(bed, enrolment));

        Assert.True(done.Succeeded, done.ToString());
        Assert.Equal(10, done.Value!.RecoveryCodes.Count);
        Assert.Equal(owner.Team.Id, done.Value.Session.Info.TeamId);
        Assert.True((await bed.Sessions.ValidateAsync(done.Value.Session.AccessToken, owner.Team.Id)).Succeeded);
        Assert.True((await bed.Users.FindByEmailAsync("ada@example.com"))!.AuthenticatorEnabled);
    }

    [Fact]
    public async Task TeamPolicy_SwitchingInWithoutSecondFactor_AnswersStepUpAndStepUpOpensIt()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var (ada, enrolment, _, plain) = await EnrolledAsync(bed, "ada");
        Assert.True((await bed.Members.AddAsHostAsync(owner.Team.Id, ada.User.Id, RolePresets.Member)).Succeeded);
        await RequireSecondFactorAsync(bed, owner);
        Assert.Equal(TeamAccessErrorCode.SecondFactorRequired, (await bed.Sessions.SwitchTeamAsync(plain.AccessToken, owner.Team.Id)).Code);

        var stepped = await bed.SecondFactors.StepUpAsync(plain.AccessToken, Code(bed, enrolment));
        Assert.True(stepped.Succeeded, stepped.ToString());
        Assert.Equal(plain.Info.SessionId, stepped.Value!.Info.SessionId);
        Assert.Equal(plain.Info.AuthenticatedAt, stepped.Value.Info.AuthenticatedAt);

        var switched = await bed.Sessions.SwitchTeamAsync(stepped.Value.AccessToken, owner.Team.Id);
        Assert.True(switched.Succeeded, switched.ToString());
        Assert.Equal(stepped.Value.Info.SecondFactorAt, switched.Value!.Info.SecondFactorAt);
        Assert.Contains(AuthenticationMethods.MultipleFactors, switched.Value.Info.AuthenticationMethods);
    }

    [Fact]
    public async Task TeamPolicy_SwitchingInWithoutAnySecondFactor_LeadsToEnrolment()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        Assert.True((await bed.Members.AddAsHostAsync(owner.Team.Id, ada.User.Id, RolePresets.Member)).Succeeded);
        await RequireSecondFactorAsync(bed, owner);
        var session = (await bed.Sessions.SignInAsync(Credential("ada"), ada.Team.Id)).Value!;

        Assert.Equal(TeamAccessErrorCode.SecondFactorEnrolmentRequired, (await bed.Sessions.SwitchTeamAsync(session.AccessToken, owner.Team.Id)).Code);
    }

    [Fact]
    public async Task TeamPolicy_TurnedOnAfterASessionBegan_RefusesItOnAnotherInstanceUntilStepUp()
    {
        var key = new Microsoft.IdentityModel.Tokens.ECDsaSecurityKey(System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256));
        await using var bed = TestBed.Create(o => o.Sessions.SigningKeys.Add(key));
        await using var sibling = bed.Sibling(o => o.Sessions.SigningKeys.Add(key));
        var owner = await bed.SignUpAsync();
        var (ada, enrolment, _, plain) = await EnrolledAsync(bed, "ada");
        Assert.True((await bed.Members.AddAsHostAsync(owner.Team.Id, ada.User.Id, RolePresets.Member)).Succeeded);
        var inTeam = (await bed.Sessions.SwitchTeamAsync(plain.AccessToken, owner.Team.Id)).Value!;
        Assert.True((await sibling.Sessions.ValidateAsync(inTeam.AccessToken, owner.Team.Id)).Succeeded);

        var set = await RequireSecondFactorAsync(bed, owner);

        // The sibling reads the feed as its loop would within the staleness bound (here at once, through the write's token).
        Assert.True(await sibling.Access.CatchUpAsync(set.ConsistencyToken!.Value));
        Assert.Equal(TeamAccessErrorCode.SecondFactorRequired, (await sibling.Sessions.ValidateAsync(inTeam.AccessToken, owner.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.SecondFactorRequired, (await sibling.Sessions.SignInAsync(Credential("ada"), owner.Team.Id)).Code);
        var stepped = (await sibling.SecondFactors.StepUpAsync(inTeam.AccessToken, Code(bed, enrolment))).Value!;
        Assert.True((await sibling.Sessions.ValidateAsync(stepped.AccessToken, owner.Team.Id)).Succeeded);
        Assert.True((await bed.Sessions.ValidateAsync(stepped.AccessToken, owner.Team.Id)).Succeeded);
    }

    [Fact]
    public async Task RequireRecentSecondFactor_OutsideTheWindow_AnswersRecentSecondFactorRequired()
    {
        await using var bed = TestBed.Create(o => o.SecondFactors.StepUpWindow = TimeSpan.FromMinutes(5));
        var (ada, enrolment, _, _) = await EnrolledAsync(bed, "ada");
        var ticket = (await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!.Ticket!;
        var session = (await bed.SecondFactors.CompleteSignInAsync(ticket, Code(bed, enrolment))).Value!.Session;

        Assert.True((await bed.SecondFactors.RequireRecentSecondFactorAsync(session.AccessToken, ada.Team.Id)).Succeeded);
        bed.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal(TeamAccessErrorCode.RecentSecondFactorRequired, (await bed.SecondFactors.RequireRecentSecondFactorAsync(session.AccessToken, ada.Team.Id)).Code);

        var stepped = (await bed.SecondFactors.StepUpAsync(session.AccessToken, Code(bed, enrolment))).Value!;
        Assert.True((await bed.SecondFactors.RequireRecentSecondFactorAsync(stepped.AccessToken, ada.Team.Id)).Succeeded);
    }

    [Fact]
    public async Task RequireRecentSecondFactor_UserWithoutOne_AnswersEnrolmentRequired()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        var session = (await bed.Sessions.SignInAsync(Credential("ada"), ada.Team.Id)).Value!;

        Assert.Equal(TeamAccessErrorCode.SecondFactorEnrolmentRequired, (await bed.SecondFactors.RequireRecentSecondFactorAsync(session.AccessToken, ada.Team.Id)).Code);
    }

    [Fact]
    public async Task RemoveAuthenticator_NeedsARecentSecondFactor_ThenEndsEverySessionButTheAnswer()
    {
        await using var bed = TestBed.Create();
        var (ada, enrolment, _, plain) = await EnrolledAsync(bed, "ada");
        Assert.Equal(TeamAccessErrorCode.RecentSecondFactorRequired, (await bed.SecondFactors.RemoveAuthenticatorAsync(plain.AccessToken)).Code);

        var stepped = (await bed.SecondFactors.StepUpAsync(plain.AccessToken, Code(bed, enrolment))).Value!;
        var removed = await bed.SecondFactors.RemoveAuthenticatorAsync(stepped.AccessToken);

        Assert.True(removed.Succeeded, removed.ToString());
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(stepped.AccessToken, ada.Team.Id)).Code);
        Assert.True((await bed.Sessions.ValidateAsync(removed.Value!.AccessToken, ada.Team.Id)).Succeeded);
        var view = (await bed.Users.FindByEmailAsync("ada@example.com"))!;
        Assert.False(view.AuthenticatorEnabled);
        Assert.Equal(0, view.RecoveryCodesLeft);
        Assert.True((await bed.Sessions.SignInAsync(Credential("ada"), ada.Team.Id)).Succeeded, "no second factor is asked any more");
        Assert.Equal(TeamAccessErrorCode.NoSecondFactor, (await bed.SecondFactors.RemoveAuthenticatorAsync(removed.Value.AccessToken)).Code);
    }

    [Fact]
    public async Task RegenerateRecoveryCodes_OldCodesDie_AndItNeedsARecentSecondFactor()
    {
        await using var bed = TestBed.Create();
        var (ada, _, old, plain) = await EnrolledAsync(bed, "ada");
        Assert.Equal(TeamAccessErrorCode.RecentSecondFactorRequired, (await bed.SecondFactors.RegenerateRecoveryCodesAsync(plain.AccessToken)).Code);
        var stepped = (await bed.SecondFactors.StepUpAsync(plain.AccessToken, old[0])).Value!;
        Assert.Equal(9, (await bed.Users.FindByEmailAsync("ada@example.com"))!.RecoveryCodesLeft);

        var fresh = await bed.SecondFactors.RegenerateRecoveryCodesAsync(stepped.AccessToken);

        Assert.True(fresh.Succeeded, fresh.ToString());
        Assert.Equal(10, (await bed.Users.FindByEmailAsync("ada@example.com"))!.RecoveryCodesLeft);
        var ticket = (await bed.SecondFactors.SignInAsync(Credential("ada"), ada.Team.Id)).Value!.Ticket!;
        Assert.Equal(TeamAccessErrorCode.InvalidSecondFactor, (await bed.SecondFactors.CompleteSignInAsync(ticket, old[1])).Code);
        Assert.True((await bed.SecondFactors.CompleteSignInAsync(ticket, fresh.Value![1])).Succeeded);
    }

    [Fact]
    public async Task BeginEnrolment_AlreadyEnrolled_IsRefused()
    {
        await using var bed = TestBed.Create();
        var (_, _, _, plain) = await EnrolledAsync(bed, "ada");

        Assert.Equal(TeamAccessErrorCode.AuthenticatorAlreadyEnrolled, (await bed.SecondFactors.BeginEnrolmentAsync(plain.AccessToken)).Code);
    }

    [Fact]
    public async Task Validate_TokenIssuedBeforeMethodsWereNamed_IsAFirstFactorSessionAndMalformedMethodsAreRefused()
    {
        var key = new SymmetricSecurityKey(Enumerable.Repeat((byte)7, 32).ToArray()) { KeyId = "amr" };
        await using var bed = TestBed.Create(o => o.Sessions.SigningKeys.Add(key));
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        var session = (await bed.Sessions.SignInAsync(Credential("ada"), ada.Team.Id)).Value!;
        string Resigned(Action<JsonObject> edit)
        {
            var payload = JsonNode.Parse(Base64UrlEncoder.Decode(session.AccessToken.Split('.')[1]))!.AsObject();
            edit(payload);
            return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        }

        var older = await bed.Sessions.ValidateAsync(Resigned(p => p.Remove("amr")), ada.Team.Id);

        Assert.True(older.Succeeded, older.ToString());
        Assert.Equal([AuthenticationMethods.Password], older.Value!.AuthenticationMethods);
        Assert.Null(older.Value.SecondFactorAt);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ValidateAsync(Resigned(p => p["amr"] = new JsonObject { ["x"] = 1 }), ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ValidateAsync(Resigned(p => p["amr"] = new JsonArray()), ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ValidateAsync(Resigned(p => p["amr"] = new JsonArray("")), ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ValidateAsync(Resigned(p => p["mfa_time"] = "soon"), ada.Team.Id)).Code);
    }

    [Fact]
    public void KeyedSecretProtector_AlteredOrForeignValue_Throws()
    {
        var protector = new KeyedSecretProtector(new byte[32]);
        var sealedSecret = protector.Protect([1, 2, 3]);

        Assert.Equal([1, 2, 3], protector.Unprotect(sealedSecret));
        Assert.NotEqual(sealedSecret, protector.Protect([1, 2, 3]));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => new KeyedSecretProtector(Enumerable.Repeat((byte)7, 32).ToArray()).Unprotect(sealedSecret));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect(sealedSecret[..^2] + (sealedSecret[^2] == 'A' ? "B" : "A") + sealedSecret[^1]));
        Assert.Throws<ArgumentException>(() => new KeyedSecretProtector(new byte[16]));
    }

    private static SignInCredential Credential(string name) => SignInCredential.ForPassword($"{name}@example.com", Password);

    private static string Code(TestBed bed, AuthenticatorEnrolment enrolment, TimeSpan offset = default) =>
        new Totp(Base32Encoding.ToBytes(enrolment.Secret)).ComputeTotp((bed.Time.GetUtcNow() + offset).UtcDateTime);

    /// <summary>A six-digit code that is none of the three the window accepts now.</summary>
    private static string WrongCode(TestBed bed, AuthenticatorEnrolment enrolment)
    {
        var valid = new[] { -Step, TimeSpan.Zero, Step }.Select(o => Code(bed, enrolment, o)).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !valid.Contains(c));
    }

    /// <summary>
    /// A user with a confirmed authenticator, its enrolment and recovery codes, and the session they enrolled from, which
    /// proved no second factor (it began before the enrolment); the clock moved past the confirming code's step.
    /// </summary>
    private static async Task<(SignUpResult User, AuthenticatorEnrolment Enrolment, IReadOnlyList<string> RecoveryCodes, Session Plain)> EnrolledAsync(TestBed bed, string name)
    {
        var user = await bed.SignUpWithPasswordAsync(name, Password);
        var session = (await bed.Sessions.SignInAsync(Credential(name), user.Team.Id)).Value!;
        var enrolment = (await bed.SecondFactors.BeginEnrolmentAsync(session.AccessToken)).Value!;
        var confirmed = await bed.SecondFactors.ConfirmEnrolmentAsync(session.AccessToken, Code(bed, enrolment));
        Assert.True(confirmed.Succeeded, confirmed.ToString());
        bed.Time.Advance(Step);
        return (user, enrolment, confirmed.Value!.RecoveryCodes, session);
    }

    private static async Task<Result<Team>> RequireSecondFactorAsync(TestBed bed, SignUpResult owner)
    {
        var set = await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, TeamSignInPolicy.Open with { SecondFactorRequired = true });
        Assert.True(set.Succeeded, set.ToString());
        return set;
    }
}
