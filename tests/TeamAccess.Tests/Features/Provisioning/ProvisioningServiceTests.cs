using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Provisioning;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.Tests;

/// <summary>Who may make a directory, and what a directory may do: the edges of <see cref="IProvisioningService"/>.</summary>
public sealed class ProvisioningServiceTests
{
    private static IServiceAccountService Accounts(TestBed bed) => bed.Services.GetRequiredService<IServiceAccountService>();

    private static IProvisioningService Directory(TestBed bed) => bed.Services.GetRequiredService<IProvisioningService>();

    [Fact]
    public async Task CreateServiceAccount_WithDirectoryProvisionByANonGuardian_IsRefused()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);

        // An Administrator holds directory.provision, but a directory manages guardians too: only a guardian delegates it.
        var byAdmin = await Accounts(bed).CreateAsync(crew[0], crew.TeamId, new CreateServiceAccountRequest("Directory", RolePresets.Administrator));
        var byOwner = await Accounts(bed).CreateAsync(crew.OwnerId, crew.TeamId, new CreateServiceAccountRequest("Directory", RolePresets.Administrator));
        var member = (await Accounts(bed).CreateAsync(crew[0], crew.TeamId, new CreateServiceAccountRequest("Reader", RolePresets.Member))).Value!;
        var raised = await Accounts(bed).ChangeAsync(crew[0], crew.TeamId, member.Id, new ChangeServiceAccountRequest { Role = RolePresets.Administrator });

        Assert.Equal(TeamAccessErrorCode.DirectoryProvisionNeedsGuardian, byAdmin.Code);
        Assert.True(byOwner.Succeeded, byOwner.ToString());
        Assert.Equal(TeamAccessErrorCode.DirectoryProvisionNeedsGuardian, raised.Code);
    }

    [Fact]
    public async Task EditTeamRole_HeldByAServiceAccount_ToHoldDirectoryProvision_IsRefusedToANonGuardianByTheSameRule()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator);
        var reader = new TeamRoleRequest { Name = "Reader", Rank = 150, Permissions = [Permissions.ResourcesRead] };
        var widened = new TeamRoleRequest { Name = "Reader", Rank = 150, Permissions = [Permissions.ResourcesRead, Permissions.DirectoryProvision] };
        Assert.True((await bed.TeamRoles.CreateAsync(crew.OwnerId, crew.TeamId, reader)).Succeeded);
        Assert.True((await Accounts(bed).CreateAsync(crew[0], crew.TeamId, new CreateServiceAccountRequest("Reporting", "Reader"))).Succeeded);
        var version = (await bed.SnapshotAsync(crew.TeamId)).Version;

        // Giving the account a role with directory.provision is refused to the Administrator; so is editing its role to hold it.
        var byAdmin = await bed.TeamRoles.UpdateAsync(crew[0], crew.TeamId, widened);

        Assert.Equal(TeamAccessErrorCode.DirectoryProvisionNeedsGuardian, byAdmin.Code);
        Assert.Equal(version, (await bed.SnapshotAsync(crew.TeamId)).Version);

        // A role no service account holds may be widened by the Administrator; the guardian may widen either.
        Assert.True((await bed.TeamRoles.CreateAsync(crew[0], crew.TeamId, new TeamRoleRequest { Name = "Auditor", Rank = 140, Permissions = [Permissions.ResourcesRead] })).Succeeded);
        var unheld = await bed.TeamRoles.UpdateAsync(crew[0], crew.TeamId, new TeamRoleRequest { Name = "Auditor", Rank = 140, Permissions = [Permissions.ResourcesRead, Permissions.DirectoryProvision] });
        var byOwner = await bed.TeamRoles.UpdateAsync(crew.OwnerId, crew.TeamId, widened);

        Assert.True(unheld.Succeeded, unheld.ToString());
        Assert.True(byOwner.Succeeded, byOwner.ToString());
    }

    [Fact]
    public async Task ChangeGroup_WithAName_RenamesKeepingTheHandle_AndARefusedMemberCommitsNeither()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var directory = (await Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Directory", RolePresets.Administrator))).Value!.PrincipalId;
        var group = (await Directory(bed).CreateGroupAsync(directory, owner.Team.Id, "Tour Guides", [])).Value!;
        var other = (await Directory(bed).CreateGroupAsync(directory, owner.Team.Id, "Drivers", [])).Value!;

        var renamed = await Directory(bed).ChangeGroupAsync(directory, owner.Team.Id, group.Id, [], [], "  Senior Tour Guides ");
        var version = (await bed.SnapshotAsync(owner.Team.Id)).Version;
        var withUnknownMember = await Directory(bed).ChangeGroupAsync(directory, owner.Team.Id, group.Id, [MembershipId.New()], [], "Lost");
        var lookAlike = await Directory(bed).ChangeGroupAsync(directory, owner.Team.Id, other.Id, [], [], "Senior Tour Guіdes");
        var bad = await Directory(bed).ChangeGroupAsync(directory, owner.Team.Id, group.Id, [], [], "");

        Assert.True(renamed.Succeeded, renamed.ToString());
        Assert.Equal(("Senior Tour Guides", group.Handle), (renamed.Value!.Name, renamed.Value.Handle));
        Assert.Equal(TeamAccessErrorCode.NotFound, withUnknownMember.Code);
        Assert.Equal(TeamAccessErrorCode.InvalidName, lookAlike.Code);
        Assert.Equal(TeamAccessErrorCode.InvalidName, bad.Code);
        Assert.Equal(version, (await bed.SnapshotAsync(owner.Team.Id)).Version);
        Assert.Equal("Senior Tour Guides", (await bed.SnapshotAsync(owner.Team.Id)).Groups[group.Id].Name);
        var audit = await bed.Store.ListAsync(owner.Team.Id, CancellationToken.None).ToListAsync();
        Assert.Contains(audit, e => e.Action == AuditActions.GroupRenamed && e.SubjectId == group.Id.Value);
        AuditAssert.ReplayEquals(await bed.SnapshotAsync(owner.Team.Id), audit);
    }

    [Fact]
    public async Task Provision_WithoutDirectoryProvision_IsPermissionDeniedAndChangesNothing()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var version = (await bed.SnapshotAsync(crew.TeamId)).Version;

        var provisioned = await Directory(bed).ProvisionAsync(crew[0], crew.TeamId, new DirectoryUserRequest("someone@example.com"));
        var listed = await Directory(bed).ListAsync(crew[0], crew.TeamId, new DirectoryUserQuery());

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, provisioned.Code);
        Assert.Equal(TeamAccessErrorCode.PermissionDenied, listed.Code);
        Assert.Equal(version, (await bed.SnapshotAsync(crew.TeamId)).Version);
    }

    [Theory]
    [InlineData("not an address", null, TeamAccessErrorCode.InvalidEmail)]
    [InlineData("a@example.com", "bad\u0000id", TeamAccessErrorCode.InvalidDirectoryValue)]
    [InlineData("a@example.com", "", TeamAccessErrorCode.InvalidDirectoryValue)]
    public async Task Provision_BadInput_IsRefusedAndChangesNothing(string email, string? externalId, TeamAccessErrorCode expected)
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var directory = (await Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Directory", RolePresets.Administrator))).Value!.PrincipalId;
        var version = (await bed.SnapshotAsync(owner.Team.Id)).Version;

        var provisioned = await Directory(bed).ProvisionAsync(directory, owner.Team.Id, new DirectoryUserRequest(email) { ExternalId = externalId });

        Assert.Equal(expected, provisioned.Code);
        Assert.Equal(version, (await bed.SnapshotAsync(owner.Team.Id)).Version);
    }

    [Fact]
    public async Task Provision_OutsideAVerifiedDomain_InvitesWithTheDirectorysOriginAndSendsTheInvitation()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var directory = (await Accounts(bed).CreateAsync(owner.User.Id, owner.Team.Id, new CreateServiceAccountRequest("Directory", RolePresets.Administrator))).Value!.PrincipalId;

        var provisioned = await Directory(bed).ProvisionAsync(directory, owner.Team.Id, new DirectoryUserRequest("new.person@elsewhere.example") { ExternalId = "00u-1", FirstName = "New", LastName = "Person" });

        Assert.True(provisioned.Succeeded, provisioned.ToString());
        Assert.Equal((MembershipStatus.Invited, MembershipOrigin.Scim, "00u-1", RolePresets.Observer), (provisioned.Value!.Status, provisioned.Value.Origin, provisioned.Value.ExternalId, provisioned.Value.Role));
        Assert.Null(await bed.Services.GetRequiredService<IUserStore>().FindByEmailAsync("new.person@elsewhere.example", CancellationToken.None));
        Assert.Equal(provisioned.Value.Id, bed.Outbox.LastTo("new.person@elsewhere.example").MembershipId);
    }
}
