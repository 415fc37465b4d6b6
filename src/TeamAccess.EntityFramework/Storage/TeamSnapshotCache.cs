namespace TeamAccess.EntityFramework;

/// <summary>
/// The teams the EF Core store holds in process, so that a write in a big team does not read all its rows again: a
/// snapshot is used only when the team's version in the database is still the cached one (one read of the team row by
/// its key), and a commit puts the snapshot it stored. Every change to a team bumps its version in the commit that
/// makes it, on whichever instance, so an equal version means equal contents; another instance's write makes the next
/// read here miss and load the team again. Bounded by a budget of rows (memberships, secrets, groups, group members,
/// grants); the least recently used teams leave first, and a team larger than the whole budget is not held.
/// </summary>
internal sealed class TeamSnapshotCache(long rowBudget)
{
    /// <summary>The default budget: about 250,000 rows, a few hundred bytes each, so tens of megabytes at most.</summary>
    public const long DefaultRowBudget = 250_000;

    private readonly Dictionary<TeamId, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly object _lock = new();
    private long _rows;

    public long Rows
    {
        get
        {
            lock (_lock)
            {
                return _rows;
            }
        }
    }

    /// <summary>The cached snapshot of the team at exactly <paramref name="version"/>, or <see langword="null"/>.</summary>
    public TeamSnapshot? Find(TeamId id, long version)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(id, out var node))
            {
                return null;
            }

            if (node.Value.Snapshot.Version != version)
            {
                Remove(node);
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Snapshot;
        }
    }

    /// <summary>Holds a snapshot as it is stored, unless a newer version of the team is held already.</summary>
    public void Put(TeamSnapshot snapshot)
    {
        var rows = Weigh(snapshot);
        lock (_lock)
        {
            if (_entries.TryGetValue(snapshot.Id, out var existing))
            {
                if (existing.Value.Snapshot.Version > snapshot.Version)
                {
                    return;
                }

                Remove(existing);
            }

            if (rows > rowBudget)
            {
                return;
            }

            _entries[snapshot.Id] = _recency.AddFirst(new Entry(snapshot, rows));
            _rows += rows;
            while (_rows > rowBudget && _recency.Last is { } oldest)
            {
                Remove(oldest);
            }
        }
    }

    /// <summary>Forgets a team: its commit failed or its outcome is unknown, so the held version may not be the stored one.</summary>
    public void Evict(TeamId id)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(id, out var node))
            {
                Remove(node);
            }
        }
    }

    private static long Weigh(TeamSnapshot snapshot)
    {
        long rows = 1 + snapshot.Memberships.Count + snapshot.InvitationSecrets.Count + snapshot.Grants.Count + snapshot.TeamRoles.Count;
        foreach (var group in snapshot.Groups.Values)
        {
            rows += 1 + group.Members.Count;
        }

        return rows;
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Snapshot.Id);
        _rows -= node.Value.Rows;
    }

    private sealed record Entry(TeamSnapshot Snapshot, long Rows);
}
