namespace TeamAccess.Accounts;

/// <summary>
/// Second factors: authenticator apps (RFC 6238) with recovery codes, the sign-in that asks for one, and step-up. A code
/// works once (its time step, or the recovery code, is spent in the same write that accepts it, checked against the
/// user's concurrency stamp, so parallel requests and other instances cannot reuse it); failed codes count toward the
/// password's lockout. The authenticator's secret is stored encrypted by the host's <see cref="ISecretProtector"/>.
/// </summary>
public interface ISecondFactorService
{
    /// <summary>
    /// Signs in to one team as <see cref="ISessionService.SignInAsync(SignInCredential, TeamId, CancellationToken)"/> does,
    /// but where a second factor is owed (the user has an authenticator, or the team requires a second factor) answers with
    /// a ticket instead of a refusal.
    /// </summary>
    /// <param name="credential">A password, or a token of a registered provider.</param>
    /// <param name="teamId">The team to work in.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The step: a session, or a ticket and what it waits for; or the refusals of a first factor.</returns>
    ValueTask<Result<SignInStep>> SignInAsync(SignInCredential credential, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>Signs in to the team with the handle the user knows, as <see cref="SignInAsync(SignInCredential, TeamId, CancellationToken)"/> does with its id.</summary>
    /// <param name="credential">A password, or a token of a registered provider.</param>
    /// <param name="teamHandle">The team's handle, as typed (trimmed and lower-cased first).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The step, or InvalidHandle, NotFound, and the refusals of a first factor.</returns>
    ValueTask<Result<SignInStep>> SignInAsync(SignInCredential credential, string teamHandle, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes a sign-in with a second factor: an authenticator code, or a recovery code (spent); or, when the ticket's
    /// user has a pending enrolment (<see cref="BeginSignInEnrolmentAsync"/>), that authenticator's first code, which
    /// confirms it and generates recovery codes. The session records <c>pwd</c>/<c>otp</c>/<c>mfa</c> and the time.
    /// </summary>
    /// <param name="ticket">The sign-in's ticket.</param>
    /// <param name="code">The code as typed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session (with the recovery codes when an enrolment was confirmed), or InvalidToken (a bad or expired ticket), InvalidSecondFactor, NoSecondFactor, SessionRevoked, and the membership's refusals.</returns>
    ValueTask<Result<SecondFactorSession>> CompleteSignInAsync(string ticket, string code, CancellationToken cancellationToken = default);

    /// <summary>
    /// Begins an authenticator enrolment within a sign-in that owes one (a team requires a second factor and the user has
    /// none): the member is led to enrol rather than locked out. A pending enrolment begun before is replaced.
    /// </summary>
    /// <param name="ticket">The sign-in's ticket.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The secret and its QR code, or InvalidToken, AuthenticatorAlreadyEnrolled.</returns>
    ValueTask<Result<AuthenticatorEnrolment>> BeginSignInEnrolmentAsync(string ticket, CancellationToken cancellationToken = default);

    /// <summary>Begins an authenticator enrolment for the signed-in user; a pending one begun before is replaced.</summary>
    /// <param name="accessToken">A valid token of the user's session.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The secret and its QR code, or a refusal of the token, AuthenticatorAlreadyEnrolled.</returns>
    ValueTask<Result<AuthenticatorEnrolment>> BeginEnrolmentAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms the pending enrolment with the app's first code: the authenticator counts from now on, ten recovery codes
    /// are generated (shown once), and the answer is a new token of the same session that has proven a second factor.
    /// </summary>
    /// <param name="accessToken">A valid token of the user's session.</param>
    /// <param name="code">The app's code.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session and the recovery codes, or a refusal of the token, NoSecondFactor, InvalidSecondFactor.</returns>
    ValueTask<Result<SecondFactorSession>> ConfirmEnrolmentAsync(string accessToken, string code, CancellationToken cancellationToken = default);

    /// <summary>
    /// Proves a second factor in a signed-in session (step-up): for a team that requires one, or before a dangerous action.
    /// The answer is a new token of the same session, in the same team, whose <see cref="SessionInfo.SecondFactorAt"/> is now.
    /// </summary>
    /// <param name="accessToken">A valid token of the session (one its team refuses for want of a second factor is accepted here).</param>
    /// <param name="code">An authenticator code or a recovery code.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session, or a refusal of the token, NoSecondFactor, InvalidSecondFactor.</returns>
    ValueTask<Result<Session>> StepUpAsync(string accessToken, string code, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks that a session may take a dangerous action now: it is valid for <paramref name="teamId"/> and proved a second
    /// factor within <see cref="SecondFactorOptions.StepUpWindow"/>. Hosts call it before deleting a team, offering or
    /// accepting ownership, or changing the team's sign-in policy.
    /// </summary>
    /// <param name="accessToken">The session's token.</param>
    /// <param name="teamId">The team the request is for.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session's facts, or RecentSecondFactorRequired (step up first), SecondFactorEnrolmentRequired (the user has no second factor to prove), or a refusal of the token.</returns>
    ValueTask<Result<SessionInfo>> RequireRecentSecondFactorAsync(string accessToken, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the user's authenticator (confirmed or pending) and recovery codes. Removing a confirmed one needs a second
    /// factor within the step-up window, and ends every session of the user: the answer is a new token of this session.
    /// </summary>
    /// <param name="accessToken">A valid token of the user's session.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new session, or a refusal of the token, RecentSecondFactorRequired, NoSecondFactor.</returns>
    ValueTask<Result<Session>> RemoveAuthenticatorAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>Replaces the user's recovery codes with ten new ones (shown once); the old ones stop working. Needs a second factor within the step-up window.</summary>
    /// <param name="accessToken">A valid token of the user's session.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new codes, or a refusal of the token, RecentSecondFactorRequired, NoSecondFactor.</returns>
    ValueTask<Result<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(string accessToken, CancellationToken cancellationToken = default);
}
