namespace TeamAccess.Storage;

/// <summary>
/// Reads the lists a portal shows a page at a time, without loading a team: one query per page (no query per item), on
/// a stable key with a capped page size. A store that holds many rows serves each from an index that starts with the
/// list's owner (the team, the user) and continues with the key.
/// </summary>
public interface IListQueryStore
{
    /// <summary>Lists one page of a team's invitations: its memberships that began as an invitation.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="query">The filters, page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The memberships of the page, ordered by (email, id).</returns>
    ValueTask<Page<StoredMembership, MemberPageKey>> ListInvitationsAsync(TeamId teamId, InvitationQuery query, CancellationToken cancellationToken);

    /// <summary>Lists one page of the Active teams in which the user holds an Active or Inactive membership.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="query">The page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The teams with the user's membership, ordered by handle.</returns>
    ValueTask<Page<TeamMembershipView, TeamPageKey>> ListTeamsForUserAsync(UserId userId, UserTeamQuery query, CancellationToken cancellationToken);

    /// <summary>Lists one page of a team's groups with their members.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="query">The page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The groups, ordered by handle.</returns>
    ValueTask<Page<Group, GroupPageKey>> ListGroupsAsync(TeamId teamId, GroupQuery query, CancellationToken cancellationToken);

    /// <summary>Lists one page of a team's grants.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="query">The filters, page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The grants, ordered by (resource, id).</returns>
    ValueTask<Page<Grant, GrantPageKey>> ListGrantsAsync(TeamId teamId, GrantQuery query, CancellationToken cancellationToken);

    /// <summary>Lists one page of a team's audit events.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="query">The direction, page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, in sequence order (newest first when asked).</returns>
    ValueTask<Page<AuditEvent, long>> ListAuditEventsAsync(TeamId teamId, AuditQuery query, CancellationToken cancellationToken);
}
