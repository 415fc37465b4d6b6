namespace TeamAccess.ServiceAccounts;

/// <summary>
/// Members' personal API keys, when the host allows them (<see cref="ApiKeyOptions.AllowPersonalKeys"/>): a member holds
/// keys for their own Active membership. A key acts as that member, with their permissions (optionally narrowed), never
/// more; a role change reaches it as it reaches the member (the key resolves through the index); deactivating or removing
/// the membership revokes it. An unnarrowed key leaves out the guardian's own permissions and <c>service-accounts.manage</c>;
/// a key narrowed to a list that names them may use them (if the member holds them). A team admin with
/// <c>service-accounts.manage</c> lists the members' keys and revokes those of members they may manage. Keys are stored as
/// service accounts' are (hashed, shown once) and are audited the same way.
/// </summary>
public interface IPersonalKeyService
{
    /// <summary>Creates a personal key for the actor's own membership in the team; its secret is in the result once.</summary>
    /// <param name="actor">The member.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="request">The label, lifetime and narrowing.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key with its secret; or PersonalKeysDisabled, NotFound, PersonalKeyNeedsActiveMembership, InvalidName, InvalidApiKeyLifetime, InvalidPermission.</returns>
    ValueTask<Result<IssuedApiKey>> CreateAsync(UserId actor, TeamId teamId, CreateApiKeyRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists the actor's own personal keys in the team, newest first, revoked and expired ones included (never a secret).</summary>
    /// <param name="actor">The member.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The keys; or NotFound.</returns>
    ValueTask<Result<IReadOnlyList<ApiKey>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>Lists every member's personal keys in the team, newest first (each names its membership); needs <c>service-accounts.manage</c>.</summary>
    /// <param name="actor">The acting admin.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The keys; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<IReadOnlyList<ApiKey>>> ListTeamAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes a personal key: one's own, or a member's by an actor with <c>service-accounts.manage</c> whose rank is not below
    /// the holder's. Every instance refuses it within the change feed's bound.
    /// </summary>
    /// <param name="actor">The member or admin.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="keyId">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The revoked key; or NotFound (no personal key of this team), PermissionDenied, RoleRankTooHigh.</returns>
    ValueTask<Result<ApiKey>> RevokeAsync(UserId actor, TeamId teamId, ApiKeyId keyId, CancellationToken cancellationToken = default);
}
