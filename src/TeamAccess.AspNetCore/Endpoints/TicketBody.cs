using System.Globalization;
using System.Text;

namespace TeamAccess.AspNetCore;

/// <summary>A sign-in's ticket, to enrol an authenticator the team requires.</summary>
internal sealed record TicketBody(string? Ticket)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Ticket = {Redacted.Of(Ticket)}");
        return true;
    }
}
