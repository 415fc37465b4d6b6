namespace TeamAccess.Accounts;

/// <summary>
/// Passkeys (WebAuthn): register several per user, each with a name; sign in with a passkey alone (a discoverable
/// credential, user verification required: <c>hwk</c>/<c>swk</c> and <c>mfa</c>), or prove one as the second factor of a
/// sign-in or a step-up; list, rename, remove. Each ceremony is begun (options for the browser and a challenge id) and
/// completed with the browser's answer (<c>PublicKeyCredential</c> as JSON, binary fields base64url) and that id. A
/// challenge is taken once and lives <see cref="PasskeyOptions.ChallengeLifetime"/>; a signature counter that does not move
/// forward is refused (<see cref="TeamAccessErrorCode.PasskeyCounterRegressed"/>).
/// </summary>
public interface IPasskeyService
{
    /// <summary>Begins registering a passkey for the signed-in user. A user who has a second factor already needs one proven within the step-up window.</summary>
    /// <param name="accessToken">A valid token of the user's session.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The creation options and challenge, or PasskeysUnavailable, RecentSecondFactorRequired, or a refusal of the token.</returns>
    ValueTask<Result<PasskeyChallenge>> BeginRegistrationAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>Completes a registration with the browser's answer; the passkey is stored under <paramref name="name"/>.</summary>
    /// <param name="accessToken">The token that began it.</param>
    /// <param name="challengeId">The challenge's id.</param>
    /// <param name="credentialJson">The browser's <c>PublicKeyCredential</c> (attestation), as JSON.</param>
    /// <param name="name">The user's name for it (1 to 100 characters).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The passkey, or InvalidPasskeyName, InvalidPasskey, DuplicatePasskey, RecentSecondFactorRequired, or a refusal of the token.</returns>
    ValueTask<Result<PasskeyView>> CompleteRegistrationAsync(string accessToken, string challengeId, string credentialJson, string name, CancellationToken cancellationToken = default);

