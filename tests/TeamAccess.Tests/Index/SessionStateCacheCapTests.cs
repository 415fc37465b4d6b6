using Microsoft.Extensions.Options;
using TeamAccess.Index;

namespace TeamAccess.Tests;

/// <summary>The session state cache bounds each user's sessions, not only its users.</summary>
public sealed class SessionStateCacheCapTests
{
    [Fact]
    public async Task SessionStateCache_ManySignInsOfOneUser_RemembersAtMostTheCap_AndAForgottenSessionReadsTheStoreAgain()
    {
        var store = new CountingSessionStore();
        var options = Options.Create(new TeamAccessOptions());
        options.Value.Sessions.MaxCachedSessionsPerUser = 8;
        var cache = new SessionStateCache(store, options);
        var user = new UserId(Guid.NewGuid());
        var sessions = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToList();

        foreach (var session in sessions)
        {
            Assert.NotNull(await cache.GetAsync(user, session, CancellationToken.None));
            Assert.True(cache.SessionCount(user) <= 8, $"{cache.SessionCount(user)} sessions remembered");
        }

        Assert.Equal(8, cache.SessionCount(user));
        Assert.Equal(100, store.Reads);

        // The newest are remembered (no read); the oldest was forgotten and is read again, with the same answer.
        await cache.GetAsync(user, sessions[^1], CancellationToken.None);
        Assert.Equal(100, store.Reads);
        Assert.Equal(new UserSessionState(store.Stamp, false), await cache.GetAsync(user, sessions[0], CancellationToken.None));
        Assert.Equal(101, store.Reads);
        Assert.Equal(8, cache.SessionCount(user));
    }

    [Fact]
    public void SessionOptions_MaxCachedSessionsPerUser_DefaultsTo64()
    {
        Assert.Equal(64, new SessionOptions().MaxCachedSessionsPerUser);
    }

    private sealed class CountingSessionStore : ISessionStore
    {
        private int _reads;

        public Guid Stamp { get; } = Guid.NewGuid();

        public int Reads => Volatile.Read(ref _reads);

        public ValueTask<UserSessionState?> FindSessionStateAsync(UserId userId, Guid sessionId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return ValueTask.FromResult<UserSessionState?>(new UserSessionState(Stamp, false));
        }

        public async IAsyncEnumerable<RevokedSession> ListRevokedSessionsAsync(DateTimeOffset notExpiredAt, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }
    }
}
