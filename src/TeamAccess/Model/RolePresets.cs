namespace TeamAccess;

/// <summary>The role catalogs of the portals TeamAccess serves.</summary>
public static class RolePresets
{
    /// <summary>The Owner role's name.</summary>
    public const string Owner = "Owner";

    /// <summary>The Administrator role's name.</summary>
    public const string Administrator = "Administrator";

    /// <summary>The Member role's name.</summary>
    public const string Member = "Member";

    /// <summary>The Observer role's name.</summary>
    public const string Observer = "Observer";

    /// <summary>The Viewer role's name.</summary>
    public const string Viewer = "Viewer";

    /// <summary>
    /// Owner (guardian, everything), Administrator (everything but deleting the team and billing), Member (reads team
    /// data, reaches resources only through grants), Observer (read-only, and reaches resources only through grants).
    /// </summary>
    public static RolePreset OwnerAdministratorMemberObserver { get; } = new(
        nameof(OwnerAdministratorMemberObserver),
        [
            new RoleDefinition(Owner, 400, "*") { IsGuardian = true },
            new RoleDefinition(Administrator, 300, "*") { ExceptPermissions = [TeamAccess.Permissions.TeamDelete, TeamAccess.Permissions.BillingManage] },
            new RoleDefinition(Member, 200, "*.read", TeamAccess.Permissions.ResourcesWrite) { IsScopedToGrants = true, ExceptPermissions = [TeamAccess.Permissions.AuditRead] },
            new RoleDefinition(Observer, 100, "*.read") { IsReadOnly = true, IsScopedToGrants = true, ExceptPermissions = [TeamAccess.Permissions.AuditRead] },
        ]);

    /// <summary>Administrator (guardian, everything) and Viewer (read-only, reads every resource of the team).</summary>
    public static RolePreset AdministratorViewer { get; } = new(
        nameof(AdministratorViewer),
        [
            new RoleDefinition(Administrator, 200, "*") { IsGuardian = true },
            new RoleDefinition(Viewer, 100, "*.read") { IsReadOnly = true },
        ]);
}
