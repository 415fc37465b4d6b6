namespace TeamAccess.Accounts;

/// <summary>What a valid sign-in ticket names.</summary>
/// <param name="UserId">The user whose first factor was accepted.</param>
/// <param name="TeamId">The team the sign-in is for.</param>
/// <param name="MembershipId">The user's membership there.</param>
/// <param name="Provider">The provider that accepted the first factor.</param>
/// <param name="UserStamp">The user's session stamp the first factor was judged under.</param>
internal sealed record SignInTicket(UserId UserId, TeamId TeamId, MembershipId MembershipId, string Provider, Guid UserStamp);
