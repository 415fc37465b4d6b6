using System.Globalization;
using System.Text;

namespace TeamAccess.AspNetCore;

/// <summary>The nonce to send to the identity provider in its authorization request (the browser keeps its cookie).</summary>
internal sealed record SignInNonceResponse(string Nonce)
{
    // A nonce is not a password, but it binds a sign-in to this browser: a host that logs a body does not print it.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Nonce = {Redacted.Of(Nonce)}");
        return true;
    }
}
