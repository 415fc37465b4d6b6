namespace TeamAccess.ServiceAccounts;

/// <summary>
/// Service accounts of a team and their API keys. Changing either needs <c>service-accounts.manage</c>
/// (<see cref="Permissions.ServiceAccountsManage"/>); listing accounts needs <c>members.read</c>. Nobody creates, edits
/// or keys an account whose role ranks above their own, nor gives one a role beyond what they hold; no service account
/// ever holds the guardian role.
/// </summary>
public interface IServiceAccountService
{
    /// <summary>Creates a service account.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="request">The name, role and description.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The account; or NotFound, PermissionDenied, InvalidName, InvalidDescription, InvalidRole, GuardianRoleNotForServiceAccounts, RoleRankTooHigh, ExceedsGranterPermissions.</returns>
    ValueTask<Result<ServiceAccount>> CreateAsync(UserId actor, TeamId teamId, CreateServiceAccountRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes a service account's name, description or role; a new role reaches every instance through the change feed.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="serviceAccountId">The service account.</param>
    /// <param name="request">What to change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The account; or NotFound, NotAServiceAccount, PermissionDenied, InvalidName, InvalidDescription, InvalidRole, GuardianRoleNotForServiceAccounts, RoleRankTooHigh, ExceedsGranterPermissions.</returns>
    ValueTask<Result<ServiceAccount>> ChangeAsync(UserId actor, TeamId teamId, MembershipId serviceAccountId, ChangeServiceAccountRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a service account: its grants and group places go, and its keys are revoked.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="serviceAccountId">The service account.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The deleted account; or NotFound, NotAServiceAccount, PermissionDenied, RoleRankTooHigh.</returns>
    ValueTask<Result<ServiceAccount>> DeleteAsync(UserId actor, TeamId teamId, MembershipId serviceAccountId, CancellationToken cancellationToken = default);

    /// <summary>Lists the team's current service accounts by name.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The accounts; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<IReadOnlyList<ServiceAccount>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>Creates an API key for a service account. Its secret is in the result once, and stored only as a hash.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="serviceAccountId">The service account.</param>
    /// <param name="request">The label, lifetime and narrowing.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key with its secret; or NotFound, NotAServiceAccount, PermissionDenied, RoleRankTooHigh, InvalidName, InvalidApiKeyLifetime, InvalidPermission, InvalidTransition (the account is not Active).</returns>
    ValueTask<Result<IssuedApiKey>> CreateKeyAsync(UserId actor, TeamId teamId, MembershipId serviceAccountId, CreateApiKeyRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rotates a key: a new key (same account, label and narrowing, a fresh default lifetime) is returned with its secret,
    /// and the old key keeps working for <paramref name="overlap"/> (zero: stops at once), so callers can move over.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="keyId">The key to rotate.</param>
    /// <param name="overlap">How long the old key keeps working, at most <see cref="ApiKeyOptions.MaxLifetime"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new key with its secret; or NotFound, PermissionDenied, RoleRankTooHigh, InvalidApiKeyLifetime, ApiKeyRevoked, ApiKeyExpired.</returns>
    ValueTask<Result<IssuedApiKey>> RotateKeyAsync(UserId actor, TeamId teamId, ApiKeyId keyId, TimeSpan overlap, CancellationToken cancellationToken = default);

    /// <summary>Revokes a key; every instance refuses it within the change feed's bound.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="keyId">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The revoked key; or NotFound, PermissionDenied, RoleRankTooHigh.</returns>
    ValueTask<Result<ApiKey>> RevokeKeyAsync(UserId actor, TeamId teamId, ApiKeyId keyId, CancellationToken cancellationToken = default);

    /// <summary>Lists a service account's keys, newest first, revoked and expired ones included (never a secret or hash).</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="serviceAccountId">The service account.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The keys; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<IReadOnlyList<ApiKey>>> ListKeysAsync(UserId actor, TeamId teamId, MembershipId serviceAccountId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the keys of all the team's service accounts at once, newest first, revoked and expired ones included (never a
    /// secret or hash): one read, for a page that shows every account with its keys.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The keys; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<IReadOnlyList<ApiKey>>> ListTeamKeysAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);
}
