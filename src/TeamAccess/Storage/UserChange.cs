namespace TeamAccess.Storage;

/// <summary>A change to one user: create (no <see cref="Before"/>), update, or delete (no <see cref="After"/>).</summary>
public sealed class UserChange
{
    /// <summary>Initializes a new instance of the <see cref="UserChange"/> class.</summary>
    /// <param name="before">The user as loaded; its <see cref="StoredUser.ConcurrencyStamp"/> must still be the stored one.</param>
    /// <param name="after">The user to store.</param>
    public UserChange(StoredUser? before, StoredUser? after)
    {
        Before = before;
        After = after;
    }

    /// <summary>Gets the user as loaded; its <see cref="StoredUser.ConcurrencyStamp"/> must still be the stored one.</summary>
    public StoredUser? Before { get; }

    /// <summary>Gets the user to store.</summary>
    public StoredUser? After { get; }
}
