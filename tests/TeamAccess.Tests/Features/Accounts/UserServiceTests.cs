using TeamAccess.Accounts;

namespace TeamAccess.Tests;

public sealed class UserServiceTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task SignUp_ValidRequest_CreatesUserAndTeamWithUserAsActiveGuardian()
    {
        await using var bed = TestBed.Create();

        var result = await bed.Users.SignUpAsync(new SignUpRequest("  Ada@Example.COM ", "Ada", "Lovelace", "Acme Devices", "acme-devices") { Password = Password });

        Assert.True(result.Succeeded);
        var (user, team, membership) = (result.Value!.User, result.Value.Team, result.Value.Membership);
        Assert.Equal("ada@example.com", user.Email);
        Assert.Equal("acme-devices", team.Handle);
        Assert.Equal(RolePresets.Owner, membership.Role);
        Assert.Equal(MembershipStatus.Active, membership.Status);
        Assert.True(bed.Access.HasPermission(user.Id, team.Id, Permissions.TeamDelete));
    }

    [Theory]
    [InlineData("ada@example.com", "ADA@EXAMPLE.COM")]
    [InlineData("ada@example.com", " ada@example.com\t")]
    [InlineData("ada@example.com", "ａｄａ@ｅｘａｍｐｌｅ.ｃｏｍ")] // full-width forms fold to ASCII under NFKC
    public async Task SignUp_EmailEqualAfterNormalization_IsDuplicateEmail(string first, string second)
    {
        await using var bed = TestBed.Create();
        Assert.True((await bed.Users.SignUpAsync(new SignUpRequest(first, "A", "B", "Team one", "team-one") { Password = Password })).Succeeded);

        var again = await bed.Users.SignUpAsync(new SignUpRequest(second, "A", "B", "Team two", "team-two") { Password = Password });

        Assert.Equal(TeamAccessErrorCode.DuplicateEmail, again.Code);
        Assert.Null(await bed.Teams.FindByHandleAsync("team-two"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("no-at-sign")]
    [InlineData("two@@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("@example.com")]
    [InlineData("ada@")]
    [InlineData("ada@localhost")]
    [InlineData("ada smith@example.com")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@example..com")]
    [InlineData(".ada@example.com")]
    [InlineData("ada@-example.com")]
    [InlineData("a@b.com;c@d.com")]
    [InlineData("ada\u0000@example.com")]
    [InlineData("ada\uFFFD@example.com")]
    public async Task SignUp_MalformedEmail_IsInvalidEmailAndChangesNothing(string email)
    {
        await using var bed = TestBed.Create();

        var result = await bed.Users.SignUpAsync(new SignUpRequest(email, "A", "B", "Team", "some-team") { Password = Password });

        Assert.Equal(TeamAccessErrorCode.InvalidEmail, result.Code);
        Assert.Equal(0, bed.Store.AuditEventCount);
    }

    [Fact]
    public void TryNormalize_LoneSurrogate_IsInvalid()
    {
        // Built here rather than in InlineData: test discovery would turn the lone half into U+FFFD.
        var email = "ada" + (char)0xD800 + "@example.com";

        Assert.False(EmailAddress.TryNormalize(email, out _));
        Assert.False(EmailAddress.TryNormalize("ada@example.com" + (char)0xDC00, out _));
        Assert.True(EmailAddress.TryNormalize("ada\U0001F600@example.com", out _));
    }

    [Fact]
    public async Task SignUp_OverlongEmail_IsInvalidEmail()
    {
        await using var bed = TestBed.Create();

        var result = await bed.Users.SignUpAsync(new SignUpRequest(new string('a', 250) + "@example.com", "A", "B", "Team", "some-team") { Password = Password });

        Assert.Equal(TeamAccessErrorCode.InvalidEmail, result.Code);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Acme")]
    [InlineData("-acme")]
    [InlineData("acme-")]
    [InlineData("acme devices")]
    [InlineData("acme_devices")]
    [InlineData("acmé")]
    public async Task SignUp_MalformedHandle_IsInvalidHandleAndChangesNothing(string handle)
    {
        await using var bed = TestBed.Create();

        var result = await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "L", "Team", handle) { Password = Password });

        Assert.Equal(TeamAccessErrorCode.InvalidHandle, result.Code);
        Assert.Null(await bed.Users.FindByEmailAsync("ada@example.com"));
    }

    [Fact]
    public async Task SignUp_HandleOf64Characters_IsInvalidHandle()
    {
        await using var bed = TestBed.Create();

        var tooLong = await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "L", "Team", new string('a', 64)) { Password = Password });
        var longest = await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "L", "Team", new string('a', 63)) { Password = Password });

        Assert.Equal(TeamAccessErrorCode.InvalidHandle, tooLong.Code);
        Assert.True(longest.Succeeded);
    }

    [Fact]
    public async Task SignUp_TakenHandle_IsDuplicateHandleAndCreatesNoUser()
    {
        await using var bed = TestBed.Create();
        Assert.True((await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "L", "Acme", "acme") { Password = Password })).Succeeded);

        var result = await bed.Users.SignUpAsync(new SignUpRequest("bob@example.com", "Bob", "K", "Acme too", "acme") { Password = Password });

        Assert.Equal(TeamAccessErrorCode.DuplicateHandle, result.Code);
        Assert.Null(await bed.Users.FindByEmailAsync("bob@example.com"));
    }

    [Theory]
    [InlineData("", "Lovelace")]
    [InlineData("Ada", "   ")]
    [InlineData("Ada\u0007", "Lovelace")]
    public async Task SignUp_BadName_IsInvalidName(string first, string last)
    {
        await using var bed = TestBed.Create();

        var result = await bed.Users.SignUpAsync(new SignUpRequest("ada@example.com", first, last, "Team", "some-team") { Password = Password });

        Assert.Equal(TeamAccessErrorCode.InvalidName, result.Code);
    }

    [Fact]
    public async Task UpdateName_OwnAccount_ChangesNamesButNeverTheEmail()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync("ada");

        var result = await bed.Users.UpdateNameAsync(ada.User.Id, ada.User.Id, " Augusta ", "King");

        Assert.True(result.Succeeded);
        var stored = await bed.Users.FindByIdAsync(ada.User.Id);
        Assert.Equal(("Augusta", "King", "ada@example.com"), (stored!.FirstName, stored.LastName, stored.Email));
    }

    [Fact]
    public async Task UpdateName_SomeoneElse_IsPermissionDenied()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync("ada");
        var bob = await bed.SignUpAsync("bob");

        var result = await bed.Users.UpdateNameAsync(bob.User.Id, ada.User.Id, "Eve", "Evil");

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, result.Code);
        Assert.Equal("ada", (await bed.Users.FindByIdAsync(ada.User.Id))!.FirstName);
    }

    [Fact]
    public async Task Delete_LastGuardianOfATeam_IsRefusedAndChangesNothing()
    {
        await using var bed = TestBed.Create();
        var ada = await bed.SignUpAsync("ada");

        var result = await bed.Users.DeleteAsync(ada.User.Id, ada.User.Id);

        Assert.Equal(TeamAccessErrorCode.UserIsLastGuardian, result.Code);
        Assert.NotNull(await bed.Users.FindByIdAsync(ada.User.Id));
    }

    [Fact]
    public async Task Delete_MemberOfSeveralTeams_RemovesEveryMembershipAndTheUser()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var bob = crew.Members[0].User;
        // Bob's own team needs him as guardian; deleting it first frees him.
        var bobsTeam = (await bed.Teams.ListForUserAsync(bob.Id)).Single(t => t.Team.Id != crew.TeamId).Team;
        Assert.True((await bed.Teams.DeleteAsync(bob.Id, bobsTeam.Id)).Succeeded);

        var result = await bed.Users.DeleteAsync(bob.Id, bob.Id);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Null(await bed.Users.FindByIdAsync(bob.Id));
        var snapshot = await bed.SnapshotAsync(crew.TeamId);
        Assert.Equal(MembershipStatus.Removed, snapshot.Memberships[crew.MembershipOf(0)].Status);
        Assert.False(bed.Access.HasPermission(bob.Id, crew.TeamId, Permissions.MembersRead));
    }
}
