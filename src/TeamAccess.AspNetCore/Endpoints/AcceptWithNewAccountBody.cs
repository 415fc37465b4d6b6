using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TeamAccess.Invitations;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>Accepting by creating an account: the invitation and the new account's names and password.</summary>
internal sealed record AcceptWithNewAccountBody(string? Token, string? TeamHandle, string? Email, string? Code, string? FirstName, string? LastName, string? Password)
{
    public InvitationKey ToKey() => new InvitationKeyBody(Token, TeamHandle, Email, Code).ToKey();

    // The generated ToString would print the secrets: a host that logs a body must not leak them.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Token = {Redacted.Of(Token)}, TeamHandle = {TeamHandle}, Email = {Email}, Code = {Redacted.Of(Code)}, FirstName = {FirstName}, LastName = {LastName}, Password = {Redacted.Of(Password)}");
        return true;
    }
}
