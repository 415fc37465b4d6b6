namespace TeamAccess.Accounts;

/// <summary>What a session token claims once its signature and lifetime are checked: the session, and the two stamps it was issued under.</summary>
/// <param name="Claims">The session the token names.</param>
/// <param name="Stamp">The membership's security stamp when the token was issued.</param>
/// <param name="UserStamp">The user's session stamp when the session began.</param>
internal sealed record ClaimedSession(SessionInfo Claims, Guid Stamp, Guid UserStamp);
