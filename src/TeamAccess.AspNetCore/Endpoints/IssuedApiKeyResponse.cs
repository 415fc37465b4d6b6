using System.Globalization;
using System.Text;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A key just made: its full text is in this response once, and never again.</summary>
internal sealed record IssuedApiKeyResponse(ApiKeyResponse Key, string Secret)
{
    public static IssuedApiKeyResponse From(ServiceAccounts.IssuedApiKey issued) => new(ApiKeyResponse.From(issued.Key), issued.Secret);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Key = {Key}, Secret = {Redacted.Of(Secret)}");
        return true;
    }
}
