using TeamAccess.Accounts;
using TeamAccess.Invitations;

namespace TeamAccess.Tests;

/// <summary>Only wrong short codes count toward an invitation's lock; looking with the right code never consumes it.</summary>
public sealed class InvitationCodeCountTests
{
    private const string StrongPassword = "correct horse battery staple";

    [Fact]
    public async Task Peek_RightCodeManyMoreTimesThanTheLimit_NeverLocksAndTheAcceptStillWorks()
    {
        await using var bed = TestBed.Create(o => o.Invitations.MaxCodeAttempts = 3);
        var (owner, grace) = await InviteGraceAsync(bed);
        var key = InvitationKey.FromCode(owner.Team.Handle, grace.User.Email, bed.Outbox.LastTo(grace.User.Email).Code);

        for (var i = 0; i < 8; i++)
        {
            var peeked = await bed.Invitations.PeekAsync(key);
            Assert.True(peeked.Succeeded, $"peek {i}: {peeked}");
        }

        var accepted = await bed.Invitations.AcceptAsync(grace.User.Id, key);
        Assert.True(accepted.Succeeded, accepted.ToString());
    }

    [Fact]
    public async Task Peek_WrongCodesBelowTheLimitThenTheRightCodeRepeatedly_IsNeverLocked()
    {
        await using var bed = TestBed.Create(o => o.Invitations.MaxCodeAttempts = 3);
        var (owner, grace) = await InviteGraceAsync(bed);
        var code = bed.Outbox.LastTo(grace.User.Email).Code;
        var wrong = code.StartsWith('0') ? "11111-11111" : "00000-00000";

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(InvitationKey.FromCode(owner.Team.Handle, grace.User.Email, wrong))).Code);
        }

        for (var i = 0; i < 4; i++)
        {
            Assert.True((await bed.Invitations.PeekAsync(InvitationKey.FromCode(owner.Team.Handle, grace.User.Email, code))).Succeeded, $"peek {i}");
        }

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(InvitationKey.FromCode(owner.Team.Handle, grace.User.Email, wrong))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(InvitationKey.FromCode(owner.Team.Handle, grace.User.Email, code))).Code);
    }

    [Fact]
    public async Task AcceptWithNewAccount_WeakPasswordsThenAGoodOne_IsAcceptedWithTheCode()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com", RolePresets.Member));
        var key = InvitationKey.FromCode(owner.Team.Handle, "grace@example.com", bed.Outbox.LastTo("grace@example.com").Code);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(TeamAccessErrorCode.PasswordPolicy, (await bed.Invitations.AcceptWithNewAccountAsync(key, new NewAccount("Grace", "Hopper", $"weak {i}"))).Code);
        }

        var accepted = await bed.Invitations.AcceptWithNewAccountAsync(key, new NewAccount("Grace", "Hopper", StrongPassword));
        Assert.True(accepted.Succeeded, accepted.ToString());
    }

    [Fact]
    public async Task AcceptWithNewAccount_OneWrongCodeThenTheRightOne_CountsOneTryPerCall()
    {
        await using var bed = TestBed.Create(o => o.Invitations.MaxCodeAttempts = 2);
        var owner = await bed.SignUpAsync();
        await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com", RolePresets.Member));
        var code = bed.Outbox.LastTo("grace@example.com").Code;
        var wrong = code.StartsWith('0') ? "11111-11111" : "00000-00000";

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.AcceptWithNewAccountAsync(InvitationKey.FromCode(owner.Team.Handle, "grace@example.com", wrong), new NewAccount("Grace", "Hopper", StrongPassword))).Code);

        var accepted = await bed.Invitations.AcceptWithNewAccountAsync(InvitationKey.FromCode(owner.Team.Handle, "grace@example.com", code), new NewAccount("Grace", "Hopper", StrongPassword));
        Assert.True(accepted.Succeeded, accepted.ToString());
    }

    [Theory]
    [InlineData("accepted")]
    [InlineData("revoked")]
    [InlineData("declined")]
    public async Task Peek_WrongCodesAgainstASettledInvitation_WriteNothingAndTheRightCodeAnswersItsState(string settle)
    {
        await using var bed = TestBed.Create(o => o.Invitations.MaxCodeAttempts = 3);
        var (owner, grace) = await InviteGraceAsync(bed);
        var message = bed.Outbox.LastTo(grace.User.Email);
        var settled = settle switch
        {
            "accepted" => (await bed.Invitations.AcceptAsync(grace.User.Id, InvitationKey.FromToken(message.Token))).Succeeded,
            "revoked" => (await bed.Invitations.RevokeAsync(owner.User.Id, owner.Team.Id, message.MembershipId)).Succeeded,
            _ => (await bed.Invitations.DeclineAsync(InvitationKey.FromToken(message.Token))).Succeeded,
        };
        Assert.True(settled);
        var wrong = message.Code.StartsWith('0') ? "11111-11111" : "00000-00000";
        var writes = bed.Store.AuditEventCount;
        var version = (await bed.SnapshotAsync(owner.Team.Id)).Version;

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(InvitationKey.FromCode(owner.Team.Handle, grace.User.Email, wrong))).Code);
        }

        var peeked = await bed.Invitations.PeekAsync(InvitationKey.FromCode(owner.Team.Handle, grace.User.Email, message.Code));
        Assert.True(peeked.Succeeded, peeked.ToString());
        Assert.Equal(settle == "accepted" ? InvitationStatus.Accepted : settle == "revoked" ? InvitationStatus.Revoked : InvitationStatus.Declined, peeked.Value!.Status);
        Assert.Equal(writes, bed.Store.AuditEventCount);
        Assert.Equal(version, (await bed.SnapshotAsync(owner.Team.Id)).Version);
    }

    [Fact]
    public async Task Peek_MoreTriesAtOneTeamThanTheHourAllows_AnswerRateLimitedForEveryAddress()
    {
        await using var bed = TestBed.Create(o => o.Invitations.MaxCodeTriesPerTeamPerHour = 3);
        var (owner, grace) = await InviteGraceAsync(bed);
        var code = bed.Outbox.LastTo(grace.User.Email).Code;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(InvitationKey.FromCode(owner.Team.Handle, $"nobody{i}@example.com", code))).Code);
        }

        Assert.Equal(TeamAccessErrorCode.RateLimited, (await bed.Invitations.PeekAsync(InvitationKey.FromCode(owner.Team.Handle, grace.User.Email, code))).Code);
        Assert.True((await bed.Invitations.PeekAsync(InvitationKey.FromToken(bed.Outbox.LastTo(grace.User.Email).Token))).Succeeded, "links are not limited");
        bed.Time.Advance(TimeSpan.FromHours(1));
        Assert.True((await bed.Invitations.PeekAsync(InvitationKey.FromCode(owner.Team.Handle, grace.User.Email, code))).Succeeded);
    }

    /// <summary>An owner with a team, and Grace, who has an account of her own, invited to it as a Member.</summary>
    private static async Task<(SignUpResult Owner, SignUpResult Grace)> InviteGraceAsync(TestBed bed)
    {
        var owner = await bed.SignUpAsync();
        var grace = await bed.SignUpAsync("grace");
        var invited = await bed.Invitations.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText(grace.User.Email, RolePresets.Member));
        Assert.True(invited.Succeeded, invited.ToString());
        return (owner, grace);
    }
}
