using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Members;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.Tests;

public sealed class ServiceAccountServiceTests
{
    /// <summary>Lead: ranks between Member and Administrator, manages service accounts, reads devices but cannot write them.</summary>
    internal static TestBed WithLeads() => TestBed.Create(o =>
    {
        o.Roles.UsePreset(RolePresets.OwnerAdministratorMemberObserver)
            .Add(new RoleDefinition("Lead", 250, Permissions.ServiceAccountsManage, Permissions.MembersRead, "devices.read"))
            .Add(new RoleDefinition("Writer", 180, "devices.write"))
            .Add(new RoleDefinition("Reader", 150, "devices.read"));
    });

    internal static IServiceAccountService Accounts(TestBed bed) => bed.Services.GetRequiredService<IServiceAccountService>();

    [Fact]
    public async Task Create_ByTheOwner_IsAnEntryOfTheIndexWithItsRolesPermissionsAndIsAudited()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();

        var created = await Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Gateway Berlin", RolePresets.Administrator) { Description = "Reports device state" });

        Assert.True(created.Succeeded, created.ToString());
        var account = created.Value!;
        Assert.Equal(("Gateway Berlin", "Reports device state", RolePresets.Administrator, MembershipStatus.Active), (account.Name, account.Description, account.Role, account.Status));
        Assert.True(bed.Access.HasPermission(account.PrincipalId, owner.Team.Id, Permissions.MembersManage));
        Assert.False(bed.Access.HasPermission(account.PrincipalId, owner.Team.Id, Permissions.TeamDelete));
        var decision = bed.Access.Explain(account.PrincipalId, owner.Team.Id, Permissions.MembersManage);
        Assert.Equal((true, AccessReason.AllowedByRole, account.Id), (decision.Allowed, decision.Reason, decision.MembershipId));
        Assert.Single((await bed.Audit.ListAsync(owner.User.Id, owner.Team.Id)).Value!, e => e.Action == AuditActions.ServiceAccountCreated && e.SubjectId == account.Id.Value);
        Assert.Equal(account.Id, Assert.Single((await Accounts(bed).ListAsync(owner.User.Id, owner.Team.Id)).Value!).Id);
    }

    [Fact]
    public async Task Lists_ShowTheServiceAccountMarkedAsOne()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var account = (await Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("CI pipeline", RolePresets.Administrator))).Value!;

        var holders = bed.Queries.ListUsersWithPermission(owner.User.Id, owner.Team.Id, Permissions.MembersRead).Value!.Holders;
        var members = (await bed.Members.ListAsync(owner.User.Id, owner.Team.Id)).Value!;
        var permissions = bed.Queries.GetPermissions(owner.User.Id, account.PrincipalId, owner.Team.Id).Value!;

        Assert.True(Assert.Single(holders, h => h.MembershipId == account.Id).IsServiceAccount);
        Assert.False(Assert.Single(holders, h => h.UserId == owner.User.Id).IsServiceAccount);
        var row = Assert.Single(members, m => m.MembershipId == account.Id);
        Assert.Equal((true, "CI pipeline"), (row.IsServiceAccount, row.FirstName));
        Assert.False(Assert.Single(members, m => m.UserId == owner.User.Id).IsServiceAccount);
        Assert.True(permissions.Contains(Permissions.MembersRead));
    }

    [Fact]
    public async Task CreateOrChange_TheGuardianRole_IsRefusedAndChangesNothing()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var account = (await Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Gateway", RolePresets.Member))).Value!;
        var version = (await bed.SnapshotAsync(owner.Team.Id)).Version;

        var created = await Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Root", RolePresets.Owner));
        var changed = await Accounts(bed).ChangeAsync(owner.User.Id, owner.Team.Id, account.Id, new ChangeServiceAccountRequest { Role = RolePresets.Owner });
        var viaMembers = await bed.Members.ChangeRoleAsync(owner.User.Id, owner.Team.Id, account.Id, RolePresets.Owner);
        var offered = await bed.Ownership.OfferAsync(owner.User.Id, owner.Team.Id, account.Id);

        Assert.Equal(TeamAccessErrorCode.GuardianRoleNotForServiceAccounts, created.Code);
        Assert.Equal(TeamAccessErrorCode.GuardianRoleNotForServiceAccounts, changed.Code);
        Assert.Equal(TeamAccessErrorCode.GuardianRoleNotForServiceAccounts, viaMembers.Code);
        Assert.Equal(TeamAccessErrorCode.GuardianRoleNotForServiceAccounts, offered.Code);
        Assert.Equal(version, (await bed.SnapshotAsync(owner.Team.Id)).Version);
        Assert.False(bed.Access.HasPermission(account.PrincipalId, owner.Team.Id, Permissions.TeamDelete));
    }

    [Fact]
    public async Task Create_AboveTheActorsRankOrBeyondWhatTheyHold_IsRefused()
    {
        await using var bed = WithLeads();
        var crew = await bed.CrewAsync("Lead");
        var lead = crew[0];

        var above = await Accounts(bed).CreateAsync(lead, crew.TeamId, new CreateServiceAccountRequest("Too high", RolePresets.Administrator));
        var beyond = await Accounts(bed).CreateAsync(lead, crew.TeamId, new CreateServiceAccountRequest("Writes", "Writer"));
        var within = await Accounts(bed).CreateAsync(lead, crew.TeamId, new CreateServiceAccountRequest("Reads devices", "Reader"));

        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, above.Code);
        Assert.Equal(TeamAccessErrorCode.ExceedsGranterPermissions, beyond.Code);
        Assert.True(within.Succeeded, within.ToString());
        Assert.Equal([within.Value!.Id], (await bed.SnapshotAsync(crew.TeamId)).Memberships.Values.Where(m => m.IsServiceAccount).Select(m => m.Id));
    }

    [Fact]
    public async Task ChangeOrDelete_AnAccountRankedAboveTheActor_IsRoleRankTooHigh()
    {
        await using var bed = WithLeads();
        var crew = await bed.CrewAsync("Lead");
        var admin = (await Accounts(bed).CreateAsync(crew.OwnerId, crew.TeamId, new CreateServiceAccountRequest("Admin bot", RolePresets.Administrator))).Value!;

        var changed = await Accounts(bed).ChangeAsync(crew[0], crew.TeamId, admin.Id, new ChangeServiceAccountRequest { Role = "Reader" });
        var deleted = await Accounts(bed).DeleteAsync(crew[0], crew.TeamId, admin.Id);
        var keyed = await Accounts(bed).CreateKeyAsync(crew[0], crew.TeamId, admin.Id, new CreateApiKeyRequest("sneaky"));

        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, changed.Code);
        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, deleted.Code);
        Assert.Equal(TeamAccessErrorCode.RoleRankTooHigh, keyed.Code);
    }

    [Fact]
    public async Task Create_WithoutServiceAccountsManage_IsPermissionDenied()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        var created = await Accounts(bed).CreateAsync(crew[0], crew.TeamId, new CreateServiceAccountRequest("Gateway", RolePresets.Observer));

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, created.Code);
    }

    [Theory]
    [InlineData("", null, TeamAccessErrorCode.InvalidName)]
    [InlineData("Bell\u0007", null, TeamAccessErrorCode.InvalidName)]
    [InlineData("Gateway", "bad\u0000description", TeamAccessErrorCode.InvalidDescription)]
    public async Task Create_BadInput_IsRefusedAndChangesNothing(string name, string? description, TeamAccessErrorCode expected)
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var version = (await bed.SnapshotAsync(owner.Team.Id)).Version;

        var created = await Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest(name, RolePresets.Member) { Description = description });

        Assert.Equal(expected, created.Code);
        Assert.Equal(version, (await bed.SnapshotAsync(owner.Team.Id)).Version);
    }

    [Fact]
    public async Task Change_AMembersMembership_IsNotAServiceAccount()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        var changed = await Accounts(bed).ChangeAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0), new ChangeServiceAccountRequest { Name = "Robot" });
        var deleted = await Accounts(bed).DeleteAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0));

        Assert.Equal(TeamAccessErrorCode.NotAServiceAccount, changed.Code);
        Assert.Equal(TeamAccessErrorCode.NotAServiceAccount, deleted.Code);
    }

    [Fact]
    public async Task GrantsAndGroups_ReachAServiceAccountAsTheyReachAMember()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var account = (await Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Telemetry reader", RolePresets.Member))).Value!;
        var group = (await bed.Groups.CreateAsync(owner.User.Id, owner.Team.Id, "Readers", "readers")).Value!;

        await bed.Grants.GrantAsync(owner.User.Id, owner.Team.Id, GrantSubject.ForMembership(account.Id), "device-1", [Permissions.ResourcesWrite]);
        await bed.Grants.GrantAsync(owner.User.Id, owner.Team.Id, GrantSubject.ForGroup(group.Id), "device-2", [Permissions.ResourcesRead]);
        Assert.True((await bed.Groups.AddMemberAsync(owner.User.Id, owner.Team.Id, group.Id, account.Id)).Succeeded);

        Assert.True(bed.Access.HasPermission(account.PrincipalId, owner.Team.Id, Permissions.ResourcesWrite, "device-1"));
        Assert.True(bed.Access.HasPermission(account.PrincipalId, owner.Team.Id, Permissions.ResourcesRead, "device-2"));
        Assert.False(bed.Access.HasPermission(account.PrincipalId, owner.Team.Id, Permissions.ResourcesWrite, "device-2"));
        Assert.Equal(AccessReason.AllowedByGroupGrant, bed.Access.Explain(account.PrincipalId, owner.Team.Id, Permissions.ResourcesRead, "device-2").Reason);
    }

    [Fact]
    public async Task Delete_TheAccount_DropsItsGrantsAndGroupsAndItHoldsNothing()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var account = (await Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Old gateway", RolePresets.Member))).Value!;
        await bed.Grants.GrantAsync(owner.User.Id, owner.Team.Id, GrantSubject.ForMembership(account.Id), "device-1", [Permissions.ResourcesWrite]);

        var deleted = await Accounts(bed).DeleteAsync(owner.User.Id, owner.Team.Id, account.Id);

        Assert.Equal(MembershipStatus.Removed, deleted.Value!.Status);
        Assert.False(bed.Access.HasPermission(account.PrincipalId, owner.Team.Id, Permissions.ResourcesWrite, "device-1"));
        Assert.Empty((await bed.SnapshotAsync(owner.Team.Id)).Grants);
        Assert.Empty((await Accounts(bed).ListAsync(owner.User.Id, owner.Team.Id)).Value!);
        Assert.Contains((await bed.Audit.ListAsync(owner.User.Id, owner.Team.Id)).Value!, e => e.Action == AuditActions.ServiceAccountDeleted);
    }

    [Fact]
    public async Task AServiceAccount_ActsThroughTheServicesAsItsRoleAllowsAndIsTheAuditedActor()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var account = (await Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Provisioner", RolePresets.Administrator))).Value!;

        var group = await bed.Groups.CreateAsync(account.PrincipalId, owner.Team.Id, "Field crew", "field-crew");
        var deleteTeam = await bed.Teams.DeleteAsync(account.PrincipalId, owner.Team.Id);

        Assert.True(group.Succeeded, group.ToString());
        Assert.Equal(TeamAccessErrorCode.PermissionDenied, deleteTeam.Code);
        Assert.Single((await bed.Audit.ListAsync(owner.User.Id, owner.Team.Id)).Value!, e => e.Action == AuditActions.GroupCreated && e.ActorId == account.PrincipalId);
    }
}
