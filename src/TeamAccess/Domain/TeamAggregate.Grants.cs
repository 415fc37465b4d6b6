using System.Collections.Immutable;

namespace TeamAccess.Domain;

/// <content>The grant verbs: grant and revoke.</content>
internal sealed partial class TeamAggregate
{
    /// <summary>
    /// Gives permissions on a resource to a membership or a group, merged into the subject's grant on that resource. A
    /// read-only member is given no write permission (invariant 7), and nobody gives more than they hold there (invariant 15).
    /// </summary>
    public Result<Grant> Grant(GrantSubject subject, string resourceId, ulong requested)
    {
        if (!SubjectExists(subject, out var readOnlyMember))
        {
            return Result<Grant>.Failed(TeamAccessErrorCode.NotFound);
        }

        if (MayChangeGrantsOf(subject) is { Succeeded: false } outranked)
        {
            return Result<Grant>.Failed(outranked.Error);
        }

        if (Roles.PermissionCatalog.WritesForbidden(readOnlyMember, requested) != 0)
        {
            return Result<Grant>.Failed(TeamAccessErrorCode.ReadOnlyRole);
        }

        if (!ActorHoldsOn(resourceId, requested))
        {
            return Result<Grant>.Failed(TeamAccessErrorCode.ExceedsGranterPermissions);
        }

        var existing = Current.Grants.Values.FirstOrDefault(g => g.Subject == subject && g.ResourceId == resourceId);
        var names = Roles.PermissionCatalog.NamesOf(requested | (existing is null ? 0 : AccessRules.MaskOf(existing, Roles)))
            .Order(StringComparer.Ordinal).ToImmutableArray();
        if (existing is not null && existing.Permissions.SequenceEqual(names))
        {
            return Result<Grant>.Ok(existing);
        }

        var grant = existing is null
            ? new Grant(GrantId.New(), Id, subject, resourceId, names, Actor.Id)
            : existing with { Permissions = names, GrantedBy = Actor.Id };
        PutGrant(grant, AuditActions.GrantGiven);
        return Result<Grant>.Ok(grant);
    }

    public Result<Grant> RevokeGrant(GrantId grantId)
    {
        if (!Current.Grants.TryGetValue(grantId, out var grant))
        {
            return Result<Grant>.Failed(TeamAccessErrorCode.NotFound);
        }

        if (MayChangeGrantsOf(grant.Subject) is { Succeeded: false } outranked)
        {
            return Result<Grant>.Failed(outranked.Error);
        }

        RemoveGrant(grantId, AuditActions.GrantRevoked);
        return Result<Grant>.Ok(grant);
    }

    /// <summary>A member's grants are theirs to have changed only by someone of their rank or above, as their role is.</summary>
    private Result MayChangeGrantsOf(GrantSubject subject) =>
        subject.Kind == GrantSubjectKind.Membership && Current.Memberships.TryGetValue(new MembershipId(subject.Id), out var member)
            ? Actor.MayManage(member, Roles)
            : Result.Success;

    /// <summary>Whether the actor holds every permission of <paramref name="mask"/> on the resource: nobody gives more than they hold.</summary>
    private bool ActorHoldsOn(string resourceId, ulong mask) =>
        (mask & ~AccessRules.ResourceMask(Current, Actor.Membership!, resourceId, Roles)) == 0;

    /// <summary>Drops an ending membership's direct grants.</summary>
    private void DropDirectGrants(MembershipId membershipId) => DropGrantsOf(GrantSubject.ForMembership(membershipId));

    private void DropGrantsOf(GrantSubject subject)
    {
        foreach (var grant in Current.Grants.Values.Where(g => g.Subject == subject).ToList())
        {
            RemoveGrant(grant.Id, AuditActions.GrantRevoked);
        }
    }

    private bool SubjectExists(GrantSubject subject, out bool readOnlyMember)
    {
        readOnlyMember = false;
        if (subject.Kind == GrantSubjectKind.Group)
        {
            return Current.Groups.ContainsKey(new GroupId(subject.Id));
        }

        if (subject.Kind != GrantSubjectKind.Membership
            || !Current.Memberships.TryGetValue(new MembershipId(subject.Id), out var membership) || membership.Status.IsTerminal())
        {
            return false;
        }

        readOnlyMember = Roles.TryGet(membership.Role, out var role) && role.IsReadOnly;
        return true;
    }
}
