using System.Collections.Immutable;
using TeamAccess.Storage;

namespace TeamAccess.Domain;

/// <content>
/// The service-account verbs: create, change, delete a service account (a membership marked as one, so that it is an
/// entry of the same compiled index as a member's and a check costs the same), and create, rotate and revoke its API
/// keys. A service account never holds the guardian role (nor, so, the guardian's own permissions), and is given and
/// managed under the same no-escalation rules as a member (<see cref="Actor.MayGive"/>, <see cref="Actor.MayManage"/>).
/// </content>
internal sealed partial class TeamAggregate
{
    /// <summary>The reserved domain of a service account's address (RFC 2606: no mail reaches it, no person has it).</summary>
    internal const string ServiceAccountDomain = "service-account.invalid";

    public Result<StoredMembership> CreateServiceAccount(string name, string? description, string roleName)
    {
        var chosen = ServiceAccountRole(roleName);
        if (!chosen.TryGetValue(out var role))
        {
            return Result<StoredMembership>.Failed(chosen.Error!);
        }

        var id = MembershipId.New();
        var account = new StoredMembership(id, Id, UserId.New(), $"{id.Value:N}@{ServiceAccountDomain}", role.Name, MembershipStatus.Active, Now)
        {
            CreatedBy = Actor.CreatedBy,
            ServiceAccountName = name,
            Description = description,
        };
        PutMembership(account, AuditActions.ServiceAccountCreated);
        return Result<StoredMembership>.Ok(Current.Memberships[id]);
    }

    /// <summary>Changes a service account's name, description or role (each <see langword="null"/>: kept); a new role ends what its keys were checked with by a new stamp.</summary>
    public Result<StoredMembership> ChangeServiceAccount(MembershipId membershipId, string? name, string? description, string? roleName)
    {
        var target = ManagedServiceAccount(membershipId);
        if (!target.TryGetValue(out var account))
        {
            return target;
        }

        var after = account with { ServiceAccountName = name ?? account.ServiceAccountName, Description = description ?? account.Description };
        if (roleName is not null && !string.Equals(roleName, account.Role, StringComparison.Ordinal))
        {
            var chosen = ServiceAccountRole(roleName);
            if (!chosen.TryGetValue(out var role))
            {
                return Result<StoredMembership>.Failed(chosen.Error!);
            }

            after = after with { Role = role.Name, SecurityStamp = Guid.NewGuid() };
        }

        if (after == account)
        {
            return target;
        }

        PutMembership(after, AuditActions.ServiceAccountChanged);
        return Result<StoredMembership>.Ok(Current.Memberships[membershipId]);
    }

    /// <summary>Deletes a service account: it leaves its groups, loses its direct grants, and every key it holds is revoked.</summary>
    public Result<StoredMembership> DeleteServiceAccount(MembershipId membershipId)
    {
        var target = ManagedServiceAccount(membershipId);
        if (!target.TryGetValue(out var account))
        {
            return target;
        }

        EndServiceAccount(account);
        return Result<StoredMembership>.Ok(Current.Memberships[membershipId]);
    }

    /// <summary>Creates a key for a service account; the caller made its secret and hands only the hash.</summary>
    public Result<StoredApiKey> CreateApiKey(MembershipId membershipId, ApiKeyId keyId, string name, string hash, DateTimeOffset expiresAt, ImmutableArray<string> permissions)
    {
        var target = ManagedServiceAccount(membershipId);
        if (!target.TryGetValue(out var account))
        {
            return Result<StoredApiKey>.Failed(target.Error!);
        }

        if (account.Status != MembershipStatus.Active)
        {
            return Result<StoredApiKey>.Failed(TeamAccessErrorCode.InvalidTransition);
        }

        var key = new StoredApiKey(keyId, Id, membershipId, name, hash, Now, expiresAt) { Permissions = permissions, CreatedBy = Actor.CreatedBy };
        PutApiKey(null, key, AuditActions.ApiKeyCreated);
        return Result<StoredApiKey>.Ok(key);
    }

    /// <summary>
    /// Rotates a key: a new key with the same holder, name and permissions, and the old one kept valid until
    /// <paramref name="overlapEnd"/> (or its own expiry, if sooner).
    /// </summary>
    public Result<StoredApiKey> RotateApiKey(ApiKeyId keyId, ApiKeyId newId, string newHash, DateTimeOffset newExpiresAt, DateTimeOffset overlapEnd)
    {
        var found = ManagedKey(keyId);
        if (!found.TryGetValue(out var key))
        {
            return found;
        }

        if (key.RevokedAt is not null)
        {
            return Result<StoredApiKey>.Failed(TeamAccessErrorCode.ApiKeyRevoked);
        }

        if (key.ExpiresAt <= Now)
        {
            return Result<StoredApiKey>.Failed(TeamAccessErrorCode.ApiKeyExpired);
        }

        var replacement = new StoredApiKey(newId, Id, key.MembershipId, key.Name, newHash, Now, newExpiresAt) { Permissions = key.Permissions, CreatedBy = Actor.CreatedBy };
        PutApiKey(key, key with { ExpiresAt = overlapEnd < key.ExpiresAt ? overlapEnd : key.ExpiresAt, ReplacedBy = newId }, AuditActions.ApiKeyRotated);
        PutApiKey(null, replacement, AuditActions.ApiKeyCreated);
        return Result<StoredApiKey>.Ok(replacement);
    }

