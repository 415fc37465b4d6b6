namespace TeamAccess.ServiceAccounts;

/// <summary>
/// A service account: a principal of exactly one team (a gateway, a pipeline, an integration) with a role, grants and
/// groups like a member's, but no email, password, session or sign-in. It acts through its API keys.
/// </summary>
public sealed class ServiceAccount
{
    internal ServiceAccount(StoredMembership stored)
    {
        Id = stored.Id;
        TeamId = stored.TeamId;
        PrincipalId = stored.UserId!.Value;
        Name = stored.ServiceAccountName!;
        Description = stored.Description ?? string.Empty;
        Role = stored.Role;
        Status = stored.Status;
        CreatedAt = stored.CreatedAt;
        CreatedBy = stored.CreatedBy;
        UpdatedAt = stored.UpdatedAt;
    }

    /// <summary>Gets the service account's id: its membership in the team (grants and groups name it as they name a member's).</summary>
    public MembershipId Id { get; }

    /// <summary>Gets the team.</summary>
    public TeamId TeamId { get; }

    /// <summary>Gets the principal id the checker knows it by (<see cref="IAccessChecker.HasPermission(UserId, TeamId, string)"/>); no user has it.</summary>
    public UserId PrincipalId { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the description (empty when none).</summary>
    public string Description { get; }

    /// <summary>Gets the role's name (a catalog role or one of the team's own; never the guardian role).</summary>
    public string Role { get; }

    /// <summary>Gets the status: Active, Inactive, or Removed once deleted.</summary>
    public MembershipStatus Status { get; }

    /// <summary>Gets when it was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets who created it; <see langword="null"/> for the host.</summary>
    public UserId? CreatedBy { get; }

    /// <summary>Gets when it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; }
}
