namespace TeamAccess;

/// <summary>A member who holds a permission, and how.</summary>
/// <param name="UserId">The user.</param>
/// <param name="MembershipId">The user's membership in the team.</param>
/// <param name="Role">The membership's role.</param>
/// <param name="Via">Every way the membership holds the permission.</param>
public sealed record PermissionHolder(UserId UserId, MembershipId MembershipId, string Role, AccessPaths Via);
