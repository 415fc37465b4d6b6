using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TeamAccess.Tests;

/// <summary>
/// No cross-team reach (invariant 14): an actor of team A, whatever their role there, acting on anything of team B
/// (member, group, grant, resource, the team itself), is answered as if it did not exist, and nothing changes anywhere.
/// </summary>
public sealed class CrossTeamProperties
{
    private static readonly string[] RolesInA = [RolePresets.Owner, RolePresets.Administrator, RolePresets.Member, RolePresets.Observer];

    [Property(MaxTest = 100, EndSize = 30)]
    public Property ActorOfTeamA_OnAnythingOfTeamB_IsNotFoundAndChangesNothing(Step[] steps) =>
        Prop.ToProperty(Run(steps ?? []).GetAwaiter().GetResult());

    private static async Task<bool> Run(Step[] steps)
    {
        await using var bed = TestBed.Create();
        var a = await bed.CrewAsync(RolesInA[1..]);
        var b = await bed.CrewAsync(RolePresets.Member, RolePresets.Observer);
        var bGroup = (await bed.Groups.CreateAsync(b.OwnerId, b.TeamId, "Crew", "crew")).Value!;
        await bed.Groups.AddMemberAsync(b.OwnerId, b.TeamId, bGroup.Id, b.MembershipOf(0));
        var bGrant = (await bed.Grants.GrantAsync(b.OwnerId, b.TeamId, GrantSubject.ForGroup(bGroup.Id), "b-resource", ["devices.write"])).Value!;
        UserId[] actorsOfA = [a.OwnerId, a[0], a[1], a[2]];
        MembershipId[] membershipsOfB = [b.MembershipOf(0), b.MembershipOf(1), (await bed.SnapshotAsync(b.TeamId)).FindCurrentMembership(b.OwnerId)!.Id];

        var auditBefore = bed.Store.AuditEventCount;
        var aBefore = await bed.SnapshotAsync(a.TeamId);
        var bBefore = await bed.SnapshotAsync(b.TeamId);

        var real = new TeamBThings(b.TeamId, membershipsOfB, bGroup.Id, bGrant.Id);
        foreach (var step in steps)
        {
            // "As if it did not exist": the same call with every id of team B replaced by one nobody has.
            var ghost = new TeamBThings(TeamId.New(), [MembershipId.New()], GroupId.New(), GrantId.New());
            var actual = await Act(bed, a, actorsOfA, real, step);
            var expected = await Act(bed, a, actorsOfA, ghost, step);
            Assert.True(expected == actual, $"step {step}: on team B's things {actual}, on nothing {expected}");
            Assert.NotEqual(TeamAccessErrorCode.None, actual);
        }

        Assert.Equal(auditBefore, bed.Store.AuditEventCount);
        Assert.Same(aBefore, await bed.SnapshotAsync(a.TeamId));
        Assert.Same(bBefore, await bed.SnapshotAsync(b.TeamId));
        return true;
    }

    private static async Task<TeamAccessErrorCode> Act(TestBed bed, Crew a, UserId[] actorsOfA, TeamBThings b, Step step)
    {
        var actor = actorsOfA[step.Actor % actorsOfA.Length];
        var target = b.Memberships[step.Target % b.Memberships.Length];
        // Half the calls name team B outright; half name team A while pointing at B's things.
        var team = step.Extra % 2 == 0 ? b.TeamId : a.TeamId;
        var role = RolesInA[step.Role % RolesInA.Length];
        return (step.Kind % 17) switch
        {
            0 => (await bed.Members.ChangeRoleAsync(actor, team, target, role)).Code,
            1 => (await bed.Members.DeactivateAsync(actor, team, target)).Code,
            2 => (await bed.Members.ReactivateAsync(actor, team, target)).Code,
            3 => (await bed.Members.RemoveAsync(actor, team, target)).Code,
            4 => (await bed.Groups.AddMemberAsync(actor, team, b.Group, target)).Code,
            5 => (await bed.Groups.RemoveMemberAsync(actor, team, b.Group, target)).Code,
            6 => (await bed.Groups.DeleteAsync(actor, team, b.Group)).Code,
            7 => (await bed.Grants.GrantAsync(actor, team, GrantSubject.ForMembership(target), "b-resource", ["devices.read"])).Code,
            8 => (await bed.Grants.GrantAsync(actor, team, GrantSubject.ForGroup(b.Group), "b-resource", ["devices.read"])).Code,
            9 => (await bed.Grants.RevokeAsync(actor, team, b.Grant)).Code,
            10 => (await bed.Members.AddAsync(actor, b.TeamId, actor, role)).Code,
            11 => (await bed.Members.LeaveAsync(actor, b.TeamId)).Code,
            12 => (await bed.Members.ListAsync(actor, b.TeamId)).Code,
            13 => (await bed.Teams.RenameAsync(actor, b.TeamId, "Taken over")).Code,
            14 => (await bed.Teams.DeleteAsync(actor, b.TeamId)).Code,
            15 => (await bed.Audit.ListAsync(actor, b.TeamId)).Code,
            _ => bed.Access.HasPermission(actor, b.TeamId, "devices.write", "b-resource") ? TeamAccessErrorCode.None : TeamAccessErrorCode.NotFound,
        };
    }

    private sealed record TeamBThings(TeamId TeamId, MembershipId[] Memberships, GroupId Group, GrantId Grant);
}
