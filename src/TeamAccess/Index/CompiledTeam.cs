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
internal sealed partial class CompiledTeam
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
}
