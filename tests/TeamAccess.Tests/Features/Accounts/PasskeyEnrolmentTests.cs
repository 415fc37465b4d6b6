using TeamAccess.Accounts;
using TeamAccess.Specification.Tests;

namespace TeamAccess.Tests;

/// <summary>
/// Issue 24: a passkey-only team's member who has no passkey is led to enrol one within the sign-in (not locked out). The
/// enrolment ticket is bound to the user and the first factor, short-lived, spent by the one passkey it registers, and
/// good for nothing else.
/// </summary>
public sealed class PasskeyEnrolmentTests
{
    private const string Origin = "https://app.example.com";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task SignIn_PasskeyOnlyTeamMemberWithoutPasskey_EnrolsOneAndGetsAPasskeySession()
    {
        await using var bed = Bed();
        var (owner, ada) = await PasskeyOnlyTeamAsync(bed, "ada");
        using var key = new SoftwareAuthenticator(Origin);

        Assert.Equal(TeamAccessErrorCode.PasskeyEnrolmentRequired, (await bed.Sessions.SignInAsync(Credential("ada"), owner.Team.Id)).Code);
        var step = (await bed.SecondFactors.SignInAsync(Credential("ada"), owner.Team.Id)).Value!;
        Assert.Equal(TeamAccessErrorCode.PasskeyEnrolmentRequired, step.Next);
        Assert.Null(step.Session);

        var begun = await bed.Passkeys.BeginEnrolmentAsync(step.Ticket!);
        Assert.True(begun.Succeeded, begun.ToString());
        var done = await bed.Passkeys.CompleteEnrolmentAsync(step.Ticket!, begun.Value!.ChallengeId, key.Create(begun.Value.OptionsJson), "Laptop");

        Assert.True(done.Succeeded, done.ToString());
        Assert.Equal(owner.Team.Id, done.Value!.Info.TeamId);
        Assert.Equal([AuthenticationMethods.Password, AuthenticationMethods.HardwareKey, AuthenticationMethods.MultipleFactors], done.Value.Info.AuthenticationMethods);
        Assert.Equal(bed.Time.GetUtcNow(), done.Value.Info.SecondFactorAt);
        Assert.True((await bed.Sessions.ValidateAsync(done.Value.AccessToken, owner.Team.Id)).Succeeded);
        Assert.Equal("Laptop", (await bed.Store.ListPasskeysAsync(ada.User.Id, CancellationToken.None)).Single().Name);

        // The next sign-in asks for the passkey, which now signs in.
        var next = (await bed.SecondFactors.SignInAsync(Credential("ada"), owner.Team.Id)).Value!;
        Assert.Equal(TeamAccessErrorCode.PasskeyRequired, next.Next);
        var challenge = (await bed.Passkeys.BeginSecondFactorAsync(next.Ticket!)).Value!;
        Assert.True((await bed.Passkeys.CompleteSecondFactorAsync(next.Ticket!, challenge.ChallengeId, key.Get(challenge.OptionsJson))).Succeeded);
    }

