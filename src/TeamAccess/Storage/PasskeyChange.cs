namespace TeamAccess.Storage;

/// <summary>A change to one passkey: registered (no <see cref="Before"/>), updated, or removed (no <see cref="After"/>).</summary>
/// <param name="Before">The passkey as loaded.</param>
/// <param name="After">The passkey to store.</param>
public sealed record PasskeyChange(StoredPasskey? Before, StoredPasskey? After);
