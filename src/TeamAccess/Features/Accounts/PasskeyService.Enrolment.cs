namespace TeamAccess.Accounts;

/// <content>A passkey-only team's member without a passkey enrols one within the sign-in (the enrolment ticket), and is signed in by it.</content>
internal sealed partial class PasskeyService
{
    public async ValueTask<Result<PasskeyChallenge>> BeginEnrolmentAsync(string ticket, CancellationToken cancellationToken = default)
    {
        if (!Options.Enabled)
        {
            return Result<PasskeyChallenge>.Failed(TeamAccessErrorCode.PasskeysUnavailable);
        }

        if (await tickets.ReadEnrolmentAsync(ticket).ConfigureAwait(false) is not { } claimed)
        {
            return Result<PasskeyChallenge>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        var user = await users.FindByIdAsync(claimed.UserId, cancellationToken).ConfigureAwait(false);
        if (user is null || user.SessionStamp != claimed.UserStamp)
        {
            return Result<PasskeyChallenge>.Failed(TeamAccessErrorCode.SessionRevoked);
        }

        // The ticket enrols the first passkey only: once the user has one, it is spent.
        return user.PasskeyCount > 0
            ? Result<PasskeyChallenge>.Failed(TeamAccessErrorCode.InvalidToken)
            : Result<PasskeyChallenge>.Ok(await BeginCreationAsync(user, cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask<Result<Session>> CompleteEnrolmentAsync(string ticket, string challengeId, string credentialJson, string name, CancellationToken cancellationToken = default)
    {
        if (PasskeyName(name) is not { } trimmed)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.InvalidPasskeyName);
        }

        if (!Options.Enabled)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.PasskeysUnavailable);
        }

        if (await tickets.ReadEnrolmentAsync(ticket).ConfigureAwait(false) is not { } claimed)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        var challenge = await TakeChallengeAsync(challengeId, cancellationToken).ConfigureAwait(false);
        if (challenge?.UserId != claimed.UserId)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.InvalidPasskey);
        }

        // The membership is asked before anything is stored: a removal or a deactivation since the first factor ends the sign-in.
        var team = await writer.Teams.LoadAsync(claimed.TeamId, cancellationToken).ConfigureAwait(false);
        var membership = team is null ? Result<StoredMembership>.Failed(TeamAccessErrorCode.NotFound) : ActiveMembership.Of(team, claimed.UserId);
        if (!membership.TryGetValue(out var active) || active.Id != claimed.MembershipId)
        {
            return Result<Session>.Failed(membership.Succeeded ? TeamAccessErrorCode.SessionRevoked : membership.Code);
        }

        var verified = await ceremonies.VerifyRegistrationAsync(challenge.Options, credentialJson, cancellationToken).ConfigureAwait(false);
        if (verified is null)
        {
            _logger.PasskeyEnrolmentRefused(claimed.UserId);
            return Result<Session>.Failed(TeamAccessErrorCode.InvalidPasskey);
        }

        // At most one passkey per ticket: the write on the user (under its concurrency stamp) requires none registered yet,
        // so a replay, or two completions racing on one instance or two, cannot add a second.
        var added = await AddPasskeyAsync(claimed.UserId, claimed.UserStamp, verified, trimmed, user => user.PasskeyCount > 0 ? TeamAccessErrorCode.InvalidToken : null, cancellationToken).ConfigureAwait(false);
        if (!added.TryGetValue(out var stored))
        {
            return Result<Session>.Failed(added.Error!);
        }

        _logger.PasskeyEnrolled(stored.Id, claimed.UserId, claimed.TeamId);
        var proof = SessionProof.FirstFactor(claimed.Provider).WithPasskey(Now, stored.BackupEligible);
        return Result<Session>.Ok(await tokens.IssueNewAsync(active, claimed.Provider, claimed.UserStamp, proof, cancellationToken).ConfigureAwait(false));
    }
}
