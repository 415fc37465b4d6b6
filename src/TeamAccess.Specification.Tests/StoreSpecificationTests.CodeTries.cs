using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.Invitations;

// Test methods are documented by their names (Method_Scenario_Expectation), as in the repository's own test projects.
#pragma warning disable CS1591

namespace TeamAccess.Specification.Tests;

// Security review 3, M5: an anonymous invitation-code try never writes to the team. Tries are counted in the store's
// ITryCounterStore (per invitation send, per address and per team), so the team's version, its audit log and the
// other instances' copies of it stay as they were.
public abstract partial class StoreSpecificationTests
{
    [SkippableFact]
    public async Task PeekAsync_WrongCodesUpToTheLimit_LeaveTheTeamVersionAndAuditLogUnchangedAndLockTheCode()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var (message, right, wrong) = await InviteForCodeAsync(bed, owner, "grace@example.com");
        var version = (await bed.SnapshotAsync(owner.Team.Id)).Version;
        var audit = (await bed.AuditAsync(owner.Team.Id)).Count;

        for (var i = 0; i < new InvitationOptions().MaxCodeAttempts; i++)
        {
            Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(wrong)).Code);
        }

        Assert.Equal(version, (await bed.SnapshotAsync(owner.Team.Id)).Version);
        Assert.Equal(audit, (await bed.AuditAsync(owner.Team.Id)).Count);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(right)).Code);
        Assert.True((await bed.Invitations.PeekAsync(InvitationKey.FromToken(message.Token))).Succeeded, "the link still works");
        Assert.Equal(version, (await bed.SnapshotAsync(owner.Team.Id)).Version);
    }

    [SkippableFact]
    public async Task PeekAsync_WrongCodesOnAnAcceptedInvitation_WriteNothingToTheTeamAndTheRightCodeStillAnswersItsState()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var grace = await bed.SignUpAsync("grace");
        var (message, right, wrong) = await InviteForCodeAsync(bed, owner, grace.User.Email);
        Assert.True((await bed.Invitations.AcceptAsync(grace.User.Id, InvitationKey.FromToken(message.Token))).Succeeded);
        var version = (await bed.SnapshotAsync(owner.Team.Id)).Version;
        var audit = (await bed.AuditAsync(owner.Team.Id)).Count;

        for (var i = 0; i < 2 * new InvitationOptions().MaxCodeAttempts; i++)
        {
            Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(wrong)).Code);
        }

        Assert.Equal(version, (await bed.SnapshotAsync(owner.Team.Id)).Version);
        Assert.Equal(audit, (await bed.AuditAsync(owner.Team.Id)).Count);
        // Settled invitations are not counted toward a lock: the right code still learns the invitation's state, at no write.
        var peeked = await bed.Invitations.PeekAsync(right);
        Assert.True(peeked.Succeeded, peeked.ToString());
        Assert.Equal(InvitationStatus.Accepted, peeked.Value!.Status);
        Assert.Equal(TeamAccessErrorCode.InvitationAlreadyAccepted, (await bed.Invitations.AcceptAsync(grace.User.Id, right)).Code);
        Assert.Equal(version, (await bed.SnapshotAsync(owner.Team.Id)).Version);
        Assert.Equal(audit, (await bed.AuditAsync(owner.Team.Id)).Count);
    }

    [SkippableFact]
    public async Task PeekAsync_ManyWrongCodesInParallel_LockTheCodeWithoutATeamWrite()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var (_, right, _) = await InviteForCodeAsync(bed, owner, "grace@example.com");
        var version = (await bed.SnapshotAsync(owner.Team.Id)).Version;

        var guesses = await InParallelAsync(bed, 12, (scope, i) => Service<IInvitationService>(scope).PeekAsync(
            InvitationKey.FromCode(owner.Team.Handle, "grace@example.com", $"{i:D5}-ZZZZZ")));

        Assert.All(guesses, g => Assert.Equal(TeamAccessErrorCode.InvalidToken, g.Code));
        Assert.Equal(version, (await bed.SnapshotAsync(owner.Team.Id)).Version);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(right)).Code);
    }

    [SkippableFact]
    public async Task PeekAsync_MoreCodeTriesFromOneAddressThanTheHourAllows_AnswerRateLimitedUntilTheHourPasses()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var (_, right, _) = await InviteForCodeAsync(bed, owner, "grace@example.com");
        var nobody = InvitationKey.FromCode(owner.Team.Handle, "nobody@example.com", "00000-00000");
        var version = (await bed.SnapshotAsync(owner.Team.Id)).Version;
        var audit = (await bed.AuditAsync(owner.Team.Id)).Count;

        for (var i = 0; i < new InvitationOptions().MaxCodeTriesPerAddressPerHour; i++)
        {
            Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(nobody)).Code);
        }

        Assert.Equal(TeamAccessErrorCode.RateLimited, (await bed.Invitations.PeekAsync(nobody)).Code);
        Assert.True((await bed.Invitations.PeekAsync(right)).Succeeded, "another address is not limited");
        Assert.Equal(version, (await bed.SnapshotAsync(owner.Team.Id)).Version);
        Assert.Equal(audit, (await bed.AuditAsync(owner.Team.Id)).Count);
        bed.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(nobody)).Code);
    }

    [SkippableFact]
    public async Task TryCountAsync_ManyTriesOnOneKeyInParallel_CountNoMoreThanTheLimit()
    {
        await using var bed = await CreateBedAsync();
        var at = bed.Time.GetUtcNow();

        var counted = await InParallelAsync(bed, 16, (scope, _) => Service<ITryCounterStore>(scope).TryCountAsync("spec:parallel", 5, at, at.AddHours(1), CancellationToken.None));

        Assert.Equal(5, counted.Count(c => c));
        Assert.False(await Counters(bed).TryCountAsync("spec:parallel", 5, at, at.AddHours(1), CancellationToken.None));
        Assert.True(await Counters(bed).TryCountAsync("spec:other", 5, at, at.AddHours(1), CancellationToken.None), "keys are counted apart");
    }

    [SkippableFact]
    public async Task TryCountAsync_UncountedOrPastTheWindow_CountsAgain()
    {
        await using var bed = await CreateBedAsync();
        var counters = Counters(bed);
        var at = bed.Time.GetUtcNow();
        Assert.True(await counters.TryCountAsync("spec:window", 2, at, at.AddMinutes(10), CancellationToken.None));
        Assert.True(await counters.TryCountAsync("spec:window", 2, at, at.AddMinutes(10), CancellationToken.None));
        Assert.False(await counters.TryCountAsync("spec:window", 2, at, at.AddMinutes(10), CancellationToken.None));

        await counters.UncountAsync("spec:window", CancellationToken.None);
        await counters.UncountAsync("spec:missing", CancellationToken.None);

        Assert.True(await counters.TryCountAsync("spec:window", 2, at, at.AddMinutes(10), CancellationToken.None));
        Assert.False(await counters.TryCountAsync("spec:window", 2, at.AddMinutes(9), at.AddMinutes(20), CancellationToken.None));
        // The window ends: a new one starts with this try, and ends when this try says.
        Assert.True(await counters.TryCountAsync("spec:window", 2, at.AddMinutes(10), at.AddMinutes(30), CancellationToken.None));
        Assert.True(await counters.TryCountAsync("spec:window", 2, at.AddMinutes(25), at.AddMinutes(40), CancellationToken.None));
        Assert.False(await counters.TryCountAsync("spec:window", 2, at.AddMinutes(29), at.AddMinutes(40), CancellationToken.None));
        // A new key drops the windows that ended; a key dropped so counts as new.
        Assert.True(await counters.TryCountAsync("spec:later", 1, at.AddMinutes(31), at.AddMinutes(60), CancellationToken.None));
        Assert.True(await counters.TryCountAsync("spec:window", 2, at.AddMinutes(31), at.AddMinutes(60), CancellationToken.None));
    }

    private static ITryCounterStore Counters(StoreBed bed) => bed.Services.GetRequiredService<ITryCounterStore>();

    /// <summary>Invites an address and returns its message, a key with its right code and one with a wrong code.</summary>
    private static async Task<(InvitationMessage Message, InvitationKey Right, InvitationKey Wrong)> InviteForCodeAsync(StoreBed bed, SignUpResult owner, string email)
    {
        var invited = await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText(email, RolePresets.Member));
        Assert.True(invited.Succeeded, invited.ToString());
        var message = bed.Outbox.Sent[^1];
        return (
            message,
            InvitationKey.FromCode(owner.Team.Handle, email, message.Code),
            InvitationKey.FromCode(owner.Team.Handle, email, message.Code.StartsWith('0') ? "11111-11111" : "00000-00000"));
    }
}
