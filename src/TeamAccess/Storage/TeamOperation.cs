using TeamAccess.Storage;

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
                TeamRolePut put => team with { TeamRoles = team.TeamRoles.SetItem(put.After.Name, put.After) },
                TeamRoleRemoval removal => team with { TeamRoles = team.TeamRoles.Remove(removal.Before.Name) },
                _ => throw new ArgumentException($"Unknown operation {operation.GetType().Name}.", nameof(change)),
            };
        }

        return team with { Team = change.After };
    }

    private protected static AuditEvent Event<T>(UserId? actor, DateTimeOffset at, TeamId teamId, AuditSubjectKind kind, Guid subjectId, string action, T? before, T? after)
        where T : class =>
        new(0, at, actor, teamId, kind, subjectId, action, AuditJson.Serialize(before), AuditJson.Serialize(after));
}
