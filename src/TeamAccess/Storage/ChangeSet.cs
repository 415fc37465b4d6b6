namespace TeamAccess.Storage;

/// <summary>Everything one operation changes, committed atomically by <see cref="IChangeStore.CommitAsync"/>.</summary>
public sealed class ChangeSet
{
    /// <summary>Initializes a new instance of the <see cref="ChangeSet"/> class.</summary>
    /// <param name="users">The user changes.</param>
    /// <param name="teams">The team changes.</param>
    /// <param name="auditEvents">The events recording the changes, a projection of the operations (<see cref="TeamOperation"/>) and user changes in the order they happened; the store assigns their sequence numbers.</param>
    public ChangeSet(IReadOnlyList<UserChange> users, IReadOnlyList<TeamChange> teams, IReadOnlyList<AuditEvent> auditEvents)
    {
        Users = users;
        Teams = teams;
        AuditEvents = auditEvents;
    }

    /// <summary>Gets the user changes.</summary>
    public IReadOnlyList<UserChange> Users { get; }

    /// <summary>Gets the team changes.</summary>
    public IReadOnlyList<TeamChange> Teams { get; }

    /// <summary>Gets the events recording the changes, a projection of the operations (<see cref="TeamOperation"/>) and user changes in the order they happened; the store assigns their sequence numbers.</summary>
    public IReadOnlyList<AuditEvent> AuditEvents { get; }

    /// <summary>Gets the external logins linked to users by this change; a store refuses one whose (issuer, subject) is taken.</summary>
    public IReadOnlyList<ExternalLogin> AddedLogins { get; init; } = [];

    /// <summary>
    /// Gets the sessions signed out by this change. A store keeps each until its <see cref="RevokedSession.ExpiresAt"/>
    /// and may drop the ones that expired before a newer one's <see cref="RevokedSession.RevokedAt"/>; revoking a session
    /// already revoked changes nothing.
    /// </summary>
    public IReadOnlyList<RevokedSession> RevokedSessions { get; init; } = [];

    /// <summary>
    /// Gets the passkeys registered, updated or removed by this change. Each belongs to a user the change also updates (the
    /// user's stamp is what makes two writes on one passkey conflict); a store refuses a registered credential id that is
    /// taken (<see cref="TeamAccessErrorCode.DuplicatePasskey"/>), and removes a deleted user's passkeys with them.
    /// </summary>
    public IReadOnlyList<PasskeyChange> Passkeys { get; init; } = [];

    /// <summary>
    /// The users whose session state the change touches (created, updated or deleted users, and the users of signed-out
    /// sessions), each once: what the change feed records per user, and what an instance forgets of their sessions.
    /// </summary>
    public IEnumerable<UserId> ChangedUserIds =>
        Users.Select(u => (u.After ?? u.Before)!.Id).Concat(RevokedSessions.Select(s => s.UserId)).Distinct();
}
