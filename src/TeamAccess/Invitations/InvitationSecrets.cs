using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TeamAccess;

/// <summary>
/// Makes and checks invitation secrets (DESIGN.md invariant 5). A link token is <c>v1</c> + team id + membership id +
/// 32 random bytes, base64url: the ids only say where to look; the 256 random bits are the secret, stored as SHA-256.
/// A short code is 10 Crockford base32 characters (50 bits) from the same generator, stored as a salted PBKDF2 key
/// because it is short; it is bound to the team and the email and locks after a few wrong tries. Every comparison is
/// constant-time.
/// </summary>
internal static class InvitationSecrets
{
    public const int CodeLength = 10;
    private const byte TokenVersion = 1;
    private const int SecretBytes = 32;
    private const int TokenBytes = 1 + 16 + 16 + SecretBytes;
    private const int CodeIterations = 20_000;
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public sealed record Issued(string Token, string Code, InvitationSecret Secret);

    /// <summary>A secret no code matches, to spend the same work when an address has no invitation.</summary>
    public static InvitationSecret Decoy { get; } = new(UrlSafeBase64.Encode(new byte[32]), UrlSafeBase64.Encode(new byte[32]), UrlSafeBase64.Encode(new byte[16]));

    public static Issued Issue(TeamId teamId, MembershipId membershipId)
    {
        Span<byte> token = stackalloc byte[TokenBytes];
        token[0] = TokenVersion;
        teamId.Value.TryWriteBytes(token.Slice(1, 16));
        membershipId.Value.TryWriteBytes(token.Slice(17, 16));
        var secret = token.Slice(33, SecretBytes);
        RandomNumberGenerator.Fill(secret);
        var tokenHash = SHA256.HashData(secret);

        var code = NewCode();
        var salt = RandomNumberGenerator.GetBytes(16);
        var codeHash = HashCode(code, salt);
        var issued = new Issued(UrlSafeBase64.Encode(token), FormatCode(code), new InvitationSecret(UrlSafeBase64.Encode(tokenHash), UrlSafeBase64.Encode(codeHash), UrlSafeBase64.Encode(salt)));
        CryptographicOperations.ZeroMemory(token);
        return issued;
    }

    /// <summary>Reads where a token points, without judging its secret; <see langword="false"/> for anything malformed.</summary>
    public static bool TryParseToken(string? token, out TeamId teamId, out MembershipId membershipId)
    {
        teamId = default;
        membershipId = default;
        if (token is null || token.Length > 200 || !UrlSafeBase64.TryDecode(token.Trim(), out var bytes) || bytes.Length != TokenBytes || bytes[0] != TokenVersion)
        {
            return false;
        }

        teamId = new TeamId(new Guid(bytes.AsSpan(1, 16)));
        membershipId = new MembershipId(new Guid(bytes.AsSpan(17, 16)));
        CryptographicOperations.ZeroMemory(bytes);
        return true;
    }

    public static bool TokenMatches(string token, InvitationSecret? stored)
    {
        if (stored is null || !UrlSafeBase64.TryDecode(token.Trim(), out var bytes) || bytes.Length != TokenBytes
            || !UrlSafeBase64.TryDecode(stored.TokenHash, out var expected))
        {
            return false;
        }

        var actual = SHA256.HashData(bytes.AsSpan(33, SecretBytes));
        CryptographicOperations.ZeroMemory(bytes);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    public static bool CodeMatches(string code, InvitationSecret? stored)
    {
        if (stored is null || !TryCanonicalCode(code, out var canonical)
            || !UrlSafeBase64.TryDecode(stored.CodeHash, out var expected) || !UrlSafeBase64.TryDecode(stored.CodeSalt, out var salt))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HashCode(canonical, salt), expected);
    }

    /// <summary>Upper-cases, drops spaces and hyphens, and reads Crockford's look-alikes (I, L as 1; O as 0).</summary>
    public static bool TryCanonicalCode(string? code, out string canonical)
    {
        canonical = string.Empty;
        if (code is null || code.Length > 64)
        {
            return false;
        }

        var builder = new StringBuilder(CodeLength);
        foreach (var raw in code)
        {
            if (raw is ' ' or '-')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var other => other,
            };
            if (!CodeAlphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }

            builder.Append(c);
        }

        canonical = builder.ToString();
        return canonical.Length == CodeLength;
    }

    private static string NewCode()
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        var bits = BinaryPrimitives.ReadUInt64LittleEndian(random);
        var chars = new char[CodeLength];
        for (var i = 0; i < CodeLength; i++)
        {
            chars[i] = CodeAlphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return new string(chars);
    }

    private static string FormatCode(string code) => $"{code[..5]}-{code[5..]}";

    private static byte[] HashCode(string canonical, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(canonical), salt, CodeIterations, HashAlgorithmName.SHA256, 32);
}
