using TeamAccess.Accounts;

namespace TeamAccess.Tests;

/// <summary>Signing in by the team's handle, which users know, instead of its id.</summary>
public sealed class SignInByHandleTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task SignIn_ByHandleAsTyped_IssuesASessionForThatTeam()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpWithPasswordAsync("ada", Password);

        var session = await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), "  ADA-Team ");

        Assert.True(session.Succeeded, session.ToString());
        Assert.Equal(ada.Team.Id, session.Value!.Info.TeamId);
        Assert.True((await bed.Sessions.ValidateAsync(session.Value.AccessToken, ada.Team.Id)).Succeeded);
    }

    [Fact]
    public async Task SignIn_ByHandle_RefusesAsTheIdSignInDoes()
    {
        await using var bed = TestBed.Create();
        await bed.SignUpWithPasswordAsync("ada", Password);
        var other = await bed.SignUpAsync("bob");

        Assert.Equal(TeamAccessErrorCode.InvalidCredentials, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", "wrong horse battery staple"), "ada-team")).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), other.Team.Handle)).Code);
        Assert.Equal(TeamAccessErrorCode.NotFound, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), "no-such-team")).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidHandle, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), "not a handle!")).Code);
        Assert.Equal(TeamAccessErrorCode.InvalidHandle, (await bed.Sessions.SignInAsync(SignInCredential.ForPassword("ada@example.com", Password), null!)).Code);
    }
}
