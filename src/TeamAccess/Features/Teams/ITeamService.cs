using TeamAccess.Accounts;

namespace TeamAccess.Teams;

/// <summary>Teams: create, rename, find, change tier, delete, list a user's teams.</summary>
public interface ITeamService
{
    /// <summary>Creates a team in which <paramref name="actor"/> holds the guardian role.</summary>
    /// <param name="actor">The acting user, who must exist.</param>
    /// <param name="name">The team's name.</param>
    /// <param name="handle">The team's unique handle.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The team; or NotFound (no such user), InvalidName, InvalidHandle, DuplicateHandle.</returns>
    ValueTask<Result<Team>> CreateAsync(UserId actor, string name, string handle, CancellationToken cancellationToken = default);

    /// <summary>Renames a team (needs <c>team.manage</c>).</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="name">The new name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The team; or NotFound, PermissionDenied, InvalidName, TeamDeleted.</returns>
    ValueTask<Result<Team>> RenameAsync(UserId actor, TeamId teamId, string name, CancellationToken cancellationToken = default);

    /// <summary>Changes the tier (needs <c>billing.manage</c>, which only the guardian role holds). Upgrading keeps all data.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="tier">The new tier.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The team; or InvalidTier (a value outside <see cref="TeamTier"/>), NotFound, PermissionDenied, GuardianRequired, NoChange, TeamDeleted.</returns>
    ValueTask<Result<Team>> ChangeTierAsync(UserId actor, TeamId teamId, TeamTier tier, CancellationToken cancellationToken = default);

    /// <summary>Deletes the team (needs <c>team.delete</c>, which only the guardian role holds). Its memberships grant nothing afterwards.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; or NotFound, PermissionDenied, GuardianRequired, TeamDeleted.</returns>
    ValueTask<Result> DeleteAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets how people sign in to the team (guardian only, as it decides who can get in): the accepted providers, whether
    /// the team requires its SSO provider, and just-in-time joining through a verified domain. The domain must be verified
    /// for the team by the host's <see cref="IDomainVerifier"/> (by default: the team's SSO provider is authoritative for
    /// it); naming it is not enough.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="policy">The new policy.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The team, or NotFound, PermissionDenied, GuardianRequired, UnknownProvider, InvalidRole, InvalidHandle (a malformed domain), DomainNotVerified.</returns>
    ValueTask<Result<Team>> SetSignInPolicyAsync(UserId actor, TeamId teamId, TeamSignInPolicy policy, CancellationToken cancellationToken = default);

    /// <summary>Finds an Active team by handle, for "log in with team SSO" pages (<c>team/{handle}</c>).</summary>
    /// <param name="handle">The handle.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The team, or <see langword="null"/>.</returns>
    ValueTask<Team?> FindByHandleAsync(string handle, CancellationToken cancellationToken = default);

    /// <summary>Gets a team its member can see.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The team; or NotFound when the actor has no membership in it.</returns>
    ValueTask<Result<Team>> GetAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>Lists the Active teams in which the user has an Active or Inactive membership, by team name.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The teams with the user's role and status in each.</returns>
    ValueTask<IReadOnlyList<TeamMembershipView>> ListForUserAsync(UserId userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists one page of the Active teams in which the user has an Active or Inactive membership, keyset-paged on the
    /// team's handle, in one query per page: what a team switcher shows a user of many teams.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="query">The page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page of teams with the user's role and status in each.</returns>
    ValueTask<Page<TeamMembershipView, TeamPageKey>> ListPageForUserAsync(UserId userId, UserTeamQuery query, CancellationToken cancellationToken = default);
}
