using Microsoft.EntityFrameworkCore;
using TeamAccess.Storage;

namespace TeamAccess.EntityFramework;

/// <summary>
/// Plans a <see cref="ChangeSet"/> as rows, in three steps: first the rows whose token is checked (teams by version,
/// users by stamp), so that a stale writer meets a conflict, and retries, rather than a unique index that the change it
/// lost to has just filled (an accept that creates the invited user, racing the same accept); then the new users and
/// teams; then the rows each team change's operations put or remove, and the audit rows. No team is read or diffed:
/// the operations say which rows change.
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

    /// <summary>The passkeys registered, updated or removed by the change (after the users they belong to).</summary>
    public List<RowChange> Passkeys { get; } = [];

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

    /// <summary>Gets how many rows the commit adds, audit rows included: what decides whether it takes the bulk path.</summary>
    public int AddedCount => Heads.Count + Contents.Count(c => c.State == EntityState.Added) + Audit.Count;

    public IEnumerable<RowChange> All => Checked.Concat(Heads).Concat(Logins).Concat(Passkeys).Concat(Contents).Concat(RevokedSessions).Concat(Audit.Select(a => new RowChange(a, EntityState.Added)));

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
            var team = RowMapping.ToRow(change.After);
            (change.IsNew ? plan.Heads : plan.Checked).Add(change.IsNew
                ? new RowChange(team, EntityState.Added)
                : new RowChange(team, EntityState.Modified, change.ExpectedVersion));
            plan.AddContents(change);
        }

        var changedUsers = changes.Users.Select(u => (u.Before ?? u.After)!.Id).ToHashSet();
        plan.AttachedUsers.AddRange(changes.Teams.SelectMany(ChangeSetChecks.AttachedUsers).Where(u => !changedUsers.Contains(u)).Select(u => u.Value).Distinct().Order());
        plan.Logins.AddRange(changes.AddedLogins.Select(l => new RowChange(RowMapping.ToRow(l), EntityState.Added)));
        plan.Passkeys.AddRange(changes.Passkeys.Select(p => new RowChange(PasskeyRows.ToRow((p.After ?? p.Before)!), StateOf(p.Before, p.After))));
        plan.RevokedSessions.AddRange(changes.RevokedSessions.DistinctBy(r => r.SessionId).Select(r => new RowChange(RowMapping.ToRow(r), EntityState.Added)));
        plan.PurgeRevokedSessionsBefore = changes.RevokedSessions.Count == 0 ? 0 : changes.RevokedSessions.Min(r => r.RevokedAt.UtcTicks);
        plan.Audit.AddRange(changes.AuditEvents.Select(RowMapping.ToRow));
        plan.Feed.AddRange(changes.Teams.OrderBy(t => t.After.Id.Value).Select(t => new ChangeFeedRow { TeamId = t.After.Id.Value, TeamVersion = t.After.Version }));
        plan.Feed.AddRange(changes.ChangedUserIds.Select(user => new ChangeFeedRow { UserId = user.Value }));
        return plan;
    }

    /// <summary>
    /// The rows of one team change's operations, each row once (an operation on a row the same change put before is
    /// folded into it). Memberships come before the invitation secrets that reference them, and groups before their
    /// members, so EF Core's ordering of inserts has the parent row first either way.
    /// </summary>
    private void AddContents(TeamChange change)
    {
        var memberships = new Folded<MembershipId, StoredMembership>();
        var secrets = new Dictionary<MembershipId, (bool Replaces, InvitationSecret Secret)>();
        var groups = new Folded<GroupId, Group>();
        var grants = new Folded<GrantId, Grant>();
        var roles = new Folded<TeamRoleId, TeamRole>();
        var apiKeys = new Folded<ApiKeyId, StoredApiKey>();
        var providers = new Folded<TeamProviderId, StoredTeamProvider>();
        var domains = new Folded<TeamDomainId, StoredTeamDomain>();
        foreach (var operation in change.Operations)
        {
            switch (operation)
            {
                case MembershipPut put:
                    memberships.Put(put.After.Id, put.Before, put.After);
                    break;
                case InvitationSecretPut put:
                    secrets[put.MembershipId] = (secrets.TryGetValue(put.MembershipId, out var first) ? first.Replaces : put.Replaces, put.Secret);
                    break;
                case GroupPut put:
                    groups.Put(put.After.Id, put.Before, put.After);
                    break;
                case GroupRemoval removal:
                    groups.Put(removal.Before.Id, removal.Before, null);
                    break;
                case GrantPut put:
                    grants.Put(put.After.Id, put.Before, put.After);
                    break;
                case GrantRemoval removal:
                    grants.Put(removal.Before.Id, removal.Before, null);
                    break;
                case TeamRolePut put:
                    roles.Put(put.After.Id, put.Before, put.After);
                    break;
                case TeamRoleRemoval removal:
                    roles.Put(removal.Before.Id, removal.Before, null);
                    break;
                case ApiKeyPut put:
                    apiKeys.Put(put.After.Id, put.Before, put.After);
                    break;
                case TeamProviderPut put:
                    providers.Put(put.Id, put.Before, put.After);
                    break;
                case TeamDomainPut put:
                    domains.Put(put.Id, put.Before, put.After);
                    break;
            }
        }

        foreach (var (before, after) in memberships.Rows)
        {
            Contents.Add(new RowChange(RowMapping.ToRow(after!), before is null ? EntityState.Added : EntityState.Modified));
        }

        foreach (var (id, (replaces, secret)) in secrets)
        {
            Contents.Add(new RowChange(RowMapping.ToRow(change.After.Id, id, secret), replaces ? EntityState.Modified : EntityState.Added));
        }

        var members = new List<RowChange>();
        foreach (var (before, after) in groups.Rows)
        {
            if (before is null || after is null)
            {
                Contents.Add(new RowChange(RowMapping.ToRow((after ?? before)!), before is null ? EntityState.Added : EntityState.Deleted));
            }
            else if (before.Name != after.Name || before.Handle != after.Handle)
            {
                Contents.Add(new RowChange(RowMapping.ToRow(after), EntityState.Modified));
            }

            var had = before?.Members ?? [];
            var has = after?.Members ?? [];
            members.AddRange(has.Except(had).Select(m => new RowChange(RowMapping.ToRow((after ?? before)!, m), EntityState.Added)));
            members.AddRange(had.Except(has).Select(m => new RowChange(RowMapping.ToRow((after ?? before)!, m), EntityState.Deleted)));
        }

        Contents.AddRange(members);
        foreach (var (before, after) in grants.Rows)
        {
            Contents.Add(new RowChange(RowMapping.ToRow((after ?? before)!), StateOf(before, after)));
        }

        foreach (var (before, after) in roles.Rows)
        {
            Contents.Add(new RowChange(RowMapping.ToRow((after ?? before)!), StateOf(before, after)));
        }

        // After the memberships: a key references its service account's row.
        foreach (var (before, after) in apiKeys.Rows)
        {
            Contents.Add(new RowChange(RowMapping.ToRow((after ?? before)!), StateOf(before, after)));
        }

        foreach (var (before, after) in providers.Rows)
        {
            Contents.Add(new RowChange(TeamSsoRowMapping.ToRow((after ?? before)!), StateOf(before, after)));
        }

        foreach (var (before, after) in domains.Rows)
        {
            Contents.Add(new RowChange(TeamSsoRowMapping.ToRow((after ?? before)!), StateOf(before, after)));
        }
    }

    private static EntityState StateOf(object? before, object? after) =>
        before is null ? EntityState.Added : after is null ? EntityState.Deleted : EntityState.Modified;

    /// <summary>The operations on one kind of row folded per row: as it was before the first, as it is after the last (<see langword="null"/>: gone).</summary>
    private sealed class Folded<TKey, TValue>
        where TKey : notnull
        where TValue : class
    {
        private readonly Dictionary<TKey, (TValue? Before, TValue? After)> _rows = [];

        /// <summary>The rows that changed; a row put and removed by the same change never reaches the store.</summary>
        public IEnumerable<(TValue? Before, TValue? After)> Rows => _rows.Values.Where(r => r.Before is not null || r.After is not null);

        public void Put(TKey key, TValue? before, TValue? after) =>
            _rows[key] = (_rows.TryGetValue(key, out var first) ? first.Before : before, after);
    }
}
