using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TeamAccess.Domain;

namespace TeamAccess.Index;

/// <summary>
/// One team's immutable permission index. The hot part is one open-addressing table of 32-byte entries keyed by the
/// user's Guid, each carrying the membership's team-level permission word already: a team-level check is one probe
/// (usually one cache line) and a bit test. Per slot it keeps what <see cref="AccessEngine.Explain"/> needs (membership
/// id, role, status) and, per resource, the words that grants add, with group grants already expanded to their members.
/// Built from a snapshot in O(members + grants + group members) and never changed after; a change builds a new one.
/// </summary>
internal sealed class CompiledTeam
{
    /// <summary>The role index of a membership whose role the catalog no longer has: it holds nothing.</summary>
    public const byte UnknownRole = RoleCatalog.UnknownRoleIndex;

    private static readonly Dictionary<int, GrantWord> NoGrants = [];

    private readonly Entry[] _entries;
    private readonly int _shift;
    private readonly MembershipId[] _membershipIds;
    private readonly Guid[] _stamps;
    private readonly ulong[] _resourceBaseByRole;
    private readonly Dictionary<string, Dictionary<int, GrantWord>>? _grantMasks;
    private readonly TeamRoleSet _roles;
    private readonly bool[] _serviceAccounts;
    private readonly FrozenDictionary<Guid, CompiledApiKey> _apiKeys;

    // The orders the lists page through, built on the first list of this version (most teams are never listed) and
    // handed on by a patch, which keeps every user in its probe position and every grant word as it was.
    private int[]? _positionsByUser;
    private SlotGrants? _grantsBySlot;

    public CompiledTeam(TeamSnapshot snapshot, RoleCatalog catalog)
    {
        // The team's own roles have indexes after the catalog's, so an entry's role is one byte either way and a check
        // costs the same for both.
        var roles = catalog.ForTeam(snapshot);
        Id = snapshot.Id;
        Version = snapshot.Version;
        Status = snapshot.Team.Status;
        SignInPolicy = snapshot.EffectiveSignInPolicy;
        Groups = snapshot.Groups;
        Grants = snapshot.Grants;
        _roles = roles;

        // Walking an ImmutableDictionary is a tree walk with a cache miss or two per node: it is most of what a rebuild of a
        // big team costs. So the memberships are walked once, with the struct enumerator (Values is an iterator over it),
        // into a pooled flat buffer that the second pass and the grants read instead.
        var memberships = snapshot.Memberships;
        var current = ArrayPool<StoredMembership>.Shared.Rent(memberships.Count);
        try
        {
            var count = 0;
            foreach (var pair in memberships)
            {
                var membership = pair.Value;
                if (membership.UserId is not null && !membership.Status.IsTerminal())
                {
                    current[count++] = membership;
                }
            }

            _shift = GuidKey.ShiftFor(count, out var capacity);
            _entries = new Entry[capacity];

            // Every slot is written below, so the runtime need not clear it first.
            _membershipIds = GC.AllocateUninitializedArray<MembershipId>(count);
            _stamps = GC.AllocateUninitializedArray<Guid>(count);
            _serviceAccounts = new bool[count];
            _resourceBaseByRole = roles.ResourceBaseByRoleIndex;

            Dictionary<MembershipId, int>? slotByMembership = snapshot.Grants.IsEmpty ? null : new(count);
            var lookup = new RoleLookup(roles);
            for (var slot = 0; slot < count; slot++)
            {
                var membership = current[slot];
                var role = lookup.Find(membership.Role);
                var (lo, hi) = GuidKey.Split(membership.UserId!.Value.Value);
                _entries[FindFree(lo, hi)] = Entry.Of(snapshot.Team, membership, role, lo, hi, slot + 1);
                _membershipIds[slot] = membership.Id;
                _stamps[slot] = membership.SecurityStamp;
                _serviceAccounts[slot] = membership.IsServiceAccount;
                slotByMembership?.Add(membership.Id, slot);
            }

            if (slotByMembership is not null)
            {
                _grantMasks = CompileGrants(snapshot, roles, slotByMembership, current);
            }

            _apiKeys = CompiledApiKey.Compile(snapshot, roles.PermissionCatalog);
        }
        finally
        {
            // Cleared so that the pool does not keep a team's memberships alive.
            ArrayPool<StoredMembership>.Shared.Return(current, clearArray: true);
        }
    }

