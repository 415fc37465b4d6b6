namespace TeamAccess.Storage;

/// <summary>
/// Reads passkeys, and keeps the WebAuthn challenges waiting for an answer. Passkeys are written through
/// <see cref="IChangeStore"/> (<see cref="ChangeSet.Passkeys"/>), with their user; challenges are written here, outside any
/// team or user write, and each is taken at most once.
/// </summary>
public interface IPasskeyStore
{
    /// <summary>Finds a passkey by the credential id its authenticator chose (an indexed look-up).</summary>
    /// <param name="credentialId">The credential id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The passkey, or <see langword="null"/>.</returns>
    ValueTask<StoredPasskey?> FindPasskeyAsync(byte[] credentialId, CancellationToken cancellationToken);

    /// <summary>Lists a user's passkeys, oldest first.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The passkeys.</returns>
    ValueTask<IReadOnlyList<StoredPasskey>> ListPasskeysAsync(UserId userId, CancellationToken cancellationToken);

    /// <summary>Stores a challenge; challenges that expired before its own creation may be dropped at the same time.</summary>
    /// <param name="challenge">The challenge.</param>
    /// <param name="now">The time now, for the clean-up.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    ValueTask AddPasskeyChallengeAsync(StoredPasskeyChallenge challenge, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a challenge: removes it and answers it, once. Two callers with one id, on one instance or two, never both get
    /// it; an expired one is removed and not answered.
    /// </summary>
    /// <param name="idHash">The hash of the challenge's id.</param>
    /// <param name="now">The time now.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The challenge, or <see langword="null"/> when it is unknown, taken already or expired.</returns>
    ValueTask<StoredPasskeyChallenge?> TakePasskeyChallengeAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken);
}
