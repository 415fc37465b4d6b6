namespace TeamAccess;

/// <summary>The stable key a member page is ordered by and continues after: the email address, then the membership id.</summary>
/// <param name="Email">The last member's email address.</param>
/// <param name="MembershipId">The last member's membership id.</param>
public readonly record struct MemberPageKey(string Email, MembershipId MembershipId);
