namespace TeamAccess;

/// <summary>
/// Identifies an identity provider a team configured for itself. Its sign-in name (<see cref="ProviderName"/>) is derived
/// from it, so that two teams' providers can never share a name.
/// </summary>
/// <param name="Value">The underlying value.</param>
public readonly record struct TeamProviderId(Guid Value)
{
    /// <summary>The prefix of every team provider's sign-in name; a host-registered provider's name never starts with it.</summary>
    internal const string NamePrefix = "team-";

    /// <summary>Creates a new random id.</summary>
    /// <returns>The id.</returns>
    public static TeamProviderId New() => new(Guid.NewGuid());

    /// <summary>Gets the name sessions and sign-in policies use for the provider: <c>team-</c> and 32 hex digits.</summary>
    public string ProviderName => NamePrefix + Value.ToString("N");

    /// <summary>Reads a team provider's id from its sign-in name.</summary>
    internal static bool TryParseName(string? name, out TeamProviderId id)
    {
        id = default;
        if (name is null || !name.StartsWith(NamePrefix, StringComparison.Ordinal) || !Guid.TryParseExact(name.AsSpan(NamePrefix.Length), "N", out var value))
        {
            return false;
        }

        id = new TeamProviderId(value);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
