namespace TeamAccess.Grants;

/// <summary>Grants: permission sets on one resource for a membership or a group (needs <c>grants.manage</c>).</summary>
public interface IGrantService
{
    /// <summary>
    /// Gives <paramref name="permissions"/> on <paramref name="resourceId"/> to a membership or group, widening the
    /// existing grant of that subject on that resource if there is one. The actor must hold every permission given on
    /// that resource (invariant 15); a read-only member cannot be given a write permission (invariant 7).
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="subject">The membership or group.</param>
    /// <param name="resourceId">The host's resource id.</param>
    /// <param name="permissions">The permission names.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The grant; or NotFound, PermissionDenied, InvalidPermission, InvalidResource, ExceedsGranterPermissions, ReadOnlyRole.</returns>
    ValueTask<Result<Grant>> GrantAsync(UserId actor, TeamId teamId, GrantSubject subject, string resourceId, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken = default);

    /// <summary>Revokes a grant.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="grantId">The grant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; or NotFound, PermissionDenied.</returns>
    ValueTask<Result> RevokeAsync(UserId actor, TeamId teamId, GrantId grantId, CancellationToken cancellationToken = default);

    /// <summary>Lists the team's grants (needs <c>members.read</c>).</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The grants; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<IReadOnlyList<Grant>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists one page of the team's grants, of every subject or of one subject or resource, keyset-paged on
    /// (resource, grant id), without loading the team (needs <c>members.read</c>).
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="query">The filters, page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<Page<Grant, GrantPageKey>>> ListPageAsync(UserId actor, TeamId teamId, GrantQuery query, CancellationToken cancellationToken = default);
}
