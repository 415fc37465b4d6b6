namespace TeamAccess.Events;

/// <summary>
/// A change to one membership: a member added, removed, re-roled, deactivated, reactivated or gone; an invitation sent,
/// resent, revoked, declined, accepted or expired (an invitation is an Invited membership). Besides the JSON of
/// <see cref="TeamAccessEvent.Before"/> and <see cref="TeamAccessEvent.After"/>, it names the member and the role and
/// status on either side of the change.
/// </summary>
public abstract class MembershipEvent : TeamAccessEvent
{
    private protected MembershipEvent(AuditEvent audit)
        : base(audit)
    {
        // Read from the stored records through the log's own reader (the storage format, old rows included), not by
        // property names of the JSON a reader is shown.
        var before = AuditJson.Deserialize<StoredMembership>(audit.Before);
        var after = AuditJson.Deserialize<StoredMembership>(audit.After);
        var subject = after ?? before;
        UserId = subject?.UserId;
        Email = subject?.Email ?? string.Empty;
        RoleBefore = before?.Role;
        RoleAfter = after?.Role;
        StatusBefore = before?.Status;
        StatusAfter = after?.Status;
    }

    /// <summary>Gets the membership's id.</summary>
    public MembershipId MembershipId => new(SubjectId);

    /// <summary>Gets the member's user; <see langword="null"/> for an invitation not yet accepted by an account.</summary>
    public UserId? UserId { get; }

    /// <summary>Gets the member's (or invitee's) email address.</summary>
    public string Email { get; }

    /// <summary>Gets the role before the change; <see langword="null"/> when the change created the membership.</summary>
    public string? RoleBefore { get; }

    /// <summary>Gets the role after the change; <see langword="null"/> when the change deleted the membership.</summary>
    public string? RoleAfter { get; }

    /// <summary>Gets the status before the change; <see langword="null"/> when the change created the membership.</summary>
    public MembershipStatus? StatusBefore { get; }

    /// <summary>Gets the status after the change; <see langword="null"/> when the change deleted the membership.</summary>
    public MembershipStatus? StatusAfter { get; }
}
