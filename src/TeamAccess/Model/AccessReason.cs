namespace TeamAccess;

/// <summary>Why a permission check was allowed or denied.</summary>
public enum AccessReason
{
    /// <summary>Allowed: the membership's role holds the permission.</summary>
    AllowedByRole = 0,

    /// <summary>Allowed: a grant to the membership on the resource holds it.</summary>
    AllowedByDirectGrant = 1,

    /// <summary>Allowed: a grant to one of the membership's groups on the resource holds it.</summary>
    AllowedByGroupGrant = 2,

    /// <summary>Denied: no such team, or it is deleted.</summary>
    NoSuchTeam = 10,

    /// <summary>Denied: the user has no membership in the team.</summary>
    NoMembership = 11,

    /// <summary>Denied: the membership is not Active (Invited, Inactive).</summary>
    MembershipNotActive = 12,

    /// <summary>Denied: the permission is not registered.</summary>
    UnknownPermission = 13,

    /// <summary>Denied: the role does not hold the permission.</summary>
    NotInRole = 14,

    /// <summary>Denied: the role is scoped to grants (or lacks the permission) and no grant on the resource holds it.</summary>
    NotGranted = 15,

    /// <summary>Denied: the role is read-only and the permission writes.</summary>
    ReadOnlyRole = 16,

    /// <summary>Denied: the role is scoped to grants and a resource permission was asked without naming a resource.</summary>
    ResourceRequired = 17,

    /// <summary>Denied: this instance has not read the change feed for longer than the staleness bound and fails closed.</summary>
    IndexStale = 18,
}
