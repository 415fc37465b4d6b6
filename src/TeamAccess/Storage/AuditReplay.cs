using System.Collections.Immutable;

namespace TeamAccess.Storage;

/// <summary>
/// Rebuilds a team from its audit events (the log is complete: replaying a team's events from empty rebuilds it): each event's <see cref="AuditEvent.After"/> replaces
/// its subject, a missing one deletes it. The result equals the stored team in everything but its version.
/// </summary>
public static class AuditReplay
{
    /// <summary>Replays a team's events, in sequence order, from empty.</summary>
    /// <param name="events">The team's events.</param>
    /// <returns>The rebuilt team, or <see langword="null"/> when the events never created it.</returns>
    public static TeamSnapshot? Rebuild(IEnumerable<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        Team? team = null;
        var memberships = ImmutableDictionary.CreateBuilder<MembershipId, StoredMembership>();
        var groups = ImmutableDictionary.CreateBuilder<GroupId, Group>();
        var grants = ImmutableDictionary.CreateBuilder<GrantId, Grant>();
        var roles = ImmutableDictionary.CreateBuilder<TeamRoleId, TeamRole>();
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            switch (e.SubjectKind)
            {
                case AuditSubjectKind.Team:
                    team = AuditJson.Deserialize<Team>(e.After) ?? team;
                    break;
                case AuditSubjectKind.Membership:
                    Apply(memberships, new MembershipId(e.SubjectId), AuditJson.Deserialize<StoredMembership>(e.After));
                    break;
                case AuditSubjectKind.Group:
                    Apply(groups, new GroupId(e.SubjectId), AuditJson.Deserialize<Group>(e.After));
                    break;
                case AuditSubjectKind.Grant:
                    Apply(grants, new GrantId(e.SubjectId), AuditJson.Deserialize<Grant>(e.After));
                    break;
                case AuditSubjectKind.TeamRole:
                    Apply(roles, new TeamRoleId(e.SubjectId), AuditJson.Deserialize<TeamRole>(e.After));
                    break;
                case AuditSubjectKind.User:
                default:
                    break;
            }
        }

        return team is null ? null : new TeamSnapshot(team with { Version = 0 }, memberships.ToImmutable(), groups.ToImmutable(), grants.ToImmutable()).WithTeamRoles(roles.Values);
    }

    private static void Apply<TKey, TValue>(ImmutableDictionary<TKey, TValue>.Builder target, TKey key, TValue? after)
        where TKey : notnull
        where TValue : class
    {
        if (after is null)
        {
            target.Remove(key);
        }
        else
        {
            target[key] = after;
        }
    }
}