    /// <summary>The next version with a few memberships rewritten in place; everything else is the previous version's.</summary>
    private CompiledTeam(CompiledTeam previous, TeamSnapshot snapshot, Entry[] entries, Guid[] stamps)
    {
        Id = snapshot.Id;
        Version = snapshot.Version;
        Status = previous.Status;
        SignInPolicy = snapshot.EffectiveSignInPolicy;
        _roles = previous._roles;
        _stamps = stamps;
        Groups = snapshot.Groups;
        Grants = snapshot.Grants;
        _entries = entries;
        _shift = previous._shift;

        // Never written after construction, and a patch keeps every membership in its slot: safe to share.
        _membershipIds = previous._membershipIds;
        _serviceAccounts = previous._serviceAccounts;
        _apiKeys = previous._apiKeys;
        _resourceBaseByRole = previous._resourceBaseByRole;
        _grantMasks = previous._grantMasks;
        _positionsByUser = Volatile.Read(ref previous._positionsByUser);
        _grantsBySlot = Volatile.Read(ref previous._grantsBySlot);
    }

    public TeamId Id { get; }

    public long Version { get; }

    public TeamStatus Status { get; }

    /// <summary>Gets the team's sign-in policy, which validating a session reads.</summary>
    public TeamSignInPolicy SignInPolicy { get; }

    public int Count => _membershipIds.Length;

    public ImmutableDictionary<GroupId, Group> Groups { get; }

    public ImmutableDictionary<GrantId, Grant> Grants { get; }

    /// <summary>Finds the user's entry; a reference into the table, or a null reference when the user has no current membership.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly Entry Find(Guid userId)
    {
        var (lo, hi) = GuidKey.Split(userId);
        var entries = _entries;
        var mask = entries.Length - 1;
        var i = GuidKey.Slot(lo, hi, _shift);
        while (true)
        {
            ref readonly var entry = ref entries[i];
            if (entry.SlotPlusOne == 0)
            {
                return ref Unsafe.NullRef<Entry>();
            }

            if (entry.Lo == lo && entry.Hi == hi)
            {
                return ref entry;
            }

            i = (i + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ResourceMask(in Entry entry, string resourceId)
    {
        var mask = RoleResourceMask(in entry);
        return _grantMasks is null || !entry.Holds ? mask : mask | _grantMasks.GetValueOrDefault(resourceId, NoGrants).GetValueOrDefault(entry.SlotPlusOne - 1).All;
    }

    /// <summary>What the entry's role gives on every resource: its team word for a role that is not scoped to grants, else nothing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong RoleResourceMask(in Entry entry) => entry.TeamMask & _resourceBaseByRole[entry.Role];

    /// <summary>The grant words on one resource by slot (<see cref="Entry.SlotPlusOne"/> - 1), or <see langword="null"/> when no grant names it.</summary>
    public Dictionary<int, GrantWord>? GrantsOn(string resourceId) => _grantMasks?.GetValueOrDefault(resourceId);

    /// <summary>The entry at a position of the probe table (a position <see cref="PositionsByUser"/> lists).</summary>
    public ref readonly Entry EntryAt(int position) => ref _entries[position];

    /// <summary>
    /// The probe-table positions of every entry, ordered by user id (<see cref="Guid.CompareTo(Guid)"/>): the keyset order
    /// of "who can" pages. Sorted on the first call for this version, O(n log n); shared by the patched versions after it.
    /// </summary>
    public int[] PositionsByUser => Volatile.Read(ref _positionsByUser) ?? SortByUser();

    /// <summary>
    /// Every membership's grant words with the resources they are on, each membership's ordered by resource id (ordinal):
    /// the keyset order of "what can" pages. Built on the first call for this version, O(words log words); shared by the
    /// patched versions after it.
    /// </summary>
    public SlotGrants GrantsBySlot => Volatile.Read(ref _grantsBySlot) ?? IndexGrantsBySlot();

    public MembershipId MembershipIdOf(in Entry entry) => _membershipIds[entry.SlotPlusOne - 1];

    /// <summary>Whether the entry is a service account's (a patch keeps every membership in its slot, and what it is).</summary>
    public bool IsServiceAccount(in Entry entry) => _serviceAccounts[entry.SlotPlusOne - 1];

    /// <summary>The team's API key of that id, or <see langword="null"/>.</summary>
    public CompiledApiKey? FindApiKey(ApiKeyId keyId) => _apiKeys.GetValueOrDefault(keyId.Value);

    /// <summary>The security stamp of the entry's membership, which a session names.</summary>
    public Guid StampOf(in Entry entry) => _stamps[entry.SlotPlusOne - 1];

    /// <summary>The name of the entry's role, or <see langword="null"/> when the catalog no longer has it.</summary>
    public string? RoleNameOf(in Entry entry) => entry.Role == UnknownRole ? null : _roles[entry.Role].Name;

    /// <summary>The entry's role (a catalog role or one of the team's own), or <see langword="null"/> when unknown.</summary>
    public Role? RoleOf(in Entry entry) => entry.Role == UnknownRole ? null : _roles[entry.Role];

    /// <summary>Gets the roles the index was compiled with: the catalog's and the team's own.</summary>
    public TeamRoleSet Roles => _roles;

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

    /// <summary>
    /// The catalog's lookup, remembering the few names a team's memberships carry: an ordinal compare of a short name
    /// (a reference compare when the strings are the same instance) is several times cheaper than the catalog's
    /// case-insensitive hash, and names equal by ordinal are the same role. Past a handful of names the catalog answers.
    /// </summary>
    private readonly struct RoleLookup(TeamRoleSet roles)
    {
        private readonly string[] _names = new string[8];
        private readonly Role?[] _roles = new Role?[8];

        public Role? Find(string name)
        {
            var names = _names;
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i] is not { } seen)
                {
                    roles.TryGet(name, out var role);
                    names[i] = name;
                    _roles[i] = role;
                    return role;
                }

                if (string.Equals(seen, name, StringComparison.Ordinal))
                {
                    return _roles[i];
                }
            }

            return roles.TryGet(name, out var other) ? other : null;
        }
    }