    /// <summary>Revokes a key; revoking a revoked key changes nothing.</summary>
    public Result<StoredApiKey> RevokeApiKey(ApiKeyId keyId)
    {
        var found = ManagedKey(keyId);
        if (!found.TryGetValue(out var key) || key.RevokedAt is not null)
        {
            return found;
        }

        var revoked = key with { RevokedAt = Now };
        PutApiKey(key, revoked, AuditActions.ApiKeyRevoked);
        return Result<StoredApiKey>.Ok(revoked);
    }

    /// <summary>A deleted team deletes its service accounts, and their keys are revoked.</summary>
    private void EndServiceAccounts()
    {
        foreach (var account in Current.Memberships.Values.Where(m => m.IsServiceAccount && !m.Status.IsTerminal()).ToList())
        {
            EndServiceAccount(account);
        }
    }

    private void EndServiceAccount(StoredMembership account)
    {
        foreach (var key in Current.ApiKeys.Values.Where(k => k.MembershipId == account.Id && k.RevokedAt is null).ToList())
        {
            PutApiKey(key, key with { RevokedAt = Now }, AuditActions.ApiKeyRevoked);
        }

        Detach(account.Id);
        PutMembership(account with { Status = MembershipStatus.Removed, SecurityStamp = Guid.NewGuid() }, AuditActions.ServiceAccountDeleted);
    }

    /// <summary>A current service account the actor may manage (its role does not rank above the actor's); a person's membership is not one.</summary>
    private Result<StoredMembership> ManagedServiceAccount(MembershipId membershipId)
    {
        if (Current.Memberships.TryGetValue(membershipId, out var membership) && !membership.IsServiceAccount && !membership.Status.IsTerminal())
        {
            return Result<StoredMembership>.Failed(TeamAccessErrorCode.NotAServiceAccount);
        }

        return Managed(membershipId);
    }

    /// <summary>A key of this team whose service account the actor may manage (a deleted account's keys stay revocable by anyone who may manage accounts).</summary>
    private Result<StoredApiKey> ManagedKey(ApiKeyId keyId)
    {
        if (!Current.ApiKeys.TryGetValue(keyId, out var key))
        {
            return Result<StoredApiKey>.Failed(TeamAccessErrorCode.NotFound);
        }

        var holder = Current.Memberships[key.MembershipId];
        if (!holder.IsServiceAccount)
        {
            // A member's personal key is the member's: the service-account verbs neither rotate nor revoke it (see TeamAggregate.PersonalKeys.cs).
            return Result<StoredApiKey>.Failed(TeamAccessErrorCode.NotAServiceAccount);
        }

        if (!holder.Status.IsTerminal())
        {
            var mayManage = Actor.MayManage(holder, Roles);
            if (!mayManage.Succeeded)
            {
                return Result<StoredApiKey>.Failed(mayManage.Error);
            }
        }

        return Result<StoredApiKey>.Ok(key);
    }

    private void PutApiKey(StoredApiKey? before, StoredApiKey after, string action)
    {
        Current = Current with { ApiKeys = Current.ApiKeys.SetItem(after.Id, after) };
        Record(new ApiKeyPut(before, after, action));
    }

    /// <summary>The role a service account may be given by this actor: one of the team's, never the guardian's, and no higher than the actor may give.</summary>
    private Result<Role> ServiceAccountRole(string roleName)
    {
        if (!FindRole(roleName).TryGetValue(out var role))
        {
            return Result<Role>.Failed(TeamAccessErrorCode.InvalidRole);
        }

        if (role.IsGuardian)
        {
            return Result<Role>.Failed(TeamAccessErrorCode.GuardianRoleNotForServiceAccounts);
        }

        var mayGive = Actor.MayGive(role);
        if (!mayGive.Succeeded)
        {
            return Result<Role>.Failed(mayGive.Error);
        }

        return DelegatesDirectory(role) ? Result<Role>.Failed(TeamAccessErrorCode.DirectoryProvisionNeedsGuardian) : Result<Role>.Ok(role);
    }

    /// <summary>
    /// Whether a service account in <paramref name="role"/> would be a directory this actor may not delegate: a directory
    /// manages every member, guardians included, so only a guardian gives a service account <c>directory.provision</c>,
    /// whether by giving it the role (<see cref="ServiceAccountRole"/>) or by editing a role it holds (<see cref="DefineTeamRole"/>).
    /// </summary>
    private bool DelegatesDirectory(Role role) =>
        !Actor.IsGuardian && Roles.PermissionCatalog.TryGet(Permissions.DirectoryProvision, out var provision) && role.Has(provision);
}
