namespace TeamAccess.Storage;

/// <summary>
/// A sign-in as its user sees it in their list of sessions: written when the session is issued, its team, stamps, methods
/// and expiry replaced when a token of it is issued again (a team switch, a second factor proven), its last-seen time moved
/// forward in batches (<see cref="ISessionRecordStore.RecordSessionsSeenAsync"/>), never once per request.
/// </summary>
/// <param name="SessionId">The session id every token of the session names.</param>
/// <param name="UserId">The session's user.</param>
/// <param name="TeamId">The team its latest token works in.</param>
/// <param name="MembershipId">The user's membership in that team.</param>
/// <param name="MembershipStamp">The membership's security stamp its latest token names (a new stamp ends the session there).</param>
/// <param name="UserStamp">The user's session stamp its latest token names (a new stamp ends every session of the user).</param>
/// <param name="Methods">How the user proved themselves (<c>amr</c>).</param>
/// <param name="Device">The device label read from the user agent at sign-in (for example "Firefox on Windows").</param>
/// <param name="IpAddress">The client's address at sign-in, if the host gave it.</param>
/// <param name="SignedInAt">When the user signed in.</param>
/// <param name="ExpiresAt">When its latest token expires: no token of it is valid after this.</param>
public sealed record StoredSession(
    Guid SessionId,
    UserId UserId,
    TeamId TeamId,
    MembershipId MembershipId,
    Guid MembershipStamp,
    Guid UserStamp,
    IReadOnlyList<string> Methods,
    string Device,
    string? IpAddress,
    DateTimeOffset SignedInAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Gets when a request last presented the session, as last flushed; <see langword="null"/> when none was recorded yet.</summary>
    public DateTimeOffset? LastSeenAt { get; init; }
}
