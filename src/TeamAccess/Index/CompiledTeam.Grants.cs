using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TeamAccess.Domain;

namespace TeamAccess.Index;

/// <content>The grants' words per resource and per slot, and the members sorted by user, computed once on first use.</content>
internal sealed partial class CompiledTeam
{
    private int[] SortByUser()
    {
        var positions = new int[Count];
        var users = new Guid[Count];
        var n = 0;
        for (var i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].SlotPlusOne != 0)
            {
                positions[n] = i;
                users[n++] = _entries[i].UserId;
            }
        }

        Array.Sort(users, positions);

        // Two first lists may sort at once; both orders are equal, and the first one published is kept.
        return Interlocked.CompareExchange(ref _positionsByUser, positions, null) ?? positions;
    }

    private SlotGrants IndexGrantsBySlot()
    {
        var offsets = new int[Count + 1];
        if (_grantMasks is not null)
        {
            foreach (var words in _grantMasks.Values)
            {
                foreach (var slot in words.Keys)
                {
                    offsets[slot + 1]++;
                }
            }
        }

        for (var slot = 0; slot < Count; slot++)
        {
            offsets[slot + 1] += offsets[slot];
        }

        var resources = new string[offsets[Count]];
        var grantWords = new GrantWord[offsets[Count]];
        if (_grantMasks is not null)
        {
            var next = offsets[..^1];
            foreach (var (resourceId, words) in _grantMasks)
            {
                foreach (var (slot, word) in words)
                {
                    resources[next[slot]] = resourceId;
                    grantWords[next[slot]++] = word;
                }
            }

            for (var slot = 0; slot < Count; slot++)
            {
                Array.Sort(resources, grantWords, offsets[slot], offsets[slot + 1] - offsets[slot], StringComparer.Ordinal);
            }
        }

        var built = new SlotGrants(offsets, resources, grantWords);
        return Interlocked.CompareExchange(ref _grantsBySlot, built, null) ?? built;
    }

    private static Dictionary<string, Dictionary<int, GrantWord>> CompileGrants(TeamSnapshot snapshot, TeamRoleSet roles, Dictionary<MembershipId, int> slotByMembership, StoredMembership[] bySlot)
    {
        var compiled = new Dictionary<string, Dictionary<int, GrantWord>>(StringComparer.Ordinal);
        foreach (var grant in snapshot.Grants.Values)
        {
            var granted = AccessRules.MaskOf(grant, roles);
            if (grant.Subject.Kind == GrantSubjectKind.Membership)
            {
                Add(compiled, grant.ResourceId, new MembershipId(grant.Subject.Id), granted, viaGroup: false);
            }
            else if (snapshot.Groups.TryGetValue(new GroupId(grant.Subject.Id), out var group))
            {
                foreach (var member in group.Members)
                {
                    Add(compiled, grant.ResourceId, member, granted, viaGroup: true);
                }
            }
        }

        return compiled;

        void Add(Dictionary<string, Dictionary<int, GrantWord>> target, string resourceId, MembershipId membershipId, ulong granted, bool viaGroup)
        {
            if (!slotByMembership.TryGetValue(membershipId, out var slot))
            {
                return;
            }

            var mask = AccessRules.GrantMask(AccessRules.ActiveRole(snapshot.Team, bySlot[slot], roles), granted, roles);
            if (mask == 0)
            {
                return;
            }

            if (!target.TryGetValue(resourceId, out var masks))
            {
                target[resourceId] = masks = [];
            }

            var word = masks.GetValueOrDefault(slot);
            masks[slot] = viaGroup ? word with { ViaGroup = word.ViaGroup | mask } : word with { Direct = word.Direct | mask };
        }
    }
}
