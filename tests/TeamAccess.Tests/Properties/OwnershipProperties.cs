using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TeamAccess.Domain;

namespace TeamAccess.Tests;

/// <summary>
/// Random offers, accepts, declines and withdrawals of the guardian role, mixed with role changes, deactivations,
/// reactivations, removals, leaving and the passing of time, by random actors of one team. After every step: the team
/// has an Active guardian (invariant 1); it has at most one open offer, and the audit log agrees (every offer made is
/// closed by one event before the next is made); a stored offer still joins an Active guardian to another Active
/// member. At the end the audit log replays to the team as stored.
/// </summary>
public sealed class OwnershipProperties
{
    private static readonly string[] RoleNames = [RolePresets.Owner, RolePresets.Administrator, RolePresets.Member, RolePresets.Observer];
    private static readonly string[] Closing =
    [
        AuditActions.OwnershipOfferAccepted, AuditActions.OwnershipOfferDeclined, AuditActions.OwnershipOfferWithdrawn,
        AuditActions.OwnershipOfferCancelled, AuditActions.OwnershipOfferExpired,
    ];

    [Property(MaxTest = 100, EndSize = 40)]
    public Property RandomOffersAndMembershipChanges_NeverLeaveTheTeamWithoutAGuardianOrWithTwoOffers(Step[] steps) =>
        Prop.ToProperty(Run(steps ?? []).GetAwaiter().GetResult());

    private static async Task<bool> Run(Step[] steps)
    {
        await using var bed = TestBed.Create(o => o.Ownership.OfferLifetime = TimeSpan.FromHours(2));
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member, RolePresets.Member, RolePresets.Observer);
        var team = crew.TeamId;
        UserId[] people = [crew.OwnerId, .. crew.Members.Select(m => m.User.Id)];
        var accepted = 0;

        foreach (var step in steps)
        {
            var actor = people[step.Actor % people.Length];
            var before = await bed.SnapshotAsync(team);
            var target = before.FindCurrentMembership(people[step.Target % people.Length])?.Id ?? MembershipId.New();
            var offerId = step.Extra % 4 == 0 ? OwnershipOfferId.New() : before.Team.OwnershipOffer?.Id ?? OwnershipOfferId.New();
            Result result = (step.Kind % 11) switch
            {
                0 or 1 => await bed.Ownership.OfferAsync(actor, team, target, keepRole: step.Extra % 3 == 0),
                2 or 3 => await bed.Ownership.AcceptAsync(actor, team, offerId),
                4 => await bed.Ownership.DeclineAsync(actor, team, offerId),
                5 => await bed.Ownership.WithdrawAsync(actor, team),
                6 => await bed.Members.ChangeRoleAsync(actor, team, target, RoleNames[step.Role % RoleNames.Length]),
                7 => await bed.Members.DeactivateAsync(actor, team, target),
                8 => await bed.Members.ReactivateAsync(actor, team, target),
                9 => step.Extra % 2 == 0 ? await bed.Members.RemoveAsync(actor, team, target) : await bed.Members.LeaveAsync(actor, team),
                _ => Advance(bed, step.Extra),
            };
            accepted += step.Kind % 11 is 2 or 3 && result.Succeeded ? 1 : 0;
            Assert.NotEqual(TeamAccessErrorCode.ConcurrencyFailure, result.Code);

            await AssertInvariants(bed, team);
        }

        var events = await bed.Store.ListAsync(team, CancellationToken.None).ToListAsync();
        Assert.Equal(accepted, events.Count(e => e.Action == AuditActions.OwnershipOfferAccepted));
        AuditAssert.ReplayEquals(await bed.SnapshotAsync(team), events);
        return true;
    }

    private static Result Advance(TestBed bed, byte extra)
    {
        bed.Time.Advance(TimeSpan.FromMinutes(15 * (extra % 8)));
        return Result.Success;
    }

    private static async Task AssertInvariants(TestBed bed, TeamId team)
    {
        var snapshot = await bed.SnapshotAsync(team);
        Assert.True(TeamAggregate.CountActiveGuardians(snapshot, bed.Roles) >= 1, "invariant 1: no Active guardian left");

        // The log's offers: each offered event is closed by exactly one closing event before the next offer.
        var open = 0;
        foreach (var e in await bed.Store.ListAsync(team, CancellationToken.None).ToListAsync())
        {
            open += e.Action == AuditActions.OwnershipOffered ? 1 : Closing.Contains(e.Action) ? -1 : 0;
            Assert.InRange(open, 0, 1);
        }

        Assert.Equal(open, snapshot.Team.OwnershipOffer is null ? 0 : 1);
        if (snapshot.Team.OwnershipOffer is { } offer)
        {
            var from = snapshot.Memberships[offer.From];
            var to = snapshot.Memberships[offer.To];
            Assert.Equal(MembershipStatus.Active, from.Status);
            Assert.True(bed.Roles.TryGet(from.Role, out var role) && role.IsGuardian, "an offer from someone who no longer holds the guardian role");
            Assert.Equal(MembershipStatus.Active, to.Status);
            Assert.NotEqual(offer.From, offer.To);
        }
    }
}
