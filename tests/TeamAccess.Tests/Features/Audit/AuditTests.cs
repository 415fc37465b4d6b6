namespace TeamAccess.Tests;

public sealed class AuditTests
{
    [Fact]
    public async Task EveryChange_EmitsAnEventWithActorSubjectAndBeforeAfter()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0), RolePresets.Observer);

        var events = (await bed.Audit.ListAsync(crew.OwnerId, crew.TeamId)).Value!;
        var last = events[^1];
        Assert.Equal(AuditActions.MembershipRoleChanged, last.Action);
        Assert.Equal((crew.OwnerId, crew.TeamId, AuditSubjectKind.Membership, crew.MembershipOf(0).Value), (last.ActorId!.Value, last.TeamId!.Value, last.SubjectKind, last.SubjectId));
        Assert.Contains("\"Member\"", last.Before, StringComparison.Ordinal);
        Assert.Contains("\"Observer\"", last.After, StringComparison.Ordinal);
        Assert.Equal(bed.Time.GetUtcNow(), last.OccurredAt);
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
    }

    [Fact]
    public async Task RefusedChange_EmitsNothing()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Observer);
        var before = bed.Store.AuditEventCount;

        await bed.Members.ChangeRoleAsync(crew[0], crew.TeamId, crew.MembershipOf(0), RolePresets.Owner);
        await bed.Teams.DeleteAsync(crew[0], crew.TeamId);

        Assert.Equal(before, bed.Store.AuditEventCount);
    }

    [Fact]
    public async Task List_ByMember_IsPermissionDenied()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        Assert.Equal(TeamAccessErrorCode.PermissionDenied, (await bed.Audit.ListAsync(crew[0], crew.TeamId)).Code);
    }

    [Fact]
    public async Task Replay_AfterAWorkingDay_RebuildsTheTeam()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member, RolePresets.Observer);
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Maintenance", "maintenance-team")).Value!;
        await bed.Groups.AddMemberAsync(crew[0], crew.TeamId, group.Id, crew.MembershipOf(1));
        await bed.Grants.GrantAsync(crew[0], crew.TeamId, GrantSubject.ForGroup(group.Id), "p", ["devices.write"]);
        await bed.Members.DeactivateAsync(crew[0], crew.TeamId, crew.MembershipOf(2));
        await bed.Members.RemoveAsync(crew[0], crew.TeamId, crew.MembershipOf(1));
        await bed.Teams.ChangeTierAsync(crew.OwnerId, crew.TeamId, TeamTier.Commercial);

        // The store's log: replay needs the stamps that IAuditLog's readers never see.
        var events = await bed.Store.ListAsync(crew.TeamId, CancellationToken.None).ToListAsync();

        AuditAssert.ReplayEquals(await bed.SnapshotAsync(crew.TeamId), events);
    }
}
