using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;

// Test methods are documented by their names (Method_Scenario_Expectation), as in the repository's own test projects.
#pragma warning disable CS1591

namespace TeamAccess.Specification.Tests;

/// <content>
/// Passkeys (issue 24): a registered passkey round-trips and is found by its credential id, one credential id is one
/// user's, a deleted user's passkeys go with them, a team's passkey-only policy is kept, and a challenge is taken once,
/// also by two units of work at the same moment, and never after it expired.
/// </content>
public abstract partial class StoreSpecificationTests
{
    [SkippableFact]
    public async Task Passkeys_RegisteredAndUsed_RoundTripAndAreFoundByCredentialId()
    {
        SkipWithoutPasskeys();
        await using var bed = await CreateBedAsync();
        var ada = await PasswordUserAsync(bed, "ada");
        using var key = new SoftwareAuthenticator(StoreBed.PasskeyOrigin, backupEligible: true);
        var registered = await RegisterPasskeyAsync(bed, ada, key, "Laptop");
        var challenge = (await bed.Passkeys.BeginSignInAsync()).Value!;
        Ok(await bed.Passkeys.CompleteSignInAsync(challenge.ChallengeId, key.Get(challenge.OptionsJson), ada.TeamId));
        Ok(await bed.Teams.SetSignInPolicyAsync(ada.User.Id, ada.TeamId, TeamSignInPolicy.Open with { PasskeyRequired = true }));

        await using var scope = bed.Scope();
        var store = scope.ServiceProvider.GetRequiredService<IPasskeyStore>();
        var found = (await store.FindPasskeyAsync(key.CredentialId, CancellationToken.None))!;
        Assert.Equal((registered.Id, ada.User.Id, "Laptop", 1L, true, true), (found.Id, found.UserId, found.Name, found.SignCount, found.BackupEligible, found.BackedUp));
        Assert.Equal(key.CredentialId, found.CredentialId);
        Assert.Equal(bed.Time.GetUtcNow(), found.LastUsedAt);
        Assert.Equal(found, Assert.Single(await store.ListPasskeysAsync(ada.User.Id, CancellationToken.None)));
        Assert.Null(await store.FindPasskeyAsync([1, 2, 3], CancellationToken.None));
        Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<IUserStore>().FindByIdAsync(ada.User.Id, CancellationToken.None))!.PasskeyCount);
        Assert.True((await scope.ServiceProvider.GetRequiredService<ITeamStore>().FindTeamAsync(ada.TeamId, CancellationToken.None))!.SignInPolicy.PasskeyRequired);
    }

    [SkippableFact]
    public async Task Passkeys_CredentialIdOfAnotherUser_IsRefusedAndADeletedUsersPasskeysGo()
    {
        SkipWithoutPasskeys();
        await using var bed = await CreateBedAsync();
        var ada = await PasswordUserAsync(bed, "ada");
        var bob = await PasswordUserAsync(bed, "bob");
        using var key = new SoftwareAuthenticator(StoreBed.PasskeyOrigin);
        await RegisterPasskeyAsync(bed, ada, key, "Ada's");

        var bobUser = (await bed.UserStore.FindByIdAsync(bob.User.Id, CancellationToken.None))!;
        var copy = new StoredPasskey(PasskeyId.New(), bob.User.Id, key.CredentialId, [1, 2, 3], "Copied", bed.Time.GetUtcNow());
        var duplicate = await bed.ChangeStore.CommitAsync(
            new ChangeSet([new UserChange(bobUser, bobUser with { PasskeyCount = 1, ConcurrencyStamp = Guid.NewGuid() })], [], []) { Passkeys = [new PasskeyChange(null, copy)] },
            CancellationToken.None);
        Assert.Equal(TeamAccessErrorCode.DuplicatePasskey, duplicate.Code);
        Assert.Equal(0, (await bed.UserStore.FindByIdAsync(bob.User.Id, CancellationToken.None))!.PasskeyCount);

        Ok(await bed.Teams.DeleteAsync(ada.User.Id, ada.TeamId));
        Ok(await bed.Users.DeleteAsync(ada.User.Id, ada.User.Id));
        await using var scope = bed.Scope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IPasskeyStore>().FindPasskeyAsync(key.CredentialId, CancellationToken.None));
    }

    [SkippableFact]
    public async Task PasskeyChallenges_TakenOnceEvenInParallel_AndNeverAfterExpiry()
    {
        SkipWithoutPasskeys();
        await using var bed = await CreateBedAsync();
        var store = bed.Services.GetRequiredService<IPasskeyStore>();
        var now = bed.Time.GetUtcNow();
        var user = UserId.New();
        await store.AddPasskeyChallengeAsync(new StoredPasskeyChallenge(new string('a', 64), user, "{\"challenge\":\"x\"}", now.AddMinutes(5)), now, CancellationToken.None);
        await store.AddPasskeyChallengeAsync(new StoredPasskeyChallenge(new string('b', 64), null, "{}", now.AddMinutes(1)), now, CancellationToken.None);

        var takers = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = bed.Scope();
            return await scope.ServiceProvider.GetRequiredService<IPasskeyStore>().TakePasskeyChallengeAsync(new string('a', 64), now, CancellationToken.None);
        });
        var taken = (await Task.WhenAll(takers)).Where(t => t is not null).ToList();
        var won = Assert.Single(taken)!;
        Assert.Equal((user, "{\"challenge\":\"x\"}", now.AddMinutes(5)), (won.UserId, won.Options, won.ExpiresAt));
        Assert.Null(await store.TakePasskeyChallengeAsync(new string('a', 64), now, CancellationToken.None));
        Assert.Null(await store.TakePasskeyChallengeAsync(new string('b', 64), now.AddMinutes(1), CancellationToken.None));
        Assert.Null(await store.TakePasskeyChallengeAsync(new string('c', 64), now, CancellationToken.None));
    }

    /// <summary>The net8.0 build of the core has no WebAuthn verifier; the suite runs these on net10.0.</summary>
    private static void SkipWithoutPasskeys()
    {
#if !NET10_0_OR_GREATER
        Skip.If(true, "Passkeys need the net10.0 build of TeamAccess.");
#endif
    }

    private static async Task<(User User, TeamId TeamId)> PasswordUserAsync(StoreBed bed, string name)
    {
        var signedUp = (await bed.Users.SignUpAsync(new SignUpRequest($"{name}@example.com", name, "Tester", $"{name}'s lab", $"{name}-lab") { Password = SecondFactorPassword })).Value!;
        return ((await bed.Users.ConfirmEmailAsync(bed.Activations.Sent[^1].Token)).Value!, signedUp.Team.Id);
    }

    private static async Task<PasskeyView> RegisterPasskeyAsync(StoreBed bed, (User User, TeamId TeamId) user, SoftwareAuthenticator key, string name)
    {
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword(user.User.Email, SecondFactorPassword), user.TeamId)).Value!;
        var begun = (await bed.Passkeys.BeginRegistrationAsync(session.AccessToken)).Value!;
        var registered = await bed.Passkeys.CompleteRegistrationAsync(session.AccessToken, begun.ChallengeId, key.Create(begun.OptionsJson), name);
        Assert.True(registered.Succeeded, registered.ToString());
        return registered.Value!;
    }
}
