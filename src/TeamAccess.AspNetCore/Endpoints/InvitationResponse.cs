using System.Text.Json.Nodes;
using TeamAccess.Invitations;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>One row of the team's invitations.</summary>
internal sealed record InvitationResponse(Guid MembershipId, string Email, string Role, InvitationStatus Status, Guid? InvitedBy, DateTimeOffset InvitedAt, DateTimeOffset LastSentAt, int SendCount, DateTimeOffset ExpiresAt)
{
    public static InvitationResponse From(InvitationView v) =>
        new(v.MembershipId.Value, v.Email, v.Role, v.Status, v.InvitedBy?.Value, v.InvitedAt, v.LastSentAt, v.SendCount, v.ExpiresAt);
}
