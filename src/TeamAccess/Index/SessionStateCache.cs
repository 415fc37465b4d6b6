using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TeamAccess.Index;

/// <summary>
/// This instance's memory of what validating a session needs beyond the index: per user, the session stamp and whether
/// each session seen was signed out, as <see cref="ISessionStore.FindSessionStateAsync"/> answered. A session's first
/// validation on an instance reads the store once; later ones read nothing. Every change to a user (a sign-out, a
/// sign-out everywhere, a password change, a deletion) evicts that user: at once on the instance that wrote it, and on
/// every other instance when its change-feed follower reads the user's entry, so within the staleness bound. Each user
/// keeps at most <see cref="SessionOptions.MaxCachedSessionsPerUser"/> sessions, the oldest remembered going first: a
/// session not remembered is read from the store again, so the cap changes no answer.
/// </summary>
internal sealed class SessionStateCache(ISessionStore store, IOptions<TeamAccessOptions>? options = null)
{
    private readonly int _maxSessionsPerUser = options?.Value.Sessions.MaxCachedSessionsPerUser ?? 64;

    /// <summary>Past this many users the cache starts again empty: memory stays bounded, the cost is one read per session.</summary>
    internal const int MaxUsers = 100_000;

    private readonly ConcurrentDictionary<UserId, UserSessions> _users = new();

    public int Count => _users.Count;

    /// <summary>How many sessions of the user this instance remembers.</summary>
    internal int SessionCount(UserId userId) => _users.TryGetValue(userId, out var entry) ? entry.Sessions.Count : 0;

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
                fresh.Remember(sessionId, found, _maxSessionsPerUser);
                _users.TryUpdate(userId, fresh, entry);
                return state;
            }

            entry.Stamp ??= found.SessionStamp;
            entry.Remember(sessionId, found, _maxSessionsPerUser);
        }

        return state;
    }

    /// <summary>Forgets everything known of the user's sessions; the next validation reads the store.</summary>
    public void Evict(UserId userId) => _users.TryRemove(userId, out _);

    private sealed class UserSessions
    {
        public Guid? Stamp { get; set; }

        public ConcurrentDictionary<Guid, UserSessionState> Sessions { get; } = new();

        /// <summary>The order sessions were remembered in, oldest first (a session forgotten meanwhile may linger in it).</summary>
        private ConcurrentQueue<Guid> Order { get; } = new();

        /// <summary>Remembers a session; past the cap, forgets the oldest remembered ones.</summary>
        public void Remember(Guid sessionId, UserSessionState state, int max)
        {
            if (Sessions.TryAdd(sessionId, state))
            {
                Order.Enqueue(sessionId);
            }
            else
            {
                Sessions[sessionId] = state;
            }

            while (Sessions.Count > max && Order.TryDequeue(out var oldest))
            {
                Sessions.TryRemove(oldest, out _);
            }
        }
    }
}
