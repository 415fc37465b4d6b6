using TeamAccess.Accounts;
using TeamAccess.Invitations;

namespace TeamAccess.Tests;

/// <summary>Request records with missing fields answer result codes, as a host's unvalidated form would send them.</summary>
public sealed class NullFieldTests
{
    [Fact]
    public async Task Requests_WithNullFields_AnswerResultCodesNotExceptions()
    {
        await using var bed = TestBed.Create();
        var ada = await SessionServiceTests.SignUpWithPasswordAsync(bed, "ada");

        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword(null!, "correct horse battery staple"), ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", null!), ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.UnknownProvider, (await bed.Sessions.SignInAsync(SignInCredential.ForToken(null!, "token"), ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.SignInAsync(SignInCredential.ForToken(bed.Host.Name, null!), ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ValidateAsync(null!, ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.SwitchTeamAsync(null!, ada.Team.Id)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.ListSwitchableTeamsAsync(null!)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.SignOutAsync(null!)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Sessions.SignOutEverywhereAsync(null!)).Code);

        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(InvitationKey.FromToken(null!))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.PeekAsync(InvitationKey.FromCode(null!, null!, null!))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.AcceptAsync(ada.User.Id, InvitationKey.FromToken(null!))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Invitations.DeclineAsync(InvitationKey.FromCode(ada.Team.Handle, null!, null!))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidEmail, (await bed.Invitations.InviteAsync(ada.User.Id, ada.Team.Id, new InviteRequest(null!, RolePresets.Member))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidRole, (await bed.Invitations.InviteAsync(ada.User.Id, ada.Team.Id, InviteRequest.FromText("grace@example.com", null!))).Code);
        Assert.Empty((await bed.Invitations.InviteAsync(ada.User.Id, ada.Team.Id, InviteRequest.FromText(null!, RolePresets.Member))).Value!.Outcomes);

        Assert.Equal(TeamAccessErrorCode.UnknownProvider, (await bed.Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(null!, "token", "Grace", "Hopper", "Lab", "grace-lab"))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidToken, (await bed.Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(bed.Host.Name, null!, "Grace", "Hopper", "Lab", "grace-lab"))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidName, (await bed.Users.SignUpWithIdentityAsync(new ExternalSignUpRequest(bed.Host.Name, "token", null!, "Hopper", "Lab", "grace-lab"))).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidName, (await bed.Users.UpdateNameAsync(ada.User.Id, ada.User.Id, null!, null!)).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidName, (await bed.Invitations.AcceptWithNewAccountAsync(InvitationKey.FromToken(null!), new NewAccount(null!, null!, null))).Code);
    }
}
