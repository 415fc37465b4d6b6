namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>A named change-feed consumer's stored position.</summary>
internal sealed class ChangeFeedCheckpointRow
{
    public string Consumer { get; set; } = "";

    public long Position { get; set; }
}
