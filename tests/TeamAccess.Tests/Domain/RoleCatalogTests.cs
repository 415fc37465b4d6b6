using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TeamAccess.Tests;

public sealed class RoleCatalogTests
{
    public static TheoryData<string, Action<TeamAccessOptions>> BadCatalogs => new()
    {
        { "guardian", o => o.Roles.Clear().Add(new RoleDefinition("A", 2, "*")).Add(new RoleDefinition("B", 1, "*.read")) },
        { "guardian", o => o.Roles.Clear().Add(new RoleDefinition("A", 2, "*") { IsGuardian = true }).Add(new RoleDefinition("B", 1, "*") { IsGuardian = true }) },
        { "read-only", o => o.Roles.UsePreset(RolePresets.AdministratorViewer).Add(new RoleDefinition("Viewer", 100, "*.read", Permissions.ResourcesWrite) { IsReadOnly = true }) },
        { "not registered", o => o.Roles.UsePreset(RolePresets.AdministratorViewer).Add(new RoleDefinition("Viewer", 100, "devices.fly")) },
        { "rank", o => o.Roles.UsePreset(RolePresets.AdministratorViewer).Add(new RoleDefinition("Other", 100, "*.read")) },
        { "Only the guardian role may hold 'team.delete'", o => o.Roles.UsePreset(RolePresets.AdministratorViewer).Add(new RoleDefinition("Viewer", 100, "team.delete")) },
        { "rank above", o => o.Roles.UsePreset(RolePresets.AdministratorViewer).Add(new RoleDefinition("Boss", 500, "*.read")) },
        { "defined twice", o => o.Roles.UsePreset(new RolePreset("twins", [new RoleDefinition("Admin", 2, "*") { IsGuardian = true }, new RoleDefinition("ADMIN", 1, "*.read")])) },
        { "dotted lower-case", o => o.Permissions.Add("Devices.Write") },
        { "At most 64", o => o.Permissions.Add(Enumerable.Range(0, 60).Select(i => $"custom.p{i}").ToArray()) },
        { "MaxRetries", o => o.Concurrency.MaxRetries = -1 },
        { "roles of its own", o => o.Roles.TeamRoles.MaxRolesPerTeam = 252 },
        { "roles of its own", o => o.Roles.TeamRoles.MaxRolesPerTeam = -1 },
        { "Team roles are allowed permission 'devices.fly'", o => o.Roles.TeamRoles.AllowedPermissions.Add("devices.fly") },
    };

    [Theory]
    [MemberData(nameof(BadCatalogs))]
    public async Task HostStart_BadCatalog_FailsWithAClearMessage(string expected, Action<TeamAccessOptions> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddTeamAccess(configure).AddInMemoryStores();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, string.Join(" ", error.Failures), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HostStart_GoodCatalog_Starts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddTeamAccess(o =>
        {
            o.Roles.UsePreset(RolePresets.OwnerAdministratorMemberObserver);
            o.Permissions.Add("devices.read", "devices.write");
        }).AddInMemoryStores();
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public void Presets_HaveTheSemanticsOfTheDesign()
    {
        var options = new TeamAccessOptions();
        options.Permissions.Add("devices.read", "devices.write");
        var catalog = RoleCatalog.Create(options);

        Assert.Equal([RolePresets.Owner, RolePresets.Administrator, RolePresets.Member, RolePresets.Observer], catalog.Roles.Select(r => r.Name));
        Assert.Same(catalog.Roles[0], catalog.Guardian);
        Assert.Contains("devices.write", catalog.Roles[1].PermissionNames);
        Assert.DoesNotContain(Permissions.TeamDelete, catalog.Roles[1].PermissionNames);
        Assert.True(catalog.Roles[2].IsScopedToGrants);
        Assert.True(catalog.Roles[3].IsReadOnly);
        Assert.All(catalog.Roles[3].PermissionNames, p => Assert.Equal(PermissionKind.Read, catalog.PermissionCatalog.Get(p).Kind));
        Assert.True(catalog.TryGet("observer", out var observer));
        Assert.Same(catalog.Roles[3], observer);
    }

    [Fact]
    public void AdministratorViewer_AdministratorIsTheGuardian()
    {
        var options = new TeamAccessOptions();
        options.Roles.UsePreset(RolePresets.AdministratorViewer);

        var catalog = RoleCatalog.Create(options);

        Assert.Equal(RolePresets.Administrator, catalog.Guardian.Name);
        Assert.Equal(catalog.PermissionCatalog.All.Count, catalog.Guardian.PermissionNames.Count);
    }
}
