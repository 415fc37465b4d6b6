namespace TeamAccess.Accounts;

/// <summary>A public sign-up form, sealed into its activation link: the password only as its hash.</summary>
internal sealed record SealedSignUp(byte Version, Guid UserId, string Email, string FirstName, string LastName, string TeamName, string TeamHandle, string PasswordHash, long ExpiresAt)
{
    public override string ToString() => $"SealedSignUp {{ UserId = {UserId} }}";
}

