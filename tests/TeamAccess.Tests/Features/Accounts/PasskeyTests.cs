using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamAccess.Accounts;
using TeamAccess.Specification.Tests;

namespace TeamAccess.Tests;

/// <summary>Issue 24: passkeys (WebAuthn), verified by Fido2 against a software authenticator built in the test.</summary>
public sealed class PasskeyTests
{
    private const string Origin = "https://app.example.com";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task SignIn_PasskeyAlone_IssuesASessionWithBothFactorsAndMovesTheCounter()
    {
        await using var bed = Bed();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        using var key = new SoftwareAuthenticator(Origin, backupEligible: true);
        var registered = await RegisterAsync(bed, ada, key, "Laptop");
        Assert.Equal("Laptop", registered.Name);
        Assert.True(registered.BackupEligible);

        var challenge = (await bed.Passkeys.BeginSignInAsync()).Value!;
        Assert.DoesNotContain(challenge.ChallengeId, challenge.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("allowCredentials\":[{", challenge.OptionsJson, StringComparison.Ordinal);
        var signedIn = await bed.Passkeys.CompleteSignInAsync(challenge.ChallengeId, key.Get(challenge.OptionsJson), ada.Team.Id);

        Assert.True(signedIn.Succeeded, signedIn.ToString());
        var info = signedIn.Value!.Info;
        Assert.Equal([AuthenticationMethods.SoftwareKey, AuthenticationMethods.MultipleFactors], info.AuthenticationMethods);
        Assert.Equal(bed.Time.GetUtcNow(), info.SecondFactorAt);
        Assert.True((await bed.Sessions.ValidateAsync(signedIn.Value.AccessToken, ada.Team.Id)).Succeeded);
        var stored = (await bed.Store.ListPasskeysAsync(ada.User.Id, CancellationToken.None)).Single();
        Assert.Equal(1, stored.SignCount);
        Assert.Equal(bed.Time.GetUtcNow(), stored.LastUsedAt);
    }

    [Fact]
    public async Task CompleteSignIn_SameChallengeTwice_RefusesTheReplay()
    {
        await using var bed = Bed();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        using var key = new SoftwareAuthenticator(Origin);
        await RegisterAsync(bed, ada, key, "Key");
        var challenge = (await bed.Passkeys.BeginSignInAsync()).Value!;
        var answer = key.Get(challenge.OptionsJson);
        Assert.True((await bed.Passkeys.CompleteSignInAsync(challenge.ChallengeId, answer, ada.Team.Id)).Succeeded);

        Assert.Equal(TeamAccessErrorCode.InvalidPasskey, (await bed.Passkeys.CompleteSignInAsync(challenge.ChallengeId, answer, ada.Team.Id)).Code);

        // A fresh answer to the spent challenge is refused too: the challenge, not the counter, is what was spent.
        Assert.Equal(TeamAccessErrorCode.InvalidPasskey, (await bed.Passkeys.CompleteSignInAsync(challenge.ChallengeId, key.Get(challenge.OptionsJson), ada.Team.Id)).Code);
    }

    [Fact]
    public async Task CompleteSignIn_ExpiredChallenge_Refuses()
    {
        await using var bed = Bed();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        using var key = new SoftwareAuthenticator(Origin);
        await RegisterAsync(bed, ada, key, "Key");
        var challenge = (await bed.Passkeys.BeginSignInAsync()).Value!;
        bed.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(TeamAccessErrorCode.InvalidPasskey, (await bed.Passkeys.CompleteSignInAsync(challenge.ChallengeId, key.Get(challenge.OptionsJson), ada.Team.Id)).Code);
    }

    [Fact]
    public async Task Ceremonies_WrongOrigin_AreRefused()
    {
        await using var bed = Bed();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        using var key = new SoftwareAuthenticator("https://app.example.com.evil.test");
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Value!;
        var begun = (await bed.Passkeys.BeginRegistrationAsync(session.AccessToken)).Value!;
        Assert.Equal(TeamAccessErrorCode.InvalidPasskey, (await bed.Passkeys.CompleteRegistrationAsync(session.AccessToken, begun.ChallengeId, key.Create(begun.OptionsJson), "Phished")).Code);

        key.Origin = Origin;
        await RegisterAsync(bed, ada, key, "Key");
        key.Origin = "https://evil.test";
        var challenge = (await bed.Passkeys.BeginSignInAsync()).Value!;
        Assert.Equal(TeamAccessErrorCode.InvalidPasskey, (await bed.Passkeys.CompleteSignInAsync(challenge.ChallengeId, key.Get(challenge.OptionsJson), ada.Team.Id)).Code);
        Assert.Equal(0, (await bed.Store.ListPasskeysAsync(ada.User.Id, CancellationToken.None)).Single().SignCount);
    }

    [Fact]
    public async Task CompleteSignIn_WithoutUserVerification_Refuses()
    {
        await using var bed = Bed();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        using var key = new SoftwareAuthenticator(Origin);
        await RegisterAsync(bed, ada, key, "Key");
        key.VerifiesUser = false;
        var challenge = (await bed.Passkeys.BeginSignInAsync()).Value!;

        Assert.Equal(TeamAccessErrorCode.InvalidPasskey, (await bed.Passkeys.CompleteSignInAsync(challenge.ChallengeId, key.Get(challenge.OptionsJson), ada.Team.Id)).Code);
    }

    [Fact]
    public async Task CompleteSignIn_CounterGoesBackwards_IsRefusedAndTheStoredCounterKept()
    {
        await using var bed = Bed();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        using var key = new SoftwareAuthenticator(Origin);
        await RegisterAsync(bed, ada, key, "Key");
        key.SignCount = 9;
        var first = (await bed.Passkeys.BeginSignInAsync()).Value!;
        Assert.True((await bed.Passkeys.CompleteSignInAsync(first.ChallengeId, key.Get(first.OptionsJson), ada.Team.Id)).Succeeded);

        // A clone that kept an older counter answers a fresh challenge with a correct signature.
        key.SignCount = 4;
        var second = (await bed.Passkeys.BeginSignInAsync()).Value!;
        Assert.Equal(TeamAccessErrorCode.PasskeyCounterRegressed, (await bed.Passkeys.CompleteSignInAsync(second.ChallengeId, key.Get(second.OptionsJson), ada.Team.Id)).Code);

        // The same counter again is no move forward either.
        key.SignCount = 9;
        var third = (await bed.Passkeys.BeginSignInAsync()).Value!;
        Assert.Equal(TeamAccessErrorCode.PasskeyCounterRegressed, (await bed.Passkeys.CompleteSignInAsync(third.ChallengeId, key.Get(third.OptionsJson), ada.Team.Id)).Code);
        Assert.Equal(10, (await bed.Store.ListPasskeysAsync(ada.User.Id, CancellationToken.None)).Single().SignCount);
    }

    [Fact]
    public async Task SecondFactor_PasswordThenPasskey_RecordsBothAndAnotherUsersPasskeyIsRefused()
    {
        await using var bed = Bed();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        var bob = await bed.SignUpWithPasswordAsync("bob", Password);
        using var adaKey = new SoftwareAuthenticator(Origin);
        using var bobKey = new SoftwareAuthenticator(Origin);
        await RegisterAsync(bed, ada, adaKey, "Ada's key");
        await RegisterAsync(bed, bob, bobKey, "Bob's key");

        // A passkey is a second factor: the password alone no longer signs ada in.
        Assert.Equal(TeamAccessErrorCode.SecondFactorRequired, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Code);
        var step = (await bed.SecondFactors.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Value!;
        Assert.Equal(TeamAccessErrorCode.SecondFactorRequired, step.Next);

        // Bob's passkey answering ada's challenge is refused, and so is ada's challenge used for a sign-in alone.
        var challenge = (await bed.Passkeys.BeginSecondFactorAsync(step.Ticket!)).Value!;
        Assert.Equal(TeamAccessErrorCode.InvalidPasskey, (await bed.Passkeys.CompleteSecondFactorAsync(step.Ticket!, challenge.ChallengeId, bobKey.Get(challenge.OptionsJson))).Code);
        var another = (await bed.Passkeys.BeginSecondFactorAsync(step.Ticket!)).Value!;
        Assert.Equal(TeamAccessErrorCode.InvalidPasskey, (await bed.Passkeys.CompleteSignInAsync(another.ChallengeId, adaKey.Get(another.OptionsJson), ada.Team.Id)).Code);

        var third = (await bed.Passkeys.BeginSecondFactorAsync(step.Ticket!)).Value!;
        var done = await bed.Passkeys.CompleteSecondFactorAsync(step.Ticket!, third.ChallengeId, adaKey.Get(third.OptionsJson));

        Assert.True(done.Succeeded, done.ToString());
        Assert.Equal([AuthenticationMethods.Password, AuthenticationMethods.HardwareKey, AuthenticationMethods.MultipleFactors], done.Value!.Info.AuthenticationMethods);
        Assert.NotNull(done.Value.Info.SecondFactorAt);

        // Bob's passkey cannot sign in to ada's team either: bob is no member there.
        var alone = (await bed.Passkeys.BeginSignInAsync()).Value!;
        Assert.False((await bed.Passkeys.CompleteSignInAsync(alone.ChallengeId, bobKey.Get(alone.OptionsJson), ada.Team.Id)).Succeeded);
    }

    [Fact]
    public async Task ListRenameRemove_RemovingNeedsARecentSecondFactorAndEndsOtherSessions()
    {
        await using var bed = Bed();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        using var laptop = new SoftwareAuthenticator(Origin);
        using var phone = new SoftwareAuthenticator(Origin, backupEligible: true);
        var first = await RegisterAsync(bed, ada, laptop, "Laptop");

        // A second passkey needs a recent second factor: the first one is one.
        var session = await PasskeySessionAsync(bed, ada, laptop);
        bed.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(TeamAccessErrorCode.RecentSecondFactorRequired, (await bed.Passkeys.BeginRegistrationAsync(session.AccessToken)).Code);
        session = await StepUpAsync(bed, session, laptop);
        var begun = (await bed.Passkeys.BeginRegistrationAsync(session.AccessToken)).Value!;
        Assert.Contains(Convert.ToBase64String(laptop.CredentialId).TrimEnd('=').Replace('+', '-').Replace('/', '_'), begun.OptionsJson, StringComparison.Ordinal);
        var second = (await bed.Passkeys.CompleteRegistrationAsync(session.AccessToken, begun.ChallengeId, phone.Create(begun.OptionsJson), "Phone")).Value!;

        Assert.Equal(["Laptop", "Phone"], (await bed.Passkeys.ListAsync(session.AccessToken)).Value!.Select(p => p.Name));
        Assert.Equal(TeamAccessErrorCode.InvalidPasskeyName, (await bed.Passkeys.RenameAsync(session.AccessToken, second.Id, " ")).Code);
        Assert.Equal("Work phone", (await bed.Passkeys.RenameAsync(session.AccessToken, second.Id, " Work phone ")).Value!.Name);

        // Another user's passkey id is not found for ada.
        var bob = await bed.SignUpWithPasswordAsync("bob", Password);
        var bobSession = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("bob@example.com", Password), bob.Team.Id)).Value!;
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Passkeys.RenameAsync(bobSession.AccessToken, first.Id, "Mine now")).Code);

        var other = await PasskeySessionAsync(bed, ada, phone);
        bed.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(TeamAccessErrorCode.RecentSecondFactorRequired, (await bed.Passkeys.RemoveAsync(session.AccessToken, first.Id)).Code);
        session = await StepUpAsync(bed, session, laptop);
        var removed = await bed.Passkeys.RemoveAsync(session.AccessToken, first.Id);

        Assert.True(removed.Succeeded, removed.ToString());
        Assert.True((await bed.Sessions.ValidateAsync(removed.Value!.AccessToken, ada.Team.Id)).Succeeded);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Sessions.ValidateAsync(other.AccessToken, ada.Team.Id)).Code);
        Assert.Equal(["Work phone"], (await bed.Passkeys.ListAsync(removed.Value.AccessToken)).Value!.Select(p => p.Name));
        var gone = (await bed.Passkeys.BeginSignInAsync()).Value!;
        Assert.Equal(TeamAccessErrorCode.InvalidPasskey, (await bed.Passkeys.CompleteSignInAsync(gone.ChallengeId, laptop.Get(gone.OptionsJson), ada.Team.Id)).Code);
    }

    [Fact]
    public async Task TeamPolicy_PasskeyRequired_RefusesAnAuthenticatorCodeSessionAndTakesAPasskeyOne()
    {
        await using var bed = Bed();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        using var key = new SoftwareAuthenticator(Origin);
        await RegisterAsync(bed, ada, key, "Key");
        var session = await PasskeySessionAsync(bed, ada, key);
        var set = await bed.Teams.SetSignInPolicyAsync(ada.User.Id, ada.Team.Id, TeamSignInPolicy.Open with { PasskeyRequired = true });
        Assert.True(set.Succeeded, set.ToString());

        Assert.True((await bed.Sessions.ValidateAsync(session.AccessToken, ada.Team.Id)).Succeeded);
        var step = (await bed.SecondFactors.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), ada.Team.Id)).Value!;
        Assert.Equal(TeamAccessErrorCode.PasskeyRequired, step.Next);
        var challenge = (await bed.Passkeys.BeginSecondFactorAsync(step.Ticket!)).Value!;
        var done = (await bed.Passkeys.CompleteSecondFactorAsync(step.Ticket!, challenge.ChallengeId, key.Get(challenge.OptionsJson))).Value!;
        Assert.True((await bed.Sessions.ValidateAsync(done.AccessToken, ada.Team.Id)).Succeeded);
    }

    [Fact]
    public async Task Options_BadRelyingPartyOrOrigin_FailAtStart()
    {
        Assert.Contains(new PasskeyOptions { RelyingPartyId = "Example.COM" }.Validate(), e => e.Contains("RelyingPartyId", StringComparison.Ordinal));
        var http = new PasskeyOptions { RelyingPartyId = "example.com" };
        http.Origins.Add("http://app.example.com");
        Assert.Contains(http.Validate(), e => e.Contains("http://app.example.com", StringComparison.Ordinal));
        var elsewhere = new PasskeyOptions { RelyingPartyId = "example.com" };
        elsewhere.Origins.Add("https://example.com.evil.test");
        Assert.Contains(elsewhere.Validate(), e => e.Contains("evil", StringComparison.Ordinal));
        Assert.Contains(new PasskeyOptions { RelyingPartyId = "example.com" }.Validate(), e => e.Contains("at least one origin", StringComparison.Ordinal));
        var good = new PasskeyOptions { RelyingPartyId = "example.com" };
        good.Origins.Add(Origin);
        good.Origins.Add("https://admin.example.com");
        Assert.Empty(good.Validate());
        var local = new PasskeyOptions { RelyingPartyId = "localhost" };
        local.Origins.Add("http://localhost:5000");
        Assert.Empty(local.Validate());

        await using var off = TestBed.Create();
        Assert.Equal(TeamAccessErrorCode.PasskeysUnavailable, (await off.Passkeys.BeginSignInAsync()).Code);
        Assert.Throws<OptionsValidationException>(() => off.Sibling(o => o.Passkeys.RelyingPartyId = "example.com").Services.GetRequiredService<IOptions<TeamAccessOptions>>().Value);
    }

    private static TestBed Bed() => TestBed.Create(o =>
    {
        o.Passkeys.RelyingPartyId = "example.com";
        o.Passkeys.Origins.Add(Origin);
    });

    private static async Task<PasskeyView> RegisterAsync(TestBed bed, SignUpResult user, SoftwareAuthenticator key, string name)
    {
        var step = (await bed.SecondFactors.SignInAsync(SignInCredential.ForPassword(user.User.Email, Password), user.Team.Id)).Value!;
        var session = step.Session ?? await StepUpAsync(bed, null, key, step.Ticket);
        var begun = await bed.Passkeys.BeginRegistrationAsync(session.AccessToken);
        Assert.True(begun.Succeeded, begun.ToString());
        var registered = await bed.Passkeys.CompleteRegistrationAsync(session.AccessToken, begun.Value!.ChallengeId, key.Create(begun.Value.OptionsJson), name);
        Assert.True(registered.Succeeded, registered.ToString());
        return registered.Value!;
    }

    private static async Task<Session> PasskeySessionAsync(TestBed bed, SignUpResult user, SoftwareAuthenticator key)
    {
        var challenge = (await bed.Passkeys.BeginSignInAsync()).Value!;
        var signedIn = await bed.Passkeys.CompleteSignInAsync(challenge.ChallengeId, key.Get(challenge.OptionsJson), user.Team.Id);
        Assert.True(signedIn.Succeeded, signedIn.ToString());
        return signedIn.Value!;
    }

    private static async Task<Session> StepUpAsync(TestBed bed, Session? session, SoftwareAuthenticator key, string? ticket = null)
    {
        if (ticket is not null)
        {
            var second = (await bed.Passkeys.BeginSecondFactorAsync(ticket)).Value!;
            return (await bed.Passkeys.CompleteSecondFactorAsync(ticket, second.ChallengeId, key.Get(second.OptionsJson))).Value!;
        }

        var challenge = (await bed.Passkeys.BeginStepUpAsync(session!.AccessToken)).Value!;
        var stepped = await bed.Passkeys.CompleteStepUpAsync(session.AccessToken, challenge.ChallengeId, key.Get(challenge.OptionsJson));
        Assert.True(stepped.Succeeded, stepped.ToString());
        return stepped.Value!;
    }
}
