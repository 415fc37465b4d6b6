using System.Security.Cryptography;
using System.Text;

namespace TeamAccess.Provisioning;

/// <summary>The version of what a directory sees of a person: it changes whenever the membership or the user's names do.</summary>
internal static class DirectoryVersions
{
    public static string Of(StoredMembership membership, string? firstName, string? lastName)
    {
        var text = string.Join('\u001f', membership.Id.Value.ToString("N"), membership.UpdatedAt.UtcTicks, membership.CreatedAt.UtcTicks, (int)membership.Status, membership.Role, membership.ExternalId, firstName, lastName);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 10)).ToLowerInvariant();
    }
}
