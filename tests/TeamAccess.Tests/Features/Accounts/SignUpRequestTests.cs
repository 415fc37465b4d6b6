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
    public async Task FreshAddress_GetsItsAccountTeamAndActivation()
    {
        await using var bed = TestBed.Create();

        var answer = await bed.Users.RequestSignUpAsync(Form("grace@example.com", "grace-lab"));

        Assert.Equal(TeamAccessErrorCode.None, answer.Code);
        Assert.NotNull(await bed.Users.FindByEmailAsync("grace@example.com"));
        Assert.NotNull(await bed.Store.FindIdByHandleAsync("grace-lab", CancellationToken.None));
        Assert.Single(bed.Activations.Sent);
        Assert.Empty(bed.Activations.AccountExists);
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

        // Only the fresh address's sign-up wrote (its user, team and membership); the taken one changed nothing.
        Assert.Single(bed.Activations.Sent, m => m.Email == "nobody@example.com");
        Assert.DoesNotContain(bed.Activations.Sent, m => m.Email == "ada@example.com" && m.UserId != ada.User.Id);
        Assert.True(bed.Store.AuditEventCount > writes);
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
        Assert.Null(await bed.Users.FindByEmailAsync("fresh@example.com"));
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