    /// <summary>Begins a sign-in with a passkey alone: any discoverable passkey of this relying party may answer.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The request options and challenge, or PasskeysUnavailable.</returns>
    ValueTask<Result<PasskeyChallenge>> BeginSignInAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes a sign-in with a passkey alone, into <paramref name="teamId"/>: the passkey names the user, who needs an Active
    /// membership there, and the team must accept native sign-in (the password provider's: a team that requires SSO refuses it).
    /// </summary>
    /// <param name="challengeId">The challenge's id.</param>
    /// <param name="credentialJson">The browser's <c>PublicKeyCredential</c> (assertion), as JSON.</param>
    /// <param name="teamId">The team to work in.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session, or InvalidPasskey, PasskeyCounterRegressed, and the refusals of a team and membership.</returns>
    ValueTask<Result<Session>> CompleteSignInAsync(string challengeId, string credentialJson, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>Begins proving a passkey as the second factor of a sign-in whose ticket asks for one.</summary>
    /// <param name="ticket">The sign-in's ticket (<see cref="SignInStep.Ticket"/>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The request options (the user's passkeys) and challenge, or InvalidToken, NoSecondFactor (no passkey), PasskeysUnavailable.</returns>
    ValueTask<Result<PasskeyChallenge>> BeginSecondFactorAsync(string ticket, CancellationToken cancellationToken = default);

    /// <summary>Completes a sign-in with a passkey as its second factor: the session records the first factor and <c>hwk</c>/<c>swk</c>, <c>mfa</c>.</summary>
    /// <param name="ticket">The sign-in's ticket.</param>
    /// <param name="challengeId">The challenge's id.</param>
    /// <param name="credentialJson">The browser's <c>PublicKeyCredential</c> (assertion), as JSON.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session, or InvalidToken, InvalidPasskey, PasskeyCounterRegressed, SessionRevoked, and the membership's refusals.</returns>
    ValueTask<Result<Session>> CompleteSecondFactorAsync(string ticket, string challengeId, string credentialJson, CancellationToken cancellationToken = default);

    /// <summary>
    /// Begins registering the first passkey of a passkey-only team's member within their sign-in: the ticket is the enrolment
    /// ticket the sign-in answered with (<see cref="TeamAccessErrorCode.PasskeyEnrolmentRequired"/>). It is bound to the user
    /// and the first factor proved, lives <see cref="SecondFactorOptions.SignInTicketLifetime"/>, and registers at most one
    /// passkey: it works only while the user has none.
    /// </summary>
    /// <param name="ticket">The sign-in's enrolment ticket (<see cref="SignInStep.Ticket"/>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The creation options and challenge, or InvalidToken (a bad, expired or spent ticket, or a sign-in ticket), SessionRevoked, PasskeysUnavailable.</returns>
    ValueTask<Result<PasskeyChallenge>> BeginEnrolmentAsync(string ticket, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes the enrolment begun with <see cref="BeginEnrolmentAsync"/>: the passkey is stored under <paramref name="name"/>
    /// and the sign-in completes; the session records the first factor and <c>hwk</c>/<c>swk</c>, <c>mfa</c> (the
    /// registration proved the new passkey with user verification).
    /// </summary>
    /// <param name="ticket">The enrolment ticket that began it.</param>
    /// <param name="challengeId">The challenge's id.</param>
    /// <param name="credentialJson">The browser's <c>PublicKeyCredential</c> (attestation), as JSON.</param>
    /// <param name="name">The user's name for it (1 to 100 characters).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session, or InvalidPasskeyName, InvalidToken, InvalidPasskey, DuplicatePasskey, SessionRevoked, and the membership's refusals.</returns>
    ValueTask<Result<Session>> CompleteEnrolmentAsync(string ticket, string challengeId, string credentialJson, string name, CancellationToken cancellationToken = default);

    /// <summary>Begins a step-up with a passkey in a signed-in session (one its team refuses for want of a second factor is accepted here).</summary>
    /// <param name="accessToken">A valid token of the session.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The request options (the user's passkeys) and challenge, or NoSecondFactor, PasskeysUnavailable, or a refusal of the token.</returns>
    ValueTask<Result<PasskeyChallenge>> BeginStepUpAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>Completes a step-up: a new token of the same session whose second factor is now, with <c>hwk</c>/<c>swk</c>.</summary>
    /// <param name="accessToken">The token that began it.</param>
    /// <param name="challengeId">The challenge's id.</param>
    /// <param name="credentialJson">The browser's <c>PublicKeyCredential</c> (assertion), as JSON.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session, or InvalidPasskey, PasskeyCounterRegressed, or a refusal of the token.</returns>
    ValueTask<Result<Session>> CompleteStepUpAsync(string accessToken, string challengeId, string credentialJson, CancellationToken cancellationToken = default);

    /// <summary>Lists the signed-in user's passkeys, oldest first.</summary>
    /// <param name="accessToken">A valid token of the user's session.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The passkeys, or a refusal of the token.</returns>
    ValueTask<Result<IReadOnlyList<PasskeyView>>> ListAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>Renames one of the signed-in user's passkeys.</summary>
    /// <param name="accessToken">A valid token of the user's session.</param>
    /// <param name="passkeyId">The passkey.</param>
    /// <param name="name">The new name (1 to 100 characters).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The passkey, or InvalidPasskeyName, NotFound (none of the user's), or a refusal of the token.</returns>
    ValueTask<Result<PasskeyView>> RenameAsync(string accessToken, PasskeyId passkeyId, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes one of the signed-in user's passkeys. Removing a second factor is a dangerous action: it needs one proven within
    /// the step-up window, and ends every other session of the user; the answer is a new token of this session.
    /// </summary>
    /// <param name="accessToken">A valid token of the user's session.</param>
    /// <param name="passkeyId">The passkey.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new session, or NotFound, RecentSecondFactorRequired, or a refusal of the token.</returns>
    ValueTask<Result<Session>> RemoveAsync(string accessToken, PasskeyId passkeyId, CancellationToken cancellationToken = default);
}
