namespace TeamAccess;

/// <summary>
/// The <c>amr</c> values a session records (RFC 8176 where it has one): how the user proved themselves in this sign-in.
/// </summary>
public static class AuthenticationMethods
{
    /// <summary>The native password.</summary>
    public const string Password = "pwd";

    /// <summary>A one-time code: an authenticator app's code (RFC 6238) or a recovery code.</summary>
    public const string OneTimePassword = "otp";

    /// <summary>More than one factor was proven.</summary>
    public const string MultipleFactors = "mfa";

    /// <summary>A passkey bound to one device (not backup eligible): a hardware-secured key (RFC 8176 <c>hwk</c>).</summary>
    public const string HardwareKey = "hwk";

    /// <summary>A passkey that may be synced between devices (backup eligible): a software-secured key (RFC 8176 <c>swk</c>).</summary>
    public const string SoftwareKey = "swk";

    /// <summary>An external identity provider (OIDC) signed the user in; how, is the provider's.</summary>
    public const string External = "external";
}
