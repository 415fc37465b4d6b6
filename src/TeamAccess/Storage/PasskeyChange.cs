namespace TeamAccess.Storage;

/// <summary>A change to one passkey: registered (no <see cref="Before"/>), updated, or removed (no <see cref="After"/>).</summary>
public sealed class PasskeyChange
{
    /// <summary>Initializes a new instance of the <see cref="PasskeyChange"/> class.</summary>
    /// <param name="before">The passkey as loaded.</param>
    /// <param name="after">The passkey to store.</param>
    public PasskeyChange(StoredPasskey? before, StoredPasskey? after)
    {
        Before = before;
        After = after;
    }

    /// <summary>Gets the passkey as loaded.</summary>
    public StoredPasskey? Before { get; }

    /// <summary>Gets the passkey to store.</summary>
    public StoredPasskey? After { get; }
}
