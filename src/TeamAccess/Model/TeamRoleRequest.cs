namespace TeamAccess;

/// <summary>What a team's role is to be: <see cref="TeamAccess.TeamRoles.ITeamRoleService.CreateAsync"/> defines it, <see cref="TeamAccess.TeamRoles.ITeamRoleService.UpdateAsync"/> changes the role of that name.</summary>
public sealed class TeamRoleRequest
{
    /// <summary>Gets the role's name: 1 to 64 letters, digits, spaces, hyphens or underscores, no space at either end.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the rank; below the actor's own (and so below the guardian role's).</summary>
    public required int Rank { get; init; }

    /// <summary>Gets the permission names the role holds: registered ones the actor holds and the host allows teams to use.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>Gets whether the role is read-only (then it may hold read permissions only).</summary>
    public bool IsReadOnly { get; init; }

    /// <summary>Gets whether the role reaches resources only through grants.</summary>
    public bool IsScopedToGrants { get; init; }
}
