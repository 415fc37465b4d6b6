using System.Security.Cryptography;
using OtpNet;
using QRCoder;

namespace TeamAccess.Accounts;

/// <summary>
/// Authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, what every authenticator app speaks), judged with
/// one step of tolerance either side. The step a code matched is returned, so the caller can refuse that step and every
/// earlier one from then on: a code works once.
/// </summary>
internal static class AuthenticatorCodes
{
    public const int SecretBytes = 20;
    private const int Digits = 6;

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    /// <summary>The secret as an app's "enter a key" field takes it: base32, no padding.</summary>
    public static string Base32(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    /// <summary>The <c>otpauth://</c> URI an app reads from the QR code: issuer and account shown, the secret, the parameters.</summary>
    public static string Uri(string issuer, string account, byte[] secret) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={Base32(secret)}&issuer={System.Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period=30";

    /// <summary>The URI as a PNG QR code.</summary>
    public static byte[] QrCodePng(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(6);
    }

    /// <summary>
    /// Whether <paramref name="code"/> (six digits, spaces and dashes allowed) is the code of a step within one of
    /// <paramref name="now"/>'s; which step. RFC 6238 over the span APIs (HMAC-SHA1 of the step counter into a stack
    /// buffer, the dynamic truncation of RFC 4226): nothing is allocated, and all three steps are computed whatever
    /// matches, so the time taken does not say which step did. The codes are the ones Otp.NET computes (the tests
    /// compare them).
    /// </summary>
    public static bool TryMatch(byte[] secret, string? code, DateTimeOffset now, out long timeStep)
    {
        timeStep = 0;
        if (!TryParse(code, out var expected))
        {
            return false;
        }

        var current = now.ToUnixTimeSeconds() / 30;

        // Otp.NET's order: the current step first, then the one before, then the one after.
        var matchCurrent = CodeAt(secret, current) == expected;
        var matchPrevious = CodeAt(secret, current - 1) == expected;
        var matchNext = CodeAt(secret, current + 1) == expected;
        timeStep = matchCurrent ? current : matchPrevious ? current - 1 : matchNext ? current + 1 : 0;
        return matchCurrent | matchPrevious | matchNext;
    }

    /// <summary>The six-digit code of one 30-second step (RFC 4226 section 5.3).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 6238's default HMAC-SHA1 is what every authenticator app computes; as a MAC keyed with a 160-bit secret it has no known weakness (SHA-1's collisions do not apply to HMAC).")]
    internal static int CodeAt(ReadOnlySpan<byte> secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    /// <summary>Six digits with any spaces or dashes an app shows between them, as a number; no allocation.</summary>
    internal static bool TryParse(string? code, out int value)
    {
        value = 0;
        if (code is null || code.Length > 16)
        {
            return false;
        }

        var digits = 0;
        foreach (var ch in code)
        {
            if (ch is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(ch) || ++digits > Digits)
            {
                return false;
            }

            value = (value * 10) + (ch - '0');
        }

        return digits == Digits;
    }
}
