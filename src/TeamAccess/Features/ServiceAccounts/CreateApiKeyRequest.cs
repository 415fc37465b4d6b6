namespace TeamAccess.ServiceAccounts;

/// <summary>An API key to create for a service account.</summary>
public sealed class CreateApiKeyRequest
{
    /// <summary>Initializes a new instance of the <see cref="CreateApiKeyRequest"/> class.</summary>
    /// <param name="name">The key's label, 1 to 100 characters (where it is used: <c>gateway-berlin-3</c>).</param>
    public CreateApiKeyRequest(string name) => Name = name;

    /// <summary>Gets the key's label.</summary>
    public string Name { get; }

    /// <summary>Gets how long the key works; <see langword="null"/>: <see cref="ApiKeyOptions.DefaultLifetime"/>. At most <see cref="ApiKeyOptions.MaxLifetime"/>.</summary>
    public TimeSpan? Lifetime { get; init; }

    /// <summary>
    /// Gets the registered permissions the key is narrowed to; <see langword="null"/> or empty: all its service account
    /// holds. Either way a key never holds more than its account.
    /// </summary>
    public IReadOnlyList<string>? Permissions { get; init; }
}
