using System.Runtime.CompilerServices;

namespace TeamAccess.Storage;

/// <summary>A session's state (the user's stamp, whether it is signed out) and the signed-out sessions.</summary>
internal sealed class InMemorySessionStore(InMemoryTeamAccessStore store) : ISessionStore
{
    /// <inheritdoc />
    public ValueTask<UserSessionState?> FindSessionStateAsync(UserId userId, Guid sessionId, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            return ValueTask.FromResult<UserSessionState?>(store.Users.TryGetValue(userId, out var user)
                ? new UserSessionState(user.SessionStamp, store.RevokedSessions.ContainsKey(sessionId))
                : null);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RevokedSession> ListRevokedSessionsAsync(DateTimeOffset notExpiredAt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RevokedSession[] revoked;
        lock (store.Gate)
        {
            revoked = [.. store.RevokedSessions.Values.Where(r => r.ExpiresAt > notExpiredAt)];
        }

        foreach (var session in revoked)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return session;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
