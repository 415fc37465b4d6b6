namespace TeamAccess.ServiceAccounts;

/// <summary>A service account to create.</summary>
public sealed class CreateServiceAccountRequest
{
    /// <summary>Initializes a new instance of the <see cref="CreateServiceAccountRequest"/> class.</summary>
    /// <param name="name">The name, 1 to 100 characters.</param>
    /// <param name="role">The role (a catalog role or one of the team's own; never the guardian role).</param>
    public CreateServiceAccountRequest(string name, string role)
    {
        Name = name;
        Role = role;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the role.</summary>
    public string Role { get; }

    /// <summary>Gets the description, at most 500 characters; <see langword="null"/> for none.</summary>
    public string? Description { get; init; }
}
