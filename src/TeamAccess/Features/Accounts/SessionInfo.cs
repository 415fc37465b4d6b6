namespace TeamAccess.Accounts;

/// <summary>What a valid session token says.</summary>
public sealed class SessionInfo
{
    /// <summary>Initializes a new instance of the <see cref="SessionInfo"/> class.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="teamId">The one team the session works in.</param>
    /// <param name="membershipId">The user's membership in that team.</param>
    /// <param name="role">The membership's role.</param>
    /// <param name="provider">The identity provider that signed the user in (<see cref="IdentityProviderNames.Password"/> for passwords).</param>
    /// <param name="expiresAt">When the token expires.</param>
    internal SessionInfo(UserId userId, TeamId teamId, MembershipId membershipId, string role, string provider, DateTimeOffset expiresAt)
    {
        UserId = userId;
        TeamId = teamId;
        MembershipId = membershipId;
        Role = role;
        Provider = provider;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the user.</summary>
    public UserId UserId { get; }

    /// <summary>Gets the one team the session works in.</summary>
    public TeamId TeamId { get; }

    /// <summary>Gets the user's membership in that team.</summary>
    public MembershipId MembershipId { get; }

    /// <summary>Gets the membership's role.</summary>
    public string Role { get; }

    /// <summary>Gets the identity provider that signed the user in (<see cref="IdentityProviderNames.Password"/> for passwords).</summary>
    public string Provider { get; }

    /// <summary>Gets when the token expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Gets the session's id: every token of one sign-in names it, across team switches, and signing out refuses it.</summary>
    public Guid SessionId { get; internal init; }

    /// <summary>
    /// Gets when the user originally signed in (whole seconds). Switching teams keeps it; no token of the session lives
    /// past it plus <see cref="SessionOptions.MaxAge"/>.
    /// </summary>
    public DateTimeOffset AuthenticatedAt { get; internal init; }

    /// <summary>
    /// Gets how the user proved themselves in this sign-in (<c>amr</c>, see <see cref="TeamAccess.AuthenticationMethods"/>):
    /// <c>pwd</c> for a password, <c>otp</c> once an authenticator or recovery code was proven, <c>mfa</c> when both.
    /// </summary>
    public IReadOnlyList<string> AuthenticationMethods { get; internal init; } = [];

    /// <summary>Gets when a second factor was last proven in this session (whole seconds), or <see langword="null"/> if never.</summary>
    public DateTimeOffset? SecondFactorAt { get; internal init; }

    /// <summary>Gets whether the session proved a second factor at or after <paramref name="since"/>.</summary>
    /// <param name="since">The earliest proof that counts (now minus <see cref="SecondFactorOptions.StepUpWindow"/> for a dangerous action).</param>
    /// <returns><see langword="true"/> when it did.</returns>
    public bool HasSecondFactorSince(DateTimeOffset since) => SecondFactorAt is { } at && at >= since;

    /// <summary>This session as held by a membership whose role is now <paramref name="role"/>.</summary>
    internal SessionInfo WithRole(string role) => new(UserId, TeamId, MembershipId, role, Provider, ExpiresAt)
    {
        SessionId = SessionId,
        AuthenticatedAt = AuthenticatedAt,
        AuthenticationMethods = AuthenticationMethods,
        SecondFactorAt = SecondFactorAt,
    };

    /// <summary>What this session proved, to carry into another token of it (a switch, a new password).</summary>
    internal SessionProof Proof => new(AuthenticationMethods, SecondFactorAt);
}
