namespace TeamAccess;

/// <summary>A change to one user: create (no <see cref="Before"/>), update, or delete (no <see cref="After"/>).</summary>
/// <param name="Before">The user as loaded; its <see cref="User.ConcurrencyStamp"/> must still be the stored one.</param>
/// <param name="After">The user to store.</param>
public sealed record UserChange(User? Before, User? After);

/// <summary>
/// A change to one team: the operations its aggregate performed, in order, beside the version the writer loaded. A store
/// writes <see cref="After"/> as the team's row if the stored version is still <see cref="ExpectedVersion"/> (or, for a
/// new team, none is stored) and applies each operation; it never needs the team's other rows.
/// </summary>
/// <param name="ExpectedVersion">The version the writer loaded; 0 for a team this change creates.</param>
/// <param name="After">The team as it will be stored, its version <paramref name="ExpectedVersion"/> plus one.</param>
/// <param name="Operations">What changed inside the team, in the order it happened.</param>
public sealed record TeamChange(long ExpectedVersion, Team After, IReadOnlyList<TeamOperation> Operations)
{
    /// <summary>Gets whether the change creates the team.</summary>
    public bool IsNew => ExpectedVersion == 0;
}

/// <summary>Everything one operation changes, committed atomically by <see cref="IChangeStore.CommitAsync"/>.</summary>
/// <param name="Users">The user changes.</param>
/// <param name="Teams">The team changes.</param>
/// <param name="AuditEvents">
/// The events recording the changes, a projection of the operations (<see cref="TeamOperation"/>) and user changes in
/// the order they happened; the store assigns their sequence numbers.
/// </param>
public sealed record ChangeSet(IReadOnlyList<UserChange> Users, IReadOnlyList<TeamChange> Teams, IReadOnlyList<AuditEvent> AuditEvents)
{
    /// <summary>Gets the external logins linked to users by this change; a store refuses one whose (issuer, subject) is taken.</summary>
    public IReadOnlyList<ExternalLogin> AddedLogins { get; init; } = [];

    /// <summary>
    /// Gets the sessions signed out by this change. A store keeps each until its <see cref="RevokedSession.ExpiresAt"/>
    /// and may drop the ones that expired before a newer one's <see cref="RevokedSession.RevokedAt"/>; revoking a session
    /// already revoked changes nothing.
    /// </summary>
    public IReadOnlyList<RevokedSession> RevokedSessions { get; init; } = [];

    /// <summary>
    /// The users whose session state the change touches (created, updated or deleted users, and the users of signed-out
    /// sessions), each once: what the change feed records per user, and what an instance forgets of their sessions.
    /// </summary>
    internal IEnumerable<UserId> ChangedUserIds =>
        Users.Select(u => (u.After ?? u.Before)!.Id).Concat(RevokedSessions.Select(s => s.UserId)).Distinct();
}

/// <summary>A user's link to an identity at an external provider: by (<see cref="Issuer"/>, <see cref="Subject"/>), never by email.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Provider">The name under which the host registered the provider.</param>
/// <param name="Issuer">The provider's issuer.</param>
/// <param name="Subject">The user's stable id at the provider.</param>
public sealed record ExternalLogin(UserId UserId, string Provider, string Issuer, string Subject);
