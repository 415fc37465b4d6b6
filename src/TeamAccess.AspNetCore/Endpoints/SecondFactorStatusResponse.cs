namespace TeamAccess.AspNetCore;

/// <summary>The signed-in user's second factors: whether an authenticator is on, and how many recovery codes are left.</summary>
internal sealed record SecondFactorStatusResponse(bool AuthenticatorEnabled, int RecoveryCodesLeft);
