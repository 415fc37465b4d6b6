using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TeamAccess.Accounts;
using TeamAccess.Domain;

namespace TeamAccess.Tests;

/// <summary>
/// Random sequences of operations by random actors on two teams. After every step: the services agree with the
/// <see cref="ReferenceModel"/> on the outcome and on who holds what; every team keeps an Active guardian (invariant 1);
/// nobody has two current memberships in a team (3); nobody gave a role above their own (6, through the model); read-only
/// roles hold no write permission (7); grants and group joins never hand over more than the actor held (15). At the end,
/// each team's audit log replays to the team as stored (17).
/// </summary>
public sealed class MembershipProperties
{
    private const int People = 6;
    private static readonly string[] RoleNames = [RolePresets.Owner, RolePresets.Administrator, RolePresets.Member, RolePresets.Observer];
    private static readonly string[] Resources = ["r0", "r1"];

    // Each team starts with a guardian (its founder) and a few members in other roles.
    private static readonly (int Team, int User, string Role)[] Seeds =
    [
        (0, 2, RolePresets.Administrator), (0, 3, RolePresets.Member), (0, 4, RolePresets.Observer),
        (1, 3, RolePresets.Administrator), (1, 5, RolePresets.Member), (1, 2, RolePresets.Owner),
    ];

    [Property(MaxTest = 150, EndSize = 40)]
    public Property RandomOperations_KeepTheInvariantsAndAgreeWithTheModel(Step[] steps) =>
        Prop.ToProperty(Run(steps ?? []).GetAwaiter().GetResult());

    private static async Task<bool> Run(Step[] steps)
    {
        await using var bed = TestBed.Create();
        var people = new List<SignUpResult>();
        for (var i = 0; i < People; i++)
        {
            people.Add(await bed.SignUpAsync());
        }

        TeamId[] teams = [people[0].Team.Id, people[1].Team.Id];
        var model = new ReferenceModel(bed.Roles);
        model.Seed(0, 0, RolePresets.Owner);
        model.Seed(1, 1, RolePresets.Owner);
        foreach (var (t, u, role) in Seeds)
        {
            Assert.True((await bed.Members.AddAsHostAsync(teams[t], people[u].User.Id, role)).Succeeded);
            model.Seed(t, u, role);
        }
        var catalog = bed.Roles.PermissionCatalog;

        foreach (var step in steps)
        {
            var t = step.Extra % 2;
            var team = teams[t];
            var actorIndex = Pick(model, t, step.Actor);
            var targetIndex = Pick(model, t, step.Target);
            var actor = people[actorIndex].User.Id;
            var target = people[targetIndex].User.Id;
            var role = bed.Roles.Roles.Single(r => r.Name == RoleNames[step.Role % RoleNames.Length]);
            var resource = Resources[step.Extra / 2 % 2];
            var permission = catalog.All[step.Extra / 4 % catalog.All.Count];
            var before = await bed.SnapshotAsync(team);
            var targetMembership = before.FindCurrentMembership(target)?.Id ?? MembershipId.New();

            TeamAccessErrorCode actual, expected;
            switch (step.Kind % 10)
            {
                case 0:
                    actual = (await bed.Members.AddAsync(actor, team, target, role.Name)).Code;
                    expected = model.Add(t, actorIndex, targetIndex, role);
                    break;
                case 1:
                    actual = (await bed.Members.ChangeRoleAsync(actor, team, targetMembership, role.Name)).Code;
                    expected = model.ChangeRole(t, actorIndex, targetIndex, role);
                    break;
                case 2:
                    actual = (await bed.Members.DeactivateAsync(actor, team, targetMembership)).Code;
                    expected = model.Deactivate(t, actorIndex, targetIndex);
                    break;
                case 3:
                    actual = (await bed.Members.ReactivateAsync(actor, team, targetMembership)).Code;
                    expected = model.Reactivate(t, actorIndex, targetIndex);
                    break;
                case 4:
                    actual = (await bed.Members.RemoveAsync(actor, team, targetMembership)).Code;
                    expected = model.Remove(t, actorIndex, targetIndex);
                    break;
                case 5:
                    actual = (await bed.Members.LeaveAsync(actor, team)).Code;
                    expected = model.Leave(t, actorIndex);
                    break;
                default:
                    await GroupOrGrantStep(bed, step.Kind % 10, actor, team, before, targetMembership, resource, permission);
                    actual = expected = TeamAccessErrorCode.None;
                    break;
            }

            Assert.True(expected == actual, $"step {step}: model says {expected}, service says {actual}");
            await AssertInvariants(bed, teams, people, model);
        }

        foreach (var team in teams)
        {
            // The store's log, not IAuditLog: replay needs the stamps that readers never see.
            var events = await bed.Store.ListAsync(team, CancellationToken.None).ToListAsync();
            AuditAssert.ReplayEquals(await bed.SnapshotAsync(team), events);
        }

        return true;
    }

