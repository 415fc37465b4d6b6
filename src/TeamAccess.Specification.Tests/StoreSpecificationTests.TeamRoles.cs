using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Events;
using TeamAccess.Invitations;
using TeamAccess.Members;
using TeamAccess.TeamRoles;

// Test methods are documented by their names (Method_Scenario_Expectation), as in the repository's own test projects.
#pragma warning disable CS1591

namespace TeamAccess.Specification.Tests;

/// <content>Team roles: stored with the team, loaded by every path, changed under its version, replayed from the audit.</content>
public abstract partial class StoreSpecificationTests
{
    [SkippableFact]
    public async Task CreateAsync_TeamRoleIsStoredWithTheTeam_ChangedAssignedAndDeleted_OnEveryLoadPath()
    {
        await using var bed = await CreateBedAsync();
        var (owner, crew) = await bed.CrewAsync(RolePresets.Member);
        var teamId = owner.Team.Id;
        var roles = Service<ITeamRoleService>(bed.Services);
        var checker = Service<IAccessChecker>(bed.Services);

        var created = await roles.CreateAsync(owner.User.Id, teamId, new TeamRoleRequest { Name = "Auditor", Rank = 150, Permissions = [Permissions.AuditRead, Permissions.MembersRead], IsReadOnly = true });
        Assert.True(created.Succeeded, created.ToString());
        var stored = await bed.SnapshotAsync(teamId);
        Assert.Equal(created.Value, stored.TeamRoles["auditor"]);
        Assert.Equal(created.Value, Assert.Single(await ListAsync(bed.TeamStore.LoadAllAsync(CancellationToken.None)), s => s.Id == teamId).TeamRoles["Auditor"]);
        AuditAssert.ReplayEquals(stored, await bed.AuditAsync(teamId));

        await using (var scope = bed.Scope())
        {
            var changed = await Service<IMemberService>(scope).ChangeRoleAsync(owner.User.Id, teamId, crew[0].Membership.Id, "Auditor");
            Assert.True(changed.Succeeded, changed.ToString());
        }

        Assert.True(checker.HasPermission(crew[0].User.Id, teamId, Permissions.AuditRead));
        Assert.False(checker.HasPermission(crew[0].User.Id, teamId, Permissions.GroupsManage));

        var updated = await roles.UpdateAsync(owner.User.Id, teamId, new TeamRoleRequest { Name = "Auditor", Rank = 160, Permissions = [Permissions.MembersRead] });
        Assert.True(updated.Succeeded, updated.ToString());
        Assert.False(checker.HasPermission(crew[0].User.Id, teamId, Permissions.AuditRead));
        Assert.True(checker.HasPermission(crew[0].User.Id, teamId, Permissions.MembersRead));
        Assert.Equal(160, (await bed.SnapshotAsync(teamId)).TeamRoles["Auditor"].Rank);

        var inUse = await roles.DeleteAsync(owner.User.Id, teamId, "Auditor");
        Assert.Equal(TeamAccessErrorCode.RoleInUse, inUse.Code);
        Assert.Equal([crew[0].Membership.Id.ToString()], inUse.Error!.Details);

        Assert.True((await bed.Members.ChangeRoleAsync(owner.User.Id, teamId, crew[0].Membership.Id, RolePresets.Member)).Succeeded);
        var deleted = await roles.DeleteAsync(owner.User.Id, teamId, "Auditor");
        Assert.True(deleted.Succeeded, deleted.ToString());

        var after = await bed.SnapshotAsync(teamId);
        Assert.Empty(after.TeamRoles);
        Assert.Empty(Assert.Single(await ListAsync(bed.TeamStore.LoadAllAsync(CancellationToken.None)), s => s.Id == teamId).TeamRoles);
        AuditAssert.ReplayEquals(after, await bed.AuditAsync(teamId));
        Assert.Equal(
            [TeamAccessEvent.ActionOf<TeamRoleCreatedEvent>(), TeamAccessEvent.ActionOf<TeamRoleChangedEvent>(), TeamAccessEvent.ActionOf<TeamRoleDeletedEvent>()],
            (await bed.AuditAsync(teamId)).Where(e => e.SubjectKind == AuditSubjectKind.TeamRole).Select(e => e.Action));
    }

    [SkippableFact]
    public async Task CreateAsync_TwoCreatesOfOneNameAtOnce_OneRoleIsStored()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var results = await InParallelAsync(bed, 4, (scope, i) => Service<ITeamRoleService>(scope).CreateAsync(
            owner.User.Id, owner.Team.Id, new TeamRoleRequest { Name = i % 2 == 0 ? "Technician" : "technician", Rank = 100 + i, Permissions = [Permissions.ResourcesRead] }));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Code, new[] { TeamAccessErrorCode.RoleNameTaken, TeamAccessErrorCode.ConcurrencyFailure }));
        Assert.Single((await bed.SnapshotAsync(owner.Team.Id)).TeamRoles);
    }

    [SkippableFact]
    public async Task InviteAsync_NamingATeamRole_TheInviteeJoinsInIt()
    {
        await using var bed = await CreateBedAsync();
        var owner = await bed.SignUpAsync();
        var teamId = owner.Team.Id;
        Assert.True((await Service<ITeamRoleService>(bed.Services).CreateAsync(owner.User.Id, teamId, new TeamRoleRequest { Name = "Installer", Rank = 120, Permissions = [Permissions.ResourcesWrite, Permissions.ResourcesRead], IsScopedToGrants = true })).Succeeded);

        var invited = await bed.Invitations.InviteAsync(owner.User.Id, teamId, new InviteRequest(["installer@example.com"], "Installer"));

        Assert.True(invited.Succeeded, invited.ToString());
        var membership = (await bed.SnapshotAsync(teamId)).FindCurrentMembershipByEmail("installer@example.com");
        Assert.Equal("Installer", membership!.Role);
        Assert.Equal(TeamAccessErrorCode.RoleInUse, (await Service<ITeamRoleService>(bed.Services).DeleteAsync(owner.User.Id, teamId, "Installer")).Code);
    }
}
