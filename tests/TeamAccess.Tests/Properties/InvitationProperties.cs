using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TeamAccess.Accounts;
using TeamAccess.Domain;
using TeamAccess.Invitations;

namespace TeamAccess.Tests;

/// <summary>
/// Random sequences of invite, resend, revoke, decline, accept (newest or older token, right or wrong email) and clock
/// advances on one team. After every step: an accept succeeds exactly when the token is the newest of a pending,
/// unexpired invitation and the user's email is the invited one; an older token never works; the team keeps an Active
/// guardian (invariant 1) and at most one current membership per address and per user (3). At the end, every
/// membership was accepted at most once, and the audit log replays to the team as stored.
/// </summary>
public sealed class InvitationProperties
{
    private const int Invitees = 3;

    [Property(MaxTest = 60, EndSize = 30)]
    public Property RandomInvitationLifecycles_AcceptOnlyTheNewestUnexpiredSecretOnce(Step[] steps) =>
        Prop.ToProperty(Run(steps ?? []).GetAwaiter().GetResult());

    private static async Task<bool> Run(Step[] steps)
    {
        await using var bed = TestBed.Create(o => o.Invitations.ResendCooldown = TimeSpan.Zero);
        var owner = await bed.SignUpAsync();
        var team = owner.Team.Id;
        var people = new List<SignUpResult>();
        for (var i = 0; i < Invitees; i++)
        {
            people.Add(await bed.SignUpAsync());
        }

        string[] roles = [RolePresets.Administrator, RolePresets.Member, RolePresets.Observer];
        foreach (var step in steps)
        {
            var who = step.Target % Invitees;
            var email = people[who].User.Email;
            var before = await bed.SnapshotAsync(team);
            var current = before.FindCurrentMembershipByEmail(email);
            var now = bed.Time.GetUtcNow();
            var messages = bed.Outbox.Sent.Where(m => m.Email == email).ToList();
            switch (step.Kind % 8)
            {
                case 0:
                    await bed.Invitations.InviteAsync(owner.User.Id, team, InviteRequest.FromText(email, roles[step.Role % roles.Length]));
                    break;
                case 1 when current is not null:
                    await bed.Invitations.ResendAsync(owner.User.Id, team, current.Id);
                    break;
                case 2 when current is not null:
                    await bed.Invitations.RevokeAsync(owner.User.Id, team, current.Id);
                    break;
                case 3 when messages.Count > 0:
                {
                    var newest = messages[^1];
                    var invited = before.Memberships[newest.MembershipId];
                    var expected = invited.Status == MembershipStatus.Invited && now < invited.Invitation!.ExpiresAt;
                    var accepted = await bed.Invitations.AcceptAsync(people[who].User.Id, InvitationKey.FromToken(newest.Token));
                    Assert.True(expected == accepted.Succeeded, $"newest token: expected {expected}, got {accepted}");
                    break;
                }

                case 4 when messages.Count > 0:
                {
                    var stranger = people[(who + 1 + (step.Actor % (Invitees - 1))) % Invitees].User.Id;
                    var accepted = await bed.Invitations.AcceptAsync(stranger, InvitationKey.FromToken(messages[^1].Token));
                    Assert.False(accepted.Succeeded, "a user with another email accepted");
                    break;
                }

                case 5 when messages.Count > 1:
                {
                    // Any older message of a membership that was sent again carries a dead secret.
                    var older = messages[step.Actor % (messages.Count - 1)];
                    if (messages.Skip(messages.IndexOf(older) + 1).Any(m => m.MembershipId == older.MembershipId))
                    {
                        var accepted = await bed.Invitations.AcceptAsync(people[who].User.Id, InvitationKey.FromToken(older.Token));
                        Assert.Equal(TeamAccessErrorCode.InvalidToken, accepted.Code);
                    }

                    break;
                }

                case 6:
                    bed.Time.Advance(TimeSpan.FromDays(1 + (step.Extra % 4)));
                    break;
                case 7 when messages.Count > 0:
                    await bed.Invitations.DeclineAsync(InvitationKey.FromToken(messages[^1].Token));
                    break;
                default:
                    break;
            }

            var after = await bed.SnapshotAsync(team);
            Assert.True(TeamAggregate.CountActiveGuardians(after, bed.Roles) >= 1);
            var live = after.Memberships.Values.Where(m => !m.Status.IsTerminal()).ToList();
            Assert.Equal(live.Count, live.Select(m => m.Email).Distinct().Count());
            Assert.Equal(live.Count(m => m.UserId is not null), live.Where(m => m.UserId is not null).Select(m => m.UserId).Distinct().Count());
        }

        var events = (await bed.Audit.ListAsync(owner.User.Id, team)).Value!;
        Assert.All(events.Where(e => e.Action == AuditActions.InvitationAccepted).GroupBy(e => e.SubjectId), g => Assert.Single(g));
        AuditAssert.ReplayEquals(await bed.SnapshotAsync(team), await bed.Store.ListAsync(team, CancellationToken.None).ToListAsync());
        return true;
    }
}
