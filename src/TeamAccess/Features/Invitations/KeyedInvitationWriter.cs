using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Invitations;

/// <summary>
/// Runs a write keyed by what an invitee presents (a link token, or a team handle, address and short code): find the
/// team and the invitation, check the secret in constant time, judge the invitation's state, then decide. Every write
/// goes through <see cref="TeamWriter"/>, so two accepts racing for one invitation end with one acceptance and the loser
/// re-deciding on the winner's state ("already accepted").
/// </summary>
internal sealed class KeyedInvitationWriter(
    TeamWriter writer,
    ITryCounterStore tries,
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
            _logger.WrongInvitationCode(target.Id);
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
    /// Judges a short code before anything else answers it, without a team write: the tries are counted in the store's
    /// <see cref="ITryCounterStore"/>, so a try never bumps the team's version, writes an audit row or makes another
    /// instance reload the team.
    /// <list type="number">
    /// <item>An unknown team, or a malformed address, is judged on a decoy and counted nowhere (team handles are public).</item>
    /// <item>Every try on a known team counts toward <see cref="InvitationOptions.MaxCodeTriesPerAddressPerHour"/> (per
    /// team and address, known or not, so the answer tells nothing) and <see cref="InvitationOptions.MaxCodeTriesPerTeamPerHour"/>;
    /// past either it answers <see cref="TeamAccessErrorCode.RateLimited"/> unjudged.</item>
    /// <item>A settled invitation (accepted, declined, revoked, expired, or of a deleted team) is judged with no further
    /// write: a right code goes on to answer its state, a wrong one <see cref="TeamAccessErrorCode.InvalidToken"/>.</item>
    /// <item>A pending invitation's try takes one of the <see cref="InvitationOptions.MaxCodeAttempts"/> places of its send
    /// before it is judged, atomically, so tries racing in parallel never judge more wrong codes than the limit; a right
    /// code gives its place back, so only wrong codes lock and a right code is never locked out by its own uses. With no
    /// place left the code is locked: judged on a decoy, answered as a wrong code (the lock is logged, not told), and
    /// nothing more is counted. An address without an invitation takes a place on a key of its own, for the same cost.</item>
    /// </list>
    /// </summary>
    private async ValueTask<TeamAccessErrorCode> JudgeCodeAsync(TeamId? teamId, InvitationKey key, CancellationToken cancellationToken)
    {
        if (teamId is not { } id || !EmailAddress.TryNormalize(key.Email, out var email))
        {
            InvitationSecrets.CodeMatches(key.Code!, InvitationSecrets.Decoy);
            return TeamAccessErrorCode.InvalidToken;
        }

        var now = writer.Time.GetUtcNow();
        var address = AddressKey(email);
        if (!await tries.TryCountAsync($"code-address:{id.Value:N}:{address}", Options.MaxCodeTriesPerAddressPerHour, now, now.AddHours(1), cancellationToken).ConfigureAwait(false)
            || !await tries.TryCountAsync($"code-team:{id.Value:N}", Options.MaxCodeTriesPerTeamPerHour, now, now.AddHours(1), cancellationToken).ConfigureAwait(false))
        {
            _logger.InvitationCodeTriesExceeded(id);
            return TeamAccessErrorCode.RateLimited;
        }

        var snapshot = await writer.Teams.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        var target = snapshot is null ? null : CodeTarget(snapshot, email);
        if (target is null)
        {
            await tries.TryCountAsync($"code-none:{id.Value:N}:{address}", Options.MaxCodeAttempts, now, now.AddHours(1), cancellationToken).ConfigureAwait(false);
            InvitationSecrets.CodeMatches(key.Code!, InvitationSecrets.Decoy);
            return TeamAccessErrorCode.InvalidToken;
        }

        var secret = snapshot!.InvitationSecrets.GetValueOrDefault(target.Id) ?? InvitationSecrets.Decoy;
        if (TeamAggregate.StateRefusalOf(snapshot.Team, target, now) is not TeamAccessErrorCode.None)
        {
            // Settled: nothing is counted; the state is answered only to the right code.
            return Judged(target.Id, InvitationSecrets.CodeMatches(key.Code!, secret));
        }

        var place = $"code-invitation:{target.Id.Value:N}:{target.Invitation!.LastSentAt.UtcTicks}";
        if (!await tries.TryCountAsync(place, Options.MaxCodeAttempts, now, target.Invitation.ExpiresAt, cancellationToken).ConfigureAwait(false))
        {
            InvitationSecrets.CodeMatches(key.Code!, InvitationSecrets.Decoy);
            _logger.InvitationCodeLocked(target.Id);
            return TeamAccessErrorCode.InvalidToken;
        }

        var matches = InvitationSecrets.CodeMatches(key.Code!, secret);
        if (matches)
        {
            await tries.UncountAsync(place, CancellationToken.None).ConfigureAwait(false);
        }

        return Judged(target.Id, matches);
    }

    private TeamAccessErrorCode Judged(MembershipId membershipId, bool matches)
    {
        if (matches)
        {
            return TeamAccessErrorCode.None;
        }

        _logger.WrongInvitationCode(membershipId);
        return TeamAccessErrorCode.InvalidToken;
    }

    /// <summary>The address as a counter key: a hash, so the counters never hold addresses and every key fits the store's bound.</summary>
    private static string AddressKey(string normalizedEmail) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(normalizedEmail)));
}
