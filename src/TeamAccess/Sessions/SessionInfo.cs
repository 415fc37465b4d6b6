namespace TeamAccess;

/// <summary>What a valid session token says.</summary>
/// <param name="UserId">The user.</param>
/// <param name="TeamId">The one team the session works in.</param>
/// <param name="MembershipId">The user's membership in that team.</param>
/// <param name="Role">The membership's role.</param>
/// <param name="Provider">The identity provider that signed the user in (<see cref="IdentityProviderNames.Password"/> for passwords).</param>
/// <param name="ExpiresAt">When the token expires.</param>
public sealed record SessionInfo(UserId UserId, TeamId TeamId, MembershipId MembershipId, string Role, string Provider, DateTimeOffset ExpiresAt)
{
    /// <summary>Gets the session's id: every token of one sign-in names it, across team switches, and signing out refuses it.</summary>
    public Guid SessionId { get; init; }

    /// <summary>
    /// Gets when the user originally signed in (whole seconds). Switching teams keeps it; no token of the session lives
    /// past it plus <see cref="SessionOptions.MaxAge"/>.
    /// </summary>
    public DateTimeOffset AuthenticatedAt { get; init; }
}
