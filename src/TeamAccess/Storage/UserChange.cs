namespace TeamAccess.Storage;

/// <summary>A change to one user: create (no <see cref="Before"/>), update, or delete (no <see cref="After"/>).</summary>
/// <param name="Before">The user as loaded; its <see cref="StoredUser.ConcurrencyStamp"/> must still be the stored one.</param>
/// <param name="After">The user to store.</param>
public sealed record UserChange(StoredUser? Before, StoredUser? After);