    /// <summary>Mostly someone with a place in the team (so that most steps get past "who are you?"), sometimes anyone.</summary>
    private static int Pick(ReferenceModel model, int team, byte choice)
    {
        var inTeam = Enumerable.Range(0, People).Where(u => model.Current(team, u) is not null).ToArray();
        return choice < 192 && inTeam.Length > 0 ? inTeam[choice % inTeam.Length] : choice % People;
    }

    private static async Task GroupOrGrantStep(TestBed bed, int kind, UserId actor, TeamId team, TeamSnapshot before, MembershipId target, string resource, Permission permission)
    {
        var group = before.Groups.Values.FirstOrDefault();
        switch (kind)
        {
            case 6 when group is null:
                await bed.Groups.CreateAsync(actor, team, "Crew", "crew");
                break;
            case 6:
                var joined = await bed.Groups.AddMemberAsync(actor, team, group.Id, target);
                if (joined.Succeeded)
                {
                    // Joining handed the group's grants over: the actor held each of them on its resource.
                    foreach (var grant in before.Grants.Values.Where(g => g.Subject == GrantSubject.ForGroup(group.Id)))
                    {
                        Assert.All(grant.Permissions, p => Assert.True(bed.Access.HasPermission(actor, team, p, grant.ResourceId), $"{actor} handed over {p}"));
                    }
                }

                break;
            case 7 or 8:
                var subject = kind == 7 || group is null ? GrantSubject.ForMembership(target) : GrantSubject.ForGroup(group.Id);
                var held = bed.Access.HasPermission(actor, team, permission, resource);
                var granted = await bed.Grants.GrantAsync(actor, team, subject, resource, [permission.Name]);
                Assert.False(granted.Succeeded && !held, $"{actor} granted {permission} on {resource} without holding it");
                break;
            default:
                if (group is not null && group.Members.Contains(target))
                {
                    await bed.Groups.RemoveMemberAsync(actor, team, group.Id, target);
                }
                else if (before.Grants.Values.FirstOrDefault() is { } grant)
                {
                    await bed.Grants.RevokeAsync(actor, team, grant.Id);
                }

                break;
        }
    }

    private static async Task AssertInvariants(TestBed bed, TeamId[] teams, List<SignUpResult> people, ReferenceModel model)
    {
        var writes = bed.Roles.PermissionCatalog.All.Where(p => p.Kind == PermissionKind.Write).ToArray();
        for (var t = 0; t < teams.Length; t++)
        {
            var snapshot = await bed.SnapshotAsync(teams[t]);
            Assert.True(TeamAggregate.CountActiveGuardians(snapshot, bed.Roles) >= 1, "invariant 1: no Active guardian left");
            var current = snapshot.Memberships.Values.Where(m => !m.Status.IsTerminal() && m.UserId is not null).ToList();
            Assert.Equal(current.Count, current.Select(m => m.UserId).Distinct().Count());

            for (var u = 0; u < people.Count; u++)
            {
                var user = people[u].User.Id;
                var stored = snapshot.FindCurrentMembership(user);
                Assert.Equal(model.Current(t, u), stored is null ? null : (stored.Role, stored.Status));
                foreach (var permission in bed.Roles.PermissionCatalog.All)
                {
                    Assert.Equal(model.Holds(t, u, permission), bed.Access.HasPermission(user, teams[t], permission));
                }

                if (stored is not null && bed.Roles.TryGet(stored.Role, out var role) && role.IsReadOnly)
                {
                    Assert.All(writes, w => Assert.False(bed.Access.HasPermission(user, teams[t], w, "r0") || bed.Access.HasPermission(user, teams[t], w, "r1")));
                }
            }
        }
    }
}
