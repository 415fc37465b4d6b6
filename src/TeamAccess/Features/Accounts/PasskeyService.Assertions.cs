using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TeamAccess.Writes;

namespace TeamAccess.Accounts;

/// <content>The ceremonies that use a passkey: signing in with it, as the second factor after a password, and stepping up a session.</content>
internal sealed partial class PasskeyService
{
    public async ValueTask<Result<PasskeyChallenge>> BeginSignInAsync(CancellationToken cancellationToken = default)
    {
        return Options.Enabled
            ? Result<PasskeyChallenge>.Ok(await StoreChallengeAsync(null, ceremonies.AssertionOptions(null), cancellationToken).ConfigureAwait(false))
            : Result<PasskeyChallenge>.Failed(TeamAccessErrorCode.PasskeysUnavailable);
    }

    public async ValueTask<Result<Session>> CompleteSignInAsync(string challengeId, string credentialJson, TeamId teamId, CancellationToken cancellationToken = default)
    {
        // A passkey alone is a sign-in of its own kind, counted and traced as the password's and the providers' are.
        using var span = TeamAccessTelemetry.Start("SignIn");
        span?.SetTag(TeamAccessTelemetry.ProviderKind, "passkey");
        span?.SetTag(TeamAccessTelemetry.TeamId, teamId.Value);
        var signedIn = await SignInWithPasskeyAsync(challengeId, credentialJson, teamId, cancellationToken).ConfigureAwait(false);
        _telemetry.RecordSignIn(span, "passkey", null, signedIn.Succeeded ? null : signedIn.Code);
        return signedIn;
    }

    private async ValueTask<Result<Session>> SignInWithPasskeyAsync(string challengeId, string credentialJson, TeamId teamId, CancellationToken cancellationToken)
    {
        if (!Options.Enabled)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.PasskeysUnavailable);
        }

        var challenge = await TakeChallengeAsync(challengeId, cancellationToken).ConfigureAwait(false);
        if (challenge is null || challenge.UserId is not null)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.InvalidPasskey);
        }

        var asserted = await AssertAsync(challenge.Options, credentialJson, null, null, cancellationToken).ConfigureAwait(false);
        if (!asserted.TryGetValue(out var used))
        {
            return Result<Session>.Failed(asserted.Error!);
        }

        // The team's side, as a password sign-in meets it: a passkey is a native credential (the password provider's).
        var team = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.NotFound);
        }

        var policy = await policies.GetAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (!providers.Accepts(policy, IdentityProviderNames.Password))
        {
            return Result<Session>.Failed(policy.RequiresSso ? TeamAccessErrorCode.SsoRequired : TeamAccessErrorCode.ProviderNotAccepted);
        }

        var membership = ActiveMembership.Of(team, used.User.Id);
        if (!membership.TryGetValue(out var active))
        {
            return Result<Session>.Failed(membership.Error!);
        }

        _logger.PasskeySignIn(used.User.Id, teamId);
        return Result<Session>.Ok(await tokens.IssueNewAsync(active, IdentityProviderNames.Password, used.User.SessionStamp, SessionProof.Passkey(Now, used.Passkey.BackupEligible), cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask<Result<PasskeyChallenge>> BeginSecondFactorAsync(string ticket, CancellationToken cancellationToken = default)
    {
        if (!Options.Enabled)
        {
            return Result<PasskeyChallenge>.Failed(TeamAccessErrorCode.PasskeysUnavailable);
        }

        return await tickets.ReadAsync(ticket).ConfigureAwait(false) is { } claimed
            ? await BeginAssertionAsync(claimed.UserId, cancellationToken).ConfigureAwait(false)
            : Result<PasskeyChallenge>.Failed(TeamAccessErrorCode.InvalidToken);
    }

    public async ValueTask<Result<Session>> CompleteSecondFactorAsync(string ticket, string challengeId, string credentialJson, CancellationToken cancellationToken = default)
    {
        if (!Options.Enabled)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.PasskeysUnavailable);
        }

        if (await tickets.ReadAsync(ticket).ConfigureAwait(false) is not { } claimed)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        var challenge = await TakeChallengeAsync(challengeId, cancellationToken).ConfigureAwait(false);
        if (challenge?.UserId != claimed.UserId)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.InvalidPasskey);
        }

        var asserted = await AssertAsync(challenge.Options, credentialJson, claimed.UserId, claimed.UserStamp, cancellationToken).ConfigureAwait(false);
        if (!asserted.TryGetValue(out var used))
        {
            return Result<Session>.Failed(asserted.Error!);
        }

        // The membership is asked again: a removal or a deactivation since the first factor ends the sign-in here.
        var team = await writer.Teams.LoadAsync(claimed.TeamId, cancellationToken).ConfigureAwait(false);
        var membership = team is null ? Result<StoredMembership>.Failed(TeamAccessErrorCode.NotFound) : ActiveMembership.Of(team, claimed.UserId);
        if (!membership.TryGetValue(out var active) || active.Id != claimed.MembershipId)
        {
            return Result<Session>.Failed(membership.Succeeded ? TeamAccessErrorCode.SessionRevoked : membership.Code);
        }

        _logger.PasskeySecondFactorSignIn(claimed.UserId, claimed.TeamId);
        var proof = SessionProof.FirstFactor(claimed.Provider).WithPasskey(Now, used.Passkey.BackupEligible);
        return Result<Session>.Ok(await tokens.IssueNewAsync(active, claimed.Provider, used.User.SessionStamp, proof, cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask<Result<PasskeyChallenge>> BeginStepUpAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        if (!Options.Enabled)
        {
            return Result<PasskeyChallenge>.Failed(TeamAccessErrorCode.PasskeysUnavailable);
        }

        var validated = await tokens.ValidateAsync(accessToken, null, cancellationToken, secondFactorPolicy: false).ConfigureAwait(false);
        return validated.TryGetValue(out var session)
            ? await BeginAssertionAsync(session.Claims.UserId, cancellationToken).ConfigureAwait(false)
            : Result<PasskeyChallenge>.Failed(validated.Error!);
    }

    public async ValueTask<Result<Session>> CompleteStepUpAsync(string accessToken, string challengeId, string credentialJson, CancellationToken cancellationToken = default)
    {
        if (!Options.Enabled)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.PasskeysUnavailable);
        }

        // The team's own second-factor rule is what a step-up satisfies: it cannot be a reason to refuse one.
        var validated = await tokens.ValidateAsync(accessToken, null, cancellationToken, secondFactorPolicy: false).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result<Session>.Failed(validated.Error!);
        }

        var challenge = await TakeChallengeAsync(challengeId, cancellationToken).ConfigureAwait(false);
        if (challenge?.UserId != session.Claims.UserId)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.InvalidPasskey);
        }

        var asserted = await AssertAsync(challenge.Options, credentialJson, session.Claims.UserId, session.UserStamp, cancellationToken).ConfigureAwait(false);
        if (!asserted.TryGetValue(out var used))
        {
            return Result<Session>.Failed(asserted.Error!);
        }

        _logger.PasskeyProved(session.Claims.UserId, session.Claims.SessionId);
        return await tokens.RenewAsync(session, used.User.SessionStamp, session.Claims.Proof.WithPasskey(Now, used.Passkey.BackupEligible), cancellationToken).ConfigureAwait(false);
    }
}
