namespace TeamAccess.Accounts;

/// <summary>
/// Sign-in to exactly one team, session tokens, and switching teams. A session is bound to one team and refused once its
/// membership changes role or status; switching needs no new sign-in only when the other team accepts the provider that
/// signed the session in (otherwise <see cref="TeamAccessErrorCode.ReauthenticationRequired"/>); a team that requires SSO
/// refuses password sign-in.
/// </summary>
public interface ISessionService
{
    /// <summary>
    /// Signs in to one team: the credential is judged by its provider, the team must accept that provider (a team that
    /// requires SSO refuses passwords; a team-bound provider is accepted only by teams that name it), and the user needs
    /// an Active membership there (or joins just in time through the team's SSO provider and host-verified domain). A
    /// password opens only a confirmed account (unless <see cref="EmailConfirmationOptions.RequiredForPasswordSignIn"/>
    /// is off). An identity not linked yet picks the confirmed user with its verified email only when the host made its
    /// provider authoritative for the email's domain; an unconfirmed account with that address loses its password and
    /// sessions first.
    /// </summary>
    /// <param name="credential">A password, or a token of a registered provider.</param>
    /// <param name="teamId">The team to work in.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The session, or InvalidCredentials (a wrong password, an unknown address and a locked account alike, after the
    /// same work), EmailNotConfirmed, InvalidToken, UnknownProvider, ProviderNotAccepted, SsoRequired, NotFound.
    /// </returns>
    ValueTask<Result<Session>> SignInAsync(SignInCredential credential, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs in to the team with the handle the user knows (<c>acme-robotics</c>), as <see cref="SignInAsync(SignInCredential, TeamId, CancellationToken)"/>
    /// does with its id. The handle is trimmed and lower-cased first; an unknown or deleted team answers NotFound, as an
    /// unknown team id does.
    /// </summary>
    /// <param name="credential">A password, or a token of a registered provider.</param>
    /// <param name="teamHandle">The team's handle, as typed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session, or InvalidHandle (a malformed handle), NotFound, and the refusals of <see cref="SignInAsync(SignInCredential, TeamId, CancellationToken)"/>.</returns>
    ValueTask<Result<Session>> SignInAsync(SignInCredential credential, string teamHandle, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates a session token, in this order: signature, issuer, audience, lifetime and the maximum age from the
    /// original sign-in (<see cref="SessionOptions.MaxAge"/>); the team; that the membership is still Active with the
    /// security stamp the token names; that the user's session stamp is still the one the token names (no sign-out
    /// everywhere, password change or reset since) and that the session was not signed out; and that the team still
    /// accepts the session's provider.
    /// </summary>
    /// <param name="accessToken">The token.</param>
    /// <param name="teamId">
    /// The team the request is for, as the request names it (its route), never as the token says: a token of another
    /// team answers <see cref="TeamAccessErrorCode.WrongTeam"/>. Required, so that no check forgets the binding.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session's facts, or InvalidToken, SessionExpired, WrongTeam, SessionRevoked, ReauthenticationRequired.</returns>
    ValueTask<Result<SessionInfo>> ValidateAsync(string accessToken, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Switches a valid session to another team of the same user, without credentials when that team accepts the
    /// session's provider (a session of a team-bound provider: only a team that names it); otherwise answers
    /// <see cref="TeamAccessErrorCode.ReauthenticationRequired"/>. The new token
    /// belongs to the same session: same session id and original sign-in time, so switching never extends the
    /// session's maximum age.
    /// </summary>
    /// <param name="accessToken">The current session's token.</param>
    /// <param name="teamId">The team to switch to.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A new session for the target team, or a refusal.</returns>
    ValueTask<Result<Session>> SwitchTeamAsync(string accessToken, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs one session out: its id is refused from now on, by every token of it (in every team it switched to), until
    /// it would have expired anyway. Signing out a session that has expired or was already signed out succeeds.
    /// </summary>
    /// <param name="accessToken">A token of the session.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or InvalidToken for a token this service did not issue.</returns>
    ValueTask<Result> SignOutAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>Signs out every session of the token's user, this one included, by replacing the user's session stamp.</summary>
    /// <param name="accessToken">A valid token of one of the user's sessions.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or a refusal of the token.</returns>
    ValueTask<Result> SignOutEverywhereAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the signed-in user's native password. The current password is judged as a password sign-in is (it counts
    /// toward the lockout); the new one must meet the password policy. Every other session of the user ends, this one
    /// too: the answer is a new session in the same team to continue with.
    /// </summary>
    /// <param name="accessToken">A valid token of the user's session.</param>
    /// <param name="currentPassword">The current password.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new session; or a refusal of the token, PasswordPolicy (details list the failed criteria), InvalidCredentials (also while the account is locked out).</returns>
    ValueTask<Result<Session>> ChangePasswordAsync(string accessToken, string currentPassword, string newPassword, CancellationToken cancellationToken = default);

    /// <summary>Lists the teams the session's user is an Active member of, saying which need a new sign-in.</summary>
    /// <param name="accessToken">The current session's token.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The teams, or a refusal of the token.</returns>
    ValueTask<Result<IReadOnlyList<SwitchableTeam>>> ListSwitchableTeamsAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the user's sessions that are still valid (not expired, not signed out, their membership not ended), latest
    /// sign-in first: device label, address at sign-in, sign-in time, methods, last seen (recorded in batches, so up to a
    /// flush interval behind), with the session of <paramref name="accessToken"/> marked current.
    /// </summary>
    /// <param name="accessToken">A valid token of one of the user's sessions.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The sessions, or a refusal of the token.</returns>
    ValueTask<Result<IReadOnlyList<UserSession>>> ListSessionsAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs out one of the user's own sessions (the current one included): its id is refused on every instance within the
    /// change feed's staleness bound.
    /// </summary>
    /// <param name="accessToken">A valid token of one of the user's sessions.</param>
    /// <param name="sessionId">The session to sign out, from <see cref="ListSessionsAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; NotFound for a session that is not one of the user's valid sessions; or a refusal of the token.</returns>
    ValueTask<Result> SignOutSessionAsync(string accessToken, Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>Signs out every valid session of the user except the one of <paramref name="accessToken"/>, in one write.</summary>
    /// <param name="accessToken">A valid token of the session to keep.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many sessions were signed out, or a refusal of the token.</returns>
    ValueTask<Result<int>> SignOutOtherSessionsAsync(string accessToken, CancellationToken cancellationToken = default);
}
