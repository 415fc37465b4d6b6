namespace TeamAccess.Provisioning;

/// <summary>What the directory changes of a person (a SCIM PUT or PATCH): each part <see langword="null"/> is kept.</summary>
public sealed class DirectoryUserChange
{
    /// <summary>Gets the address the directory names; a different one than the membership's is refused (a member's address does not change here).</summary>
    public string? Email { get; init; }

    /// <summary>Gets whether <see cref="ExternalId"/> is set (a <see langword="null"/> then clears it).</summary>
    public bool SetsExternalId { get; init; }

    /// <summary>Gets the directory's id of the person, when <see cref="SetsExternalId"/>.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets whether the person is active: <see langword="false"/> deactivates (never the last Active guardian), <see langword="true"/> reactivates.</summary>
    public bool? Active { get; init; }

    /// <summary>Gets the first name, kept only where the team's verified domain vouches for the address.</summary>
    public string? FirstName { get; init; }

    /// <summary>Gets the last name, kept only where the team's verified domain vouches for the address.</summary>
    public string? LastName { get; init; }

    /// <summary>Gets the version the change was decided on (<c>If-Match</c>); another current version refuses it as DirectoryVersionMismatch.</summary>
    public string? IfVersion { get; init; }
}
