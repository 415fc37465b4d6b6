namespace TeamAccess.EntityFramework;

/// <summary>A team's own role; its permission names (which never hold a space) are stored space-separated, as a grant's.</summary>
internal sealed class TeamRoleRow
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public string Name { get; set; } = "";

    public int Rank { get; set; }

    public string Permissions { get; set; } = "";

    public bool IsReadOnly { get; set; }

    public bool IsScopedToGrants { get; set; }
}
