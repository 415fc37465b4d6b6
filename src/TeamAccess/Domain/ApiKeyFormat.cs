using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TeamAccess.Domain;

/// <summary>
/// The text form of an API key, which secret scanners can match: <c>ta_</c>, the identifier part (the team's and the
/// key's ids, 32 bytes), <c>_</c>, the 256-bit secret, and a CRC-32 of everything before it, each in lower-case base32
/// (RFC 4648 alphabet, no padding): <c>ta_[a-z2-7]{52}_[a-z2-7]{59}</c>. The checksum lets a mistyped or made-up key be
/// refused without a look-up; the secret is stored only as its SHA-256 hash.
/// </summary>
/// <remarks>
/// Reading a key is on every request a key authenticates, so it is built for speed: the text is narrowed to ASCII bytes
/// in one vectorized pass, the CRC-32 (IEEE, the same value as before) is computed eight bytes at a time (slicing-by-8),
/// and base32 is decoded eight characters into five bytes at a time through a 256-entry table, with one test for a bad
/// character at the end of each part rather than a branch per character.
/// </remarks>
internal static class ApiKeyFormat
{
    public const string Prefix = "ta_";
    public const int SecretBytes = 32;
    public const int HashBytes = 32;
    private const int IdBytes = 32;
    private const int IdChars = 52;
    private const int SecretChars = 52;
    private const int CrcChars = 7;

    /// <summary>The length of every key: 115 characters.</summary>
    public const int Length = 3 + IdChars + 1 + SecretChars + CrcChars;

    private const int IdStart = 3;
    private const int SecretStart = 4 + IdChars;
    private const int Checked = Length - CrcChars;

    /// <summary>Eight tables of 256 entries for slicing-by-8: table k is the CRC of a byte followed by k zero bytes.</summary>
    private static readonly uint[] CrcTables = BuildCrcTables();

    private static ReadOnlySpan<byte> Alphabet => "abcdefghijklmnopqrstuvwxyz234567"u8;