    /// <summary>One membership in the probe table: 32 bytes, so two share a cache line.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal readonly struct Entry(ulong lo, ulong hi, ulong teamMask, int slotPlusOne, byte role, byte status, bool holds)
    {
        public readonly ulong Lo = lo;
        public readonly ulong Hi = hi;

        /// <summary>The team-level permission word: the role's, or 0 unless the membership and team are Active.</summary>
        public readonly ulong TeamMask = teamMask;

        /// <summary>0 marks a free entry.</summary>
        public readonly int SlotPlusOne = slotPlusOne;
        public readonly byte Role = role;
        public readonly byte Status = status;

        /// <summary>Whether the membership holds anything: Active, in an Active team, with a known role.</summary>
        public readonly bool Holds = holds;

        public MembershipStatus MembershipStatus => (MembershipStatus)Status;

        /// <summary>Gets the user the entry is keyed by.</summary>
        public Guid UserId => GuidKey.Join(Lo, Hi);

        /// <summary>The entry of a membership whose role name resolved to <paramref name="role"/> (<see langword="null"/> when unknown).</summary>
        public static Entry Of(Team team, StoredMembership membership, Role? role, ulong lo, ulong hi, int slotPlusOne)
        {
            var activeRole = AccessRules.ActiveRole(team, membership, role);
            return new Entry(lo, hi, AccessRules.TeamMask(activeRole), slotPlusOne, (byte)(role?.Index ?? UnknownRole), (byte)membership.Status, activeRole is not null);
        }
    }

    /// <summary>
    /// What the grants on one resource give one membership, kept apart by how they reach it (the "how" of a "who can"
    /// list); a check reads <see cref="All"/>. Already cut to reads for a membership of a read-only role.
    /// </summary>
    /// <param name="Direct">What grants to the membership itself give.</param>
    /// <param name="ViaGroup">What grants to its groups give.</param>
    internal readonly record struct GrantWord(ulong Direct, ulong ViaGroup)
    {
        public ulong All => Direct | ViaGroup;
    }

    /// <summary>
    /// The grant words of every membership, by slot, with the resources they are on: slot s owns the range
    /// <c>Offsets[s]</c> to <c>Offsets[s + 1]</c> of <see cref="Resources"/> and <see cref="Words"/>, ordered by resource id (ordinal).
    /// </summary>
    internal sealed class SlotGrants(int[] offsets, string[] resources, GrantWord[] words)
    {
        public int[] Offsets { get; } = offsets;

        public string[] Resources { get; } = resources;

        public GrantWord[] Words { get; } = words;
    }
}
