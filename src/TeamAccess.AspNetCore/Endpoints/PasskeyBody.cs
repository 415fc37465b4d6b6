using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TeamAccess.AspNetCore;

/// <summary>
/// The answer of a WebAuthn ceremony: the browser's <c>PublicKeyCredential</c> (as <c>toJSON()</c> writes it), and what the
/// route needs beside it: the sign-in's ticket, the team of a sign-in with a passkey alone, the name of a new passkey.
/// The challenge's id is not in the body: it is the cookie of the browser that began the ceremony.
/// </summary>
/// <param name="Credential">The browser's answer.</param>
/// <param name="Ticket">The sign-in's ticket (second factor).</param>
/// <param name="TeamId">The team to sign in to (a passkey alone).</param>
/// <param name="Name">The new passkey's name (registration).</param>
internal sealed record PasskeyBody(JsonElement? Credential, string? Ticket, Guid? TeamId, string? Name)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Ticket = {Redacted.Of(Ticket)}, TeamId = {TeamId}, Name = {Name}");
        return true;
    }
}
