using System.Security.Cryptography;
using System.Text;

namespace TeamAccess.Accounts;

/// <summary>
/// Recovery codes: ten at a time, each 80 random bits written as four groups of four base32 letters and digits
/// (<c>k3f9-x2qa-...</c>). 80 bits is beyond guessing, so a SHA-256 (salted with the user's id, so equal hashes never
/// tell two users apart) is hash enough; only the hashes are stored, and a code is compared in constant time.
/// </summary>
internal static class RecoveryCodes
{
    public const int Count = 10;
    private const int CodeBytes = 10;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>New codes to show once, and the stored form of their hashes.</summary>
    public static (IReadOnlyList<string> Codes, string Hashes) Generate(UserId user)
    {
        var codes = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            codes[i] = Format(RandomNumberGenerator.GetBytes(CodeBytes));
        }

        return (codes, string.Join(' ', codes.Select(code => Hash(user, Normalize(code)!))));
    }

    /// <summary>The stored hashes left after <paramref name="code"/> is used, or <see langword="null"/> when it is not one of them.</summary>
    public static string? Use(UserId user, string? stored, string? code)
    {
        var normalized = Normalize(code);
        if (stored is null || normalized is null)
        {
            return null;
        }

        var hash = Encoding.ASCII.GetBytes(Hash(user, normalized));
        var hashes = stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var found = -1;
        for (var i = 0; i < hashes.Length; i++)
        {
            // Every stored hash is compared, in constant time, whether or not one matched already.
            if (CryptographicOperations.FixedTimeEquals(hash, Encoding.ASCII.GetBytes(hashes[i])))
            {
                found = i;
            }
        }

        return found < 0 ? null : string.Join(' ', hashes.Where((_, i) => i != found));
    }

    private static string? Normalize(string? code)
    {
        if (code is null || code.Length > 40)
        {
            return null;
        }

        var letters = new StringBuilder(16);
        foreach (var c in code)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (!Alphabet.Contains(lower, StringComparison.Ordinal))
            {
                return null;
            }

            letters.Append(lower);
        }

        return letters.Length == 16 ? letters.ToString() : null;
    }

    private static string Format(byte[] bytes)
    {
        // 80 bits, 5 at a time: 16 base32 characters.
        var text = new StringBuilder(19);
        var buffer = 0;
        var bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                if (text.Length is 4 or 9 or 14)
                {
                    text.Append('-');
                }

                text.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }

        return text.ToString();
    }

    private static string Hash(UserId user, string normalized)
    {
        Span<byte> input = stackalloc byte[16 + 16];
        user.Value.TryWriteBytes(input);
        Encoding.ASCII.GetBytes(normalized, input[16..]);
        return UrlSafeBase64.Encode(SHA256.HashData(input));
    }
}
