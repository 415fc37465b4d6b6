using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Cryptography;

namespace TeamAccess.Index;

/// <summary>
/// One API key as the index holds it: the hash of its secret, its holder's principal (the user id its membership's
/// entry is keyed by), expiry, revocation and the permission word it is narrowed to. A check finds the holder's entry in
/// the same table as a member's, so a key's permission costs what a session's does.
/// </summary>
internal sealed class CompiledApiKey
{
    private readonly byte[] _hash;
    private object? _validated;

    private CompiledApiKey(StoredApiKey key, StoredMembership holder, ulong mask, ImmutableArray<string> permissions)
    {
        _hash = Convert.FromHexString(key.Hash);
        Id = key.Id;
        Principal = holder.UserId!.Value;
        MembershipId = holder.Id;
        ExpiresAt = key.ExpiresAt;
        Revoked = key.RevokedAt is not null || holder.Status.IsTerminal();
        Mask = mask;
        Permissions = permissions;
        Personal = !holder.IsServiceAccount;
    }

    public ApiKeyId Id { get; }

    public UserId Principal { get; }

    public MembershipId MembershipId { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Gets whether the key was revoked, or its service account deleted.</summary>
    public bool Revoked { get; }

    /// <summary>Gets the permission word the key is narrowed to: every bit when it is not narrowed.</summary>
    public ulong Mask { get; }

    /// <summary>Gets the permission names the key is narrowed to; empty when it is not.</summary>
    public ImmutableArray<string> Permissions { get; }

    /// <summary>Gets whether the key is a member's personal key rather than a service account's.</summary>
    public bool Personal { get; }

    /// <summary>
    /// What a validator made of this key the first time it accepted it (the feature room's result, whose type the index
    /// does not know), handed out again on the next calls so that validating a key allocates nothing. It is built from
    /// this compiled key alone, and a key that changes is compiled anew, so a kept one is never stale; every check on it
    /// still reads the live index.
    /// </summary>
    public object? Validated
    {
        get => Volatile.Read(ref _validated);
        set => Volatile.Write(ref _validated, value);
    }

    /// <summary>Whether <paramref name="secretHash"/> is this key's, compared in constant time.</summary>
    public bool Matches(ReadOnlySpan<byte> secretHash) => CryptographicOperations.FixedTimeEquals(_hash, secretHash);

    public static FrozenDictionary<Guid, CompiledApiKey> Compile(TeamSnapshot snapshot, PermissionCatalog permissions)
    {
        if (snapshot.ApiKeys.IsEmpty)
        {
            return FrozenDictionary<Guid, CompiledApiKey>.Empty;
        }

        var keys = new Dictionary<Guid, CompiledApiKey>(snapshot.ApiKeys.Count);
        foreach (var (id, key) in snapshot.ApiKeys)
        {
            // A key whose holder is not a membership of this team, or whose hash is not one, never validates.
            if (!snapshot.Memberships.TryGetValue(key.MembershipId, out var holder) || holder.UserId is null || key.Hash.Length != 64)
            {
                continue;
            }

            var mask = ulong.MaxValue;
            var names = key.Permissions.IsDefault ? [] : key.Permissions;
            if (!key.Permissions.IsDefaultOrEmpty)
            {
                // A permission the host no longer registers narrows to nothing, never to everything.
                mask = permissions.TryGetMask(key.Permissions, out var narrowed, out _) ? narrowed : 0;
            }
            else if (!holder.IsServiceAccount)
            {
                // A member's personal key that names no permissions holds all the member holds but the ones a key should
                // never use unasked: the guardian's own (delete the team, billing, sign-in policy) and managing keys and
                // service accounts. Listed as an explicit narrowing, so every layer (claims included) sees the same set.
                mask &= ~PersonalKeyExclusions(permissions);
                names = [.. permissions.All.Where(p => (p.Mask & mask) != 0).Select(p => p.Name)];
            }

            keys[id.Value] = new CompiledApiKey(key, holder, mask, names);
        }

        return keys.ToFrozenDictionary();
    }

    /// <summary>The permissions an unnarrowed personal key leaves out: the guardian's own and <c>service-accounts.manage</c>.</summary>
    private static ulong PersonalKeyExclusions(PermissionCatalog permissions)
    {
        permissions.TryGetMask([.. TeamAccess.Permissions.GuardianOnly, TeamAccess.Permissions.ServiceAccountsManage], out var excluded, out _);
        return excluded;
    }
}
