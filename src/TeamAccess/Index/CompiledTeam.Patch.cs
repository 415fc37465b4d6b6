using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TeamAccess.Domain;

namespace TeamAccess.Index;

/// <content>The patch: the next version's index from this one when a write changed only role, status or stamp of memberships, and the probe-table walks it uses.</content>
internal sealed partial class CompiledTeam
{
    /// <summary>
    /// Builds the index of <paramref name="snapshot"/> from this one, the index of the version just before it, when the
    /// write changed only role, status or stamp of memberships that stay in the index under the same user: a copy of the
    /// probe table with those entries rewritten, sharing everything else. <see langword="null"/> when the change is of
    /// another kind (a membership joins or leaves the index, changes user, or is reached by a grant, whose words depend
    /// on the role), and the caller rebuilds instead.
    /// </summary>
    public CompiledTeam? Patch(TeamSnapshot snapshot, IndexDelta delta, RoleCatalog catalog)
    {
        // A write that changed a team role changed more than memberships and brings no delta; the guard keeps the patch honest.
        var roles = catalog.ForTeam(snapshot);
        if (snapshot.Version != Version + 1 || snapshot.Team.Status != Status || !ReferenceEquals(roles, _roles))
        {
            return null;
        }

        // Every change is vetted before anything is allocated, so a fallback costs nothing but this loop.
        var changes = delta.Memberships;
        for (var c = 0; c < changes.Count; c++)
        {
            var (before, after) = changes[c];
            var wasIndexed = before is { UserId: not null } && !before.Status.IsTerminal();
            var isIndexed = after.UserId is not null && !after.Status.IsTerminal();
            if (!wasIndexed && !isIndexed)
            {
                // In neither version's index (an invitation to an address with no user yet, a terminal membership).
                continue;
            }

            if (!wasIndexed || !isIndexed || before!.UserId != after.UserId || before.Id != after.Id)
            {
                return null;
            }

            // The delta's "before" must be what this index holds: a cheap guard against an index of the same version
            // number compiled from another snapshot, which a correct store never produces.
            var i = IndexOf(after.UserId!.Value.Value);
            if (i < 0 || _membershipIds[_entries[i].SlotPlusOne - 1] != after.Id || _entries[i].Status != (byte)before.Status
                || _entries[i].Role != RoleIndexOf(roles, before.Role) || IsReachedByGrant(after.Id))
            {
                return null;
            }
        }

        // Entry holds no references, so the runtime need not clear an array that is overwritten whole at once.
        var entries = GC.AllocateUninitializedArray<Entry>(_entries.Length);
        _entries.AsSpan().CopyTo(entries);
        var stamps = GC.AllocateUninitializedArray<Guid>(_stamps.Length);
        _stamps.AsSpan().CopyTo(stamps);
        for (var c = 0; c < changes.Count; c++)
        {
            var after = changes[c].After;
            if (after.UserId is { } userId && !after.Status.IsTerminal())
            {
                var i = IndexOf(userId.Value);
                ref readonly var old = ref _entries[i];
                entries[i] = Entry.Of(snapshot.Team, after, roles.TryGet(after.Role, out var role) ? role : null, old.Lo, old.Hi, old.SlotPlusOne);
                stamps[old.SlotPlusOne - 1] = after.SecurityStamp;
            }
        }

        return new CompiledTeam(this, snapshot, entries, stamps);
    }

    private static byte RoleIndexOf(TeamRoleSet roles, string name) => roles.TryGet(name, out var role) ? (byte)role.Index : UnknownRole;

    private bool IsReachedByGrant(MembershipId membershipId)
    {
        foreach (var grant in Grants.Values)
        {
            if (AccessRules.Reaches(Groups, grant, membershipId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index in the probe table of the user's entry, or -1.</summary>
    private int IndexOf(Guid userId)
    {
        var (lo, hi) = GuidKey.Split(userId);
        var mask = _entries.Length - 1;
        var i = GuidKey.Slot(lo, hi, _shift);
        while (_entries[i].SlotPlusOne != 0)
        {
            if (_entries[i].Lo == lo && _entries[i].Hi == hi)
            {
                return i;
            }

            i = (i + 1) & mask;
        }

        return -1;
    }

    private int FindFree(ulong lo, ulong hi)
    {
        var mask = _entries.Length - 1;
        var i = GuidKey.Slot(lo, hi, _shift);
        while (_entries[i].SlotPlusOne != 0)
        {
            i = (i + 1) & mask;
        }

        return i;
    }
}
