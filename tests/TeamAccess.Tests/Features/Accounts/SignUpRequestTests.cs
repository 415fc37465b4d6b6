using TeamAccess.Accounts;

namespace TeamAccess.Tests;

/// <summary>
/// Security review 3, L3: the sign-up a public form calls answers a taken address as it answers a fresh one, and mails
/// the owner instead of creating anything.
/// </summary>
public sealed class SignUpRequestTests
{
    private const string Password = "correct horse battery staple";

    private static SignUpRequest Form(string email, string handle, string password = Password) => new(email, "Eve", "Someone", "Eve's team", handle) { Password = password };

    [Fact]
    public async Task FreshAddress_StoresNothing_UntilItsLinkCreatesTheAccountAndTeamOnce()
    {
        await using var bed = TestBed.Create();
        var writes = bed.Store.AuditEventCount;

        var answer = await bed.Users.RequestSignUpAsync(Form("grace@example.com", "grace-lab"));

        Assert.Equal(TeamAccessErrorCode.None, answer.Code);
        Assert.Equal(writes, bed.Store.AuditEventCount);
        Assert.Null(await bed.Users.FindByEmailAsync("grace@example.com"));
        Assert.Null(await bed.Store.FindIdByHandleAsync("grace-lab", CancellationToken.None));
        var link = Assert.Single(bed.Activations.Sent);
        Assert.DoesNotContain(Password, link.Token, StringComparison.Ordinal);

        var confirmed = await bed.Users.ConfirmEmailAsync(link.Token);

        Assert.True(confirmed.Succeeded, confirmed.ToString());
        Assert.Equal((link.UserId, "grace@example.com", true), (confirmed.Value!.Id, confirmed.Value.Email, confirmed.Value.EmailConfirmed));
        var team = await bed.Store.FindIdByHandleAsync("grace-lab", CancellationToken.None);
        Assert.NotNull(team);
        Assert.True((await bed.Sessions.SignInAsync(SignInCredential.ForPassword("grace@example.com", Password), team!.Value)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ConfirmEmailAsync(link.Token)).Code);
    }

    [Fact]
    public async Task FreshAddress_TheHandleStaysFreeUntilTheLinkIsUsed_SoASecondFormTellsNothing()
    {
        // The oracle a stored sign-up would leave: a fresh address's form takes its handle at once, a taken one's not.
        await using var bed = TestBed.Create();
        await SessionServiceTests.SignUpWithPasswordAsync(bed, "ada");

        Assert.True((await bed.Users.RequestSignUpAsync(Form("nobody@example.com", "probe-one"))).Succeeded);
        Assert.True((await bed.Users.RequestSignUpAsync(Form("ada@example.com", "probe-two"))).Succeeded);

        Assert.True((await bed.Users.RequestSignUpAsync(Form("third@example.com", "probe-one"))).Succeeded);
        Assert.True((await bed.Users.RequestSignUpAsync(Form("fourth@example.com", "probe-two"))).Succeeded);
    }

