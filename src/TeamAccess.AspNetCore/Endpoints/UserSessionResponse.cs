namespace TeamAccess.AspNetCore;

/// <summary>One of the user's sessions: device label, address at sign-in, times, methods (<c>amr</c>), and whether it is the one asking.</summary>
internal sealed record UserSessionResponse(
    Guid SessionId,
    Guid TeamId,
    string Device,
    string? IpAddress,
    DateTimeOffset SignedInAt,
    DateTimeOffset? LastSeenAt,
    IReadOnlyList<string> AuthenticationMethods,
    DateTimeOffset ExpiresAt,
    bool IsCurrent)
{
    public static UserSessionResponse From(TeamAccess.Accounts.UserSession s) =>
        new(s.SessionId, s.TeamId.Value, s.Device, s.IpAddress, s.SignedInAt, s.LastSeenAt, s.AuthenticationMethods, s.ExpiresAt, s.IsCurrent);
}
