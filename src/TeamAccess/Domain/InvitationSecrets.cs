using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TeamAccess.Domain;

/// <summary>
/// Makes and checks invitation secrets: at least 128 bits of entropy, stored only as a hash, working once, expiring,
/// dying on Resend and Revoke, compared in constant time. A link token is a <see cref="SecretTokens"/> token of
/// kind 1 pointing at the team and the membership: the ids only say where to look; its secret is stored as SHA-256.
/// A short code is 10 Crockford base32 characters (50 bits) from the same generator, stored as a salted PBKDF2 key
/// because it is short; it is bound to the team and the email and locks after a few wrong tries. Every comparison is
/// constant-time.
/// </summary>
internal static class InvitationSecrets
{
    public const int CodeLength = 10;
    private const byte TokenKind = 1;
    private const int CodeIterations = 20_000;
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new invitation's secrets: the token and code go into the message only, never into a log.</summary>
    public sealed record Issued(string Token, string Code, InvitationSecret Secret)
    {
        // The generated ToString would print the token and the code.
        private bool PrintMembers(StringBuilder builder)
        {
            builder.Append("Token = ***, Code = ***, Secret = ").Append(Secret);
            return true;
        }
    }

    /// <summary>A secret no code matches, to spend the same work when an address has no invitation.</summary>
    public static InvitationSecret Decoy { get; } = new(UrlSafeBase64.Encode(new byte[32]), UrlSafeBase64.Encode(new byte[32]), UrlSafeBase64.Encode(new byte[16]));

    public static Issued Issue(TeamId teamId, MembershipId membershipId)
    {
        var (token, tokenHash) = SecretTokens.Issue(TokenKind, teamId.Value, membershipId.Value);
        var code = NewCode();
        var salt = RandomNumberGenerator.GetBytes(16);
        var codeHash = HashCode(code, salt);
        return new Issued(token, FormatCode(code), new InvitationSecret(tokenHash, UrlSafeBase64.Encode(codeHash), UrlSafeBase64.Encode(salt)));
    }

    /// <summary>Reads where a token points, without judging its secret; <see langword="false"/> for anything malformed.</summary>
    public static bool TryParseToken(string? token, out TeamId teamId, out MembershipId membershipId) =>
        TryParseToken(token, out teamId, out membershipId, out _);

    public static bool TokenMatches(string token, InvitationSecret? stored) =>
        TryParseToken(token, out _, out _, out var secretHash) && SecretTokens.Matches(stored?.TokenHash, secretHash);

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

    private static bool TryParseToken(string? token, out TeamId teamId, out MembershipId membershipId, out byte[] secretHash)
    {
        Span<Guid> ids = stackalloc Guid[2];
        var read = SecretTokens.TryRead(token, TokenKind, ids, out secretHash);
        teamId = new TeamId(ids[0]);
        membershipId = new MembershipId(ids[1]);
        return read;
    }

    private static string FormatCode(string code) => $"{code[..5]}-{code[5..]}";

    private static byte[] HashCode(string canonical, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(canonical), salt, CodeIterations, HashAlgorithmName.SHA256, 32);
}
