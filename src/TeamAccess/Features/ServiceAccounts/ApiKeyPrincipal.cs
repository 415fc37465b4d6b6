using TeamAccess.Index;

namespace TeamAccess.ServiceAccounts;

/// <summary>
/// Who a valid API key acts as: a service account of one team, or (a personal key) a member of one team. Its checks read
/// the same index entry a member's do, narrowed to the key's permissions when it has some; a key of one team never acts
/// in another.
/// </summary>
public sealed class ApiKeyPrincipal
{
    private readonly AccessEngine _engine;
    private readonly ulong _mask;

    internal ApiKeyPrincipal(AccessEngine engine, CompiledTeam team, CompiledApiKey key)
    {
        _engine = engine;
        _mask = key.Mask;
        TeamId = team.Id;
        KeyId = key.Id;
        ServiceAccountId = key.MembershipId;
        PrincipalId = key.Principal;
        ExpiresAt = key.ExpiresAt;
        Permissions = key.Permissions;
        IsPersonal = key.Personal;
    }

    /// <summary>Whether this principal answers from <paramref name="engine"/> for <paramref name="teamId"/> (a kept one is reused only then).</summary>
    internal bool IsOf(AccessEngine engine, TeamId teamId) => ReferenceEquals(_engine, engine) && TeamId == teamId;

    /// <summary>Gets the team the key belongs to, and the only one it acts in.</summary>
    public TeamId TeamId { get; }

    /// <summary>Gets the key's id.</summary>
    public ApiKeyId KeyId { get; }

    /// <summary>Gets the service account (its membership); for a personal key, the member's membership.</summary>
    public MembershipId ServiceAccountId { get; }

    /// <summary>
    /// Whether the key is a member's personal key (<see cref="IPersonalKeyService"/>): it acts as that person, within what
    /// they hold. An unnarrowed personal key is listed in <see cref="Permissions"/> as all the catalog's permissions but the
    /// guardian's own and <c>service-accounts.manage</c>.
    /// </summary>
    public bool IsPersonal { get; }

    /// <summary>Gets the service account's principal id (a personal key's: the member's user id), which the checker and the audit log name it by.</summary>
    public UserId PrincipalId { get; }

    /// <summary>Gets when the key stops working.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Whether the key may use a team-level permission in <paramref name="teamId"/>: its account holds it and the key is not narrowed away from it.</summary>
    /// <param name="teamId">The team asked about; any other than <see cref="TeamId"/> is a no.</param>
    /// <param name="permission">The permission's name.</param>
    /// <returns>Whether it may.</returns>
    public bool HasPermission(TeamId teamId, string permission) =>
        teamId == TeamId && _engine.Roles.PermissionCatalog.TryGet(permission, out var resolved) && (resolved.Mask & _mask) != 0
        && _engine.HasPermission(PrincipalId, teamId, resolved);

    /// <summary>Whether the key may use a permission on one resource of <paramref name="teamId"/>.</summary>
    /// <param name="teamId">The team asked about; any other than <see cref="TeamId"/> is a no.</param>
    /// <param name="permission">The permission's name.</param>
    /// <param name="resourceId">The resource.</param>
    /// <returns>Whether it may.</returns>
    public bool HasPermission(TeamId teamId, string permission, string resourceId) =>
        teamId == TeamId && _engine.Roles.PermissionCatalog.TryGet(permission, out var resolved) && (resolved.Mask & _mask) != 0
        && _engine.HasPermission(PrincipalId, teamId, resolved, resourceId);

    /// <summary>Gets the permissions the key is narrowed to; empty when it acts with all its account holds.</summary>
    public IReadOnlyList<string> Permissions { get; }

    /// <summary>Whether the key is narrowed: it holds only some of what its account holds.</summary>
    public bool IsNarrowed => _mask != ulong.MaxValue;

    /// <summary>Whether a permission is within the key's narrowing (always, for a key that is not narrowed); what the account holds is asked of the checker.</summary>
    /// <param name="permission">The permission's name.</param>
    /// <returns>Whether the key's narrowing lets it through.</returns>
    public bool Allows(string permission) => _engine.Roles.PermissionCatalog.TryGet(permission, out var resolved) && (resolved.Mask & _mask) != 0;
}
