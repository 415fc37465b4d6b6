using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Tests;

/// <summary>A write is described once: the operations its aggregate performed; the audit events and the index delta are projections of them.</summary>
public sealed class ChangeSetOperationTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Build_ChangeRole_IsOneMembershipPutWhoseAuditEventAndIndexDeltaAreItsProjections()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var loaded = await bed.SnapshotAsync(crew.TeamId);
        var builder = new ChangeSetBuilder(crew.OwnerId, Now, bed.Roles);
        var team = builder.Edit(loaded);
        Assert.True(team.Authorize(crew.OwnerId, Permissions.MembersManage).Succeeded);

        Assert.True(team.ChangeRole(crew.MembershipOf(0), bed.Roles.Roles[1]).Succeeded);
        var changes = builder.Build(out var stored);

        var change = Assert.Single(changes.Teams);
        Assert.Equal(loaded.Version, change.ExpectedVersion);
        Assert.Equal(loaded.Version + 1, change.After.Version);
        var put = Assert.IsType<MembershipPut>(Assert.Single(change.Operations));
        Assert.Equal(RolePresets.Member, put.Before!.Role);
        Assert.Equal(RolePresets.Administrator, put.After.Role);
        Assert.NotEqual(put.Before.SecurityStamp, put.After.SecurityStamp);
        var audit = Assert.Single(changes.AuditEvents);
        Assert.Equal((AuditActions.MembershipRoleChanged, put.After.Id.Value, AuditSubjectKind.Membership), (audit.Action, audit.SubjectId, audit.SubjectKind));
        var delta = Assert.Single(stored).Delta;
        Assert.NotNull(delta);
        Assert.Equal(new IndexDelta.MembershipChange(put.Before, put.After), Assert.Single(delta.Memberships));
    }

    [Fact]
    public async Task Build_RemoveAGroupMember_DetachesInOrderAndMakesNoIndexDelta()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Crew", "crew")).Value!;
        Assert.True((await bed.Groups.AddMemberAsync(crew.OwnerId, crew.TeamId, group.Id, crew.MembershipOf(0))).Succeeded);
        var builder = new ChangeSetBuilder(crew.OwnerId, Now, bed.Roles);
        var team = builder.Edit(await bed.SnapshotAsync(crew.TeamId));
        Assert.True(team.Authorize(crew.OwnerId, Permissions.MembersManage).Succeeded);

        Assert.True(team.Remove(crew.MembershipOf(0)).Succeeded);
        var changes = builder.Build(out var stored);

        var operations = Assert.Single(changes.Teams).Operations;
        Assert.Collection(
            operations,
            o => Assert.Equal(AuditActions.GroupMemberRemoved, Assert.IsType<GroupPut>(o).Action),
            o => Assert.Equal(MembershipStatus.Removed, Assert.IsType<MembershipPut>(o).After.Status));
        Assert.Equal([AuditActions.GroupMemberRemoved, AuditActions.MembershipRemoved], changes.AuditEvents.Select(e => e.Action));
        Assert.Null(Assert.Single(stored).Delta);
    }

    [Fact]
    public async Task CommitAsync_OperationOnAnotherTeamsRow_IsMisuse()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var builder = new ChangeSetBuilder(null, Now);
        var stranger = new StoredMembership(MembershipId.New(), TeamId.New(), null, "x@example.com", RolePresets.Member, MembershipStatus.Invited, Now);
        builder.Edit(await bed.SnapshotAsync(owner.Team.Id)).PutMembership(stranger, AuditActions.MembershipInvited);

        await Assert.ThrowsAsync<ArgumentException>(async () => await bed.Store.CommitAsync(builder.Build(out _), CancellationToken.None));
    }
}
