using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>Sign up: a user with a password and a new team that the user holds the guardian role of.</summary>
internal sealed record SignUpBody(string? Email, string? Password, string? FirstName, string? LastName, string? TeamName, string? TeamHandle)
{
    // The generated ToString would print the secrets: a host that logs a body must not leak them.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Email = {Email}, Password = {Redacted.Of(Password)}, FirstName = {FirstName}, LastName = {LastName}, TeamName = {TeamName}, TeamHandle = {TeamHandle}");
        return true;
    }
}
