using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>One member row; a service account's is marked as one (its first name is the account's name).</summary>
internal sealed record MemberResponse(Guid MembershipId, Guid? UserId, string Email, string? FirstName, string? LastName, string Role, MembershipStatus Status, DateTimeOffset CreatedAt, bool IsServiceAccount = false)
{
    public static MemberResponse From(MemberView m) => new(m.MembershipId.Value, m.UserId?.Value, m.Email, m.FirstName, m.LastName, m.Role, m.Status, m.CreatedAt, m.IsServiceAccount);

    public static MemberResponse From(MemberView view, Membership changed) =>
        new(changed.Id.Value, view.UserId?.Value, view.Email, view.FirstName, view.LastName, changed.Role, changed.Status, view.CreatedAt, view.IsServiceAccount);

    public static MemberResponse From(Membership m, User? user) => new(m.Id.Value, m.UserId?.Value, m.Email, user?.FirstName, user?.LastName, m.Role, m.Status, m.CreatedAt);

    public static MemberResponse From(Membership m) => new(m.Id.Value, m.UserId?.Value, m.Email, null, null, m.Role, m.Status, m.CreatedAt);
}
