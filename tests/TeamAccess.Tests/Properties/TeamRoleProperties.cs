using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TeamAccess.Domain;
using TeamAccess.Invitations;

namespace TeamAccess.Tests;

/// <summary>
/// Random team-role definitions, changes and deletions, role changes to catalog and team roles, invitations, and
/// deactivations, by random actors of one team (a guardian, an Administrator, a Lead with <c>roles.manage</c>, Members,
/// an Observer). After every step: no membership gained a permission (at team level, or on every resource) that the
/// actor did not hold before the step, unless the actor is the guardian (invariant 15); the team has an Active guardian
/// (invariant 1); the compiled index answers every permission of every member as their role, catalog or team, holds it.
/// At the end the audit log replays to the team as stored.
/// </summary>
public sealed class TeamRoleProperties
{
    private static readonly string[] TeamRoleNames = ["Alpha", "Beta", "Gamma", "Delta"];
    private static readonly string[] CatalogRoleNames = [RolePresets.Owner, RolePresets.Administrator, "Lead", RolePresets.Member, RolePresets.Observer];
    private static readonly int[] Ranks = [50, 150, 220, 250, 260];
    private static readonly string[] Pool =
    [
        Permissions.MembersRead, Permissions.MembersManage, Permissions.MembersInvite, Permissions.RolesManage, Permissions.AuditRead,
        Permissions.GroupsManage, Permissions.ResourcesRead, "devices.read", "devices.write",
    ];

    [Property(MaxTest = 100, EndSize = 40)]
    public Property RandomTeamRoleEditsAndAssignments_NeverLetAMemberExceedTheActor(Step[] steps) =>
        Prop.ToProperty(Run(steps ?? []).GetAwaiter().GetResult());

    private static async Task<bool> Run(Step[] steps)
    {
        await using var bed = TestBed.Create(o => o.Roles.UsePreset(RolePresets.OwnerAdministratorMemberObserver)
            .Add(new RoleDefinition("Lead", 250, Permissions.RolesManage, Permissions.MembersManage, Permissions.MembersInvite, Permissions.MembersRead, "devices.read")));
        var crew = await bed.CrewAsync("Lead", "Lead", RolePresets.Member, RolePresets.Observer, RolePresets.Administrator);
        var team = crew.TeamId;
        UserId[] people = [crew.OwnerId, .. crew.Members.Select(m => m.User.Id)];
        var roles = bed.TeamRoles;
        var invites = 0;

        foreach (var step in steps)
        {
            var actor = people[step.Actor % people.Length];
            var before = await bed.SnapshotAsync(team);
            var target = before.FindCurrentMembership(people[step.Target % people.Length])?.Id ?? MembershipId.New();
            var request = new TeamRoleRequest
            {
                Name = TeamRoleNames[step.Target % TeamRoleNames.Length],
                Rank = Ranks[step.Role % Ranks.Length],
                Permissions = [.. Pool.Where((_, bit) => ((step.Extra | (step.Role << 8)) & (1 << bit)) != 0)],
                IsReadOnly = step.Role % 5 == 0,
                IsScopedToGrants = step.Role % 3 == 0,
            };
            var anyRole = step.Extra % 2 == 0 ? TeamRoleNames[step.Role % TeamRoleNames.Length] : CatalogRoleNames[step.Role % CatalogRoleNames.Length];
            Result result = (step.Kind % 9) switch
            {
                0 or 1 => await roles.CreateAsync(actor, team, request),
                2 or 3 => await roles.UpdateAsync(actor, team, request),
                4 => await roles.DeleteAsync(actor, team, request.Name),
                5 or 6 => await bed.Members.ChangeRoleAsync(actor, team, target, anyRole),
                7 => await bed.Invitations.InviteAsync(actor, team, new InviteRequest([$"invitee{invites++}@example.com"], anyRole)),
                _ => step.Extra % 2 == 0 ? await bed.Members.DeactivateAsync(actor, team, target) : await bed.Members.ReactivateAsync(actor, team, target),
            };
            Assert.NotEqual(TeamAccessErrorCode.ConcurrencyFailure, result.Code);

            var after = await bed.SnapshotAsync(team);
            AssertNoneExceedsTheActor(bed, before, after, actor);
            AssertTheIndexAgrees(bed, after);
            Assert.True(TeamAggregate.CountActiveGuardians(after, bed.Roles) >= 1, "invariant 1: no Active guardian left");
        }

        AuditAssert.ReplayEquals(await bed.SnapshotAsync(team), await bed.Store.ListAsync(team, CancellationToken.None).ToListAsync());
        return true;
    }

    /// <summary>What a current membership's role would give it, Active or not (an invitation's role is given at accept).</summary>
    private static (ulong Team, ulong Everywhere) Reach(TeamRoleSet roles, StoredMembership membership) =>
        roles.TryGet(membership.Role, out var role) ? (role.TeamMask, AccessRules.ResourceBaseMask(role)) : (0, 0);

    private static void AssertNoneExceedsTheActor(TestBed bed, TeamSnapshot before, TeamSnapshot after, UserId actorId)
    {
        var rolesBefore = bed.Roles.ForTeam(before);
        var rolesAfter = bed.Roles.ForTeam(after);
        var actor = before.FindCurrentMembership(actorId);
        var actorRole = actor is null ? null : AccessRules.ActiveRole(before.Team, actor, rolesBefore);
        if (actorRole?.IsGuardian == true)
        {
            return;
        }

        var (actorTeam, actorEverywhere) = actorRole is null ? (0UL, 0UL) : (actorRole.TeamMask, AccessRules.ResourceBaseMask(actorRole));
        foreach (var membership in after.Memberships.Values.Where(m => !m.Status.IsTerminal()))
        {
            var (hadTeam, hadEverywhere) = before.Memberships.TryGetValue(membership.Id, out var was) && !was.Status.IsTerminal() ? Reach(rolesBefore, was) : (0UL, 0UL);
            var (hasTeam, hasEverywhere) = Reach(rolesAfter, membership);
            Assert.True((hasTeam & ~hadTeam & ~actorTeam) == 0, $"{membership.Email} gained team permissions the actor lacks");
            Assert.True((hasEverywhere & ~hadEverywhere & ~actorEverywhere) == 0, $"{membership.Email} gained resource permissions the actor lacks");
        }
    }

    private static void AssertTheIndexAgrees(TestBed bed, TeamSnapshot team)
    {
        var roles = bed.Roles.ForTeam(team);
        foreach (var membership in team.Memberships.Values.Where(m => m.UserId is not null && !m.Status.IsTerminal()))
        {
            var role = AccessRules.ActiveRole(team.Team, membership, roles);
            foreach (var permission in bed.Roles.PermissionCatalog.All)
            {
                Assert.Equal(role?.Has(permission) ?? false, bed.Access.HasPermission(membership.UserId!.Value, team.Id, permission));
                Assert.Equal((AccessRules.ResourceBaseMask(role) & (1UL << permission.Bit)) != 0, bed.Access.HasPermission(membership.UserId!.Value, team.Id, permission, "untouched-resource"));
            }
        }
    }
}
