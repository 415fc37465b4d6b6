using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TeamAccess.Domain;

namespace TeamAccess.Index;

/// <content>The probe table's entry, the grant words, and the role lookup used while building.</content>
internal sealed partial class CompiledTeam
{
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
