using System.Security.Cryptography;

namespace TeamAccess;

/// <summary>
/// The one format of TeamAccess's link tokens (invitations, activation, password reset): a version byte, the ids that
/// say where to look (16 bytes each), and 32 random bytes, base64url. The ids are no secret; the 256 random bits are,
/// stored only as their SHA-256 and compared in constant time. Anything malformed reads as no token.
/// </summary>
internal static class SecretTokens
{
    private const int IdBytes = 16;
    private const int SecretBytes = 32;
    private const int MaxLength = 200;

    /// <summary>A new token pointing at <paramref name="ids"/>, and the hash of its secret to store.</summary>
    public static (string Token, string Hash) Issue(byte version, params ReadOnlySpan<Guid> ids)
    {
        Span<byte> token = stackalloc byte[Length(ids.Length)];
        token[0] = version;
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i].TryWriteBytes(token.Slice(1 + (i * IdBytes), IdBytes));
        }

        var secret = token[^SecretBytes..];
        RandomNumberGenerator.Fill(secret);
        var issued = (UrlSafeBase64.Encode(token), UrlSafeBase64.Encode(SHA256.HashData(secret)));
        CryptographicOperations.ZeroMemory(token);
        return issued;
    }

    /// <summary>
    /// Reads a token of <paramref name="version"/> with <paramref name="ids"/>.Length ids into <paramref name="ids"/>,
    /// and the hash of its secret, without judging the secret; <see langword="false"/> for anything malformed.
    /// </summary>
    public static bool TryRead(string? token, byte version, Span<Guid> ids, out byte[] secretHash)
    {
        secretHash = [];
        if (token is null || token.Length > MaxLength || !UrlSafeBase64.TryDecode(token.Trim(), out var bytes))
        {
            return false;
        }

        try
        {
            if (bytes.Length != Length(ids.Length) || bytes[0] != version)
            {
                return false;
            }

            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = new Guid(bytes.AsSpan(1 + (i * IdBytes), IdBytes));
            }

            secretHash = SHA256.HashData(bytes.AsSpan(bytes.Length - SecretBytes));
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Whether a read secret's hash is the stored one, in constant time; no stored hash matches nothing.</summary>
    public static bool Matches(string? storedHash, byte[] secretHash) =>
        storedHash is not null && secretHash.Length > 0 && UrlSafeBase64.TryDecode(storedHash, out var expected)
        && CryptographicOperations.FixedTimeEquals(expected, secretHash);

    private static int Length(int ids) => 1 + (ids * IdBytes) + SecretBytes;
}
