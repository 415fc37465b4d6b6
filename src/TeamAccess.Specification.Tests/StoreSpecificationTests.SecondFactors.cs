using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using TeamAccess.Accounts;

// Test methods are documented by their names (Method_Scenario_Expectation), as in the repository's own test projects.
#pragma warning disable CS1591

namespace TeamAccess.Specification.Tests;

/// <content>
/// Second factors (issue 24): what a store keeps of them round-trips, and a code is spent once even when requests in
/// separate units of work (on a database, separate connections and transactions) use it at the same moment: the store's
/// check of the user's concurrency stamp is what makes the code single-use.
/// </content>
public abstract partial class StoreSpecificationTests
{
    private const string SecondFactorPassword = "correct horse battery staple";

    [SkippableFact]
    public async Task SecondFactors_EnrolledUserAndTeamPolicy_RoundTripThroughTheStore()
    {
        await using var bed = await CreateBedAsync();
        var (ada, enrolment, codes) = await EnrolWithPasswordAsync(bed, "ada");
        Ok(await bed.Teams.SetSignInPolicyAsync(ada.User.Id, ada.TeamId, TeamSignInPolicy.Open with { SecondFactorRequired = true }));

        await using var scope = bed.Scope();
        var stored = (await scope.ServiceProvider.GetRequiredService<IUserStore>().FindByIdAsync(ada.User.Id, CancellationToken.None))!;
        Assert.NotNull(stored.AuthenticatorSecret);
        Assert.DoesNotContain(enrolment.Secret, stored.AuthenticatorSecret, StringComparison.Ordinal);
        Assert.Equal(bed.Time.GetUtcNow() - TimeSpan.FromSeconds(30), stored.AuthenticatorConfirmedAt);
        Assert.True(stored.AuthenticatorLastTimeStep > 0);
        Assert.Equal(10, stored.RecoveryCodeHashes!.Split(' ').Length);
        Assert.DoesNotContain(codes[0], stored.RecoveryCodeHashes, StringComparison.Ordinal);
        Assert.True((await scope.ServiceProvider.GetRequiredService<ITeamStore>().FindTeamAsync(ada.TeamId, CancellationToken.None))!.SignInPolicy.SecondFactorRequired);
    }

    [SkippableFact]
    public async Task RecoveryCode_UsedInParallelFromSeparateUnitsOfWork_WorksOnce()
    {
        await using var bed = await CreateBedAsync();
        var (ada, _, codes) = await EnrolWithPasswordAsync(bed, "ada");
        var results = await CompleteInParallelAsync(bed, ada, codes[0]);

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(TeamAccessErrorCode.InvalidSecondFactor, r.Code));
        Assert.Equal(9, (await bed.Users.FindByEmailAsync("ada@example.com"))!.RecoveryCodesLeft);
    }

    [SkippableFact]
    public async Task AuthenticatorCode_UsedInParallelFromSeparateUnitsOfWork_WorksOnce()
    {
        await using var bed = await CreateBedAsync();
        var (ada, enrolment, _) = await EnrolWithPasswordAsync(bed, "ada");
        var code = new Totp(Base32Encoding.ToBytes(enrolment.Secret)).ComputeTotp(bed.Time.GetUtcNow().UtcDateTime);
        var results = await CompleteInParallelAsync(bed, ada, code);

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(TeamAccessErrorCode.InvalidSecondFactor, r.Code));
    }

    private static async Task<Result<SecondFactorSession>[]> CompleteInParallelAsync(StoreBed bed, (User User, TeamId TeamId) user, string code)
    {
        var credential = SignInCredential.ForPassword(user.User.Email, SecondFactorPassword);
        var tickets = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            tickets.Add((await bed.SecondFactors.SignInAsync(credential, user.TeamId)).Value!.Ticket!);
        }

        // Each request in a unit of work of its own, started together.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = tickets.Select(ticket => Task.Run(async () =>
        {
            await using var scope = bed.Scope();
            var service = scope.ServiceProvider.GetRequiredService<ISecondFactorService>();
            await start.Task;
            return await service.CompleteSignInAsync(ticket, code);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(requests);
    }

    /// <summary>A confirmed password user with a confirmed authenticator; the clock moved past the confirming code's step.</summary>
    private static async Task<((User User, TeamId TeamId) Who, AuthenticatorEnrolment Enrolment, IReadOnlyList<string> RecoveryCodes)> EnrolWithPasswordAsync(StoreBed bed, string name)
    {
        var signedUp = (await bed.Users.SignUpAsync(new SignUpRequest($"{name}@example.com", name, "Tester", $"{name}'s lab", $"{name}-lab") { Password = SecondFactorPassword })).Value!;
        var confirmed = (await bed.Users.ConfirmEmailAsync(bed.Activations.Sent[^1].Token)).Value!;
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForPassword(confirmed.Email, SecondFactorPassword), signedUp.Team.Id)).Value!;
        var enrolment = (await bed.SecondFactors.BeginEnrolmentAsync(session.AccessToken)).Value!;
        var code = new Totp(Base32Encoding.ToBytes(enrolment.Secret)).ComputeTotp(bed.Time.GetUtcNow().UtcDateTime);
        var done = await bed.SecondFactors.ConfirmEnrolmentAsync(session.AccessToken, code);
        Assert.True(done.Succeeded, done.ToString());
        bed.Time.Advance(TimeSpan.FromSeconds(30));
        return ((confirmed, signedUp.Team.Id), enrolment, done.Value!.RecoveryCodes);
    }
}
