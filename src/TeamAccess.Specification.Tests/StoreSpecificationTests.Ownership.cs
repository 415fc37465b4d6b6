using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Members;
using TeamAccess.Ownership;

// Test methods are documented by their names (Method_Scenario_Expectation), as in the repository's own test projects.
#pragma warning disable CS1591

namespace TeamAccess.Specification.Tests;

/// <content>Ownership offers: kept with the team on every store, and the race of an accept against the offerer's removal.</content>
public abstract partial class StoreSpecificationTests
{
    [SkippableFact]
    public async Task OfferAsync_OfferIsStoredWithTheTeam_AndAcceptedInAnotherUnitOfWork()
    {
        await using var bed = await CreateBedAsync();
        var (owner, crew) = await bed.CrewAsync(RolePresets.Member);
        var teamId = owner.Team.Id;
        var ownership = Service<IOwnershipService>(bed.Services);

        var offered = await ownership.OfferAsync(owner.User.Id, teamId, crew[0].Membership.Id, keepRole: false);

        Assert.True(offered.Succeeded, offered.ToString());
        var offer = offered.Value!;
        var stored = await bed.SnapshotAsync(teamId);
        Assert.Equal(offer, stored.Team.OwnershipOffer);
        Assert.Equal(bed.Time.GetUtcNow() + TimeSpan.FromDays(7), stored.Team.OwnershipOffer!.ExpiresAt);
        Assert.Equal(offer, Assert.Single(await ListAsync(bed.TeamStore.LoadAllAsync(CancellationToken.None)), s => s.Id == teamId).Team.OwnershipOffer);
        AuditAssert.ReplayEquals(stored, await bed.AuditAsync(teamId));

        await using (var scope = bed.Scope())
        {
            var seen = await Service<IOwnershipService>(scope).GetOfferAsync(crew[0].User.Id, teamId);
            Assert.Equal(offer, seen.Value);
            var accepted = await Service<IOwnershipService>(scope).AcceptAsync(crew[0].User.Id, teamId, offer.Id);
            Assert.True(accepted.Succeeded, accepted.ToString());
        }

        var after = await bed.SnapshotAsync(teamId);
        Assert.Null(after.Team.OwnershipOffer);
        Assert.Equal(RolePresets.Owner, after.Memberships[crew[0].Membership.Id].Role);
        Assert.Equal(RolePresets.Administrator, after.FindCurrentMembership(owner.User.Id)!.Role);
        Assert.Equal(TeamAccessErrorCode.OwnershipOfferNotFound, (await ownership.GetOfferAsync(owner.User.Id, teamId)).Code);
        AuditAssert.ReplayEquals(after, await bed.AuditAsync(teamId));
    }

    [SkippableFact]
    public async Task AcceptAsync_RacingTheOfferersRemovalAndTheirDemotingOfTheOtherGuardian_KeepsAnActiveGuardian()
    {
        await using var bed = await CreateBedAsync();
        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            // Two owners; the first offers the guardian role to a member, stepping down on accept.
            var (first, crew) = await bed.CrewAsync(RolePresets.Owner, RolePresets.Member);
            var teamId = first.Team.Id;
            var second = crew[0];
            var heir = crew[1];
            var firstMembership = (await bed.SnapshotAsync(teamId)).FindCurrentMembership(first.User.Id)!.Id;
            var offer = (await Service<IOwnershipService>(bed.Services).OfferAsync(first.User.Id, teamId, heir.Membership.Id)).Value!;

            // At once: the heir accepts, the second owner removes the offerer, and the offerer demotes the second owner.
            var results = await InParallelAsync(bed, 3, async (scope, i) => i switch
            {
                0 => (Result)await Service<IOwnershipService>(scope).AcceptAsync(heir.User.Id, teamId, offer.Id),
                1 => await Service<IMemberService>(scope).RemoveAsync(second.User.Id, teamId, firstMembership),
                _ => await Service<IMemberService>(scope).ChangeRoleAsync(first.User.Id, teamId, second.Membership.Id, RolePresets.Administrator),
            });

            var after = await bed.SnapshotAsync(teamId);
            var guardians = after.Memberships.Values.Where(m => m.Status == MembershipStatus.Active && bed.Roles.TryGet(m.Role, out var role) && role!.IsGuardian).ToList();
            Assert.NotEmpty(guardians);
            Assert.Equal(results[0].Succeeded, after.Memberships[heir.Membership.Id].Role == RolePresets.Owner);
            if (results[0].Succeeded || results[1].Succeeded)
            {
                Assert.True(after.Team.OwnershipOffer is null, $"round {round}: the offer outlived its acceptance or its offerer's removal");
            }

            Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Code, new[]
            {
                TeamAccessErrorCode.OwnershipOfferNotFound, TeamAccessErrorCode.NotFound, TeamAccessErrorCode.RoleRankTooHigh,
                TeamAccessErrorCode.ConcurrencyFailure,
            }));
            AuditAssert.ReplayEquals(after, await bed.AuditAsync(teamId));
        }
    }

    private static T Service<T>(IServiceProvider services)
        where T : notnull => services.GetRequiredService<T>();
}
