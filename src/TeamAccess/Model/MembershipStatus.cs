namespace TeamAccess;

/// <summary>
/// The states of the membership lifecycle: Invited, then Active (accepted or added), Inactive (deactivated, may be
/// reactivated), and the terminal Removed and Expired. Only Active holds permissions.
/// </summary>
public enum MembershipStatus
{
    /// <summary>Invited; the invitee has not accepted yet. No permissions.</summary>
    Invited = 0,

    /// <summary>A working member: the role's permissions apply.</summary>
    Active = 1,

    /// <summary>Deactivated; may be reactivated. No permissions.</summary>
    Inactive = 2,

    /// <summary>Removed, revoked or declined. Terminal; the address may be invited again as a new membership.</summary>
    Removed = 3,

    /// <summary>The invitation expired before it was accepted. Terminal.</summary>
    Expired = 4,
}
