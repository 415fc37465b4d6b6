using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore;

/// <summary>
/// The <see cref="ISecretProtector"/> of an ASP.NET Core host: Data Protection, under a purpose of its own, so the key
/// ring the host already keeps (and shares between instances) encrypts authenticator secrets at rest.
/// </summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("TeamAccess.SecondFactors.v1");

    public string Protect(ReadOnlySpan<byte> secret) => WebEncoders.Base64UrlEncode(_protector.Protect(secret.ToArray()));

    public byte[] Unprotect(string protectedSecret)
    {
        ArgumentNullException.ThrowIfNull(protectedSecret);
        byte[] sealedBytes;
        try
        {
            sealedBytes = WebEncoders.Base64UrlDecode(protectedSecret);
        }
        catch (FormatException exception)
        {
            throw new System.Security.Cryptography.CryptographicException("The protected secret is not base64url.", exception);
        }

        return _protector.Unprotect(sealedBytes);
    }

    public override string ToString() => nameof(DataProtectionSecretProtector);
}
