using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>
/// One row to write. <see cref="ExpectedToken"/> is the value the entity's concurrency token must still have in the
/// database (a team's version, a user's stamp): EF Core puts it in the statement's WHERE clause, so a stale writer
/// changes no row and gets a conflict.
/// </summary>
internal sealed record RowChange(object Row, EntityState State, object? ExpectedToken = null);

/// <summary>
/// Plans a <see cref="ChangeSet"/> as rows, in three steps: first the rows whose token is checked (teams by version,
/// users by stamp), so that a stale writer meets a conflict, and retries, rather than a unique index that the change it
/// lost to has just filled (an accept that creates the invited user, racing the same accept); then the new users and
/// teams; then the contents of each team, diffed between the snapshot as loaded and as it will be stored, and the
/// audit rows.
/// </summary>
internal sealed class CommitPlan
{
    /// <summary>The rows whose concurrency token is checked: updated teams (version) and updated or deleted users (stamp).</summary>
    public List<RowChange> Checked { get; } = [];

    /// <summary>The new users and teams, which only unique indexes can refuse.</summary>
    public List<RowChange> Heads { get; } = [];

    public List<RowChange> Contents { get; } = [];

    /// <summary>The external logins linked by the change (after the users they link to).</summary>
    public List<RowChange> Logins { get; } = [];

    public List<AuditEventRow> Audit { get; } = [];

    /// <summary>The change-feed entries: one per changed team (with its new version) and per changed user.</summary>
    public List<ChangeFeedRow> Feed { get; } = [];

    /// <summary>
    /// The existing users that the change makes the holder of a current membership: each must still exist at commit,
    /// and gets a new concurrency stamp there, so a deletion decided on an earlier read conflicts instead of leaving a ghost.
    /// </summary>
    public List<Guid> AttachedUsers { get; } = [];

    /// <summary>The sessions signed out by the change.</summary>
    public List<RowChange> RevokedSessions { get; } = [];

    /// <summary>Revoked sessions that expired before this (UTC ticks) guard nothing any more and are deleted; 0 for none.</summary>
    public long PurgeRevokedSessionsBefore { get; private set; }

    public IEnumerable<RowChange> All => Checked.Concat(Heads).Concat(Logins).Concat(Contents).Concat(RevokedSessions).Concat(Audit.Select(a => new RowChange(a, EntityState.Added)));

    public static CommitPlan For(ChangeSet changes)
    {
        var plan = new CommitPlan();
        foreach (var change in changes.Users)
        {
            (change.Before is null ? plan.Heads : plan.Checked).Add((change.Before, change.After) switch
            {
                (null, { } created) => new RowChange(RowMapping.ToRow(created), EntityState.Added),
                ({ } before, { } after) => new RowChange(RowMapping.ToRow(after), EntityState.Modified, before.ConcurrencyStamp),
                ({ } deleted, null) => new RowChange(RowMapping.ToRow(deleted), EntityState.Deleted, deleted.ConcurrencyStamp),
                _ => throw new ArgumentException("A user change has a before or an after.", nameof(changes)),
            });
        }

        // Teams in id order: concurrent writers touching several teams lock their rows in the same order.
        foreach (var change in changes.Teams.OrderBy(t => t.After.Id.Value))
        {
            if (change.Before is { } before)
            {
                plan.Checked.Add(new RowChange(RowMapping.ToRow(change.After.Team), EntityState.Modified, before.Version));
            }
            else
            {
                plan.Heads.Add(new RowChange(RowMapping.ToRow(change.After.Team), EntityState.Added));
            }

            plan.AddContents(change.Before, change.After);
        }

        var changedUsers = changes.Users.Select(u => (u.Before ?? u.After)!.Id).ToHashSet();
        plan.AttachedUsers.AddRange(changes.Teams.SelectMany(StoreConstraints.AttachedUsers).Where(u => !changedUsers.Contains(u)).Select(u => u.Value).Distinct().Order());
        plan.Logins.AddRange(changes.AddedLogins.Select(l => new RowChange(RowMapping.ToRow(l), EntityState.Added)));
        plan.RevokedSessions.AddRange(changes.RevokedSessions.DistinctBy(r => r.SessionId).Select(r => new RowChange(RowMapping.ToRow(r), EntityState.Added)));
        plan.PurgeRevokedSessionsBefore = changes.RevokedSessions.Count == 0 ? 0 : changes.RevokedSessions.Min(r => r.RevokedAt.UtcTicks);
        plan.Audit.AddRange(changes.AuditEvents.Select(RowMapping.ToRow));
        plan.Feed.AddRange(changes.Teams.OrderBy(t => t.After.Id.Value).Select(t => new ChangeFeedRow { TeamId = t.After.Id.Value, TeamVersion = t.After.Version }));
        plan.Feed.AddRange(changes.ChangedUserIds.Select(user => new ChangeFeedRow { UserId = user.Value }));
        return plan;
    }

    // Each child collection of a snapshot is one Diff line. Memberships come before the invitation secrets that
    // reference them, so EF Core's ordering of inserts has the parent row first either way.
    private void AddContents(TeamSnapshot? before, TeamSnapshot after)
    {
        Diff(before?.Memberships, after.Memberships, (_, m) => RowMapping.ToRow(m), (a, b) => a == b);
        Diff(before?.InvitationSecrets, after.InvitationSecrets, (id, secret) => RowMapping.ToRow(after.Id, id, secret), (a, b) => a == b);
        Diff(before?.Groups, after.Groups, (_, g) => RowMapping.ToRow(g), (a, b) => a.Name == b.Name && a.Handle == b.Handle);
        Diff(before is null ? null : GroupMembers(before), GroupMembers(after), (_, row) => row, (_, _) => true);
        Diff(before?.Grants, after.Grants, (_, g) => RowMapping.ToRow(g), (a, b) =>
            a.Subject == b.Subject && a.ResourceId == b.ResourceId && a.GrantedBy == b.GrantedBy && a.Permissions.SequenceEqual(b.Permissions));
    }

    private static Dictionary<(GroupId, MembershipId), GroupMemberRow> GroupMembers(TeamSnapshot snapshot) =>
        snapshot.Groups.Values
            .SelectMany(g => g.Members.Select(m => (Key: (g.Id, m), Row: RowMapping.ToRow(g, m))))
            .ToDictionary(x => x.Key, x => x.Row);

    private void Diff<TKey, TValue, TRow>(
        IReadOnlyDictionary<TKey, TValue>? before,
        IReadOnlyDictionary<TKey, TValue> after,
        Func<TKey, TValue, TRow> toRow,
        Func<TValue, TValue, bool> same)
        where TKey : notnull
        where TRow : class
    {
        foreach (var (key, value) in after)
        {
            if (before is null || !before.TryGetValue(key, out var old))
            {
                Contents.Add(new RowChange(toRow(key, value), EntityState.Added));
            }
            else if (!same(old, value))
            {
                Contents.Add(new RowChange(toRow(key, value), EntityState.Modified));
            }
        }

        if (before is null)
        {
            return;
        }

        foreach (var (key, value) in before)
        {
            if (!after.ContainsKey(key))
            {
                Contents.Add(new RowChange(toRow(key, value), EntityState.Deleted));
            }
        }
    }
}
