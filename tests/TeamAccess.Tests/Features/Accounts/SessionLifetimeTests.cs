using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

/// <summary>Sessions end: a maximum age from the original sign-in, sign-out of one or all sessions, password change and reset.</summary>
public sealed class SessionLifetimeTests
{
    private const string Password = "correct horse battery staple";
    private const string NewPassword = "a different horse, battery and staple";

    [Fact]
    public async Task SwitchTeam_RenewedBeforeEveryExpiry_EndsAtTheMaximumAgeFromTheOriginalSignIn()
    {
        await using var bed = TestBed.Create();
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Value!;
        var signedInAt = session.Info.AuthenticatedAt;
        Assert.Equal(bed.Time.GetUtcNow(), signedInAt);

        var token = session.AccessToken;
        var ended = false;
        for (var i = 0; i < 20 && !ended; i++)
        {
            bed.Time.Advance(TimeSpan.FromMinutes(50));
            var renewed = await bed.Sessions.SwitchTeamAsync(token, ada.Team.Id);
            if (!renewed.Succeeded)
            {
                Assert.Equal(TeamAccessErrorCode.SessionExpired, renewed.Code);
                ended = true;
                continue;
            }

            Assert.Equal(signedInAt, renewed.Value!.Info.AuthenticatedAt);
            Assert.Equal(session.Info.SessionId, renewed.Value.Info.SessionId);
            Assert.True(renewed.Value.Info.ExpiresAt <= signedInAt + TimeSpan.FromHours(12), renewed.Value.Info.ToString());
            token = renewed.Value.AccessToken;
        }

        Assert.True(ended);
        Assert.InRange(bed.Time.GetUtcNow() - signedInAt, TimeSpan.FromHours(12), TimeSpan.FromHours(12) + TimeSpan.FromMinutes(50));
        Assert.Equal(TeamAccessErrorCode.SessionExpired, (await bed.Sessions.ValidateAsync(token, ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.SessionExpired, (await bed.Sessions.SwitchTeamAsync(token, ada.Team.Id)).Code);
    }

    [Fact]
    public async Task Validate_MaxAgeLoweredAfterIssue_RefusesTokensOlderThanTheNewMaximum()
    {
        await using var bed = TestBed.Create(o => o.Sessions.MaxAge = TimeSpan.FromMinutes(30));
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Value!;

        Assert.Equal(session.Info.AuthenticatedAt + TimeSpan.FromMinutes(30), session.Info.ExpiresAt);
        bed.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.True((await bed.Sessions.ValidateAsync(session.AccessToken, session.Info.TeamId)).Succeeded, "within the clock skew");
        bed.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(TeamAccessErrorCode.SessionExpired, (await bed.Sessions.ValidateAsync(session.AccessToken, session.Info.TeamId)).Code);
    }

    [Fact]
    public async Task Start_WithMaxAgeOutsideItsBounds_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddTeamAccess(o => o.Sessions.MaxAge = TimeSpan.FromDays(31)).AddInMemoryStores();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TeamAccessOptions>>().Value);
        Assert.Contains("Sessions.MaxAge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_OneSession_RefusesEveryTokenOfItInEveryTeamAndLeavesOtherSessions()
    {
        await using var bed = TestBed.Create();
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        var other = await bed.SignUpAsync();
        Assert.True((await bed.Members.AddAsHostAsync(other.Team.Id, ada.User.Id, RolePresets.Member)).Succeeded);
        var credential = SignInCredential.ForPassword("ada@example.com", Password);
        var first = (await bed.Sessions.SignInAsync(credential, ada.Team.Id)).Value!;
        var switched = (await bed.Sessions.SwitchTeamAsync(first.AccessToken, other.Team.Id)).Value!;
        var second = (await bed.Sessions.SignInAsync(credential, ada.Team.Id)).Value!;
        Assert.NotEqual(first.Info.SessionId, second.Info.SessionId);

        Assert.True((await bed.Sessions.SignOutAsync(switched.AccessToken)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(first.AccessToken, first.Info.TeamId)).Code);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(switched.AccessToken, switched.Info.TeamId)).Code);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.SwitchTeamAsync(first.AccessToken, other.Team.Id)).Code);
        Assert.True((await bed.Sessions.ValidateAsync(second.AccessToken, second.Info.TeamId)).Succeeded);
        Assert.True((await bed.Sessions.SignOutAsync(first.AccessToken)).Succeeded, "signing out twice is done, not an error");
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.SignOutAsync("not a token")).Code);
    }

    [Fact]
    public async Task SignOut_RevokedSession_IsKeptUntilItWouldHaveExpiredAndThenDropped()
    {
        await using var bed = TestBed.Create();
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        var credential = SignInCredential.ForPassword("ada@example.com", Password);
        var first = (await bed.Sessions.SignInAsync(credential, ada.Team.Id)).Value!;
        Assert.True((await bed.Sessions.SignOutAsync(first.AccessToken)).Succeeded);

        var listed = await ListRevokedAsync(bed.Store, bed.Time.GetUtcNow());
        var revoked = Assert.Single(listed);
        Assert.Equal((first.Info.SessionId, ada.User.Id), (revoked.SessionId, revoked.UserId));
        Assert.Equal(first.Info.AuthenticatedAt + TimeSpan.FromHours(12) + TimeSpan.FromMinutes(2), revoked.ExpiresAt);

        bed.Time.Advance(TimeSpan.FromHours(13));
        Assert.Empty(await ListRevokedAsync(bed.Store, bed.Time.GetUtcNow()));
        var second = (await bed.Sessions.SignInAsync(credential, ada.Team.Id)).Value!;
        Assert.True((await bed.Sessions.SignOutAsync(second.AccessToken)).Succeeded);
        Assert.Equal([second.Info.SessionId], (await ListRevokedAsync(bed.Store, DateTimeOffset.MinValue)).Select(r => r.SessionId));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySessionOfTheUserAndNoOtherUsers()
    {
        await using var bed = TestBed.Create();
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        var grace = await SignUpWithPasswordAsync(bed, "grace");
        var adaCredential = SignInCredential.ForPassword("ada@example.com", Password);
        var one = (await bed.Sessions.SignInAsync(adaCredential, ada.Team.Id)).Value!;
        var two = (await bed.Sessions.SignInAsync(adaCredential, ada.Team.Id)).Value!;
        var graces = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("grace@example.com", Password), grace.Team.Id)).Value!;

        Assert.True((await bed.Sessions.SignOutEverywhereAsync(one.AccessToken)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(one.AccessToken, one.Info.TeamId)).Code);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(two.AccessToken, two.Info.TeamId)).Code);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.SignOutEverywhereAsync(two.AccessToken)).Code);
        Assert.True((await bed.Sessions.ValidateAsync(graces.AccessToken, graces.Info.TeamId)).Succeeded);
        var again = await bed.Sessions.SignInAsync(adaCredential, ada.Team.Id);
        Assert.True(again.Succeeded, again.ToString());
        Assert.True((await bed.Sessions.ValidateAsync(again.Value!.AccessToken, again.Value!.Info.TeamId)).Succeeded);
    }

    [Fact]
    public async Task ChangePassword_RightCurrentPassword_EndsEveryOtherSessionAndReturnsANewOne()
    {
        await using var bed = TestBed.Create();
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        var credential = SignInCredential.ForPassword("ada@example.com", Password);
        var here = (await bed.Sessions.SignInAsync(credential, ada.Team.Id)).Value!;
        var elsewhere = (await bed.Sessions.SignInAsync(credential, ada.Team.Id)).Value!;

        var changed = await bed.Sessions.ChangePasswordAsync(here.AccessToken, Password, NewPassword);

        Assert.True(changed.Succeeded, changed.ToString());
        Assert.True((await bed.Sessions.ValidateAsync(changed.Value!.AccessToken, ada.Team.Id)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(elsewhere.AccessToken, elsewhere.Info.TeamId)).Code);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(here.AccessToken, here.Info.TeamId)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(credential, ada.Team.Id)).Code);
        Assert.True((await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", NewPassword), ada.Team.Id)).Succeeded);
        Assert.DoesNotContain(bed.Logs.Lines, l => l.Contains(NewPassword, StringComparison.Ordinal) || l.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentOrWeakNewPassword_IsRefusedAndWrongGuessesCountTowardTheLockout()
    {
        await using var bed = TestBed.Create(o => o.Passwords.MaxFailedAttempts = 3);
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Value!;

        var weak = await bed.Sessions.ChangePasswordAsync(session.AccessToken, Password, "short");
        Assert.Equal(TeamAccessErrorCode.PasswordPolicy, weak.Code);
        Assert.Contains(nameof(PasswordCriterion.TooShort), weak.Error!.Details);
        Assert.Equal(TeamAccessErrorCode.PasswordPolicy, (await bed.Sessions.ChangePasswordAsync(session.AccessToken, Password, null!)).Code);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.ChangePasswordAsync(session.AccessToken, $"guess number {i} of the thief", NewPassword)).Code);
        }

        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.ChangePasswordAsync(session.AccessToken, Password, NewPassword)).Code);
        Assert.NotNull((await bed.Store.FindByIdAsync(ada.User.Id, CancellationToken.None))!.LockoutEnd);
        Assert.True((await bed.Sessions.ValidateAsync(session.AccessToken, session.Info.TeamId)).Succeeded, "a refused change ends no session");
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ChangePasswordAsync(null!, Password, NewPassword)).Code);
    }

    [Fact]
    public async Task ResetPassword_WithTheMailedToken_SetsThePasswordOnceEndsEverySessionAndLiftsTheLockout()
    {
        await using var bed = TestBed.Create(o => o.Passwords.MaxFailedAttempts = 2);
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Value!;
        for (var i = 0; i < 2; i++)
        {
            await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", $"wrong guess {i} of many"), ada.Team.Id);
        }

        Assert.True((await bed.Users.RequestPasswordResetAsync(" ADA@example.com ")).Succeeded);
        var message = Assert.Single(bed.ResetOutbox.Sent);
        Assert.Equal(("ada@example.com", bed.Time.GetUtcNow() + TimeSpan.FromHours(1)), (message.Email, message.ExpiresAt));
        Assert.DoesNotContain(message.Token, message.ToString(), StringComparison.Ordinal);
        var stored = (await bed.Store.FindByIdAsync(ada.User.Id, CancellationToken.None))!;
        Assert.DoesNotContain(message.Token, stored.PasswordResetTokenHash, StringComparison.Ordinal);

        Assert.True((await bed.Users.ResetPasswordAsync(message.Token, NewPassword)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ResetPasswordAsync(message.Token, NewPassword + "!")).Code);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(session.AccessToken, session.Info.TeamId)).Code);
        Assert.True((await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", NewPassword), ada.Team.Id)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Code);
        Assert.DoesNotContain(bed.Logs.Lines, l => l.Contains(message.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(stored.PasswordResetTokenHash!, stored.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestPasswordReset_UnknownAddressOrNoPassword_AnswersTheSameAndSendsNothing()
    {
        await using var bed = TestBed.Create();
        var noPassword = await bed.SignUpAsync("nopassword");

        Assert.True((await bed.Users.RequestPasswordResetAsync("nobody@example.com")).Succeeded);
        Assert.True((await bed.Users.RequestPasswordResetAsync(noPassword.User.Email)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.InvalidEmail, (await bed.Users.RequestPasswordResetAsync("not an address")).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidEmail, (await bed.Users.RequestPasswordResetAsync(null!)).Code);
        Assert.Empty(bed.ResetOutbox.Sent);
    }

    [Fact]
    public async Task ResetPassword_ExpiredReplacedTamperedOrWeak_IsRefusedAndChangesNothing()
    {
        await using var bed = TestBed.Create();
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        await bed.Users.RequestPasswordResetAsync("ada@example.com");
        await bed.Users.RequestPasswordResetAsync("ada@example.com");
        Assert.Single(bed.ResetOutbox.Sent);
        var first = bed.ResetOutbox.Sent[0].Token;

        bed.Time.Advance(TimeSpan.FromMinutes(2));
        await bed.Users.RequestPasswordResetAsync("ada@example.com");
        var second = bed.ResetOutbox.Sent[^1].Token;
        Assert.NotEqual(first, second);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ResetPasswordAsync(first, NewPassword)).Code);
        var tampered = second[..^2] + (second[^2] == 'A' ? "B" : "A") + second[^1];
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ResetPasswordAsync(tampered, NewPassword)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ResetPasswordAsync(null!, NewPassword)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ResetPasswordAsync("garbage", NewPassword)).Code);
        Assert.Equal(TeamAccessErrorCode.PasswordPolicy, (await bed.Users.ResetPasswordAsync(second, "ada@example.com")).Code);

        bed.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ResetPasswordAsync(second, NewPassword)).Code);
        Assert.True((await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Succeeded);
    }

    [Fact]
    public async Task ResetPassword_SameTokenInParallel_SucceedsOnce()
    {
        await using var bed = TestBed.Create();
        await SignUpWithPasswordAsync(bed, "ada");
        await bed.Users.RequestPasswordResetAsync("ada@example.com");
        var token = Assert.Single(bed.ResetOutbox.Sent).Token;

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await using var scope = bed.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IUserService>().ResetPasswordAsync(token, $"{NewPassword} number {i}");
        })));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(TeamAccessErrorCode.InvalidToken, r.Code));
    }

    [Fact]
    public void ValidateAsync_TeamBinding_IsARequiredTeamIdNotAnOptionalOne()
    {
        var team = typeof(ISessionService).GetMethod(nameof(ISessionService.ValidateAsync))!.GetParameters()[1];

        Assert.Equal(typeof(TeamId), team.ParameterType);
        Assert.False(team.HasDefaultValue);
    }

    [Fact]
    public async Task ValidateAsync_SessionOfOneTeamCheckedForAnother_IsWrongTeam()
    {
        await using var bed = TestBed.Create();
        var ada = await SignUpWithPasswordAsync(bed, "ada");
        var other = await bed.SignUpAsync();
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Value!;

        Assert.Equal(TeamAccessErrorCode.WrongTeam, (await bed.Sessions.ValidateAsync(session.AccessToken, other.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.WrongTeam, (await bed.Sessions.ValidateAsync(session.AccessToken, default)).Code);
    }

    private static async Task<List<RevokedSession>> ListRevokedAsync(InMemoryTeamAccessStore store, DateTimeOffset at)
    {
        var list = new List<RevokedSession>();
        await foreach (var revoked in store.ListRevokedSessionsAsync(at, CancellationToken.None))
        {
            list.Add(revoked);
        }

        return list;
    }

    private static Task<SignUpResult> SignUpWithPasswordAsync(TestBed bed, string name) => SessionServiceTests.SignUpWithPasswordAsync(bed, name);
}
