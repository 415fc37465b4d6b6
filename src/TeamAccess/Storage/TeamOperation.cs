namespace TeamAccess;

/// <summary>
/// One thing a write did inside a team, as its aggregate performed it: the unit a store applies, the audit log records
/// (its action, with the subject before and after; a secret is never audited) and the change feed carries. The set of
/// operations is closed.
/// </summary>
public abstract record TeamOperation
{
    /// <summary>The audit event of the operation, or <see langword="null"/> when it is not audited.</summary>
    internal abstract AuditEvent? ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId);

    /// <summary>
    /// The team as <paramref name="change"/> leaves it: its operations applied, in order, to the team as it was at the
    /// change's expected version (an empty one for a new team). How the in-memory store commits, and how the EF Core
    /// store knows what it stored without reading it back.
    /// </summary>
    internal static TeamSnapshot ApplyAll(TeamSnapshot before, TeamChange change)
    {
        var team = before;
        foreach (var operation in change.Operations)
        {
            team = operation switch
            {
                TeamPut put => team with { Team = put.After },
                MembershipPut put => team with { Memberships = team.Memberships.SetItem(put.After.Id, put.After) },
                InvitationSecretPut put => team with { InvitationSecrets = team.InvitationSecrets.SetItem(put.MembershipId, put.Secret) },
                GroupPut put => team with { Groups = team.Groups.SetItem(put.After.Id, put.After) },
                GroupRemoval removal => team with { Groups = team.Groups.Remove(removal.Before.Id) },
                GrantPut put => team with { Grants = team.Grants.SetItem(put.After.Id, put.After) },
                GrantRemoval removal => team with { Grants = team.Grants.Remove(removal.Before.Id) },
                _ => throw new ArgumentException($"Unknown operation {operation.GetType().Name}.", nameof(change)),
            };
        }

        return team with { Team = change.After };
    }

    private protected static AuditEvent Event<T>(UserId? actor, DateTimeOffset at, TeamId teamId, AuditSubjectKind kind, Guid subjectId, string action, T? before, T? after)
        where T : class =>
        new(0, at, actor, teamId, kind, subjectId, action, AuditJson.Serialize(before), AuditJson.Serialize(after));
}

/// <summary>The team's own row changed (created, renamed, tier, policy, deleted).</summary>
/// <param name="Before">The team before; <see langword="null"/> when the write creates it.</param>
/// <param name="After">The team after (its version is the loaded one; the change's <see cref="TeamChange.After"/> carries the new one).</param>
/// <param name="Action">The audit action.</param>
public sealed record TeamPut(Team? Before, Team After, string Action) : TeamOperation
{
    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.Team, After.Id.Value, Action, Before, After);
}

/// <summary>A membership was added or changed.</summary>
/// <param name="Before">The membership before; <see langword="null"/> when the write adds it.</param>
/// <param name="After">The membership to store.</param>
/// <param name="Action">The audit action.</param>
public sealed record MembershipPut(Membership? Before, Membership After, string Action) : TeamOperation
{
    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.Membership, After.Id.Value, Action, Before, After);
}

/// <summary>An invitation's hashed secret was stored beside its membership (never audited: the membership's put is).</summary>
/// <param name="MembershipId">The invited membership.</param>
/// <param name="Replaces">Whether it replaces a stored secret (a resend) rather than adding the first one.</param>
/// <param name="Secret">The hashed secret.</param>
public sealed record InvitationSecretPut(MembershipId MembershipId, bool Replaces, InvitationSecret Secret) : TeamOperation
{
    internal override AuditEvent? ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) => null;
}

/// <summary>A group was created or changed (renamed, a member added or removed).</summary>
/// <param name="Before">The group before; <see langword="null"/> when the write creates it.</param>
/// <param name="After">The group to store.</param>
/// <param name="Action">The audit action.</param>
public sealed record GroupPut(Group? Before, Group After, string Action) : TeamOperation
{
    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.Group, After.Id.Value, Action, Before, After);
}

/// <summary>A group was deleted, with its members' places in it.</summary>
/// <param name="Before">The group as it was.</param>
/// <param name="Action">The audit action.</param>
public sealed record GroupRemoval(Group Before, string Action) : TeamOperation
{
    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event<Group>(actor, at, teamId, AuditSubjectKind.Group, Before.Id.Value, Action, Before, null);
}

/// <summary>A grant was given or changed.</summary>
/// <param name="Before">The grant before; <see langword="null"/> when the write gives it.</param>
/// <param name="After">The grant to store.</param>
/// <param name="Action">The audit action.</param>
public sealed record GrantPut(Grant? Before, Grant After, string Action) : TeamOperation
{
    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.Grant, After.Id.Value, Action, Before, After);
}

/// <summary>A grant was revoked.</summary>
/// <param name="Before">The grant as it was.</param>
/// <param name="Action">The audit action.</param>
public sealed record GrantRemoval(Grant Before, string Action) : TeamOperation
{
    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event<Grant>(actor, at, teamId, AuditSubjectKind.Grant, Before.Id.Value, Action, Before, null);
}
