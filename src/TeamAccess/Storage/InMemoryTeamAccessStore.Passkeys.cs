namespace TeamAccess.Storage;

/// <content>Passkeys and their waiting challenges (<see cref="IPasskeyStore"/>); passkeys change in the commit.</content>
public sealed partial class InMemoryTeamAccessStore : IPasskeyStore
{
    private readonly Dictionary<string, StoredPasskey> _passkeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredPasskeyChallenge> _passkeyChallenges = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<StoredPasskey?> FindPasskeyAsync(byte[] credentialId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentialId);
        lock (_gate)
        {
            return ValueTask.FromResult(_passkeys.GetValueOrDefault(Convert.ToBase64String(credentialId)));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredPasskey>> ListPasskeysAsync(UserId userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredPasskey> found = [.. _passkeys.Values.Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id.Value)];
            return ValueTask.FromResult(found);
        }
    }

    /// <inheritdoc />
    public ValueTask AddPasskeyChallengeAsync(StoredPasskeyChallenge challenge, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        lock (_gate)
        {
            foreach (var expired in _passkeyChallenges.Where(c => c.Value.ExpiresAt <= now).Select(c => c.Key).ToList())
            {
                _passkeyChallenges.Remove(expired);
            }

            _passkeyChallenges[challenge.IdHash] = challenge;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<StoredPasskeyChallenge?> TakePasskeyChallengeAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idHash);
        lock (_gate)
        {
            return ValueTask.FromResult(_passkeyChallenges.Remove(idHash, out var taken) && taken.ExpiresAt > now ? taken : null);
        }
    }

    /// <summary>The commit's check of its passkeys: a registered credential id must be free, an updated or removed passkey must be stored.</summary>
    private TeamAccessErrorCode CheckPasskeys(ChangeSet changes)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes.Passkeys)
        {
            var key = Convert.ToBase64String((change.After ?? change.Before)!.CredentialId);
            if (change.Before is null ? _passkeys.ContainsKey(key) || !taken.Add(key) : !_passkeys.ContainsKey(key))
            {
                return change.Before is null ? TeamAccessErrorCode.DuplicatePasskey : TeamAccessErrorCode.ConcurrencyFailure;
            }

            if (change.After is { } after && !UserExistsAfter(changes, after.UserId))
            {
                return TeamAccessErrorCode.NotFound;
            }
        }

        return TeamAccessErrorCode.None;
    }

    private void ApplyPasskeys(ChangeSet changes)
    {
        foreach (var change in changes.Passkeys)
        {
            var key = Convert.ToBase64String((change.After ?? change.Before)!.CredentialId);
            if (change.After is { } after)
            {
                _passkeys[key] = after;
            }
            else
            {
                _passkeys.Remove(key);
            }
        }

        foreach (var deleted in changes.Users.Where(u => u.After is null).Select(u => u.Before!.Id))
        {
            foreach (var key in _passkeys.Where(p => p.Value.UserId == deleted).Select(p => p.Key).ToList())
            {
                _passkeys.Remove(key);
            }
        }
    }
}
