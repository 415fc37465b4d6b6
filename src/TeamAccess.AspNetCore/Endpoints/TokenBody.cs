using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A token from a message (activation link).</summary>
internal sealed record TokenBody(string? Token)
{
    // The generated ToString would print the secrets: a host that logs a body must not leak them.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Token = {Redacted.Of(Token)}");
        return true;
    }
}
