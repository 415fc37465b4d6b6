namespace TeamAccess;

/// <summary>The answer of <see cref="IAccessChecker.Explain"/>.</summary>
/// <param name="Allowed">Whether the check is allowed.</param>
/// <param name="Reason">Why.</param>
/// <param name="MembershipId">The membership the answer rests on, if any.</param>
/// <param name="Role">The membership's role, if any.</param>
/// <param name="GrantId">The grant that allowed it, if any.</param>
/// <param name="GroupId">The group through which the grant reached the membership, if any.</param>
public sealed record AccessDecision(
    bool Allowed,
    AccessReason Reason,
    MembershipId? MembershipId = null,
    string? Role = null,
    GrantId? GrantId = null,
    GroupId? GroupId = null);
