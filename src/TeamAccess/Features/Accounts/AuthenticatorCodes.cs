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
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

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

    /// <summary>Whether <paramref name="code"/> (six digits, spaces allowed) is the code of a step within one of <paramref name="now"/>'s; which step.</summary>
    public static bool TryMatch(byte[] secret, string? code, DateTimeOffset now, out long timeStep)
    {
        timeStep = 0;
        var digits = Normalize(code);
        if (digits is null)
        {
            return false;
        }

        var totp = new Totp(secret, step: 30, mode: OtpHashMode.Sha1, totpSize: Digits);
        return totp.VerifyTotp(now.UtcDateTime, digits, out timeStep, Window);
    }

    /// <summary>A code as typed, without the spaces apps put in its middle; <see langword="null"/> unless it is six digits.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null || code.Length > 16)
        {
            return null;
        }

        var digits = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits.Length == Digits && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
