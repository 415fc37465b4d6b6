namespace TeamAccess;

/// <summary>Identifies a registered passkey (not its WebAuthn credential id, which the authenticator chose).</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct PasskeyId(Guid Value)
{
    /// <summary>Creates a new random id.</summary>
    /// <returns>The id.</returns>
    public static PasskeyId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
