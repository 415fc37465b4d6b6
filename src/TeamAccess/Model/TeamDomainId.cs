namespace TeamAccess;

/// <summary>Identifies a team's claim on an email domain.</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct TeamDomainId(Guid Value)
{
    /// <summary>Creates a new random id.</summary>
    /// <returns>The id.</returns>
    public static TeamDomainId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
