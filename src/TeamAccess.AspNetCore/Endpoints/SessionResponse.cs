using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A session: its token (absent when it went into the cookie) and what it is for.</summary>
internal sealed record SessionResponse(string? AccessToken, DateTimeOffset ExpiresAt, Guid UserId, Guid TeamId, Guid MembershipId, string Role, string Provider)
{
    public static SessionResponse From(Session session, bool tokenInCookie) =>
        new(tokenInCookie ? null : session.AccessToken, session.Info.ExpiresAt, session.Info.UserId.Value, session.Info.TeamId.Value, session.Info.MembershipId.Value, session.Info.Role, session.Info.Provider);

    // The generated ToString would print the secrets: a host that logs a body must not leak them.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"AccessToken = {Redacted.Of(AccessToken)}, ExpiresAt = {ExpiresAt:O}, UserId = {UserId}, TeamId = {TeamId}, MembershipId = {MembershipId}, Role = {Role}, Provider = {Provider}");
        return true;
    }
}
