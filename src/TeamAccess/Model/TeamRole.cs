namespace TeamAccess;

/// <summary>
/// A role one team defined for itself, beside the host's catalog: a name no catalog role has, a rank below the guardian
/// role's, permissions from the host's catalog (within <see cref="TeamRoleOptions.AllowedPermissions"/>), and the same
/// read-only and scoped-to-grants flags a catalog role has. Memberships, invitations and the team's just-in-time role
/// name it as they name a catalog role. Stored with the team and changed under its version.
/// </summary>
public sealed record TeamRole
{
    private readonly IReadOnlyList<string> _permissions = [];

    /// <summary>Gets the role's id, which its audit events name.</summary>
    public TeamRoleId Id { get; init; }

    /// <summary>Gets the team that defined it.</summary>
    public TeamId TeamId { get; init; }

    /// <summary>Gets the role's name, unique in the team without regard to case, and never a catalog role's.</summary>
    public string Name { get; init; } = "";

    /// <summary>Gets the rank; higher ranks more. Always below the guardian role's.</summary>
    public int Rank { get; init; }

    /// <summary>Gets the permission names the role holds, sorted (ordinal) and distinct.</summary>
    public IReadOnlyList<string> Permissions
    {
        get => _permissions;
        init => _permissions = [.. (value ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Gets whether the role is read-only: it holds no write permission, not even through a grant.</summary>
    public bool IsReadOnly { get; init; }

    /// <summary>Gets whether the role reaches resources only through grants, as <see cref="RoleDefinition.IsScopedToGrants"/> says.</summary>
    public bool IsScopedToGrants { get; init; }

    /// <inheritdoc />
    public bool Equals(TeamRole? other) =>
        other is not null && Id == other.Id && TeamId == other.TeamId && Name == other.Name && Rank == other.Rank
        && IsReadOnly == other.IsReadOnly && IsScopedToGrants == other.IsScopedToGrants
        && Permissions.SequenceEqual(other.Permissions, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Rank, Permissions.Count);
}
