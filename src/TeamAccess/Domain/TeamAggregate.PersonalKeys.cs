using System.Collections.Immutable;
using TeamAccess.Storage;

namespace TeamAccess.Domain;

/// <content>
/// Members' personal API keys (issue 23, when the host allows them): a key held by a person's own membership, stored as
/// a service account's is (<see cref="StoredApiKey.MembershipId"/> names the membership). It acts with the member's
/// permissions (the index narrows it, never widens it), and dies with the membership: a membership that stops being
/// Active has its personal keys revoked in the same write, so a reactivation does not revive them.
/// </content>
internal sealed partial class TeamAggregate
{
    /// <summary>Creates a personal key for the acting member's own Active membership; the caller made its secret and hands only the hash.</summary>
    public Result<StoredApiKey> CreatePersonalApiKey(ApiKeyId keyId, string name, string hash, DateTimeOffset expiresAt, ImmutableArray<string> permissions)
    {
        if (Actor.Membership is not { } own || own.IsServiceAccount || own.Status != MembershipStatus.Active || Actor.Role is null)
        {
            return Result<StoredApiKey>.Failed(TeamAccessErrorCode.PersonalKeyNeedsActiveMembership);
        }

        var key = new StoredApiKey(keyId, Id, own.Id, name, hash, Now, expiresAt) { Permissions = permissions, CreatedBy = Actor.CreatedBy };
        PutApiKey(null, key, AuditActions.ApiKeyCreated);
        return Result<StoredApiKey>.Ok(key);
    }

    /// <summary>
    /// Revokes a personal key: the holder's own, or any member's by an actor who holds <c>service-accounts.manage</c> and may
    /// manage the holder (their role does not rank above the actor's). A service account's key is not found here.
    /// </summary>
    public Result<StoredApiKey> RevokePersonalApiKey(ApiKeyId keyId)
    {
        if (!Current.ApiKeys.TryGetValue(keyId, out var key) || !Current.Memberships.TryGetValue(key.MembershipId, out var holder) || holder.IsServiceAccount)
        {
            return Result<StoredApiKey>.Failed(TeamAccessErrorCode.NotFound);
        }

        if (holder.Id != Actor.Membership?.Id)
        {
            if (!Actor.Holds(Permissions.ServiceAccountsManage, Roles))
            {
                return Result<StoredApiKey>.Failed(TeamAccessErrorCode.PermissionDenied);
            }

            var mayManage = holder.Status.IsTerminal() ? Result.Success : Actor.MayManage(holder, Roles);
            if (!mayManage.Succeeded)
            {
                return Result<StoredApiKey>.Failed(mayManage.Error);
            }
        }

        if (key.RevokedAt is not null)
        {
            return Result<StoredApiKey>.Ok(key);
        }

        var revoked = key with { RevokedAt = Now };
        PutApiKey(key, revoked, AuditActions.ApiKeyRevoked);
        return Result<StoredApiKey>.Ok(revoked);
    }

    /// <summary>A person's membership leaving Active (deactivated, removed, left, deprovisioned) revokes its personal keys.</summary>
    private void EndPersonalKeysOnChange(StoredMembership? before, StoredMembership after)
    {
        if (before?.Status != MembershipStatus.Active || after.Status == MembershipStatus.Active || after.IsServiceAccount || Current.ApiKeys.IsEmpty)
        {
            return;
        }

        foreach (var key in Current.ApiKeys.Values.Where(k => k.MembershipId == after.Id && k.RevokedAt is null).ToList())
        {
            PutApiKey(key, key with { RevokedAt = Now }, AuditActions.ApiKeyRevoked);
        }
    }
}
