using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>Accepting by creating an account: the invitation and the new account's names and password.</summary>
internal sealed record AcceptWithNewAccountBody(string? Token, string? TeamHandle, string? Email, string? Code, string? FirstName, string? LastName, string? Password)
{
    public InvitationKey ToKey() => new InvitationKeyBody(Token, TeamHandle, Email, Code).ToKey();
}
