namespace TeamAccess.Domain;

/// <summary>
/// What a <see cref="TeamAggregate"/> needs of the write attempt it runs in: the attempt's clock and role catalog, a
/// log for its operations, and the user changes a team write carries along (an import or an accept that creates its
/// user, a rename). Declared here and implemented by the write engine's change set, so the rules never name the engine.
/// </summary>
internal interface IChangeLog
{
    /// <summary>Gets the attempt's time: every operation of one write carries it.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Gets the role catalog the attempt decides with.</summary>
    RoleCatalog Roles { get; }

    /// <summary>Starts a team this write creates, as a new aggregate of the attempt.</summary>
    TeamAggregate Create(Team team);

    /// <summary>Records one operation on a team, in order.</summary>
    void Log(TeamId teamId, TeamOperation operation);

    /// <summary>Creates a user in the same commit as the team's operations.</summary>
    void CreateUser(StoredUser user);

    /// <summary>Links an external login to a user in the same commit.</summary>
    void LinkLogin(ExternalLogin login);

    /// <summary>Changes a user in the same commit as the team's operations, audited as <paramref name="action"/>.</summary>
    void UpdateUser(StoredUser before, StoredUser after, string action, TeamId? teamId = null);
}
