namespace TeamAccess;

/// <summary>Identifies a user; a distinct type so that it can never be passed where another kind of id is expected.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct UserId(Guid Value)
{
    /// <summary>Creates a new random id.</summary>
    /// <returns>The new id.</returns>
    public static UserId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
