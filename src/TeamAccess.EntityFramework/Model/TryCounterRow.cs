namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>
/// One counter of <see cref="ITryCounterStore"/>: tries counted on a key within a window, apart from every team (an
/// invitation code's wrong tries, an address's or a team's tries within the hour). The window's end is stored as UTC
/// ticks so that every provider can compare it in SQL.
/// </summary>
internal sealed class TryCounterRow
{
    public string Key { get; set; } = "";

    public int Count { get; set; }

    public long WindowEndsAtUtcTicks { get; set; }
}
