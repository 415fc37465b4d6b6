using System.Collections.Concurrent;

namespace TeamAccess.Storage;

/// <summary>
/// The data of the default store, everything in memory, and the one lock that guards it. The store itself is one small
/// class per store service (<see cref="InMemoryUserStore"/>, <see cref="InMemoryTeamStore"/>,
/// <see cref="InMemoryChangeStore"/> and the others), each reading and writing this data under <see cref="Gate"/>. A
/// commit takes the lock, checks every version, stamp and constraint first and then applies all or nothing; reads return
/// immutable objects and never block on a commit for longer than a dictionary lookup. Several service providers given
/// the same instance behave as several host instances on one database: each commit appends to the change feed and wakes
/// every follower.
/// </summary>
internal sealed class InMemoryTeamAccessStore
{
    /// <summary>Raised after each commit, outside the lock: the change feed's listeners wake.</summary>
    public event Action? Committed;

    /// <summary>Gets the lock every read and commit takes.</summary>
    public object Gate { get; } = new();

    public Dictionary<UserId, StoredUser> Users { get; } = [];

    public Dictionary<string, UserId> UserIdsByEmail { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string Issuer, string Subject), ExternalLogin> Logins { get; } = [];

    public Dictionary<TeamId, TeamSnapshot> Teams { get; } = [];

    public Dictionary<string, TeamId> TeamIdsByHandle { get; } = new(StringComparer.Ordinal);

    public Dictionary<UserId, HashSet<TeamId>> TeamIdsByUser { get; } = [];

    public Dictionary<TeamId, List<AuditEvent>> AuditByTeam { get; } = [];

    /// <summary>Gets the audit log in sequence order.</summary>
    public List<AuditEvent> Audit { get; } = [];

    /// <summary>Gets the change feed; an entry's position is its 1-based index.</summary>
    public List<ChangeFeedEntry> Feed { get; } = [];

    public Dictionary<string, long> Checkpoints { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string Consumer, long Sequence), HeldEvent> HeldEvents { get; } = [];

    public Dictionary<Guid, RevokedSession> RevokedSessions { get; } = [];

    public Dictionary<string, (int Count, DateTimeOffset WindowEndsAt)> TryCounters { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the passkeys by their credential id in base64.</summary>
    public Dictionary<string, StoredPasskey> Passkeys { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredPasskeyChallenge> PasskeyChallenges { get; } = new(StringComparer.Ordinal);

    public Dictionary<Guid, StoredSession> SessionRecords { get; } = [];

    /// <summary>Gets API keys' last uses; written without the lock (newest wins per key).</summary>
    public ConcurrentDictionary<ApiKeyId, (TeamId Team, DateTimeOffset At)> KeyUses { get; } = new();

    /// <summary>Gets or sets the last audit sequence assigned.</summary>
    public long Sequence { get; set; }

    /// <summary>Gets the number of audit events stored (all teams and users).</summary>
    public int AuditEventCount
    {
        get
        {
            lock (Gate)
            {
                return Audit.Count;
            }
        }
    }

    /// <summary>The verified claim on the domain, leaving out one team (the one whose change is being checked); call it under <see cref="Gate"/>.</summary>
    public StoredTeamDomain? VerifiedClaim(string domain, TeamId? except) =>
        Teams.Values.Where(t => t.Id != except).SelectMany(t => t.Domains.Values).FirstOrDefault(d => d.VerifiedDomain == domain);

    /// <summary>Wakes the change feed's listeners; called after a commit, outside the lock.</summary>
    public void RaiseCommitted() => Committed?.Invoke();
}
