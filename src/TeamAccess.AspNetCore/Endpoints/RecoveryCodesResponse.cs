using System.Globalization;
using System.Text;

namespace TeamAccess.AspNetCore;

/// <summary>New recovery codes, shown once.</summary>
internal sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"RecoveryCodes = {RecoveryCodes.Count} (hidden)");
        return true;
    }
}
