using System.Runtime.CompilerServices;

namespace TeamAccess.Index;

/// <summary>
/// A Guid read as two 64-bit words, and a hash that mixes them with one multiply: random, sequential and time-ordered
/// Guids all spread evenly over a power-of-two table. Cheaper than <see cref="Guid.GetHashCode"/> plus an equality comparer.
/// </summary>
internal static class GuidKey
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (ulong Lo, ulong Hi) Split(Guid value)
    {
        ref var lo = ref Unsafe.As<Guid, ulong>(ref value);
        return (lo, Unsafe.Add(ref lo, 1));
    }

    /// <summary>The Guid whose two words <see cref="Split"/> gave.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Guid Join(ulong lo, ulong hi)
    {
        Guid value = default;
        ref var words = ref Unsafe.As<Guid, ulong>(ref value);
        words = lo;
        Unsafe.Add(ref words, 1) = hi;
        return value;
    }

    /// <summary>The top <c>64 - shift</c> bits of the mixed words: a slot index for a table of <c>2^(64 - shift)</c> entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Slot(ulong lo, ulong hi, int shift) => (int)(((lo ^ (hi * 0x9E3779B97F4A7C15UL)) * 0xBF58476D1CE4E5B9UL) >> shift);

    /// <summary>The shift for a table that keeps its load at or under 3/4 for <paramref name="count"/> keys (at least 4 entries).</summary>
    public static int ShiftFor(int count, out int capacity)
    {
        capacity = 4;
        while (capacity * 3L / 4 < count)
        {
            capacity *= 2;
        }

        return 64 - System.Numerics.BitOperations.Log2((uint)capacity);
    }
}
