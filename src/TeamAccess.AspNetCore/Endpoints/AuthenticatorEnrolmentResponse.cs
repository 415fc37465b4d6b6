using System.Globalization;
using System.Text;

namespace TeamAccess.AspNetCore;

/// <summary>A pending enrolment: the secret as text, the <c>otpauth://</c> URI and its QR code (PNG, base64), shown once.</summary>
internal sealed record AuthenticatorEnrolmentResponse(string Secret, string Uri, string QrCodePng)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Secret = {Redacted.Of(Secret)}, Uri = {Redacted.Of(Uri)}, QrCodePng = {Redacted.Of(QrCodePng)}");
        return true;
    }
}
