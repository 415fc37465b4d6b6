using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore;

/// <summary>One of the user's passkeys.</summary>
/// <param name="Id">The passkey's id.</param>
/// <param name="Name">The user's name for it.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="LastUsedAt">When it was last used.</param>
/// <param name="BackupEligible">Whether it may sync between devices.</param>
/// <param name="BackedUp">Whether it was backed up when last seen.</param>
internal sealed record PasskeyResponse(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, bool BackupEligible, bool BackedUp)
{
    public static PasskeyResponse From(PasskeyView passkey) =>
        new(passkey.Id.Value, passkey.Name, passkey.CreatedAt, passkey.LastUsedAt, passkey.BackupEligible, passkey.BackedUp);
}
