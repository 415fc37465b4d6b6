using System.Globalization;
using System.Text;

namespace TeamAccess.AspNetCore;

/// <summary>An authenticator or recovery code, for a signed-in session (confirm an enrolment, step up).</summary>
internal sealed record SecondFactorCodeBody(string? Code)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Code = {Redacted.Of(Code)}");
        return true;
    }
}
