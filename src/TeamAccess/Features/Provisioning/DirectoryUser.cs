namespace TeamAccess.Provisioning;

/// <summary>A person of the team as its directory sees them (a SCIM User): the membership, the address and the user's names.</summary>
public sealed class DirectoryUser
{
    internal DirectoryUser(StoredMembership membership, string? firstName, string? lastName)
    {
        Id = membership.Id;
        UserId = membership.UserId;
        Email = membership.Email;
        FirstName = firstName;
        LastName = lastName;
        ExternalId = membership.ExternalId;
        Origin = membership.Origin;
        Status = membership.Status;
        Role = membership.Role;
        CreatedAt = membership.CreatedAt;
        UpdatedAt = membership.UpdatedAt == default ? membership.CreatedAt : membership.UpdatedAt;
        Version = DirectoryVersions.Of(membership, firstName, lastName);
    }

    /// <summary>Gets the membership's id (the SCIM <c>id</c>).</summary>
    public MembershipId Id { get; }

    /// <summary>Gets the user; <see langword="null"/> while an invited address has no account.</summary>
    public UserId? UserId { get; }

    /// <summary>Gets the address (the SCIM <c>userName</c>).</summary>
    public string Email { get; }

    /// <summary>Gets the user's first name, as the team sees it; <see langword="null"/> while there is no account.</summary>
    public string? FirstName { get; }

    /// <summary>Gets the user's last name, as the team sees it; <see langword="null"/> while there is no account.</summary>
    public string? LastName { get; }

    /// <summary>Gets the directory's id of the person.</summary>
    public string? ExternalId { get; }

    /// <summary>Gets where the membership came from.</summary>
    public MembershipOrigin Origin { get; }

    /// <summary>Gets the membership's status: Active and Invited are active to the directory, Inactive is not.</summary>
    public MembershipStatus Status { get; }

    /// <summary>Gets whether the directory sees the person as active (Active, or Invited and not yet accepted).</summary>
    public bool Active => Status is MembershipStatus.Active or MembershipStatus.Invited;

    /// <summary>Gets the membership's role.</summary>
    public string Role { get; }

    /// <summary>Gets when the membership was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets when the membership last changed.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>Gets the version of what the directory sees (the SCIM <c>meta.version</c>, an ETag's value): it changes whenever any of it does.</summary>
    public string Version { get; }
}
