using System.Globalization;
using System.Text;

namespace TeamAccess.AspNetCore;

/// <summary>The second step of a sign-in: the ticket <c>/signin</c> answered with, and an authenticator or recovery code.</summary>
internal sealed record SecondFactorSignInBody(string? Ticket, string? Code)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Ticket = {Redacted.Of(Ticket)}, Code = {Redacted.Of(Code)}");
        return true;
    }
}
