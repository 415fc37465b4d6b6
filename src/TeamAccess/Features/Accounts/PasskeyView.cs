namespace TeamAccess.Accounts;

/// <summary>One of the user's passkeys, as their security page lists it.</summary>
public sealed class PasskeyView
{
    internal PasskeyView(StoredPasskey passkey)
    {
        Id = passkey.Id;
        Name = passkey.Name;
        CreatedAt = passkey.CreatedAt;
        LastUsedAt = passkey.LastUsedAt;
        BackupEligible = passkey.BackupEligible;
        BackedUp = passkey.BackedUp;
    }

    /// <summary>Gets the passkey's id.</summary>
    public PasskeyId Id { get; }

    /// <summary>Gets the user's name for it.</summary>
    public string Name { get; }

    /// <summary>Gets when it was registered.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets when it was last used, if ever.</summary>
    public DateTimeOffset? LastUsedAt { get; }

    /// <summary>Gets whether it may be synced between devices (a password manager's or platform's passkey) rather than bound to one.</summary>
    public bool BackupEligible { get; }

    /// <summary>Gets whether it was backed up when last seen.</summary>
    public bool BackedUp { get; }
}
