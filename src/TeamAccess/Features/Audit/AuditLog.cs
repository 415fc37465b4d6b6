using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Audit;

/// <summary>The default <see cref="IAuditLog"/>: every event as <see cref="AuditView"/> projects it.</summary>
internal sealed class AuditLog(ITeamStore teams, IAuditStore audit, RoleCatalog roles, ListReader reads) : IAuditLog
{
    public async ValueTask<Result<Page<AuditEvent, long>>> ListPageAsync(UserId actor, TeamId teamId, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await reads.ReadAsync(actor, teamId, Permissions.AuditRead, (lists, ct) => lists.ListAuditEventsAsync(teamId, query, ct), cancellationToken).ConfigureAwait(false);
        return page.Succeeded ? Result<Page<AuditEvent, long>>.Ok(new Page<AuditEvent, long>([.. page.Value!.Items.Select(AuditView.Project)], page.Value.Next)) : page;
    }

    public async ValueTask<Result<IReadOnlyList<AuditEvent>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var read = await Actor.ReadAsync(teams, roles, actor, teamId, Permissions.AuditRead, cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            return Result<IReadOnlyList<AuditEvent>>.Failed(read.Error);
        }

        var events = new List<AuditEvent>();
        await foreach (var e in audit.ListAsync(teamId, cancellationToken).ConfigureAwait(false))
        {
            events.Add(AuditView.Project(e));
        }

        return Result<IReadOnlyList<AuditEvent>>.Ok(events);
    }
}
