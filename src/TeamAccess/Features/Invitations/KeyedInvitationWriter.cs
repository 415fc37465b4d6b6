using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TeamAccess;

/// <summary>
/// Runs a write keyed by what an invitee presents (a link token, or a team handle, address and short code): find the
/// team and the invitation, check the secret in constant time, judge the invitation's state, then decide. Every write
/// goes through <see cref="TeamWriter"/>, so two accepts racing for one invitation end with one acceptance and the loser
/// re-deciding on the winner's state ("already accepted").
/// </summary>
internal sealed class KeyedInvitationWriter(
    TeamWriter writer,
    IOptions<TeamAccessOptions> options,
    ILogger<KeyedInvitationWriter>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<KeyedInvitationWriter>.Instance;

    /// <summary>What an invitee's write decides on the team and the invitation the key found, once per attempt.</summary>
    public delegate ValueTask<Result<T>> Decide<T>(TeamAggregate team, StoredMembership invitation, CancellationToken cancellationToken);

    private InvitationOptions Options => options.Value.Invitations;

    /// <summary>
    /// Runs <paramref name="decide"/> on the invitation the key finds. A short code is first judged and recorded on its
    /// own (<see cref="JudgeCodeAsync"/>): a wrong one answers <see cref="TeamAccessErrorCode.InvalidToken"/> there. A
    /// settled invitation is refused with its state's code unless <paramref name="allowSettled"/> (a look at it), and
    /// an invitation of a deleted team always is.
    /// </summary>
    public async ValueTask<Result<T>> RunAsync<T>(UserId? actor, InvitationKey key, string operation, bool allowSettled, Decide<T> decide, CancellationToken cancellationToken)
    {
        var teamId = await ResolveTeamAsync(key, cancellationToken).ConfigureAwait(false);
        if (key.IsCode)
        {
            // An unknown team is judged too: the same work as a known one, and the same answer.
            var counted = await JudgeCodeAsync(teamId, key, cancellationToken).ConfigureAwait(false);
            if (counted is not TeamAccessErrorCode.None)
            {
                return Result<T>.Failed(counted);
            }
        }

        if (teamId is null)
        {
            return Result<T>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        return await writer.RunAsync(
            actor,
            operation,
            async (changes, ct) =>
            {
                // Refusals before the decision leave the change set empty: nothing is committed for them.
                var snapshot = await writer.Teams.LoadAsync(teamId.Value, ct).ConfigureAwait(false);
                if (snapshot is null)
                {
                    return Result<T>.Failed(TeamAccessErrorCode.InvalidToken);
                }

                var team = changes.Edit(snapshot);
                var located = Locate(team, key);
                if (!located.TryGetValue(out var target))
                {
                    return Result<T>.Failed(located.Error!);
                }

                var state = team.StateRefusal(target.Id);
                if (state is not TeamAccessErrorCode.None && !(allowSettled && state is not TeamAccessErrorCode.TeamDeleted))
                {
                    return Result<T>.Failed(state);
                }

                return await decide(team, target, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<TeamId?> ResolveTeamAsync(InvitationKey key, CancellationToken cancellationToken)
    {
        if (!key.IsCode)
        {
            return InvitationSecrets.TryParseToken(key.Token, out var teamId, out _) ? teamId : null;
        }

        return Handle.IsValid(key.TeamHandle)
            ? await writer.Teams.FindIdByHandleAsync(key.TeamHandle!, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private Result<StoredMembership> Locate(TeamAggregate team, InvitationKey key)
    {
        var snapshot = team.Current;
        if (!key.IsCode)
        {
            return InvitationSecrets.TryParseToken(key.Token, out _, out var membershipId)
                && snapshot.Memberships.TryGetValue(membershipId, out var byToken) && byToken.Invitation is not null
                && InvitationSecrets.TokenMatches(key.Token!, snapshot.InvitationSecrets.GetValueOrDefault(membershipId))
                ? Result<StoredMembership>.Ok(byToken)
                : Result<StoredMembership>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        if (!EmailAddress.TryNormalize(key.Email, out var email))
        {
            return Result<StoredMembership>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        var target = CodeTarget(snapshot, email);
        if (target is not null && InvitationSecrets.CodeMatches(key.Code!, snapshot.InvitationSecrets.GetValueOrDefault(target.Id)))
        {
            return Result<StoredMembership>.Ok(target);
        }

        if (target is not null)
        {
            _logger.LogWarning("TeamAccess refused a wrong invitation code for membership {MembershipId}", target.Id);
        }

        return Result<StoredMembership>.Failed(TeamAccessErrorCode.InvalidToken);
    }

    /// <summary>The code belongs to the address's current invitation, or, once that is settled, to its latest one.</summary>
    private static StoredMembership? CodeTarget(TeamSnapshot snapshot, string email) =>
        snapshot.Memberships.Values
            .Where(m => m.Invitation is not null && string.Equals(m.Email, email, StringComparison.Ordinal))
            .OrderBy(m => m.Status.IsTerminal())
            .ThenByDescending(m => m.CreatedAt)
            .FirstOrDefault();

    /// <summary>
    /// Judges a short code in a committed write before anything else answers it: a wrong code adds one to the
    /// invitation's count of wrong tries, a right one is recorded without adding to it, so only wrong codes lead to
    /// <see cref="InvitationOptions.MaxCodeAttempts"/> and a right code is never locked out by its own earlier uses. The
    /// record is committed against the team's version either way: of tries racing in parallel, one whose record cannot
    /// commit is judged again on the state that beat it, so no more than the limit of wrong codes is ever judged for
    /// an answer. Every invitation the address was sent counts, pending or settled (accepted, declined, revoked, expired).
    /// Whatever exists, a try costs the same: one PBKDF2 run (on a decoy where there is nothing to judge) and one
    /// committed write (for an unknown team or address, an event recording the attempt); and a locked code answers
    /// <see cref="TeamAccessErrorCode.InvalidToken"/> as an unknown address does (the lock is logged, not told), so no
    /// answer tells whether an address was invited.
    /// </summary>
    private async ValueTask<TeamAccessErrorCode> JudgeCodeAsync(TeamId? teamId, InvitationKey key, CancellationToken cancellationToken)
    {
        MembershipId? judgedFor = null;
        var judged = await writer.RunAsync<CodeJudgement>(null, "InvitationCodeTry", async (changes, ct) =>
        {
            judgedFor = null;
            var snapshot = teamId is { } id ? await writer.Teams.LoadAsync(id, ct).ConfigureAwait(false) : null;
            var target = snapshot is not null && EmailAddress.TryNormalize(key.Email, out var email) ? CodeTarget(snapshot, email) : null;
            if (target is null)
            {
                InvitationSecrets.CodeMatches(key.Code!, InvitationSecrets.Decoy);
                changes.RecordAttempt(AuditActions.InvitationCodeTried);
                return Result<CodeJudgement>.Ok(CodeJudgement.NoInvitation);
            }

            var locked = target.Invitation!.CodeAttempts >= Options.MaxCodeAttempts;
            var matches = InvitationSecrets.CodeMatches(key.Code!, snapshot!.InvitationSecrets.GetValueOrDefault(target.Id) ?? InvitationSecrets.Decoy);
            changes.Edit(snapshot).RecordCodeTry(target.Id, counts: !matches || locked);
            judgedFor = target.Id;
            return Result<CodeJudgement>.Ok(locked ? CodeJudgement.Locked : matches ? CodeJudgement.Right : CodeJudgement.Wrong);
        }, cancellationToken).ConfigureAwait(false);

        if (!judged.TryGetValue(out var judgement))
        {
            return judged.Code;
        }

        switch (judgement)
        {
            case CodeJudgement.Right:
                return TeamAccessErrorCode.None;
            case CodeJudgement.Wrong:
                _logger.LogWarning("TeamAccess refused a wrong invitation code for membership {MembershipId}", judgedFor);
                return TeamAccessErrorCode.InvalidToken;
            case CodeJudgement.Locked:
                _logger.LogWarning("TeamAccess refused an invitation code for membership {MembershipId} unjudged: its code is locked after too many wrong tries", judgedFor);
                return TeamAccessErrorCode.InvalidToken;
            default:
                return TeamAccessErrorCode.InvalidToken;
        }
    }

    private enum CodeJudgement
    {
        NoInvitation = 0,
        Wrong = 1,
        Right = 2,
        Locked = 3,
    }
}
