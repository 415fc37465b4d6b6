using System.Globalization;
using System.Text;

namespace TeamAccess.AspNetCore;

/// <summary>A session that just proved a second factor, and the recovery codes an enrolment generated (shown once; else empty).</summary>
internal sealed record SecondFactorSessionResponse(SessionResponse Session, IReadOnlyList<string> RecoveryCodes)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Session = {Session}, RecoveryCodes = {RecoveryCodes.Count} (hidden)");
        return true;
    }
}
