namespace TeamAccess.Accounts;

/// <summary>One of a user's sessions, as their list of sessions shows it.</summary>
public sealed class UserSession
{
    internal UserSession(Guid sessionId, TeamId teamId, string device, string? ipAddress, DateTimeOffset signedInAt, DateTimeOffset? lastSeenAt, IReadOnlyList<string> authenticationMethods, DateTimeOffset expiresAt, bool isCurrent)
    {
        SessionId = sessionId;
        TeamId = teamId;
        Device = device;
        IpAddress = ipAddress;
        SignedInAt = signedInAt;
        LastSeenAt = lastSeenAt;
        AuthenticationMethods = authenticationMethods;
        ExpiresAt = expiresAt;
        IsCurrent = isCurrent;
    }

    /// <summary>Gets the session's id (<see cref="SessionInfo.SessionId"/>).</summary>
    public Guid SessionId { get; }

    /// <summary>Gets the team the session works in now.</summary>
    public TeamId TeamId { get; }

    /// <summary>Gets the device label read from the user agent at sign-in, for example "Firefox on Windows".</summary>
    public string Device { get; }

    /// <summary>Gets the client's address at sign-in, if the host gave it.</summary>
    public string? IpAddress { get; }

    /// <summary>Gets when the user signed in.</summary>
    public DateTimeOffset SignedInAt { get; }

    /// <summary>Gets when a request last presented the session (recorded in batches, so up to a flush interval behind), if ever.</summary>
    public DateTimeOffset? LastSeenAt { get; }

    /// <summary>Gets how the user proved themselves (<c>amr</c>, see <see cref="TeamAccess.AuthenticationMethods"/>).</summary>
    public IReadOnlyList<string> AuthenticationMethods { get; }

    /// <summary>Gets when the session's latest token expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Gets whether this is the session that asked for the list.</summary>
    public bool IsCurrent { get; }
}
