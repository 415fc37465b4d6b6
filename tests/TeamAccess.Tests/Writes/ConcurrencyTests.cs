using TeamAccess.Accounts;
using TeamAccess.Domain;

namespace TeamAccess.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task GuardiansDemotingAndRemovingEachOtherAtOnce_NeverLeaveTheTeamWithoutAnActiveGuardian()
    {
        for (var round = 0; round < 20; round++)
        {
            await using var bed = TestBed.Create();
            var crew = await bed.CrewAsync(RolePresets.Owner, RolePresets.Owner, RolePresets.Owner, RolePresets.Owner);
            var snapshot = await bed.SnapshotAsync(crew.TeamId);
            var owners = snapshot.Memberships.Values.Select(m => (User: m.UserId!.Value, Membership: m.Id)).ToArray();
            using var gate = new ManualResetEventSlim(false);

            // Every owner at once demotes, deactivates or removes every other owner, each on its own thread.
            var attempts = owners.SelectMany((actor, i) => owners.Where(t => t.User != actor.User).Select((target, j) => Task.Run(async () =>
            {
                gate.Wait();
                return ((i + j) % 3) switch
                {
                    0 => await bed.Members.ChangeRoleAsync(actor.User, crew.TeamId, target.Membership, RolePresets.Observer),
                    1 => await bed.Members.DeactivateAsync(actor.User, crew.TeamId, target.Membership),
                    _ => await bed.Members.RemoveAsync(actor.User, crew.TeamId, target.Membership),
                };
            }))).ToArray();
            gate.Set();
            var results = await Task.WhenAll(attempts);

            var after = await bed.SnapshotAsync(crew.TeamId);
            Assert.Equal(1, TeamAggregate.CountActiveGuardians(after, bed.Roles));
            Assert.Contains(results, r => r.Succeeded);
            Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Code, new[]
            {
                TeamAccessErrorCode.LastGuardian, TeamAccessErrorCode.NotFound, TeamAccessErrorCode.PermissionDenied,
                TeamAccessErrorCode.RoleRankTooHigh, TeamAccessErrorCode.InvalidTransition, TeamAccessErrorCode.ConcurrencyFailure,
            }));
            AuditAssert.ReplayEquals(after, await bed.Store.ListAsync(crew.TeamId, CancellationToken.None).ToListAsync());
        }
    }

    [Fact]
    public async Task ManyWritersOnOneTeam_EveryCommittedChangeIsKeptAndVersioned()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var people = new List<SignUpResult>();
        for (var i = 0; i < 40; i++)
        {
            people.Add(await bed.SignUpAsync());
        }

        var results = await Task.WhenAll(people.Select(p => Task.Run(async () =>
            await bed.Members.AddAsHostAsync(owner.Team.Id, p.User.Id, RolePresets.Member))));

        var snapshot = await bed.SnapshotAsync(owner.Team.Id);
        var added = results.Count(r => r.Succeeded);
        Assert.Equal(added + 1, snapshot.Memberships.Count);
        Assert.Equal(added + 1, snapshot.Version);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(TeamAccessErrorCode.ConcurrencyFailure, r.Code));
    }
}
