namespace TeamAccess;

/// <summary>A signed-in session bound to one team. Its <see cref="ToString"/> never shows the token.</summary>
public sealed class Session
{
    internal Session(string accessToken, SessionInfo info)
    {
        AccessToken = accessToken;
        Info = info;
    }

    /// <summary>Gets the signed JWT to present on each request (a bearer secret: never log it).</summary>
    public string AccessToken { get; }

    /// <summary>Gets who the session is for, in which team, through which provider, until when.</summary>
    public SessionInfo Info { get; }

    /// <inheritdoc />
    public override string ToString() => Info.ToString();
}

/// <summary>What a valid session token says.</summary>
/// <param name="UserId">The user.</param>
/// <param name="TeamId">The one team the session works in.</param>
/// <param name="MembershipId">The user's membership in that team.</param>
/// <param name="Role">The membership's role.</param>
/// <param name="Provider">The identity provider that signed the user in (<see cref="IdentityProviderNames.Password"/> for passwords).</param>
/// <param name="ExpiresAt">When the token expires.</param>
public sealed record SessionInfo(UserId UserId, TeamId TeamId, MembershipId MembershipId, string Role, string Provider, DateTimeOffset ExpiresAt);

/// <summary>A team the signed-in user can switch to.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Name">Its name.</param>
/// <param name="Handle">Its handle.</param>
/// <param name="Role">The user's role there.</param>
/// <param name="RequiresReauthentication">Whether switching there needs a new sign-in (the team does not accept the session's provider).</param>
public sealed record SwitchableTeam(TeamId TeamId, string Name, string Handle, string Role, bool RequiresReauthentication);

/// <summary>Sign-in to exactly one team, session tokens, and switching teams (DESIGN.md invariants 8, 9, 10).</summary>
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
    /// <returns>The session, or InvalidCredentials, LockedOut, EmailNotConfirmed, InvalidToken, UnknownProvider, ProviderNotAccepted, SsoRequired, NotFound.</returns>
    ValueTask<Result<Session>> SignInAsync(SignInCredential credential, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>Validates a session token: signature, lifetime, team, and that the membership is still Active with the same security stamp.</summary>
    /// <param name="accessToken">The token.</param>
    /// <param name="teamId">The team the request is for; <see langword="null"/> to accept the token's own team.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session's facts, or InvalidToken, SessionExpired, WrongTeam, SessionRevoked.</returns>
    ValueTask<Result<SessionInfo>> ValidateAsync(string accessToken, TeamId? teamId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Switches a valid session to another team of the same user, without credentials when that team accepts the
    /// session's provider (a session of a team-bound provider: only a team that names it); otherwise answers
    /// <see cref="TeamAccessErrorCode.ReauthenticationRequired"/>.
    /// </summary>
    /// <param name="accessToken">The current session's token.</param>
    /// <param name="teamId">The team to switch to.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A new session for the target team, or a refusal.</returns>
    ValueTask<Result<Session>> SwitchTeamAsync(string accessToken, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>Lists the teams the session's user is an Active member of, saying which need a new sign-in.</summary>
    /// <param name="accessToken">The current session's token.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The teams, or a refusal of the token.</returns>
    ValueTask<Result<IReadOnlyList<SwitchableTeam>>> ListSwitchableTeamsAsync(string accessToken, CancellationToken cancellationToken = default);
}