    [Fact]
    public async Task SignUpLink_ExpiredTamperedOrItsHandleTakenSince_IsRefused_AndCreatesNothing()
    {
        await using var bed = TestBed.Create();
        Assert.True((await bed.Users.RequestSignUpAsync(Form("late@example.com", "late-team"))).Succeeded);
        Assert.True((await bed.Users.RequestSignUpAsync(Form("raced@example.com", "raced-team"))).Succeeded);
        var late = bed.Activations.LastTo("late@example.com").Token;
        var raced = bed.Activations.LastTo("raced@example.com").Token;

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ConfirmEmailAsync(late[..^2] + (late[^2] == 'A' ? "BB" : "AA"))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ConfirmEmailAsync(UserService.SignUpTokenPrefix + "not-sealed")).Code);
        Assert.True((await bed.Users.SignUpAsync(new SignUpRequest("first@example.com", "F", "F", "T", "raced-team") { Password = Password })).Succeeded);
        Assert.Equal(TeamAccessErrorCode.DuplicateHandle, (await bed.Users.ConfirmEmailAsync(raced)).Code);
        bed.Time.Advance(TimeSpan.FromDays(4));
        Assert.Equal(TeamAccessErrorCode.EmailConfirmationExpired, (await bed.Users.ConfirmEmailAsync(late)).Code);

        Assert.Null(await bed.Users.FindByEmailAsync("late@example.com"));
        Assert.Null(await bed.Users.FindByEmailAsync("raced@example.com"));
    }

    [Fact]
    public async Task TakenAddress_AnswersAsAFreshOne_CreatesNothing_AndMailsTheOwner()
    {
        await using var bed = TestBed.Create();
        var ada = await SessionServiceTests.SignUpWithPasswordAsync(bed, "ada");
        var writes = bed.Store.AuditEventCount;

        var fresh = await bed.Users.RequestSignUpAsync(Form("nobody@example.com", "nobodys-team"));
        var taken = await bed.Users.RequestSignUpAsync(Form("ADA@example.com", "eves-team"));

        Assert.Equal((TeamAccessErrorCode.None, fresh.ToString()), (taken.Code, taken.ToString()));
        Assert.Null(await bed.Store.FindIdByHandleAsync("eves-team", CancellationToken.None));
        var note = Assert.Single(bed.Activations.AccountExists);
        Assert.Equal((ada.User.Id, "ada@example.com"), (note.UserId, note.Email));
        Assert.Equal(bed.Time.GetUtcNow(), note.RequestedAt);

        // Neither wrote: the fresh address got its link, the taken one's owner the note.
        Assert.Single(bed.Activations.Sent, m => m.Email == "nobody@example.com");
        Assert.DoesNotContain(bed.Activations.Sent, m => m.Email == "ada@example.com" && m.UserId != ada.User.Id);
        Assert.Equal(writes, bed.Store.AuditEventCount);
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", "some other long password"), ada.Team.Id)).Code);
    }

    [Fact]
    public async Task FormErrors_AreTheSameForATakenAndAFreshAddress()
    {
        await using var bed = TestBed.Create();
        await SessionServiceTests.SignUpWithPasswordAsync(bed, "ada");
        await SessionServiceTests.SignUpWithPasswordAsync(bed, "bob");

        foreach (var email in new[] { "ada@example.com", "fresh@example.com" })
        {
            Assert.Equal(TeamAccessErrorCode.DuplicateHandle, (await bed.Users.RequestSignUpAsync(Form(email, "bob-team"))).Code);
            Assert.Equal(TeamAccessErrorCode.InvalidHandle, (await bed.Users.RequestSignUpAsync(Form(email, "Not A Handle"))).Code);
            Assert.Equal(TeamAccessErrorCode.PasswordPolicy, (await bed.Users.RequestSignUpAsync(Form(email, "new-team", "short"))).Code);
        }

        Assert.Equal(TeamAccessErrorCode.InvalidEmail, (await bed.Users.RequestSignUpAsync(Form("not-an-email", "new-team"))).Code);
        Assert.Empty(bed.Activations.AccountExists);
        Assert.DoesNotContain(bed.Activations.Sent, m => m.Email == "fresh@example.com");
    }

    [Fact]
    public async Task TakenAddress_NotesToTheOwner_SpendTheAddressesDailyBudgetOfActivationMessages()
    {
        await using var bed = TestBed.Create(o => o.EmailConfirmation.MaxMessagesPerAddressPerDay = 3);
        await SessionServiceTests.SignUpWithPasswordAsync(bed, "ada");

        // The sign-up's activation spent one of the three; two notes follow, then nothing more that day.
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await bed.Users.RequestSignUpAsync(Form("ada@example.com", $"try-{i}"))).Succeeded);
        }

        Assert.Equal(2, bed.Activations.AccountExists.Count);
        bed.Time.Advance(TimeSpan.FromDays(1));
        Assert.True((await bed.Users.RequestSignUpAsync(Form("ada@example.com", "try-next-day"))).Succeeded);
        Assert.Equal(3, bed.Activations.AccountExists.Count);
    }
}
