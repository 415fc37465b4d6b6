namespace TeamAccess.Storage;

/// <summary>What the store says about a user's sessions.</summary>
/// <param name="SessionStamp">The user's current <see cref="StoredUser.SessionStamp"/>: a token naming another one is refused.</param>
/// <param name="SessionRevoked">Whether the session asked about was signed out.</param>
public readonly record struct UserSessionState(Guid SessionStamp, bool SessionRevoked);
