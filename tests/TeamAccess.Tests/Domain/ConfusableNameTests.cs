namespace TeamAccess.Tests;

/// <summary>Security review 3, L4: role and group names refuse look-alikes of existing names (after UTS #39).</summary>
public sealed class ConfusableNameTests
{
    [Theory]
    [InlineData("\u041Ewner", TeamAccessErrorCode.InvalidRoleName)]        // Cyrillic О, then Latin: mixed scripts
    [InlineData("0wner", TeamAccessErrorCode.RoleNameTaken)]               // a zero for the O: Owner's skeleton
    [InlineData("\uFF2Fwner", TeamAccessErrorCode.RoleNameTaken)]          // a fullwidth O: Owner once NFKC folds it
    [InlineData("\u13B7ember", TeamAccessErrorCode.RoleNameTaken)]         // a Cherokee Ꮇ, a script the mixing rule does not know
    [InlineData("0bserver", TeamAccessErrorCode.RoleNameTaken)]
    [InlineData("Adrninistrator", TeamAccessErrorCode.RoleNameTaken)]      // "rn" for "m": beyond any single-letter list
    [InlineData("Site Lead", TeamAccessErrorCode.None)]
    public async Task CreateTeamRole_NameLikeAnExistingRole_IsRefused(string name, TeamAccessErrorCode expected)
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();

        var created = await bed.TeamRoles.CreateAsync(owner.User.Id, owner.Team.Id, new TeamRoleRequest { Name = name, Rank = 250, Permissions = ["devices.read"] });

        Assert.Equal(expected, created.Code);
    }

    [Fact]
    public async Task CreateTeamRole_LikeAnotherTeamRole_IsRefused()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        Assert.True((await bed.TeamRoles.CreateAsync(owner.User.Id, owner.Team.Id, new TeamRoleRequest { Name = "Field Tech", Rank = 250, Permissions = ["devices.read"] })).Succeeded);

        var lookalike = await bed.TeamRoles.CreateAsync(owner.User.Id, owner.Team.Id, new TeamRoleRequest { Name = "Fie1d Tech", Rank = 240, Permissions = ["devices.read"] });

        Assert.Equal(TeamAccessErrorCode.RoleNameTaken, lookalike.Code);
    }

    [Theory]
    [InlineData("maintenance", "rnaintenance")]
    [InlineData("Gateway", "\u13C0ateway")]         // Cherokee Ᏻ (U+13C0) for a G
    [InlineData("pipeline", "\u0440ipeline")]      // Cyrillic р for a p
    [InlineData("Ops", "\uFF4Fps")]                // fullwidth ｏ folds to o
    public void ALookAlike_LooksLikeTheOriginal(string original, string lookalike)
        => Assert.True(Domain.Confusables.LooksLikeAnother(lookalike, [original]));

    [Fact]
    public void Skeleton_IsCaseAside()
        => Assert.Equal(Domain.Confusables.Skeleton("Field Tech"), Domain.Confusables.Skeleton("FIELD TECH"));

    [Fact]
    public void CasedSkeleton_OfACapitalIAndASmallL_Agrees()
    {
        Assert.Equal(Domain.Confusables.CasedSkeleton("Admln"), Domain.Confusables.CasedSkeleton("AdmIn"));
        Assert.True(Domain.Confusables.LooksLikeAnother("AdmIn Team", ["Admln Team"]));
        Assert.False(Domain.Confusables.LooksLikeAnother("ADMLN TEAM", ["Admln Team"]));   // the same name, case aside
    }

    [Theory]
    [InlineData("Sensors", "Senders")]
    [InlineData("Field Tech", "Field Tech 2")]
    [InlineData("\u0391\u03B8\u03AE\u03BD\u03B1", "Athens")]
    public void Skeleton_OfDifferentNames_Differs(string one, string other)
        => Assert.NotEqual(Domain.Confusables.Skeleton(one), Domain.Confusables.Skeleton(other));

    [Fact]
    public async Task CreateGroup_LikeAnotherGroupOrMixingScripts_IsRefused()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        Assert.True((await bed.Groups.CreateAsync(owner.User.Id, owner.Team.Id, "Maintenance", "maintenance")).Succeeded);

        var lookalike = await bed.Groups.CreateAsync(owner.User.Id, owner.Team.Id, "Ma\u0456ntenance", "maintenance-2");
        Assert.True((await bed.Groups.CreateAsync(owner.User.Id, owner.Team.Id, "Ops", "ops")).Succeeded);
        var zero = await bed.Groups.CreateAsync(owner.User.Id, owner.Team.Id, "0ps", "ops-2");
        var same = await bed.Groups.CreateAsync(owner.User.Id, owner.Team.Id, "Maintenance", "maintenance-4");
        var greek = await bed.Groups.CreateAsync(owner.User.Id, owner.Team.Id, "\u0391\u03B8\u03AE\u03BD\u03B1", "athens");

        Assert.Equal(TeamAccessErrorCode.InvalidName, lookalike.Code);
        Assert.Equal(TeamAccessErrorCode.InvalidName, zero.Code);
        Assert.True(same.Succeeded, same.ToString());
        Assert.True(greek.Succeeded, greek.ToString());
    }
}
