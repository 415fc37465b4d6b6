using System.Text;
using TeamAccess.Domain;

namespace TeamAccess.Tests;

/// <summary>
/// The key's text form is a stored contract: keys issued before a change to the reader must keep reading the same. The
/// pinned key below was issued by the reader's first version (char-by-char base32, byte-at-a-time CRC-32) and checked
/// against an independent implementation (Python's base64.b32encode, zlib.crc32, hashlib.sha256).
/// </summary>
public sealed class ApiKeyFormatTests
{
    private const string PinnedKey = "ta_lowy6d6l3gpunilfocdhokevbz4wnht4ev2n4qeujpqh7qpzbltq_w4vmeubpjqylmsu4bh6xrmw3kvgfrxchih5lkgfrnnsxqcmybycqudcfwvq";
    private const string PinnedHash = "7eb8a8d826129f2a831601edf61ecc0f0b10a86ebdb86890a4d353af6f09fa5b";
    private const string PinnedSecret = "b72ac2502f4c30b64a9c09fd78b2db554c58dc4741fab518b16b657809980e05";
    private static readonly TeamId PinnedTeam = new(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));
    private static readonly ApiKeyId PinnedKeyId = new(Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"));

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    [Fact]
    public void TryRead_AKeyIssuedBeforeTheFastReader_ReadsTheSame()
    {
        Assert.Equal((true, PinnedTeam, PinnedKeyId, PinnedHash), Read(PinnedKey));
    }

    [Fact]
    public void Issue_ThePinnedSecret_WritesThePinnedKeyAndHash()
    {
        Assert.Equal((PinnedKey, PinnedHash), ApiKeyFormat.Issue(PinnedTeam, PinnedKeyId, Convert.FromHexString(PinnedSecret)));
    }

    [Fact]
    public void Issue_ManyKeys_EachReadsBackToItsIdsAndHash()
    {
        for (var i = 0; i < 200; i++)
        {
            var team = TeamId.New();
            var id = ApiKeyId.New();
            var (key, hash) = ApiKeyFormat.Issue(team, id);
            Assert.Equal(ApiKeyFormat.Length, key.Length);
            Assert.Equal(ReferenceCrc(key[..^7]), ReadCrc(key));
            Assert.Equal((true, team, id, hash), Read(key));
        }
    }

    [Fact]
    public void Crc32_MatchesTheBitwiseIeeeCrcAtEveryLength()
    {
        Assert.Equal(0xCBF43926u, ApiKeyFormat.Crc32("123456789"u8));
        var random = new Random(23);
        for (var length = 0; length <= 130; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(ReferenceCrc(data), ApiKeyFormat.Crc32(data));
        }
    }

    [Fact]
    public void TryRead_AWrongChecksum_IsRefused()
    {
        // Any other checksum character, and a changed id or secret character under the old checksum.
        Assert.False(Read(Replace(PinnedKey, ^1, 'a')).Read);
        Assert.False(Read(Replace(PinnedKey, ^7, 'b')).Read);
        Assert.False(Read(Replace(PinnedKey, 10, 'a')).Read);
        Assert.False(Read(Replace(PinnedKey, 80, 'a')).Read);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(60)]
    [InlineData(107)]
    public void TryRead_ACharacterOutsideTheAlphabet_IsRefusedEvenUnderAMatchingChecksum(int position)
    {
        foreach (var bad in "AZ0189=-_.é\0ａ")
        {
            var key = WithCrc(Replace(PinnedKey, position, bad)[..^7]);
            Assert.False(Read(key).Read, $"'{bad}' at {position}");
        }
    }

    [Fact]
    public void TryRead_ABadCharacterInTheChecksum_IsRefused()
    {
        foreach (var bad in "A018=é")
        {
            Assert.False(Read(Replace(PinnedKey, ^3, bad)).Read, $"'{bad}'");
        }
    }

    [Fact]
    public void TryRead_TheWrongLengthOrShape_IsRefused()
    {
        Assert.False(Read(string.Empty).Read);
        Assert.False(Read("ta_").Read);
        Assert.False(Read(PinnedKey[..^1]).Read);
        Assert.False(Read(PinnedKey + "a").Read);
        Assert.False(Read(WithCrc(PinnedKey[..^8])).Read);
        Assert.False(Read(WithCrc(PinnedKey[..^7] + "a")).Read);
        Assert.False(Read(WithCrc("tb_" + PinnedKey[3..^7])).Read);
        Assert.False(Read(WithCrc("TA_" + PinnedKey[3..^7])).Read);
        Assert.False(Read(WithCrc(Replace(PinnedKey, 55, 'a')[..^7])).Read);
        Assert.False(Read(WithCrc(Replace(PinnedKey, 55, '-')[..^7])).Read);
    }

    [Fact]
    public void TryRead_TrailingBitsSetPastTheEndOfAPart_AreRefused()
    {
        // 52 characters carry 260 bits for 256 (the last one's low 4 bits must be 0); 7 carry 35 for 32 (low 3 bits).
        Assert.False(Read(WithCrc(SetLowBit(PinnedKey, 54)[..^7])).Read);
        Assert.False(Read(WithCrc(SetLowBit(PinnedKey, 107)[..^7])).Read);
        Assert.False(Read(SetLowBit(PinnedKey, 114)).Read);

        // The same key with its trailing bits clear still reads (the refusals above are the trailing bits).
        Assert.True(Read(WithCrc(PinnedKey[..^7])).Read);
    }

    [Fact]
    public void LooksLikeKey_IsThePrefixOnly()
    {
        Assert.True(ApiKeyFormat.LooksLikeKey(PinnedKey));
        Assert.True(ApiKeyFormat.LooksLikeKey("ta_x"));
        Assert.False(ApiKeyFormat.LooksLikeKey("eyJhbGciOi"));
    }

    private static (bool Read, TeamId Team, ApiKeyId Key, string Hash) Read(string key)
    {
        var hash = new byte[ApiKeyFormat.HashBytes];
        var read = ApiKeyFormat.TryRead(key, out var team, out var id, hash);
        return (read, team, id, read ? Convert.ToHexString(hash).ToLowerInvariant() : string.Empty);
    }

    private static string Replace(string key, System.Index at, char with)
    {
        var chars = key.ToCharArray();
        chars[at] = with;
        return new string(chars);
    }

    private static string SetLowBit(string key, int at) => Replace(key, at, Alphabet[Alphabet.IndexOf(key[at], StringComparison.Ordinal) | 1]);

    /// <summary>The first 108 characters with a correct checksum for them (computed here, independently of the reader).</summary>
    private static string WithCrc(string body)
    {
        var crc = ReferenceCrc(body);
        ulong bits = (ulong)crc << 3;
        var text = new StringBuilder(body);
        for (var shift = 30; shift >= 0; shift -= 5)
        {
            text.Append(Alphabet[(int)((bits >> shift) & 31)]);
        }

        return text.ToString();
    }

    private static uint ReadCrc(string key)
    {
        ulong bits = 0;
        foreach (var ch in key[^7..])
        {
            bits = (bits << 5) | (uint)Alphabet.IndexOf(ch, StringComparison.Ordinal);
        }

        return (uint)(bits >> 3);
    }

    private static uint ReferenceCrc(string text) => ReferenceCrc(text.Select(c => (byte)c).ToArray());

    private static uint ReferenceCrc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