    [Fact]
    public async Task Enrolment_TicketReplayed_IsRefusedAndRegistersNoSecondPasskey()
    {
        await using var bed = Bed();
        var (owner, ada) = await PasskeyOnlyTeamAsync(bed, "ada");
        using var key = new SoftwareAuthenticator(Origin);
        using var planted = new SoftwareAuthenticator(Origin);
        var ticket = (await bed.SecondFactors.SignInAsync(Credential("ada"), owner.Team.Id)).Value!.Ticket!;

        // Two ceremonies begun on one ticket: only the first completion registers.
        var first = (await bed.Passkeys.BeginEnrolmentAsync(ticket)).Value!;
        var second = (await bed.Passkeys.BeginEnrolmentAsync(ticket)).Value!;
        Assert.True((await bed.Passkeys.CompleteEnrolmentAsync(ticket, first.ChallengeId, key.Create(first.OptionsJson), "Key")).Succeeded);

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Passkeys.CompleteEnrolmentAsync(ticket, second.ChallengeId, planted.Create(second.OptionsJson), "Planted")).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Passkeys.BeginEnrolmentAsync(ticket)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidPasskey, (await bed.Passkeys.CompleteEnrolmentAsync(ticket, first.ChallengeId, planted.Create(first.OptionsJson), "Again")).Code);
        Assert.Equal(["Key"], (await bed.Store.ListPasskeysAsync(ada.User.Id, CancellationToken.None)).Select(p => p.Name));
    }

    [Fact]
    public async Task Enrolment_ExpiredTicket_IsRefused()
    {
        await using var bed = Bed();
        var (owner, ada) = await PasskeyOnlyTeamAsync(bed, "ada");
        using var key = new SoftwareAuthenticator(Origin);
        var ticket = (await bed.SecondFactors.SignInAsync(Credential("ada"), owner.Team.Id)).Value!.Ticket!;
        var begun = (await bed.Passkeys.BeginEnrolmentAsync(ticket)).Value!;
        bed.Time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Passkeys.BeginEnrolmentAsync(ticket)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Passkeys.CompleteEnrolmentAsync(ticket, begun.ChallengeId, key.Create(begun.OptionsJson), "Late")).Code);
        Assert.Empty(await bed.Store.ListPasskeysAsync(ada.User.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Enrolment_TicketOfAnotherUser_CannotEnrolForThem()
    {
        await using var bed = Bed();
        var (owner, ada) = await PasskeyOnlyTeamAsync(bed, "ada");
        var bob = await bed.SignUpWithPasswordAsync("bob", Password);
        Assert.True((await bed.Members.AddAsHostAsync(owner.Team.Id, bob.User.Id, RolePresets.Member)).Succeeded);
        using var key = new SoftwareAuthenticator(Origin);
        var adaTicket = (await bed.SecondFactors.SignInAsync(Credential("ada"), owner.Team.Id)).Value!.Ticket!;
        var bobTicket = (await bed.SecondFactors.SignInAsync(Credential("bob"), owner.Team.Id)).Value!.Ticket!;

        // Bob's challenge answered under ada's ticket (and the reverse) is refused: a challenge belongs to one user.
        var bobs = (await bed.Passkeys.BeginEnrolmentAsync(bobTicket)).Value!;
        Assert.Equal(TeamAccessErrorCode.InvalidPasskey, (await bed.Passkeys.CompleteEnrolmentAsync(adaTicket, bobs.ChallengeId, key.Create(bobs.OptionsJson), "Mixed")).Code);
        var adas = (await bed.Passkeys.BeginEnrolmentAsync(adaTicket)).Value!;
        Assert.Equal(TeamAccessErrorCode.InvalidPasskey, (await bed.Passkeys.CompleteEnrolmentAsync(bobTicket, adas.ChallengeId, key.Create(adas.OptionsJson), "Mixed")).Code);
        Assert.Empty(await bed.Store.ListPasskeysAsync(ada.User.Id, CancellationToken.None));
        Assert.Empty(await bed.Store.ListPasskeysAsync(bob.User.Id, CancellationToken.None));

        // A reset of ada's password since the first factor kills her ticket.
        var reset = await bed.Users.RequestPasswordResetAsync("ada@example.com");
        Assert.True(reset.Succeeded, reset.ToString());
        Assert.True((await bed.Users.ResetPasswordAsync(bed.ResetOutbox.LastTo("ada@example.com").Token, "another horse battery staple")).Succeeded);
        Assert.Equal(TeamAccessErrorCode.SessionRevoked, (await bed.Passkeys.BeginEnrolmentAsync(adaTicket)).Code);
    }

    [Fact]
    public async Task Enrolment_TeamWithoutPasskeyOnlyPolicy_GetsNoEnrolmentTicket()
    {
        await using var bed = Bed();
        var owner = await bed.SignUpAsync();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);
        Assert.True((await bed.Members.AddAsHostAsync(owner.Team.Id, ada.User.Id, RolePresets.Member)).Succeeded);

        // No policy: a session, no ticket at all.
        var open = (await bed.SecondFactors.SignInAsync(Credential("ada"), owner.Team.Id)).Value!;
        Assert.NotNull(open.Session);
        Assert.Null(open.Ticket);

        // Any second factor: the authenticator's enrolment ticket, which the passkey enrolment refuses (and the reverse).
        Assert.True((await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, TeamSignInPolicy.Open with { SecondFactorRequired = true })).Succeeded);
        var step = (await bed.SecondFactors.SignInAsync(Credential("ada"), owner.Team.Id)).Value!;
        Assert.Equal(TeamAccessErrorCode.SecondFactorEnrolmentRequired, step.Next);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Passkeys.BeginEnrolmentAsync(step.Ticket!)).Code);

        Assert.True((await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, TeamSignInPolicy.Open with { PasskeyRequired = true })).Succeeded);
        var enrolment = (await bed.SecondFactors.SignInAsync(Credential("ada"), owner.Team.Id)).Value!.Ticket!;
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.SecondFactors.BeginSignInEnrolmentAsync(enrolment)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.SecondFactors.CompleteSignInAsync(enrolment, "123456")).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Passkeys.BeginSecondFactorAsync(enrolment)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ValidateAsync(enrolment, owner.Team.Id)).Code);
    }

    [Fact]
    public async Task Enrolment_MemberDeactivatedSinceTheFirstFactor_StoresNothing()
    {
        await using var bed = Bed();
        var (owner, ada) = await PasskeyOnlyTeamAsync(bed, "ada");
        using var key = new SoftwareAuthenticator(Origin);
        var ticket = (await bed.SecondFactors.SignInAsync(Credential("ada"), owner.Team.Id)).Value!.Ticket!;
        var begun = (await bed.Passkeys.BeginEnrolmentAsync(ticket)).Value!;
        var membership = (await bed.SnapshotAsync(owner.Team.Id)).Memberships.Values.Single(m => m.UserId == ada.User.Id);
        Assert.True((await bed.Members.DeactivateAsync(owner.User.Id, owner.Team.Id, membership.Id)).Succeeded);

        Assert.False((await bed.Passkeys.CompleteEnrolmentAsync(ticket, begun.ChallengeId, key.Create(begun.OptionsJson), "Key")).Succeeded);
        Assert.Empty(await bed.Store.ListPasskeysAsync(ada.User.Id, CancellationToken.None));
    }

    private static TestBed Bed() => TestBed.Create(o =>
    {
        o.Passkeys.RelyingPartyId = "example.com";
        o.Passkeys.Origins.Add(Origin);
    });

    private static SignInCredential Credential(string name) => SignInCredential.ForPassword($"{name}@example.com", Password);

    private static async Task<(SignUpResult Owner, SignUpResult Member)> PasskeyOnlyTeamAsync(TestBed bed, string name)
    {
        var owner = await bed.SignUpAsync();
        var member = await bed.SignUpWithPasswordAsync(name, Password);
        Assert.True((await bed.Members.AddAsHostAsync(owner.Team.Id, member.User.Id, RolePresets.Member)).Succeeded);
        var set = await bed.Teams.SetSignInPolicyAsync(owner.User.Id, owner.Team.Id, TeamSignInPolicy.Open with { PasskeyRequired = true });
        Assert.True(set.Succeeded, set.ToString());
        return (owner, member);
    }
}
