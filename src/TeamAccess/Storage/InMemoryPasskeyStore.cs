namespace TeamAccess.Storage;

/// <summary>Passkeys and their waiting challenges; passkeys change in the commit.</summary>
internal sealed class InMemoryPasskeyStore(InMemoryTeamAccessStore store) : IPasskeyStore
{
    /// <inheritdoc />
    public ValueTask<StoredPasskey?> FindPasskeyAsync(byte[] credentialId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentialId);
        lock (store.Gate)
        {
            return ValueTask.FromResult(store.Passkeys.GetValueOrDefault(Convert.ToBase64String(credentialId)));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredPasskey>> ListPasskeysAsync(UserId userId, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            IReadOnlyList<StoredPasskey> found = [.. store.Passkeys.Values.Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id.Value)];
            return ValueTask.FromResult(found);
        }
    }

    /// <inheritdoc />
    public ValueTask AddPasskeyChallengeAsync(StoredPasskeyChallenge challenge, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        lock (store.Gate)
        {
            foreach (var expired in store.PasskeyChallenges.Where(c => c.Value.ExpiresAt <= now).Select(c => c.Key).ToList())
            {
                store.PasskeyChallenges.Remove(expired);
            }

            store.PasskeyChallenges[challenge.IdHash] = challenge;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<StoredPasskeyChallenge?> TakePasskeyChallengeAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idHash);
        lock (store.Gate)
        {
            return ValueTask.FromResult(store.PasskeyChallenges.Remove(idHash, out var taken) && taken.ExpiresAt > now ? taken : null);
        }
    }
}
