namespace TeamAccess;

/// <summary>Reads a team's audit log (needs <c>audit.read</c>).</summary>
public interface IAuditLog
{
    /// <summary>Lists the team's events in sequence order.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<IReadOnlyList<AuditEvent>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);
}

/// <summary>The default <see cref="IAuditLog"/>.</summary>
internal sealed class AuditLog(ITeamStore teams, IAuditStore audit, RoleCatalog roles) : IAuditLog
{
    public async ValueTask<Result<IReadOnlyList<AuditEvent>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var snapshot = await teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Result<IReadOnlyList<AuditEvent>>.Failed(TeamAccessErrorCode.NotFound);
        }

        var authorized = Actor.Authorize(snapshot, actor, Permissions.AuditRead, roles, out _);
        if (!authorized.Succeeded)
        {
            return Result<IReadOnlyList<AuditEvent>>.Failed(authorized.Error);
        }

        var events = new List<AuditEvent>();
        await foreach (var e in audit.ListAsync(teamId, cancellationToken).ConfigureAwait(false))
        {
            events.Add(e);
        }

        return Result<IReadOnlyList<AuditEvent>>.Ok(events);
    }
}
