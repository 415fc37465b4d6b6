using System.Collections.Concurrent;

namespace TeamAccess;

/// <summary>
/// This instance's memory of what validating a session needs beyond the index: per user, the session stamp and whether
/// each session seen was signed out, as <see cref="ISessionStore.FindSessionStateAsync"/> answered. A session's first
/// validation on an instance reads the store once; later ones read nothing. Every change to a user (a sign-out, a
/// sign-out everywhere, a password change, a deletion) evicts that user: at once on the instance that wrote it, and on
/// every other instance when its change-feed follower reads the user's entry, so within the staleness bound.
/// </summary>
internal sealed class SessionStateCache(ISessionStore store)
{
    /// <summary>Past this many users the cache starts again empty: memory stays bounded, the cost is one read per session.</summary>
    internal const int MaxUsers = 100_000;

    private readonly ConcurrentDictionary<UserId, UserSessions> _users = new();

    public int Count => _users.Count;

    /// <summary>The user's session state as the store last said, reading it when this instance has not seen the session.</summary>
    public async ValueTask<UserSessionState?> GetAsync(UserId userId, Guid sessionId, CancellationToken cancellationToken)
    {
        // The entry is taken before the read: if the user is evicted meanwhile, what the read finds goes into an entry
        // nobody looks at any more, never into the fresh one, so a stale answer cannot outlive an eviction.
        var entry = _users.GetOrAdd(userId, static _ => new UserSessions());
        if (entry.Sessions.TryGetValue(sessionId, out var known))
        {
            return known;
        }

        var state = await store.FindSessionStateAsync(userId, sessionId, cancellationToken).ConfigureAwait(false);
        if (state is { } found)
        {
            if (_users.Count > MaxUsers)
            {
                _users.Clear();
            }

            if (entry.Stamp is { } stamp && stamp != found.SessionStamp)
            {
                // The store shows a newer user stamp than the sessions remembered here: they are all stale (a sign-out
                // everywhere this instance's follower has not read yet), so they go at once, not at the feed's pace.
                var fresh = new UserSessions { Stamp = found.SessionStamp };
                fresh.Sessions[sessionId] = found;
                _users.TryUpdate(userId, fresh, entry);
                return state;
            }

            entry.Stamp ??= found.SessionStamp;
            entry.Sessions[sessionId] = found;
        }

        return state;
    }

    /// <summary>Forgets everything known of the user's sessions; the next validation reads the store.</summary>
    public void Evict(UserId userId) => _users.TryRemove(userId, out _);

    private sealed class UserSessions
    {
        public Guid? Stamp { get; set; }

        public ConcurrentDictionary<Guid, UserSessionState> Sessions { get; } = new();
    }
}
