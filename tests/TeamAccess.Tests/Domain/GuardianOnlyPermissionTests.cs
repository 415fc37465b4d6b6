namespace TeamAccess.Tests;

public sealed class GuardianOnlyPermissionTests
{
    [Fact]
    public void Create_NonGuardianRoleWithAWildcard_HoldsNoGuardianOnlyPermissionAndTheGuardianHoldsThemAll()
    {
        var options = new TeamAccessOptions();
        options.Roles.Clear()
            .Add(new RoleDefinition("Chief", 2, "members.read") { IsGuardian = true })
            .Add(new RoleDefinition("Deputy", 1, "*"));

        var catalog = RoleCatalog.Create(options);

        Assert.True(catalog.TryGet("Deputy", out var deputy));
        foreach (var guardianOnly in new[] { Permissions.TeamDelete, Permissions.BillingManage, Permissions.TeamSignInPolicy })
        {
            Assert.Contains(guardianOnly, catalog.Guardian.PermissionNames);
            Assert.DoesNotContain(guardianOnly, deputy.PermissionNames);
        }

        Assert.Contains(Permissions.TeamManage, deputy.PermissionNames);
    }

    [Fact]
    public async Task SetSignInPolicy_ByTheOwner_HoldsTheGuardianOnlyPermissionAndChangesThePolicy()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);

        var policy = new TeamSignInPolicy(true, bed.Acme.Name);

        var result = await bed.Teams.SetSignInPolicyAsync(crew.OwnerId, crew.TeamId, policy);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(policy, (await bed.SnapshotAsync(crew.TeamId)).Team.SignInPolicy);
        Assert.Contains(Permissions.TeamSignInPolicy, bed.Roles.Guardian.PermissionNames);
        Assert.DoesNotContain(Permissions.TeamSignInPolicy, bed.Roles.Roles[1].PermissionNames);
    }
}
