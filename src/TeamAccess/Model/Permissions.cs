namespace TeamAccess;

/// <summary>The built-in permission names. A host registers its own beside them (<c>devices.read</c>, <c>devices.write</c>).</summary>
public static class Permissions
{
    /// <summary>Delete the team. Only the guardian role may hold it.</summary>
    public const string TeamDelete = "team.delete";

    /// <summary>Rename the team.</summary>
    public const string TeamManage = "team.manage";

    /// <summary>Change the team's tier. Only the guardian role may hold it.</summary>
    public const string BillingManage = "billing.manage";

    /// <summary>Set how people sign in to the team (its SSO provider, accepted providers, just-in-time joining). Only the guardian role may hold it.</summary>
    public const string TeamSignInPolicy = "team.sign-in-policy";

    /// <summary>List the team's members.</summary>
    public const string MembersRead = "members.read";

    /// <summary>Invite or add members.</summary>
    public const string MembersInvite = "members.invite";

    /// <summary>Change members' roles, deactivate, reactivate and remove them.</summary>
    public const string MembersManage = "members.manage";

    /// <summary>Create and delete groups and change who is in them.</summary>
    public const string GroupsManage = "groups.manage";

    /// <summary>Give and revoke grants on resources.</summary>
    public const string GrantsManage = "grants.manage";

    /// <summary>Read the team's resources.</summary>
    public const string ResourcesRead = "resources.read";

    /// <summary>Change the team's resources.</summary>
    public const string ResourcesWrite = "resources.write";

    /// <summary>Read the team's audit log.</summary>
    public const string AuditRead = "audit.read";

    /// <summary>
    /// Define, change and delete the team's own roles (<see cref="TeamAccess.TeamRoles.ITeamRoleService"/>), within what the actor holds and
    /// below the actor's rank.
    /// </summary>
    public const string RolesManage = "roles.manage";

    /// <summary>
    /// Create, edit and delete the team's service accounts and their API keys (<see cref="TeamAccess.ServiceAccounts.IServiceAccountService"/>),
    /// within what the actor holds and not above the actor's rank.
    /// </summary>
    public const string ServiceAccountsManage = "service-accounts.manage";

    /// <summary>
    /// Provision the team's people from a directory (SCIM 2.0, <see cref="TeamAccess.Provisioning.IProvisioningService"/>): create,
    /// update, deactivate and remove memberships and the groups' members. Only a guardian gives a service account a role
    /// that holds it, since the directory then manages every member, guardians included (the team's rules still hold).
    /// </summary>
    public const string DirectoryProvision = "directory.provision";

    /// <summary>
    /// The built-in permissions that are about the team itself, never about one resource. Every other permission
    /// (<see cref="ResourcesRead"/>, <see cref="ResourcesWrite"/> and all the host registers) is a resource permission.
    /// </summary>
    internal static readonly string[] TeamLevel =
    [
        TeamDelete, TeamManage, BillingManage, MembersRead, MembersInvite, MembersManage, GroupsManage, GrantsManage, AuditRead, TeamSignInPolicy, RolesManage, ServiceAccountsManage, DirectoryProvision,
    ];

    /// <summary>
    /// The permissions of the guardian's actions alone (invariant 6: deleting the team, its billing tier, how people sign
    /// in to it). The role catalog gives them to the guardian role and to no other: a wildcard leaves them out of other
    /// roles, and naming one in another role fails the host's start.
    /// </summary>
    internal static readonly string[] GuardianOnly = [TeamDelete, BillingManage, TeamSignInPolicy];

    /// <summary>The built-in permissions in registration order.</summary>
    internal static readonly string[] BuiltIn =
    [
        TeamDelete, TeamManage, BillingManage, MembersRead, MembersInvite, MembersManage, GroupsManage, GrantsManage,
        ResourcesRead, ResourcesWrite, AuditRead, TeamSignInPolicy, RolesManage, ServiceAccountsManage, DirectoryProvision,
    ];
}
