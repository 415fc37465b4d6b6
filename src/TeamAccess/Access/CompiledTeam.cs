namespace TeamAccess;

/// <summary>
/// One team's immutable permission index: the user's slot, the team-level and resource-base permission words per
/// slot, and per resource the words that grants add, with group grants already expanded to their members. Built from a
/// snapshot in O(members + grants + group members) and never changed after; a change builds a new one.
/// </summary>
internal sealed class CompiledTeam
{
    private static readonly Dictionary<int, ulong> NoGrants = [];

    private readonly Dictionary<UserId, int> _slots;
    private readonly ulong[] _teamMasks;
    private readonly ulong[] _resourceBaseMasks;
    private readonly Dictionary<string, Dictionary<int, ulong>> _grantMasks;

    public CompiledTeam(TeamSnapshot snapshot, RoleCatalog roles)
    {
        Snapshot = snapshot;
        var current = new List<Membership>(snapshot.Memberships.Count);
        foreach (var membership in snapshot.Memberships.Values)
        {
            if (membership.UserId is not null && !membership.Status.IsTerminal())
            {
                current.Add(membership);
            }
        }

        _slots = new Dictionary<UserId, int>(current.Count);
        _teamMasks = new ulong[current.Count];
        _resourceBaseMasks = new ulong[current.Count];
        var slotByMembership = new Dictionary<MembershipId, int>(current.Count);
        var activeRoles = new Role?[current.Count];
        for (var slot = 0; slot < current.Count; slot++)
        {
            var membership = current[slot];
            var role = AccessRules.ActiveRole(snapshot.Team, membership, roles);
            _slots[membership.UserId!.Value] = slot;
            slotByMembership[membership.Id] = slot;
            activeRoles[slot] = role;
            _teamMasks[slot] = AccessRules.TeamMask(role);
            _resourceBaseMasks[slot] = AccessRules.ResourceBaseMask(role);
        }

        _grantMasks = new Dictionary<string, Dictionary<int, ulong>>(StringComparer.Ordinal);
        foreach (var grant in snapshot.Grants.Values)
        {
            var granted = AccessRules.MaskOf(grant, roles);
            if (grant.Subject.Kind == GrantSubjectKind.Membership)
            {
                Add(grant.ResourceId, slotByMembership, new MembershipId(grant.Subject.Id), granted, activeRoles, roles);
            }
            else if (snapshot.Groups.TryGetValue(new GroupId(grant.Subject.Id), out var group))
            {
                foreach (var member in group.Members)
                {
                    Add(grant.ResourceId, slotByMembership, member, granted, activeRoles, roles);
                }
            }
        }
    }

    public TeamSnapshot Snapshot { get; }

    public int Count => _teamMasks.Length;

    public bool TryGetSlot(UserId userId, out int slot) => _slots.TryGetValue(userId, out slot);

    public ulong TeamMask(int slot) => _teamMasks[slot];

    public ulong ResourceMask(int slot, string resourceId) =>
        _resourceBaseMasks[slot] | (_grantMasks.GetValueOrDefault(resourceId, NoGrants).GetValueOrDefault(slot));

    private void Add(string resourceId, Dictionary<MembershipId, int> slots, MembershipId membershipId, ulong granted, Role?[] activeRoles, RoleCatalog roles)
    {
        if (!slots.TryGetValue(membershipId, out var slot))
        {
            return;
        }

        var mask = AccessRules.GrantMask(activeRoles[slot], granted, roles);
        if (mask == 0)
        {
            return;
        }

        if (!_grantMasks.TryGetValue(resourceId, out var bySlot))
        {
            _grantMasks[resourceId] = bySlot = [];
        }

        bySlot[slot] = bySlot.GetValueOrDefault(slot) | mask;
    }
}
