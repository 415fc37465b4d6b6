namespace TeamAccess;

/// <summary>The answer of <see cref="IAccessChecker.Explain"/>.</summary>
public sealed record AccessDecision
{
    /// <summary>Initializes a new instance of the <see cref="AccessDecision"/> record.</summary>
    /// <param name="allowed">Whether the check is allowed.</param>
    /// <param name="reason">Why.</param>
    /// <param name="membershipId">The membership the answer rests on, if any.</param>
    /// <param name="role">The membership's role, if any.</param>
    /// <param name="grantId">The grant that allowed it, if any.</param>
    /// <param name="groupId">The group through which the grant reached the membership, if any.</param>
    internal AccessDecision(bool allowed, AccessReason reason, MembershipId? membershipId = null, string? role = null, GrantId? grantId = null, GroupId? groupId = null)
    {
        Allowed = allowed;
        Reason = reason;
        MembershipId = membershipId;
        Role = role;
        GrantId = grantId;
        GroupId = groupId;
    }

    /// <summary>Gets whether the check is allowed.</summary>
    public bool Allowed { get; internal init; }

    /// <summary>Gets the reason for the answer.</summary>
    public AccessReason Reason { get; internal init; }

    /// <summary>Gets the membership the answer rests on, if any.</summary>
    public MembershipId? MembershipId { get; internal init; }

    /// <summary>Gets the membership's role, if any.</summary>
    public string? Role { get; internal init; }

    /// <summary>Gets the grant that allowed it, if any.</summary>
    public GrantId? GrantId { get; internal init; }

    /// <summary>Gets the group through which the grant reached the membership, if any.</summary>
    public GroupId? GroupId { get; internal init; }
}
