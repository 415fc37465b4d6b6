using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.Invitations;

namespace TeamAccess.Tests;

/// <summary>Same answer, same work, whatever exists: sign-in and invitation codes tell nobody which addresses are known.</summary>
public sealed class EnumerationTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task RequestPasswordReset_KnownAndUnknownAddress_AnswerTheSameAfterOneWriteEach()
    {
        await using var bed = TestBed.Create();
        await SessionServiceTests.SignUpWithPasswordAsync(bed, "ada");
        var costs = new List<(TeamAccessErrorCode Code, int Writes)>();
        foreach (var email in new[] { "ada@example.com", "nobody@example.com" })
        {
            var writes = bed.Store.AuditEventCount;
            var result = await bed.Users.RequestPasswordResetAsync(email);
            costs.Add((result.Code, bed.Store.AuditEventCount - writes));
        }

        Assert.All(costs, c => Assert.Equal((TeamAccessErrorCode.None, 1), c));
    }

    [Fact]
    public async Task ResendEmailConfirmation_UnconfirmedConfirmedAndUnknownAddress_AnswerTheSameAfterOneWriteEach()
    {
        // Security review 3, L3: resend's timings no longer differ by whether an account waits for activation.
        await using var bed = TestBed.Create();
        Assert.True((await bed.Users.SignUpAsync(new SignUpRequest("waiting@example.com", "W", "W", "T", "waiting-team") { Password = "correct horse battery staple" })).Succeeded);
        await SessionServiceTests.SignUpWithPasswordAsync(bed, "ada");
        bed.Time.Advance(TimeSpan.FromMinutes(5));
        var costs = new List<(TeamAccessErrorCode Code, int Writes)>();
        foreach (var email in new[] { "waiting@example.com", "ada@example.com", "nobody@example.com" })
        {
            var writes = bed.Store.AuditEventCount;
            var result = await bed.Users.ResendEmailConfirmationAsync(email);
            costs.Add((result.Code, bed.Store.AuditEventCount - writes));
        }

        Assert.All(costs, c => Assert.Equal((TeamAccessErrorCode.None, 1), c));
    }

    [Fact]
    public async Task RequestPasswordReset_PastTheAddressesDailyBudget_SendsNothingMore_AndAnswersTheSame()
    {
        // Security review 3, L3: a reset mail cannot be triggered every minute forever.
        await using var bed = TestBed.Create(o => (o.Passwords.ResetRequestCooldown, o.Passwords.MaxResetMessagesPerAddressPerDay) = (TimeSpan.Zero, 3));
        await SessionServiceTests.SignUpWithPasswordAsync(bed, "ada");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TeamAccessErrorCode.None, (await bed.Users.RequestPasswordResetAsync("Ada@Example.com")).Code);
        }

        Assert.Equal(3, bed.ResetOutbox.Sent.Count);

        // Another address has a budget of its own, and the day after the address has a new one.
        Assert.Equal(TeamAccessErrorCode.None, (await bed.Users.RequestPasswordResetAsync("nobody@example.com")).Code);
        bed.Time.Advance(TimeSpan.FromDays(1));
        Assert.True((await bed.Users.RequestPasswordResetAsync("ada@example.com")).Succeeded);
        Assert.Equal(4, bed.ResetOutbox.Sent.Count);
    }

    [Fact]
    public async Task RequestPasswordReset_AnUnknownAddressSpendsItsBudgetToo_SoTheCostTellsNothing()
    {
        // Requests for an address without an account count as a known one's do: once the budget is spent, an account
        // created for it gets no reset that day, exactly as if the requests had been for it.
        await using var bed = TestBed.Create(o => (o.Passwords.ResetRequestCooldown, o.Passwords.MaxResetMessagesPerAddressPerDay) = (TimeSpan.Zero, 2));
        Assert.True((await bed.Users.RequestPasswordResetAsync("later@example.com")).Succeeded);
        Assert.True((await bed.Users.RequestPasswordResetAsync("later@example.com")).Succeeded);
        await SessionServiceTests.SignUpWithPasswordAsync(bed, "later");

        Assert.True((await bed.Users.RequestPasswordResetAsync("later@example.com")).Succeeded);
        Assert.Empty(bed.ResetOutbox.Sent);
    }

    [Fact]
    public async Task ResendEmailConfirmation_PastTheDailyBudget_SendsNothingMore_ButASignUpAlwaysGetsItsLink()
    {
        await using var bed = TestBed.Create(o => (o.EmailConfirmation.ResendCooldown, o.EmailConfirmation.MaxMessagesPerAddressPerDay) = (TimeSpan.Zero, 3));

        // A stranger spends the budget of an address before its owner signs up: the sign-up still sends its link.
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await bed.Users.ResendEmailConfirmationAsync("grace@example.com")).Succeeded);
        }

        Assert.True((await bed.Users.SignUpAsync(new SignUpRequest("grace@example.com", "Grace", "Hopper", "Lab", "grace-lab") { Password = Password })).Succeeded);
        Assert.Single(bed.Activations.Sent);

        // Resends past the budget send nothing and answer the same, until the next day.
        Assert.True((await bed.Users.ResendEmailConfirmationAsync("grace@example.com")).Succeeded);
        Assert.Single(bed.Activations.Sent);
        bed.Time.Advance(TimeSpan.FromDays(1));
        Assert.True((await bed.Users.ResendEmailConfirmationAsync("grace@example.com")).Succeeded);
        Assert.Equal(2, bed.Activations.Sent.Count);
    }

    [Fact]
    public async Task SignIn_LockedAccountUnknownAddressAndWrongPassword_AnswerTheSameCodeAfterOneWriteAndOneHash()
    {
        await using var bed = TestBed.Create(o => o.Passwords.MaxFailedAttempts = 2);
        var ada = await SessionServiceTests.SignUpWithPasswordAsync(bed, "ada");
        var grace = await SessionServiceTests.SignUpWithPasswordAsync(bed, "grace");
        var hasher = bed.Services.GetRequiredService<PasswordHasher>();
        for (var i = 0; i < 2; i++)
        {
            await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", $"wrong guess {i} of two"), ada.Team.Id);
        }

        // The decoy hash is made once per process, at its first use: before anything is measured.
        _ = hasher.DecoyHash;
        var costs = new List<(TeamAccessErrorCode Code, long Hashes, int Writes)>();
        foreach (var (email, password, team) in new[]
        {
            ("ada@example.com", Password, ada.Team.Id),
            ("nobody@example.com", Password, ada.Team.Id),
            ("grace@example.com", "not grace's password", grace.Team.Id),
            ("ada@example.com", "another wrong guess", ada.Team.Id),
            ("not an address", Password, ada.Team.Id),
        })
        {
            var (hashes, writes) = (hasher.Derivations, bed.Store.AuditEventCount);
            var result = await bed.Sessions.SignInAsync(SignInCredential.ForPassword(email, password), team);
            costs.Add((result.Code, hasher.Derivations - hashes, bed.Store.AuditEventCount - writes));
        }

        Assert.All(costs, c => Assert.Equal((TeamAccessErrorCode.InvalidCredentials, 1L, 1), c));
        Assert.DoesNotContain(bed.Logs.Lines, l => l.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_PasswordLongerThanAnyThePolicyAllows_IsRefusedUnjudgedAfterTheDecoyWork()
    {
        await using var bed = TestBed.Create();
        var ada = await SessionServiceTests.SignUpWithPasswordAsync(bed, "ada");
        var hasher = bed.Services.GetRequiredService<PasswordHasher>();
        _ = hasher.DecoyHash;
        var (hashes, writes) = (hasher.Derivations, bed.Store.AuditEventCount);

        var huge = await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", new string('x', 1_000_000)), ada.Team.Id);

        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, huge.Code);
        Assert.Equal(1, hasher.Derivations - hashes);
        Assert.Equal(0, (await bed.Store.FindByIdAsync(ada.User.Id, CancellationToken.None))!.FailedSignInCount);
        Assert.Equal(writes, bed.Store.AuditEventCount);
    }

    [Fact]
    public async Task InvitationCode_LockedInvitationUnknownAddressAndUnknownTeam_AnswerInvalidTokenWithoutAnAuditWrite()
    {
        await using var bed = TestBed.Create(o => o.Invitations.MaxCodeAttempts = 2);
        var owner = await bed.SignUpAsync();
        await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com", RolePresets.Member));
        var code = bed.Outbox.LastTo("grace@example.com").Code;
        var wrong = code.StartsWith('0') ? "11111-11111" : "00000-00000";
        for (var i = 0; i < 2; i++)
        {
            await bed.Invitations.PeekAsync(InvitationKey.FromCode(owner.Team.Handle, "grace@example.com", wrong));
        }

        var costs = new List<(TeamAccessErrorCode Code, int Writes)>();
        foreach (var key in new[]
        {
            InvitationKey.FromCode(owner.Team.Handle, "grace@example.com", code),
            InvitationKey.FromCode(owner.Team.Handle, "nobody@example.com", code),
            InvitationKey.FromCode("no-such-team", "grace@example.com", code),
            InvitationKey.FromCode(owner.Team.Handle, "not an address", code),
        })
        {
            var writes = bed.Store.AuditEventCount;
            var peeked = await bed.Invitations.PeekAsync(key);
            costs.Add((peeked.Code, bed.Store.AuditEventCount - writes));
        }

        // Tries are counted apart from the audit log (security review 3, M5): none of them writes an audit row.
        Assert.All(costs, c => Assert.Equal((TeamAccessErrorCode.InvalidToken, 0), c));
        Assert.True((await bed.Invitations.PeekAsync(InvitationKey.FromToken(bed.Outbox.LastTo("grace@example.com").Token))).Succeeded, "the link still works");
    }

    [Fact]
    public async Task SwitchTeamAndSignIn_DeletedTeamOfWhichTheUserIsNoMember_AnswerNotFoundNotTeamDeleted()
    {
        await using var bed = TestBed.Create();
        var ada = await SessionServiceTests.SignUpWithPasswordAsync(bed, "ada");
        var other = await bed.SignUpAsync();
        var member = await bed.SignUpAsync();
        Assert.True((await bed.Members.AddAsHostAsync(other.Team.Id, member.User.Id, RolePresets.Member)).Succeeded);
        Assert.True((await bed.Teams.DeleteAsync(other.User.Id, other.Team.Id)).Succeeded);
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Value!;

        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SwitchTeamAsync(session.AccessToken, other.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SwitchTeamAsync(session.AccessToken, TeamId.New())).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), other.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Members.ListAsync(ada.User.Id, other.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.TeamDeleted, (await bed.Members.ListAsync(member.User.Id, other.Team.Id)).Code);
    }
}
