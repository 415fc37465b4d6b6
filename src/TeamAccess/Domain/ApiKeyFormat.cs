using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TeamAccess.Domain;

/// <summary>
/// The text form of an API key, which secret scanners can match: <c>ta_</c>, the identifier part (the team's and the
/// key's ids, 32 bytes), <c>_</c>, the 256-bit secret, and a CRC-32 of everything before it, each in lower-case base32
/// (RFC 4648 alphabet, no padding): <c>ta_[a-z2-7]{52}_[a-z2-7]{59}</c>. The checksum lets a mistyped or made-up key be
/// refused without a look-up; the secret is stored only as its SHA-256 hash.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Prefix = "ta_";
    public const int SecretBytes = 32;
    public const int HashBytes = 32;
    private const int IdBytes = 32;
    private const int IdChars = 52;
    private const int SecretChars = 52;
    private const int CrcChars = 7;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The length of every key: 115 characters.</summary>
    public const int Length = 3 + IdChars + 1 + SecretChars + CrcChars;

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Makes a new key for a team's key id; returns the key (shown once) and the lower-case hex hash of its secret (stored).</summary>
    public static (string Key, string Hash) Issue(TeamId teamId, ApiKeyId keyId)
    {
        Span<byte> ids = stackalloc byte[IdBytes];
        teamId.Value.TryWriteBytes(ids[..16]);
        keyId.Value.TryWriteBytes(ids[16..]);
        Span<byte> secret = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(secret);
        Span<char> key = stackalloc char[Length];
        Prefix.AsSpan().CopyTo(key);
        Encode(ids, key.Slice(3, IdChars));
        key[3 + IdChars] = '_';
        Encode(secret, key.Slice(4 + IdChars, SecretChars));
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(key[..^CrcChars]));
        Encode(crc, key[^CrcChars..]);
        var hash = Convert.ToHexString(SHA256.HashData(secret)).ToLowerInvariant();
        var text = new string(key);
        CryptographicOperations.ZeroMemory(secret);
        key.Clear();
        return (text, hash);
    }

    /// <summary>
    /// Reads a key: its team, its id, and the SHA-256 of its secret into <paramref name="secretHash"/> (32 bytes).
    /// <see langword="false"/> for anything malformed (prefix, length, alphabet, checksum), without hashing it.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> key, out TeamId teamId, out ApiKeyId keyId, Span<byte> secretHash)
    {
        teamId = default;
        keyId = default;
        if (key.Length != Length || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[3 + IdChars] != '_')
        {
            return false;
        }

        Span<byte> crc = stackalloc byte[4];
        if (!Decode(key[^CrcChars..], crc) || BinaryPrimitives.ReadUInt32BigEndian(crc) != Crc32(key[..^CrcChars]))
        {
            return false;
        }

        Span<byte> ids = stackalloc byte[IdBytes];
        Span<byte> secret = stackalloc byte[SecretBytes];
        if (!Decode(key.Slice(3, IdChars), ids) || !Decode(key.Slice(4 + IdChars, SecretChars), secret))
        {
            return false;
        }

        teamId = new TeamId(new Guid(ids[..16]));
        keyId = new ApiKeyId(new Guid(ids[16..]));
        SHA256.HashData(secret, secretHash);
        CryptographicOperations.ZeroMemory(secret);
        return true;
    }

    /// <summary>Whether a text looks like a key at all (its prefix): a bearer token that does not is someone else's.</summary>
    public static bool LooksLikeKey(ReadOnlySpan<char> token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    private static void Encode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        int buffer = 0, bits = 0, c = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[c++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[c] = Alphabet[(buffer << (5 - bits)) & 31];
        }
    }

    /// <summary>Decodes exactly <paramref name="bytes"/>.Length bytes; refuses characters outside the alphabet and a last character with bits set past the end.</summary>
    private static bool Decode(ReadOnlySpan<char> chars, Span<byte> bytes)
    {
        int buffer = 0, bits = 0, b = 0;
        foreach (var ch in chars)
        {
            int value = ch switch
            {
                >= 'a' and <= 'z' => ch - 'a',
                >= '2' and <= '7' => ch - '2' + 26,
                _ => -1,
            };
            if (value < 0)
            {
                return false;
            }

            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                if (b == bytes.Length)
                {
                    return false;
                }

                bytes[b++] = (byte)(buffer >> bits);
            }
        }

        return b == bytes.Length && (buffer & ((1 << bits) - 1)) == 0;
    }

    private static uint Crc32(ReadOnlySpan<char> text)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var ch in text)
        {
            crc = CrcTable[(crc ^ (byte)ch) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
