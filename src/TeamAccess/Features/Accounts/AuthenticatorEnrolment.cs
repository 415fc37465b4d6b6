namespace TeamAccess.Accounts;

/// <summary>
/// A pending authenticator enrolment: the secret to put into an app, shown once, as text and as a QR code. It counts as a
/// second factor only once its first code confirms it. Its <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class AuthenticatorEnrolment
{
    internal AuthenticatorEnrolment(string secret, string uri, byte[] qrCodePng)
    {
        Secret = secret;
        Uri = uri;
        _qrCodePng = qrCodePng;
    }

    private readonly byte[] _qrCodePng;

    /// <summary>Gets the secret in base32, for an app's "enter a setup key" field. Shown once; never log it.</summary>
    public string Secret { get; }

    /// <summary>Gets the <c>otpauth://totp/...</c> URI the QR code carries (it holds the secret: never log it).</summary>
    public string Uri { get; }

    /// <summary>Gets the QR code of <see cref="Uri"/> as a PNG image.</summary>
    /// <returns>A copy of the image's bytes.</returns>
    public byte[] GetQrCodePng() => (byte[])_qrCodePng.Clone();

    /// <inheritdoc />
    public override string ToString() => "AuthenticatorEnrolment { Secret = (hidden) }";
}
