using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TeamAccess.Invitations;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>An invitation, by the token of its link or by its team's handle, the invited address and the code.</summary>
internal sealed record InvitationKeyBody(string? Token, string? TeamHandle, string? Email, string? Code)
{
    public InvitationKey ToKey() => Token is { Length: > 0 } token ? InvitationKey.FromToken(token) : InvitationKey.FromCode(TeamHandle ?? "", Email ?? "", Code ?? "");

    // The generated ToString would print the secrets: a host that logs a body must not leak them.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Token = {Redacted.Of(Token)}, TeamHandle = {TeamHandle}, Email = {Email}, Code = {Redacted.Of(Code)}");
        return true;
    }
}
