namespace TeamAccess;

/// <summary>Identifies an API key (the identifier part of the key names it; the secret part is never stored).</summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct ApiKeyId(Guid Value)
{
    /// <summary>Creates a new random id.</summary>
    /// <returns>The id.</returns>
    public static ApiKeyId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
