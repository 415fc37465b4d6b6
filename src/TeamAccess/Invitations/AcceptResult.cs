namespace TeamAccess;

/// <summary>What accepting with a new account created.</summary>
/// <param name="User">The new user, with the invited email.</param>
/// <param name="Membership">The Active membership.</param>
public sealed record AcceptResult(User User, Membership Membership);
