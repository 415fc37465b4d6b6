namespace TeamAccess.Accounts;

/// <summary>
/// Encrypts, with the host's key, the secrets TeamAccess must read back (an authenticator's secret), so a copy of the
/// database alone does not give them away. An ASP.NET Core host gets one over Data Protection
/// (<c>AddAspNetCore()</c> in TeamAccess.AspNetCore registers it); another host registers
/// <see cref="KeyedSecretProtector"/> with a key of its own, or its own implementation. Several instances of one host
/// must share the key. Second factors cannot be enrolled or used without one.
/// </summary>
public interface ISecretProtector
{
    /// <summary>Encrypts and authenticates a secret.</summary>
    /// <param name="secret">The secret's bytes.</param>
    /// <returns>The protected form, text safe to store.</returns>
    string Protect(ReadOnlySpan<byte> secret);

    /// <summary>Decrypts what <see cref="Protect"/> returned.</summary>
    /// <param name="protectedSecret">The protected form.</param>
    /// <returns>The secret's bytes.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The value was altered, or protected with a key this protector no longer has.</exception>
    byte[] Unprotect(string protectedSecret);
}
