using System.Runtime.CompilerServices;

namespace TeamAccess.Index;

/// <summary>
/// The engine's map from team to compiled index: open addressing on the Guid's two words, reads without a lock, writes
/// serialized. A key, once written, never moves or changes within one array; a value is replaced by one reference write,
/// so a reader sees the old compiled team or the new one, never a mix. Growing copies into a new array and publishes it.
/// </summary>
internal sealed class TeamTable
{
    private readonly object _writeGate = new();
    private Table _table = new(16);

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CompiledTeam? Find(Guid teamId)
    {
        var table = Volatile.Read(ref _table);
        var (lo, hi) = GuidKey.Split(teamId);
        var mask = table.Values.Length - 1;
        var i = GuidKey.Slot(lo, hi, table.Shift);
        while (true)
        {
            var value = Volatile.Read(ref table.Values[i]);
            if (value is null)
            {
                return null;
            }

            ref var key = ref table.Keys[i];
            if (key.Lo == lo && key.Hi == hi)
            {
                return value;
            }

            i = (i + 1) & mask;
        }
    }

    public IEnumerable<CompiledTeam> All()
    {
        var table = Volatile.Read(ref _table);
        foreach (var value in table.Values)
        {
            if (value is not null)
            {
                yield return value;
            }
        }
    }

    /// <summary>Adds or replaces a team; <paramref name="replace"/> decides, under the write lock, whether an existing entry gives way.</summary>
    public void Set(Guid teamId, CompiledTeam value, Func<CompiledTeam, bool> replace)
    {
        lock (_writeGate)
        {
            var table = _table;
            var (lo, hi) = GuidKey.Split(teamId);
            var i = Find(table, lo, hi);
            if (table.Values[i] is { } existing)
            {
                if (replace(existing))
                {
                    Volatile.Write(ref table.Values[i], value);
                }

                return;
            }

            if ((Count + 1) * 4L > table.Values.Length * 3L)
            {
                table = Grow(table);
                i = Find(table, lo, hi);
            }

            // The key first, then the value that makes the slot visible: a reader never sees a value under a half-written key.
            table.Keys[i] = (lo, hi);
            Volatile.Write(ref table.Values[i], value);
            Count++;
        }
    }

    private static int Find(Table table, ulong lo, ulong hi)
    {
        var mask = table.Values.Length - 1;
        var i = GuidKey.Slot(lo, hi, table.Shift);
        while (table.Values[i] is not null && (table.Keys[i].Lo != lo || table.Keys[i].Hi != hi))
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    private Table Grow(Table old)
    {
        var grown = new Table(old.Values.Length * 2);
        for (var j = 0; j < old.Values.Length; j++)
        {
            if (old.Values[j] is { } value)
            {
                var i = Find(grown, old.Keys[j].Lo, old.Keys[j].Hi);
                grown.Keys[i] = old.Keys[j];
                grown.Values[i] = value;
            }
        }

        Volatile.Write(ref _table, grown);
        return grown;
    }

    private sealed class Table(int capacity)
    {
        public readonly (ulong Lo, ulong Hi)[] Keys = new (ulong, ulong)[capacity];
        public readonly CompiledTeam?[] Values = new CompiledTeam?[capacity];
        public readonly int Shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
    }
}
