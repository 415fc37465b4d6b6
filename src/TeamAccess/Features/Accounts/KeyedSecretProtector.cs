using System.Security.Cryptography;

namespace TeamAccess.Accounts;

/// <summary>
/// An <see cref="ISecretProtector"/> for hosts without ASP.NET Core Data Protection: AES-256-GCM under a 256-bit key the
/// host keeps outside the database (a key vault, an environment secret), with a fresh random nonce per secret. The
/// protected form is <c>k1.</c> followed by base64url of nonce, ciphertext and tag.
/// </summary>
public sealed class KeyedSecretProtector : ISecretProtector
{
    private const string Prefix = "k1.";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key;

    /// <summary>Initializes a new instance of the <see cref="KeyedSecretProtector"/> class.</summary>
    /// <param name="key">The 32-byte key; every instance of the host needs the same one.</param>
    /// <exception cref="ArgumentException">The key is not 32 bytes long.</exception>
    public KeyedSecretProtector(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("The key must be 32 bytes (256 bits) long.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <inheritdoc />
    public string Protect(ReadOnlySpan<byte> secret)
    {
        var sealedBytes = new byte[NonceBytes + secret.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, secret, sealedBytes.AsSpan(NonceBytes, secret.Length), sealedBytes.AsSpan(NonceBytes + secret.Length));
        return Prefix + UrlSafeBase64.Encode(sealedBytes);
    }

    /// <inheritdoc />
    public byte[] Unprotect(string protectedSecret)
    {
        ArgumentNullException.ThrowIfNull(protectedSecret);
        if (!protectedSecret.StartsWith(Prefix, StringComparison.Ordinal)
            || !UrlSafeBase64.TryDecode(protectedSecret[Prefix.Length..], out var sealedBytes)
            || sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The protected secret is not in the k1 format.");
        }

        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var secret = new byte[length];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), secret);
        return secret;
    }

    /// <inheritdoc />
    public override string ToString() => nameof(KeyedSecretProtector);
}