    /// <summary>Each byte's base32 value (0-31), or 0xFF for a byte outside the alphabet (upper case included).</summary>
    private static ReadOnlySpan<byte> DecodeTable =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E,
        0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ];

    /// <summary>Makes a new key for a team's key id; returns the key (shown once) and the lower-case hex hash of its secret (stored).</summary>
    public static (string Key, string Hash) Issue(TeamId teamId, ApiKeyId keyId)
    {
        Span<byte> secret = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(secret);
        var issued = Issue(teamId, keyId, secret);
        CryptographicOperations.ZeroMemory(secret);
        return issued;
    }

    /// <summary>The key for a given secret (tests pin a key with it; <see cref="Issue(TeamId, ApiKeyId)"/> draws the secret).</summary>
    internal static (string Key, string Hash) Issue(TeamId teamId, ApiKeyId keyId, ReadOnlySpan<byte> secret)
    {
        if (secret.Length != SecretBytes)
        {
            throw new ArgumentException($"A key's secret is {SecretBytes} bytes.", nameof(secret));
        }

        Span<byte> ids = stackalloc byte[IdBytes];
        teamId.Value.TryWriteBytes(ids[..16]);
        keyId.Value.TryWriteBytes(ids[16..]);
        Span<byte> key = stackalloc byte[Length];
        "ta_"u8.CopyTo(key);
        Encode(ids, key.Slice(IdStart, IdChars));
        key[3 + IdChars] = (byte)'_';
        Encode(secret, key.Slice(SecretStart, SecretChars));
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(key[..Checked]));
        Encode(crc, key[Checked..]);
        var hash = Convert.ToHexString(SHA256.HashData(secret)).ToLowerInvariant();
        var text = Encoding.ASCII.GetString(key);
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
        if (key.Length != Length)
        {
            return false;
        }

        // One vectorized pass to bytes; a character outside ASCII is no key (it is outside the alphabet too).
        Span<byte> text = stackalloc byte[Length];
        if (System.Text.Ascii.FromUtf16(key, text, out _) != OperationStatus.Done
            || !text.StartsWith("ta_"u8) || text[3 + IdChars] != (byte)'_')
        {
            return false;
        }

        Span<byte> crc = stackalloc byte[4];
        if (!Decode(text[Checked..], crc) || BinaryPrimitives.ReadUInt32BigEndian(crc) != Crc32(text[..Checked]))
        {
            return false;
        }

        Span<byte> ids = stackalloc byte[IdBytes];
        Span<byte> secret = stackalloc byte[SecretBytes];
        if (!Decode(text.Slice(IdStart, IdChars), ids) || !Decode(text.Slice(SecretStart, SecretChars), secret))
        {
            return false;
        }

        teamId = new TeamId(new Guid(ids[..16]));
        keyId = new ApiKeyId(new Guid(ids[16..]));
        SHA256.HashData(secret, secretHash);
        CryptographicOperations.ZeroMemory(secret);
        text.Clear();
        return true;
    }

    /// <summary>Whether a text looks like a key at all (its prefix): a bearer token that does not is someone else's.</summary>
    public static bool LooksLikeKey(ReadOnlySpan<char> token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The IEEE CRC-32 (zlib's, reflected, polynomial 0xEDB88320) of the bytes, eight at a time.</summary>
    internal static uint Crc32(ReadOnlySpan<byte> data)
    {
        var t = CrcTables.AsSpan();
        var crc = 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            var one = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var two = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t[(7 * 256) + (int)(one & 0xFF)] ^ t[(6 * 256) + (int)((one >> 8) & 0xFF)]
                ^ t[(5 * 256) + (int)((one >> 16) & 0xFF)] ^ t[(4 * 256) + (int)(one >> 24)]
                ^ t[(3 * 256) + (int)(two & 0xFF)] ^ t[(2 * 256) + (int)((two >> 8) & 0xFF)]
                ^ t[256 + (int)((two >> 16) & 0xFF)] ^ t[(int)(two >> 24)];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = t[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static void Encode(ReadOnlySpan<byte> bytes, Span<byte> chars)
    {
        var alphabet = Alphabet;
        int buffer = 0, bits = 0, c = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[c++] = alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[c] = alphabet[(buffer << (5 - bits)) & 31];
        }
    }

    /// <summary>
    /// Decodes exactly <paramref name="bytes"/>.Length bytes from exactly as many characters as encode them; refuses a
    /// character outside the alphabet and a last character with bits set past the end.
    /// </summary>
    private static bool Decode(ReadOnlySpan<byte> chars, Span<byte> bytes)
    {
        if (chars.Length != ((bytes.Length * 8) + 4) / 5)
        {
            return false;
        }

        var table = DecodeTable;

        // Every value is 0-31 or 0xFF: or-ed together, any bit above the fifth marks a bad character.
        var seen = 0;
        int c = 0, b = 0;
        while (chars.Length - c >= 8)
        {
            var group = chars.Slice(c, 8);
            int v0 = table[group[0]], v1 = table[group[1]], v2 = table[group[2]], v3 = table[group[3]];
            int v4 = table[group[4]], v5 = table[group[5]], v6 = table[group[6]], v7 = table[group[7]];
            seen |= v0 | v1 | v2 | v3 | v4 | v5 | v6 | v7;
            var value = ((ulong)v0 << 35) | ((ulong)v1 << 30) | ((ulong)v2 << 25) | ((ulong)v3 << 20)
                | ((ulong)v4 << 15) | ((ulong)v5 << 10) | ((ulong)v6 << 5) | (uint)v7;
            var five = bytes.Slice(b, 5);
            five[0] = (byte)(value >> 32);
            five[1] = (byte)(value >> 24);
            five[2] = (byte)(value >> 16);
            five[3] = (byte)(value >> 8);
            five[4] = (byte)value;
            c += 8;
            b += 5;
        }

        // The tail (fewer than eight characters: at most 35 bits) bit by bit.
        ulong buffer = 0;
        var bits = 0;
        for (; c < chars.Length; c++)
        {
            int v = table[chars[c]];
            seen |= v;
            buffer = (buffer << 5) | (uint)(v & 31);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[b++] = (byte)(buffer >> bits);
            }
        }

        return (seen & ~31) == 0 && b == bytes.Length && (buffer & ((1UL << bits) - 1)) == 0;
    }

    private static uint[] BuildCrcTables()
    {
        var tables = new uint[8 * 256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            tables[n] = c;
        }

        for (var slice = 1; slice < 8; slice++)
        {
            for (var n = 0; n < 256; n++)
            {
                var previous = tables[((slice - 1) * 256) + n];
                tables[(slice * 256) + n] = (previous >> 8) ^ tables[(int)(previous & 0xFF)];
            }
        }

        return tables;
    }
}
