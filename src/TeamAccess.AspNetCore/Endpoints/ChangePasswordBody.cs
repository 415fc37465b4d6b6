using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>The current and the new password.</summary>
internal sealed record ChangePasswordBody(string? CurrentPassword, string? NewPassword)
{
    // The generated ToString would print the secrets: a host that logs a body must not leak them.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"CurrentPassword = {Redacted.Of(CurrentPassword)}, NewPassword = {Redacted.Of(NewPassword)}");
        return true;
    }
}
