using Microsoft.Extensions.Options;
using TeamAccess.Accounts;
using TeamAccess.Invitations;

namespace TeamAccess.Tests;

/// <summary>
/// Proven email addresses (issue 13): a password sign-up starts unconfirmed and gets an activation link; a squatter's
/// unconfirmed claim on an address never outlives its owner's proof of it.
/// </summary>
public sealed class EmailConfirmationTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task SignUp_WithAPassword_CreatesAnUnconfirmedUserAndSendsOneActivationMessage()
    {
        await using var bed = TestBed.Create();

        var signedUp = await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = Password });

        Assert.True(signedUp.Succeeded, signedUp.ToString());
        var user = (await bed.Store.FindByIdAsync(signedUp.Value!.User.Id, CancellationToken.None))!;
        Assert.False(user.EmailConfirmed);
        var message = Assert.Single(bed.Activations.Sent);
        Assert.Equal((user.Id, "ada@example.com", "Ada"), (message.UserId, message.Email, message.FirstName));
        Assert.Equal(bed.Time.GetUtcNow() + TimeSpan.FromDays(3), message.ExpiresAt);
        Assert.NotNull(user.EmailConfirmationHash);
        Assert.DoesNotContain(message.Token, user.EmailConfirmationHash!, StringComparison.Ordinal);
        Assert.DoesNotContain(message.Token, message.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(bed.Logs.Lines, line => line.Contains(message.Token, StringComparison.Ordinal));
        var audit = (await bed.Audit.ListAsync(user.Id, signedUp.Value.Team.Id)).Value!;
        Assert.DoesNotContain(audit, e => (e.After ?? string.Empty).Contains(user.EmailConfirmationHash!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignUp_WithoutAPassword_IsRefusedAndCreatesNothing()
    {
        await using var bed = TestBed.Create();

        // The type requires a password; a request read from JSON may still lack it.
        var result = await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = null! });

        Assert.Equal(TeamAccessErrorCode.PasswordPolicy, result.Code);
        Assert.Null(await bed.Users.FindByEmailAsync("ada@example.com"));
        Assert.Empty(bed.Activations.Sent);
    }

    [Fact]
    public async Task SignIn_PasswordOfAnUnconfirmedUser_IsEmailNotConfirmedUntilTheLinkIsUsed()
    {
        await using var bed = TestBed.Create();
        var ada = (await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = Password })).Value!;
        var credential = SignInCredential.ForPassword("ada@example.com", Password);

        Assert.Equal(TeamAccessErrorCode.EmailNotConfirmed, (await bed.Sessions.SignInAsync(credential, ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", "wrong horse battery staple"), ada.Team.Id)).Code);

        var confirmed = await bed.Users.ConfirmEmailAsync(bed.Activations.LastTo("ada@example.com").Token);

        Assert.True(confirmed.Succeeded, confirmed.ToString());
        Assert.True(confirmed.Value!.EmailConfirmed);
        Assert.Null((await bed.Store.FindByIdAsync(confirmed.Value.Id, CancellationToken.None))!.EmailConfirmationHash);
        Assert.True((await bed.Sessions.SignInAsync(credential, ada.Team.Id)).Succeeded);
    }

    [Fact]
    public async Task SignIn_UnconfirmedUserWhenTheHostAllowsIt_Succeeds()
    {
        await using var bed = TestBed.Create(o => o.EmailConfirmation.RequiredForPasswordSignIn = false);
        var ada = (await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = Password })).Value!;

        Assert.True((await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Succeeded);
    }

    [Fact]
    public async Task ConfirmEmail_TokenUsedTwiceTamperedOrExpired_IsRefusedAndAResendIssuesANewOne()
    {
        await using var bed = TestBed.Create();
        await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = Password });
        var token = bed.Activations.LastTo("ada@example.com").Token;
        var tampered = string.Concat(token.AsSpan(0, token.Length - 2), token[^2] == 'A' ? "B" : "A", token.AsSpan(token.Length - 1));

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ConfirmEmailAsync(tampered)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ConfirmEmailAsync("not a token")).Code);
        Assert.True((await bed.Users.ConfirmEmailAsync(token)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ConfirmEmailAsync(token)).Code);

        await bed.Users.SignUpAsync(new SignUpRequest("grace@example.com", "Grace", "Hopper", "Lab", "grace-lab") { Password = Password });
        var first = bed.Activations.LastTo("grace@example.com").Token;
        bed.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(TeamAccessErrorCode.EmailConfirmationExpired, (await bed.Users.ConfirmEmailAsync(first)).Code);

        Assert.True((await bed.Users.ResendEmailConfirmationAsync("Grace@Example.com")).Succeeded);
        Assert.True((await bed.Users.ResendEmailConfirmationAsync("nobody@example.com")).Succeeded);
        Assert.True((await bed.Users.ResendEmailConfirmationAsync("ada@example.com")).Succeeded);
        Assert.Equal(3, bed.Activations.Sent.Count);
        var second = bed.Activations.LastTo("grace@example.com").Token;
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ConfirmEmailAsync(first)).Code);
        Assert.True((await bed.Users.ConfirmEmailAsync(second)).Succeeded);
    }

    [Fact]
    public async Task ResendEmailConfirmation_WithinTheCooldown_SendsNothingMore()
    {
        await using var bed = TestBed.Create();
        await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = Password });

        Assert.True((await bed.Users.ResendEmailConfirmationAsync("ada@example.com")).Succeeded);
        bed.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await bed.Users.ResendEmailConfirmationAsync("ada@example.com")).Succeeded);

        Assert.Equal(2, bed.Activations.Sent.Count);
    }

    [Fact]
    public async Task SignIn_AuthoritativeProviderProvingAnUnconfirmedAccountsAddress_EndsItsPasswordAndSessions()
    {
        await using var bed = TestBed.Create(o => o.EmailConfirmation.RequiredForPasswordSignIn = false);
        var squatter = (await bed.Users.SignUpAsync(new SignUpRequest("alice@example.com", "Not", "Alice", "Squat", "squat-team") { Password = Password })).Value!;
        var squatterSession = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("alice@example.com", Password), squatter.Team.Id)).Value!;

        // The real Alice signs in through the host's provider, which proves example.com addresses.
        var alice = await bed.Sessions.SignInAsync(bed.Host.Credential("h-alice", "alice@example.com"), squatter.Team.Id);

        Assert.True(alice.Succeeded, alice.ToString());
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(squatterSession.AccessToken, squatter.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("alice@example.com", Password), squatter.Team.Id)).Code);
        var user = (await bed.Store.FindByIdAsync(squatter.User.Id, CancellationToken.None))!;
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.ConfirmEmailAsync(bed.Activations.LastTo("alice@example.com").Token)).Code);
        Assert.True((await bed.Sessions.ValidateAsync(alice.Value!.AccessToken, squatter.Team.Id)).Succeeded);
    }

    [Fact]
    public async Task SignIn_JustInTimeToTheAddressOfAnUnconfirmedAccount_NeverLeavesTheSquattersPasswordWorking()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        await bed.RequireSsoAsync(owner, bed.Acme.Name, verifiedDomain: "acme.example", justInTimeRole: RolePresets.Member);
        var squatter = (await bed.Users.SignUpAsync(new SignUpRequest("bob@acme.example", "Not", "Bob", "Squat", "squat-team") { Password = Password })).Value!;

        var bob = await bed.Sessions.SignInAsync(bed.Acme.Credential("a-bob", "bob@acme.example"), owner.Team.Id);

        Assert.True(bob.Succeeded, bob.ToString());
        var user = (await bed.Store.FindByIdAsync(bob.Value!.Info.UserId, CancellationToken.None))!;
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        await bed.Users.ResendEmailConfirmationAsync("bob@acme.example");
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("bob@acme.example", Password), squatter.Team.Id)).Code);
    }

    [Fact]
    public async Task Accept_InvitationByItsLink_ConfirmsTheAddress()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var grace = (await bed.Users.SignUpAsync(new SignUpRequest("grace@example.com", "Grace", "Hopper", "Lab", "grace-lab") { Password = Password })).Value!;
        await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com alan@example.com", RolePresets.Member));

        var accepted = await bed.Invitations.AcceptAsync(grace.User.Id, InvitationKey.FromToken(bed.Outbox.LastTo("grace@example.com").Token));
        var created = await bed.Invitations.AcceptWithNewAccountAsync(InvitationKey.FromToken(bed.Outbox.LastTo("alan@example.com").Token), new NewAccount("Alan", "Turing", Password));

        Assert.True(accepted.Succeeded, accepted.ToString());
        Assert.True((await bed.Users.FindByIdAsync(grace.User.Id))!.EmailConfirmed);
        Assert.True(created.Succeeded, created.ToString());
        Assert.True((await bed.Users.FindByIdAsync(created.Value!.User.Id))!.EmailConfirmed);
        Assert.True((await bed.Sessions.SignInAsync(SignInCredential.ForPassword("grace@example.com", Password), owner.Team.Id)).Succeeded);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(24 * 31)]
    public async Task Start_ConfirmationLifetimeOutOfBounds_FailsValidation(double hours)
    {
        await using var bed = TestBed.Create(o => o.EmailConfirmation.Lifetime = TimeSpan.FromHours(hours));

        var error = Assert.Throws<OptionsValidationException>(() => bed.Services.GetService(typeof(IOptions<TeamAccessOptions>)) is IOptions<TeamAccessOptions> o ? o.Value : null);
        Assert.Contains("EmailConfirmation.Lifetime", error.Message, StringComparison.Ordinal);
    }
}
