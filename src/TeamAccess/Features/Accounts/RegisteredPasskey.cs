namespace TeamAccess.Accounts;

/// <summary>A registration that verified: the credential to store.</summary>
/// <param name="CredentialId">The credential id the authenticator chose.</param>
/// <param name="PublicKey">The COSE public key.</param>
/// <param name="SignCount">The signature counter at registration.</param>
/// <param name="BackupEligible">The BE flag.</param>
/// <param name="BackedUp">The BS flag.</param>
internal sealed record RegisteredPasskey(byte[] CredentialId, byte[] PublicKey, uint SignCount, bool BackupEligible, bool BackedUp);
