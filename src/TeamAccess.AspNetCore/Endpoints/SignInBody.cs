using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>
/// Sign in to one team, named by its handle (or its id): with an email and password, or with a token of an identity
/// provider (<see cref="Provider"/> and <see cref="Token"/>). The token's nonce is never taken from the body: it is the
/// one the server issued to this browser (<c>POST /signin/nonce</c>).
/// </summary>
internal sealed record SignInBody(string? Email, string? Password, string? TeamHandle, string? TeamId, string? Provider, string? Token)
{
    // The generated ToString would print the secrets: a host that logs a body must not leak them.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Email = {Email}, Password = {Redacted.Of(Password)}, TeamHandle = {TeamHandle}, TeamId = {TeamId}, Provider = {Provider}, Token = {Redacted.Of(Token)}");
        return true;
    }
}
