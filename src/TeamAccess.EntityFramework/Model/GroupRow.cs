namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>A group of a team.</summary>
internal sealed class GroupRow
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public string Name { get; set; } = "";

    public string Handle { get; set; } = "";
}
