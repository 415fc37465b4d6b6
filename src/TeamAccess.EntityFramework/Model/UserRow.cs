namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>A user account.</summary>
internal sealed class UserRow
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    public string? PasswordHash { get; set; }

    public int FailedSignInCount { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public bool EmailConfirmed { get; set; }

    public string? EmailConfirmationHash { get; set; }

    public DateTimeOffset? EmailConfirmationExpiresAt { get; set; }
    public Guid SessionStamp { get; set; }

    public string? PasswordResetTokenHash { get; set; }

    public DateTimeOffset? PasswordResetExpiresAt { get; set; }

    public string? AuthenticatorSecret { get; set; }

    public DateTimeOffset? AuthenticatorConfirmedAt { get; set; }

    public long AuthenticatorLastTimeStep { get; set; }

    public string? RecoveryCodeHashes { get; set; }

    public int PasskeyCount { get; set; }
}
