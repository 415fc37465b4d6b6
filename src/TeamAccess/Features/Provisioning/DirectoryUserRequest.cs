namespace TeamAccess.Provisioning;

/// <summary>A person the directory provisions (a SCIM User created).</summary>
public sealed class DirectoryUserRequest
{
    /// <summary>Initializes a new instance of the <see cref="DirectoryUserRequest"/> class.</summary>
    /// <param name="email">The person's address (the SCIM <c>userName</c>).</param>
    public DirectoryUserRequest(string email) => Email = email;

    /// <summary>Gets the person's address.</summary>
    public string Email { get; }

    /// <summary>Gets the directory's id of the person.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the first name: needed to create an account, and kept only where the team's verified domain vouches for the address.</summary>
    public string? FirstName { get; init; }

    /// <summary>Gets the last name: needed to create an account, and kept only where the team's verified domain vouches for the address.</summary>
    public string? LastName { get; init; }

    /// <summary>Gets whether the person starts active (default); <see langword="false"/> provisions them deactivated.</summary>
    public bool Active { get; init; } = true;
}
